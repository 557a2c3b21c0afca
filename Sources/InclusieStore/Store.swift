import Foundation
import GRDB
import InclusieModel

/// The SQLite database holding the shared schema: the one source of truth every view is computed from.
public struct Store: Sendable {
    private let writer: any DatabaseWriter
    /// The file, for messages; `:memory:` for an in-memory database.
    private let path: String

    /// Opens (or creates) the database file for writing and brings its schema up to date: for `import`.
    /// Readers use `readOnly(path:)`, which never changes the file.
    ///
    /// In WAL mode, so `compare` keeps reading the last import while a new one is written, with a busy
    /// timeout so a second import waits for the first before failing with a sentence. A file that is not
    /// this tool's database, or one written by a newer version, is refused before anything is written to it.
    public init(path: String) throws {
        do {
            let directory = (path as NSString).deletingLastPathComponent
            if !directory.isEmpty {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            }
            if FileManager.default.fileExists(atPath: path) {
                try Self.checkOwnership(of: path)
            }
            var configuration = Configuration()
            configuration.busyMode = .timeout(StoreError.busyTimeout)
            try self.init(writer: DatabasePool(path: path, configuration: configuration), path: path)
        } catch {
            throw StoreError.describing(error, path: path)
        }
    }

    /// An in-memory database, for tests and benchmarks.
    public static func inMemory() throws -> Store {
        try Store(writer: DatabaseQueue(), path: ":memory:")
    }

    private init(writer: any DatabaseWriter, path: String, migrating: Bool = true) throws {
        self.writer = writer
        self.path = path
        if migrating { try Migrations.migrator.migrate(writer) }
    }

    /// Opens an existing, current database for reading only, as every command that only reads does:
    /// nothing it does can change the file, so a read-only file or folder is read as it is, and a
    /// database an older version wrote is refused with what to do (unless `requiringCurrentSchema` is
    /// false: `schema` shows an older version as it is).
    public static func readOnly(path: String, requiringCurrentSchema: Bool = true) throws -> Store {
        guard let store = try open(path: path, requiringCurrentSchema: requiringCurrentSchema) else {
            throw StoreError(
                LocalizedText(
                    nl: "\(path) heeft een ouder schema; voer eerst `inclusiebench import --db \(path)` uit",
                    en: "\(path) has an older schema; run `inclusiebench import --db \(path)` first"))
        }
        return store
    }

    /// The database opened for reading when it has every migration this build knows; nil when an older
    /// version wrote it, so that an import (a writer) must come first. The file must exist.
    public static func readOnlyIfCurrent(path: String) throws -> Store? {
        try open(path: path, requiringCurrentSchema: true)
    }

    private static func open(path: String, requiringCurrentSchema: Bool) throws -> Store? {
        do {
            let reader = try openReadOnly(path: path)
            try checkOwnership(reader, path: path)
            guard try !requiringCurrentSchema || reader.read({ try Migrations.migrator.hasCompletedMigrations($0) }) else { return nil }
            return try Store(writer: reader, path: path, migrating: false)
        } catch {
            throw StoreError.describing(error, path: path)
        }
    }

