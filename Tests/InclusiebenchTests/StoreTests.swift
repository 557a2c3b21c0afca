import Foundation
import GRDB
import InclusieModel
import InclusiePlugins
@testable import InclusieStore
import Testing

/// The store on a real SQLite database: what goes in comes out, imports are all-or-nothing and repeatable.
@Suite struct StoreTests {
    let catalog: Catalog

    init() throws {
        catalog = try TestSupport.loadRealPlugins().catalog()
    }

    private func sum(_ store: Store, _ sql: String) throws -> String {
        try #require(try store.rows(sql).first?.values.first)
    }

    @Test func catalogSurvivesTheRoundTripThroughSQLite() throws {
        let store = try Store.inMemory()
        try store.replaceAll(with: catalog)
        let read = try store.catalog()
        #expect(read.taxonomy == catalog.taxonomy)
        #expect(read.municipalities == catalog.municipalities)
        #expect(read.programmes.map(\.key) == catalog.programmes.map(\.key))
        for (original, stored) in zip(catalog.programmes, read.programmes) {
            #expect(stored == original, "\(original.key) changed on its way through SQLite")
        }
    }

    @Test func sqlShellSeesAlmereAsTheIssueDescribes() throws {
        let store = try Store.inMemory()
        try store.replaceAll(with: catalog)
        let almere = "programme_key = 'almere/actieprogramma-2020-2022'"
        #expect(try sum(store, "SELECT count(*) FROM local_item WHERE \(almere) AND native_type_nl = 'uitvoeringslijn'") == "4")
        #expect(try sum(store, "SELECT count(*) FROM local_item WHERE \(almere) AND native_type_nl = 'actie'") == "22")
        let yearsOfActions = """
            SELECT count(*) FROM item_year JOIN local_item ON local_item.id = item_year.item_id
            WHERE \(almere) AND native_type_nl = 'actie'
            """
        #expect(try sum(store, yearsOfActions) == "72")
        let budget2020 = """
            SELECT sum(amount_cents) FROM budget_amount JOIN budget_line ON budget_line.id = budget_amount.budget_line_id
            WHERE \(almere) AND year = 2020 AND block = '%@'
            """
        #expect(try sum(store, budget2020.replacingOccurrences(of: "%@", with: "200K diversiteitsmiddelen o.b.v. coalitieakkoord")) == "20000000")
        #expect(try sum(store, budget2020.replacingOccurrences(of: "%@", with: "Reguliere subsidies")) == "36400000")
    }

    @Test func noBudgetIsStoredAsAReasonNotAsZero() throws {
        let store = try Store.inMemory()
        try store.replaceAll(with: catalog)
        let rows = try store.rows("SELECT key, budget_stated, no_budget_reason FROM programme WHERE municipality_slug IN ('arnhem', 'amersfoort')")
        #expect(rows.count == 2)
        #expect(rows.allSatisfy { $0["budget_stated"] == "0" && $0["no_budget_reason"] != "NULL" })
        #expect(try sum(store, "SELECT count(*) FROM budget_line WHERE programme_key LIKE 'arnhem/%'") == "0")
        #expect(try sum(store, "SELECT count(*) FROM budget_amount WHERE amount_cents IS NULL") == "4")
    }

    @Test func importingTwiceGivesTheSameDatabase() throws {
        let directory = try TestSupport.temporaryDirectory()
        let path = directory.appendingPathComponent("twice.sqlite").path
        let store = try Store(path: path)
        try store.replaceAll(with: catalog)
        let first = try dump(store)
        try store.replaceAll(with: catalog)
        #expect(try dump(store) == first)
    }

