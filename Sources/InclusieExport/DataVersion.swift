import Foundation
import InclusieModel

/// The version of the data an export or report was made from: the database schema and a fingerprint of
/// the content.
///
/// Derived from the data alone, never from the clock, so regenerating unchanged data gives byte-identical
/// files, and the same data gets the same version in every language and CSV dialect. The fingerprint is the
/// SHA-256 of the underlying tables written as `--dialect rfc4180 --lang en`, one file after another in
/// the dictionary's order, so anyone can recompute it with `sha256sum`.
public struct DataVersion: Hashable, Sendable, CustomStringConvertible {
    /// The last database migration, e.g. `v1-shared-schema`.
    public var schema: String
    /// 64 hexadecimal digits.
    public var contentDigest: String

    public init(catalog: Catalog, schema: String) throws {
        self.schema = schema
        var canonical = Data()
        for table in DataTables.tables(catalog: catalog, language: Self.canonicalLanguage) {
            canonical += try CSVRenderer.render(table.table, dialect: Self.canonicalDialect)
        }
        contentDigest = ContentDigest.sha256Hex(canonical)
    }

    /// The form the fingerprint is taken of.
    public static let canonicalLanguage = Language.en
    public static let canonicalDialect = CSVDialect.rfc4180

    /// The first twelve digits of the fingerprint: enough to tell versions apart, short enough to cite.
    public var shortDigest: String { String(contentDigest.prefix(12)) }

    /// What to cite, e.g. `v1-shared-schema+3f09c2d1a7b4`.
    public var description: String { "\(schema)+\(shortDigest)" }
}
