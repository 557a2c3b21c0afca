import Foundation
import GRDB
import InclusieModel

/// The SQLite database holding the shared schema: the one source of truth every view is computed from.
public struct Store: Sendable {
    private let writer: any DatabaseWriter
    /// The file, for messages; `:memory:` for an in-memory database.
    private let path: String

    /// Opens (or creates) the database file and brings its schema up to date.
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

    /// Opens an existing, current database for reading only, as the web server does: nothing it does
    /// can change the file, and a database an older version wrote is refused with what to do.
    public static func readOnly(path: String) throws -> Store {
        do {
            try checkOwnership(of: path)
            var configuration = Configuration()
            configuration.readonly = true
            configuration.busyMode = .timeout(StoreError.busyTimeout)
            let reader = try DatabaseQueue(path: path, configuration: configuration)
            guard try reader.read({ try Migrations.migrator.hasCompletedMigrations($0) }) else {
                throw StoreError(
                    LocalizedText(
                        nl: "\(path) heeft een ouder schema; voer eerst `inclusiebench import --db \(path)` uit",
                        en: "\(path) has an older schema; run `inclusiebench import --db \(path)` first"))
            }
            return try Store(writer: reader, path: path, migrating: false)
        } catch {
            throw StoreError.describing(error, path: path)
        }
    }

    /// Refuses, without writing to it, a file that holds other tables than ours or migrations we do not know.
    private static func checkOwnership(of path: String) throws {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(StoreError.busyTimeout)
        let probe = try DatabaseQueue(path: path, configuration: configuration)
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
                    var importer = Importer(db: db)
                    try importer.replaceAll(with: catalog)
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
    /// programmes (the taxonomy and the municipalities whole).
    public func catalog(parts: CatalogParts = .all, programmes: ProgrammeSelection = .all) throws -> Catalog {
        do {
            if let pool = writer as? DatabasePool, CatalogReader.readsItemDetails(parts) {
                return try catalog(parts: parts, programmes: programmes, readingDetailsAlongside: pool)
            }
            return try writer.read { db in try CatalogReader(db: db, parts: parts, programmes: programmes).read() }
        } catch {
            throw StoreError.describing(error, path: path)
        }
    }

    /// The catalog with the items' mappings and years read on a second connection, on another core, while
    /// this one reads the items, their quotes and the rest: reading was most of a `compare` process, on one
    /// core of two.
    ///
    /// Both connections read in a transaction of their own. They saw the same import when they read the
    /// same generation (`PRAGMA user_version`, which every import raises in its transaction); otherwise an
    /// import committed between their starts, and this connection reads the details itself, so the
    /// catalog always comes from one import.
    ///
    /// This connection is only taken once the other one has been: a read that held a connection while its
    /// second waited for one could, with many reads at once, leave all of the pool's connections waiting.
    private func catalog(
        parts: CatalogParts, programmes: ProgrammeSelection, readingDetailsAlongside pool: DatabasePool
    ) throws -> Catalog {
        let alongside = ParallelResults<Result<(generation: Int, details: ItemDetails), any Error>>(count: 1)
        let detailsRead = DispatchGroup()
        let detailsConnected = DispatchSemaphore(value: 0)
        DispatchQueue.global().async(group: detailsRead) {
            alongside.store(
                Result {
                    try pool.read { db in
                        detailsConnected.signal()
                        return (
                            try Self.generation(db),
                            try CatalogReader(db: db, parts: parts, programmes: programmes).readItemMappingsAndYears()
                        )
                    }
                }, at: 0)
            // Also when the read failed before it had a connection; a second signal is never waited for.
            detailsConnected.signal()
        }
        detailsConnected.wait()
        return try pool.read { db in
            let generation = try Self.generation(db)
            let reader = CatalogReader(db: db, parts: parts, programmes: programmes)
            return try reader.read {
                let evidence = try reader.readItemEvidence()
                detailsRead.wait()
                if case .success(var other)? = alongside.inOrder.first, other.generation == generation {
                    other.details.evidence = evidence
                    return other.details
                }
                var details = try reader.readItemMappingsAndYears()
                details.evidence = evidence
                return details
            }
        }
    }

    /// How many imports the database has had (modulo 2³¹). Read inside a transaction, it names the import
    /// whose rows that transaction sees, so two reads that see the same generation see the same rows.
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