    /// An import empties every table itself (nothing cascades while it writes): a larger catalog imported
    /// before leaves no row behind, and the rows are those of importing into an empty database.
    @Test func importingOverAnotherCatalogLeavesNothingOfIt() throws {
        let directory = try TestSupport.temporaryDirectory()
        let store = try Store(path: directory.appendingPathComponent("over.sqlite").path)
        try store.replaceAll(with: try TestSupport.syntheticCatalog())
        try store.replaceAll(with: catalog)
        let fresh = try Store(path: directory.appendingPathComponent("fresh.sqlite").path)
        try fresh.replaceAll(with: catalog)
        #expect(try dump(store) == (try dump(fresh)))
        let indexes = Set(try store.rows("SELECT name FROM sqlite_master WHERE type = 'index'").compactMap { $0["name"] })
        #expect(indexes.isDisjoint(with: ["item_theme_on_theme_id", "item_role_on_role_id", "evidence_on_programme_key"]))
        #expect(indexes.isSuperset(of: [
            "item_relation_on_related_item_id", "item_partner_on_partner_id", "item_cited_source_on_partner_id",
        ]))
        #expect(try store.rows("PRAGMA foreign_key_check").isEmpty)
    }

    /// A read on two connections uses the generation to tell whether both saw the same import.
    @Test func everyImportRaisesTheGeneration() throws {
        let store = try Store(path: try TestSupport.temporaryDirectory().appendingPathComponent("generation.sqlite").path)
        #expect(try sum(store, "PRAGMA user_version") == "0")
        try store.replaceAll(with: catalog)
        #expect(try sum(store, "PRAGMA user_version") == "1")
        try store.replaceAll(with: catalog)
        #expect(try sum(store, "PRAGMA user_version") == "2")
        var broken = catalog
        broken.programmes[0].items[0].status = "decided-by-nobody"
        #expect(throws: (any Error).self) { try store.replaceAll(with: broken) }
        #expect(try sum(store, "PRAGMA user_version") == "2", "a refused import leaves the generation as it was")
    }

    /// Many reads of a file's catalog at once, more than its pool has reader connections, must all finish
    /// with the same catalog.
    @Test func manyCatalogReadsAtOnceAllFinish() throws {
        let store = try Store(path: try TestSupport.temporaryDirectory().appendingPathComponent("busy.sqlite").path)
        try store.replaceAll(with: catalog)
        let expected = try store.catalog(parts: [.items, .itemThemes])
        let reads = 12
        let results = ParallelResults<Bool>(count: reads)
        let finished = DispatchGroup()
        for index in 0..<reads {
            DispatchQueue.global().async(group: finished) {
                results.store((try? store.catalog(parts: [.items, .itemThemes])) == expected, at: index)
            }
        }
        #expect(finished.wait(timeout: .now() + 60) == .success, "the reads did not finish within a minute")
        #expect(results.inOrder == Array(repeating: true, count: reads))
    }

    @Test func failedImportLeavesTheDatabaseAsItWas() throws {
        let store = try Store.inMemory()
        try store.replaceAll(with: catalog)
        let before = try dump(store)
        var broken = catalog
        // A status the taxonomy does not know breaks a foreign key halfway through the import.
        broken.programmes[broken.programmes.count - 1].items[0].status = "decided-by-nobody"
        #expect(throws: (any Error).self) { try store.replaceAll(with: broken) }
        #expect(try dump(store) == before)
    }

    /// A row the schema refuses halfway through the import (after thousands of rows were written): the
    /// import's transaction undoes all of it.
    @Test func aRowTheSchemaRefusesLeavesTheDatabaseAsItWas() throws {
        let store = try Store.inMemory()
        try store.replaceAll(with: catalog)
        let before = try dump(store)
        var broken = catalog
        let programme = broken.programmes.count / 2
        let item = broken.programmes[programme].items.count / 2
        // The schema takes years from 1900 to 2100 only.
        broken.programmes[programme].items[item].years.append(1850)
        #expect(throws: (any Error).self) { try store.replaceAll(with: broken) }
        #expect(try dump(store) == before)
    }

    /// A database an earlier version imported into keeps its rows when its link tables are rebuilt by their keys.
    @Test func aDatabaseOfSchemaV4ReadsTheSameAfterItsMigration() throws {
        let path = try TestSupport.temporaryDirectory().appendingPathComponent("v4.sqlite").path
        let earlier = try DatabaseQueue(path: path)
        try Migrations.migrator.migrate(earlier, upTo: "v4-draft-marks")
        try earlier.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            try db.inTransaction {
                try Importer(db: db).replaceAll(with: catalog)
                return .commit
            }
        }
        try earlier.close()

        let store = try Store(path: path)
        #expect(try store.appliedMigrations() == Store.knownMigrations)
        #expect(try store.catalog() == catalog)
        let linkTables = try store.rows(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%WITHOUT ROWID' ORDER BY name"
        ).compactMap { $0["name"] }
        #expect(linkTables == [
            "budget_amount", "contact_point", "item_cited_source", "item_instrument", "item_partner", "item_relation",
            "item_role", "item_target_group", "item_theme", "item_year",
        ])
        #expect(try store.rows("PRAGMA foreign_key_check").isEmpty)
    }

    /// Every table but the six of the taxonomy and the four of the items' mappings (SQL by hand, one shape
    /// each) has one record type, and the record names exactly the table's columns: a column a migration adds
    /// without its field in the record, or a table without a record, fails here.
    @Test func everyTableHasARecordNamingExactlyItsColumns() throws {
        let records: [any (FetchableRecord & EncodableRecord & TableRecord).Type] = [
            MunicipalityRecord.self, PopulationFigureRecord.self, ProgrammeRecord.self, LocalItemRecord.self,
            ItemYearRecord.self, ContactPointRecord.self, ItemRelationRecord.self, ItemPartnerRecord.self,
            ItemCitedSourceRecord.self, PartnerRecord.self, BudgetLineRecord.self, BudgetAmountRecord.self,
            BudgetPeriodAmountRecord.self, BudgetUndatedAmountRecord.self, EvidenceRecord.self,
        ]
        // The bundled plugins have cited sources, the synthetic ones contact points; neither has an amount
        // for a whole period or one without years, so one budget line gets the first and a copy the second.
        var bundled = catalog
        let withLines = try #require(bundled.programmes.firstIndex { !$0.budget.lines.isEmpty })
        guard case .lines(var lines, let note, let evidence) = bundled.programmes[withLines].budget else { return }
        lines[0].periodAmount = PeriodAmount(from: 2020, to: 2022, amount: Money(cents: 150_000))
        var undated = lines[0]
        undated.localID += "-zonder-jaren"
        undated.amounts = []
        undated.periodAmount = nil
        undated.undatedAmount = UndatedAmount(amount: Money(cents: 14_500_000))
        lines.append(undated)
        bundled.programmes[withLines].budget = .lines(lines, note: note, evidence: evidence)

        var tablesWithRows: Set<String> = []
        for imported in [bundled, try TestSupport.syntheticCatalog()] {
            let queue = try DatabaseQueue()
            try Migrations.migrator.migrate(queue)
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA foreign_keys = OFF")
                try Importer(db: db).replaceAll(with: imported)
            }
            try queue.read { db in
                for record in records {
                    let (table, rows, fetched, columns) = try Self.readBack(record, db)
                    #expect(fetched == rows, "\(table): not every row was read back as a record")
                    guard rows > 0 else { continue }
                    tablesWithRows.insert(table)
                    #expect(columns == Set(try db.columns(in: table).map(\.name)), "\(table): the record's columns differ")
                }
                let tables = Set(
                    try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"))
                let taxonomy: Set = ["theme_domain", "theme", "instrument", "role", "target_group", "item_status"]
                let withoutRecords = taxonomy.union(ItemMapping.all.map(\.table)).union(["grdb_migrations"])
                #expect(tables.subtracting(records.map { $0.databaseTableName }) == withoutRecords)
                for mapping in ItemMapping.all {
                    let columns = Set(try db.columns(in: mapping.table).map(\.name))
                    #expect(columns == ["item_id", mapping.entryColumn, "is_primary", "position"], "\(mapping.table)")
                }
            }
        }
        #expect(tablesWithRows == Set(records.map { $0.databaseTableName }), "a table without rows shows no columns")
    }

    /// How many rows `Record`'s table has, how many were read as records, and the columns a record writes.
    private static func readBack<Record: FetchableRecord & EncodableRecord & TableRecord>(
        _: Record.Type, _ db: Database
    ) throws -> (table: String, rows: Int, fetched: Int, columns: Set<String>) {
        let fetched = try Record.fetchAll(db)
        let columns = Set(try fetched.first?.databaseDictionary.keys.map { $0 } ?? [])
        return (Record.databaseTableName, try Record.fetchCount(db), fetched.count, columns)
    }

    /// A link to a partner the programme does not have, which `validate` refuses before any import, stops an
    /// import that gets it anyway with a sentence naming the programme and the id (not SQLite's "NOT NULL
    /// constraint failed"), and leaves the database as it was.
    @Test func aLinkToAPartnerTheProgrammeDoesNotHaveIsRefusedByName() throws {
        let store = try Store.inMemory()
        try store.replaceAll(with: catalog)
        let before = try dump(store)
        var broken = catalog
        let index = try #require(broken.programmes.firstIndex { !$0.items.isEmpty })
        broken.programmes[index].items[0].partnerIDs.append("partner-no-one-knows")
        do {
            try store.replaceAll(with: broken)
            Issue.record("the import took a link to a partner the programme does not have")
        } catch let error as StoreError {
            for message in [error.message.nl, error.message.en] {
                #expect(message.contains(broken.programmes[index].key) && message.contains("'partner-no-one-knows'"), "\(message)")
            }
        }
        #expect(try dump(store) == before)
    }

    @Test func schemaVersionIsVisible() throws {
        let store = try Store.inMemory()
        #expect(try store.appliedMigrations() == Store.knownMigrations)
        #expect(Store.knownMigrations.first == "v1-shared-schema")
    }

    /// Every row of every table, as text: two dumps are equal only if the databases are.
    private func dump(_ store: Store) throws -> [String] {
        let tables = try store.rows("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").compactMap { $0["name"] }
        return try tables.flatMap { table in
            try store.rows("SELECT * FROM \(table)").map { row in
                table + ": " + row.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
            }.sorted()
        }
    }
}
