import Foundation
import GRDB
import InclusieModel

/// The SQLite database holding the shared schema: the one source of truth every view is computed from.
public struct Store: Sendable {
    private let writer: any DatabaseWriter

    /// Opens (or creates) the database file and brings its schema up to date.
    public init(path: String) throws {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        try self.init(writer: DatabaseQueue(path: path))
    }

    /// An in-memory database, for tests and benchmarks.
    public static func inMemory() throws -> Store {
        try Store(writer: DatabaseQueue())
    }

    private init(writer: any DatabaseWriter) throws {
        self.writer = writer
        try Migrations.migrator.migrate(writer)
    }

    /// The migrations applied to this database, oldest first: the schema version users can quote.
    public func appliedMigrations() throws -> [String] {
        try writer.read { db in try Migrations.migrator.appliedMigrations(db) }
    }

    /// All migrations this build knows; the last one is the current schema version.
    public static var knownMigrations: [String] { Migrations.migrator.migrations }

    /// Replaces the whole content with the catalog, in one transaction.
    ///
    /// Either everything is imported or, on any error, the database stays exactly as it was. Importing
    /// the same catalog twice gives the same rows.
    public func replaceAll(with catalog: Catalog) throws {
        try writer.write { db in
            var importer = Importer(db: db)
            try importer.replaceAll(with: catalog)
        }
    }

    /// Reads everything back as model values, for comparisons and exports.
    public func catalog() throws -> Catalog {
        try writer.read { db in try CatalogReader(db: db).read() }
    }

    /// Runs a read-only SQL query; for tests and for users who want to check a figure by hand.
    public func rows(_ sql: String) throws -> [[String: String]] {
        try writer.read { db in
            try Row.fetchAll(db, sql: sql).map { row in
                Dictionary(
                    uniqueKeysWithValues: row.columnNames.map { name in
                        (name, Self.text(row[name]))
                    })
            }
        }
    }

    private static func text(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .null: "NULL"
        case .int64(let number): String(number)
        case .double(let number): String(number)
        case .string(let string): string
        case .blob(let data): "<\(data.count) bytes>"
        }
    }
}
