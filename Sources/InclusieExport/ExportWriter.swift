import Foundation
import InclusieModel

/// A complete export in memory: one CSV per comparison table and per underlying table, and the data
/// dictionary. Built first and written second, so tests can read the very bytes a user gets.
public struct CSVExport: Sendable {
    /// One file of the export, with its exact bytes.
    public struct File: Sendable, Hashable {
        public var name: String
        public var contents: Data
    }

    public var dataVersion: DataVersion
    /// Underlying tables first, then the views, in the dictionary's order.
    public var tables: [ExportTable]
    /// The CSV files in `tables` order, then the data dictionary.
    public var files: [File]

    public init(catalog: Catalog, language: Language, dialect: CSVDialect, schemaVersion: String) throws {
        dataVersion = try DataVersion(catalog: catalog, schema: schemaVersion)
        tables = DataTables.tables(catalog: catalog, language: language) + ViewTables.tables(catalog: catalog, language: language)
        var files = try tables.map { File(name: $0.fileName, contents: try CSVRenderer.render($0.table, dialect: dialect)) }
        let dictionary = DataDictionary.render(tables: tables, dataVersion: dataVersion, dialect: dialect, language: language)
        files.append(File(name: DataDictionary.fileName, contents: Data(dictionary.utf8)))
        self.files = files
    }
}

/// Writes an export into a folder, replacing the files it owns and leaving everything else alone.
public enum ExportWriter {
    /// What writing left behind: the files written, and export-like files in the folder this export did
    /// not write (stale files of an older export, most likely), which the caller reports rather than deletes.
    public struct Result: Sendable {
        public var written: [String]
        public var unknownFiles: [String]
    }

    public static func write(_ export: CSVExport, to directory: URL, protecting protectedPaths: [String] = []) throws -> Result {
        let manager = FileManager.default
        try manager.createDirectory(at: directory, withIntermediateDirectories: true)
        let targets = export.files.map { directory.appendingPathComponent($0.name).path }
        for target in targets {
            try OutputFile.checkTarget(target, protecting: protectedPaths)
        }
        for (file, target) in zip(export.files, targets) {
            try OutputFile.write(file.contents, to: target, protecting: protectedPaths)
        }
        let written = Set(export.files.map(\.name))
        let present = try manager.contentsOfDirectory(atPath: directory.path)
        let unknown = present.filter { name in
            !written.contains(name) && (name.hasSuffix(".csv") || name == DataDictionary.fileName)
        }.sorted()
        return Result(written: export.files.map(\.name), unknownFiles: unknown)
    }
}