    /// A read-only connection that works on a read-only file and in a read-only folder too.
    ///
    /// SQLite reads a WAL database through its `-shm` file, which it cannot create in a folder it may not
    /// write. There, and only when no `-wal` file holds changes the main file lacks, the file is opened
    /// `immutable`: nobody can be writing it, so SQLite may skip the locks and the shared memory.
    private static func openReadOnly(path: String) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(StoreError.busyTimeout)
        do {
            let reader = try DatabaseQueue(path: path, configuration: configuration)
            try reader.read { db in _ = try Int.fetchOne(db, sql: "PRAGMA schema_version") }
            return reader
        } catch let error as DatabaseError
            where [.SQLITE_CANTOPEN, .SQLITE_READONLY].contains(error.resultCode.primaryResultCode)
            && canReadImmutably(path: path)
        {
            let reader = try DatabaseQueue(path: immutableURI(path), configuration: configuration)
            try reader.read { db in _ = try Int.fetchOne(db, sql: "PRAGMA schema_version") }
            return reader
        }
    }

    /// True when the folder may not be written (so no writer can be at work) and no WAL file is pending.
    private static func canReadImmutably(path: String) -> Bool {
        let folder = (path as NSString).deletingLastPathComponent
        let walSize = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
        return walSize == 0 && !FileManager.default.isWritableFile(atPath: folder.isEmpty ? "." : folder)
    }

    /// The `file:` URI that opens `path` immutable; SQLite as Debian builds it reads URIs (`SQLITE_USE_URI`).
    private static func immutableURI(_ path: String) -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#%")
        return "file:\(absolute.addingPercentEncoding(withAllowedCharacters: allowed) ?? absolute)?immutable=1"
    }

    /// Refuses, without writing to it, a file that holds other tables than ours or migrations we do not know.
    private static func checkOwnership(of path: String) throws {
        try checkOwnership(try openReadOnly(path: path), path: path)
    }

    private static func checkOwnership(_ probe: DatabaseQueue, path: String) throws {
        try probe.read { db in
            let tables = try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            guard !tables.isEmpty else { return }
            guard tables.contains("grdb_migrations") else {
                throw StoreError(
                    LocalizedText(
                        nl: "\(path) is een SQLite-database van een ander programma (tabellen: \(tables.prefix(5).joined(separator: ", "))) en wordt niet aangepast — kies met --db een nieuw bestand",
                        en: "\(path) is an SQLite database of another program (tables: \(tables.prefix(5).joined(separator: ", "))) and is left alone — choose a new file with --db"))
            }
            if try Migrations.migrator.hasBeenSuperseded(db) {
                let known = Set(Migrations.migrator.migrations)
                let applied = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid")
                let newest = applied.last { !known.contains($0) } ?? "?"
                throw StoreError(
                    LocalizedText(
                        nl: "\(path) is gemaakt door een nieuwere inclusiebench (schema \(newest)) en wordt niet aangepast — gebruik die versie, of kies met --db een nieuw bestand",
                        en: "\(path) was made by a newer inclusiebench (schema \(newest)) and is left alone — use that version, or choose a new file with --db"))
            }
        }
    }

    /// The migrations applied to this database, oldest first: the schema version users can quote.
    public func appliedMigrations() throws -> [String] {
        try writer.read { db in try Migrations.migrator.appliedMigrations(db) }
    }

    /// All migrations this build knows; the last one is the current schema version.
    public static var knownMigrations: [String] { Migrations.migrator.migrations }

    /// The page cache of an import, in KiB; the cache grows to this only as pages are needed.
    static let importCacheKiB = 64 * 1024

    /// Replaces the whole content with the catalog, in one transaction.
    ///
    /// Either everything is imported or, on any error, the database stays exactly as it was. Importing
    /// the same catalog twice gives the same rows.
    ///
    /// Foreign keys are off while the rows are written, and checked once, for all rows, just before the
    /// commit. With them on, emptying the tables cascaded row by row: importing again over 3,420
    /// municipalities ran for more than 348 s. `PRAGMA foreign_keys` does nothing inside a transaction,
    /// so it is switched off around it, on this connection only.
    ///
    /// The page cache is larger while the rows are written (`importCacheKiB`): with SQLite's 2 MiB, the
    /// indexes of the large tables no longer fit, and their pages were written out and read back again
    /// within the one transaction.
    public func replaceAll(with catalog: Catalog) throws {
        do {
            try writer.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA foreign_keys = OFF")
                let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
                try db.execute(sql: "PRAGMA cache_size = -\(Self.importCacheKiB)")
                defer {
                    try? db.execute(sql: "PRAGMA cache_size = \(cacheSize)")
                    try? db.execute(sql: "PRAGMA foreign_keys = ON")
                }
                try db.inTransaction {
                    try Importer(db: db).replaceAll(with: catalog)
                    try db.checkForeignKeys()
                    let generation = try Self.generation(db)
                    try db.execute(sql: "PRAGMA user_version = \((generation + 1) & Int(Int32.max))")
                    return .commit
                }
            }
        } catch {
            throw StoreError.describing(error, path: path)
        }
    }

    /// Reads everything back as model values, for comparisons and exports; with `parts`, only those parts
    /// (the rest left empty), for a view that shows no more than them; with `programmes`, only those
    /// programmes (the taxonomy and the municipalities whole). One read transaction: one import's rows.
    public func catalog(parts: CatalogParts = .all, programmes: ProgrammeSelection = .all) throws -> Catalog {
        do {
            return try writer.read { db in try CatalogReader(db: db, parts: parts, programmes: programmes).read() }
        } catch {
            throw StoreError.describing(error, path: path)
        }
    }

    /// The data version readers compare to notice a new import (`serve` does): every import raises it in
    /// its transaction.
    public func generation() throws -> Int {
        try writer.read { try Self.generation($0) }
    }

    /// How many imports the database has had (modulo 2³¹), read inside a transaction.
    private static func generation(_ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
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
