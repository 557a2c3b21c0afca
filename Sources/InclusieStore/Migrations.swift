import GRDB
import InclusieModel

/// The schema's history. A migration is never edited once it has shipped: change the schema with a new one.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-shared-schema", migrate: createSharedSchema)
        migrator.registerMigration("v2-cited-sources", migrate: addCitedSources)
        migrator.registerMigration("v3-labels-coverage-budget-states", migrate: addLabelsCoverageAndBudgetStates)
        migrator.registerMigration("v4-draft-marks") { db in
            // How many parts of a programme still await review, so every view can mark a draft as a draft.
            try db.alter(table: "programme") { t in
                t.add(column: "unreviewed_suggestions", .integer).notNull().defaults(to: 0)
            }
        }
        migrator.registerMigration("v5-link-tables-by-their-keys", migrate: storeLinkTablesByTheirKeys)
        migrator.registerMigration("v6-amounts-without-years") { db in
            // One amount for which the document states no years at all ("een budget van € 145.000"): it has
            // no year and no period, so neither `budget_amount` nor `budget_period_amount` can hold it.
            try db.create(table: "budget_undated_amount") { t in
                t.primaryKey("budget_line_id", .integer).references("budget_line", onDelete: .cascade)
                // Whole euro cents; NULL: the document names the money but no amount.
                t.column("amount_cents", .integer).check { $0 == nil || $0 >= 0 }
            }
        }
        return migrator
    }

    /// The tables that link an item (or a budget line) to a list of things store each row once, in the order
    /// of their primary key (`WITHOUT ROWID`), rather than as a row plus a copy of it in the key's index; and
    /// the indexes on a mapping's taxonomy id and on a quote's programme go.
    ///
    /// Nothing reads by those indexes, and the rows whose deletion they would speed up (a taxonomy entry, a
    /// programme) are only deleted by the import, which empties every table with foreign keys off. At 3,420
    /// municipalities the import wrote some 4.9 million table and index entries for 1.76 million rows; now
    /// about half as many, and the file is 156 MB instead of 238 MB.
    private static func storeLinkTablesByTheirKeys(_ db: Database) throws {
        func rebuild(
            _ table: String, keptIndexOn indexedColumn: String? = nil, columns: (TableDefinition) -> Void
        ) throws {
            let old = table + "_with_rowid"
            try db.rename(table: table, to: old)
            try db.create(table: table, options: .withoutRowID, body: columns)
            try db.execute(sql: "INSERT INTO \(table) SELECT * FROM \(old)")
            try db.drop(table: old)
            if let indexedColumn {
                try db.create(index: "\(table)_on_\(indexedColumn)", on: table, columns: [indexedColumn])
            }
        }
        for (table, column, target) in [
            ("item_theme", "theme_id", "theme"), ("item_instrument", "instrument_id", "instrument"),
            ("item_role", "role_id", "role"), ("item_target_group", "target_group_id", "target_group"),
        ] {
            try rebuild(table) { t in
                t.column("item_id", .integer).notNull().references("local_item", onDelete: .cascade)
                t.column(column, .text).notNull().references(target)
                t.column("is_primary", .boolean).notNull()
                t.column("position", .integer).notNull()
                t.primaryKey(["item_id", column])
            }
        }
        try rebuild("item_year") { t in
            t.column("item_id", .integer).notNull().references("local_item", onDelete: .cascade)
            t.column("year", .integer).notNull().check { $0 >= 1900 && $0 <= 2100 }
            t.primaryKey(["item_id", "year"])
        }
        try rebuild("item_relation", keptIndexOn: "related_item_id") { t in
            t.column("item_id", .integer).notNull().references("local_item", onDelete: .cascade)
            t.column("related_item_id", .integer).notNull().references("local_item", onDelete: .cascade)
            t.column("position", .integer).notNull()
            t.primaryKey(["item_id", "related_item_id"])
        }
        try rebuild("contact_point") { t in
            t.column("item_id", .integer).notNull().references("local_item", onDelete: .cascade)
            t.column("position", .integer).notNull()
            t.column("unit", .text).notNull()
            t.column("department", .text)
            t.primaryKey(["item_id", "position"])
        }
        for table in ["item_partner", "item_cited_source"] {
            try rebuild(table, keptIndexOn: "partner_id") { t in
                t.column("item_id", .integer).notNull().references("local_item", onDelete: .cascade)
                t.column("partner_id", .integer).notNull().references("partner", onDelete: .cascade)
                t.column("position", .integer).notNull()
                t.primaryKey(["item_id", "partner_id"])
            }
        }
        try rebuild("budget_amount") { t in
            t.column("budget_line_id", .integer).notNull().references("budget_line", onDelete: .cascade)
            t.column("year", .integer).notNull().check { $0 >= 1900 && $0 <= 2100 }
            // Whole euro cents; NULL means the document names the money but states no amount.
            t.column("amount_cents", .integer).check { $0 == nil || $0 >= 0 }
            t.primaryKey(["budget_line_id", "year"])
        }
        try db.drop(index: "evidence_on_programme_key")
    }

    /// Organisations a programme cites as the source of a finding, kept apart from its partners in the work.
    ///
    /// `partner.role` says why the programme names an organisation at all; `item_cited_source` links an item to
    /// the organisations it cites, as `item_partner` links it to those it works with.
    private static func addCitedSources(_ db: Database) throws {
        try db.alter(table: "partner") { t in
            t.add(column: "role", .text).notNull().defaults(to: "partner")
        }
        try db.create(table: "item_cited_source") { t in
            t.column("item_id", .integer).notNull().references("local_item", onDelete: .cascade)
            t.column("partner_id", .integer).notNull().indexed().references("partner", onDelete: .cascade)
            t.column("position", .integer).notNull()
            t.primaryKey(["item_id", "partner_id"])
        }
    }

    /// The shared schema: taxonomy, municipalities, programmes and their items, mappings, budgets, evidence.
    ///
    /// Integer primary keys without AUTOINCREMENT, so that importing the same plugins twice gives the same rows.
    private static func createSharedSchema(_ db: Database) throws {
        func taxonomyTable(_ name: String, domain: Bool = false) throws {
            try db.create(table: name) { t in
                t.primaryKey("id", .text)
                if domain {
                    t.column("domain_id", .text).notNull().references("theme_domain", onDelete: .cascade)
                }
                t.column("label_nl", .text).notNull()
                t.column("label_en", .text).notNull()
                t.column("definition", .text).notNull()
                t.column("position", .integer).notNull()
            }
        }
        try taxonomyTable("theme_domain")
        try taxonomyTable("theme", domain: true)
        try taxonomyTable("instrument")
        try taxonomyTable("role")
        try taxonomyTable("target_group")
        try taxonomyTable("item_status")

        try db.create(table: "municipality") { t in
            t.primaryKey("slug", .text)
            t.column("name", .text).notNull()
            t.column("province", .text)
            t.column("cbs_code", .text)
        }
        try db.create(table: "population_figure") { t in
            t.primaryKey("id", .integer)
            t.column("municipality_slug", .text).notNull().indexed().references("municipality", onDelete: .cascade)
            t.column("reference_date", .text).notNull()
            t.column("count", .integer).notNull().check { $0 >= 0 }
            t.column("publisher", .text).notNull()
            t.column("source_url", .text)
            t.column("note", .text)
        }
        try db.create(table: "programme") { t in
            t.primaryKey("key", .text)
            t.column("municipality_slug", .text).notNull().indexed().references("municipality", onDelete: .cascade)
            t.column("position", .integer).notNull()
            t.column("kind", .text).notNull()
            t.column("kind_label_nl", .text).notNull()
            t.column("kind_label_en", .text).notNull()
            t.column("title", .text).notNull()
            t.column("author_type", .text).notNull()
            t.column("author_name", .text).notNull()
            t.column("period_from", .integer)
            t.column("period_to", .integer)
            t.column("date", .text)
            t.column("adoption_status", .text).notNull()
            t.column("source_file", .text).notNull()
            t.column("note", .text)
            // A programme either has budget lines or says why it has none: "not stated" is not € 0.
            t.column("budget_stated", .boolean).notNull()
            t.column("no_budget_reason", .text)
            t.column("budget_note", .text)
            t.check(sql: "budget_stated = 1 OR no_budget_reason IS NOT NULL")
        }
        try db.create(table: "local_item") { t in
            t.primaryKey("id", .integer)
            t.column("programme_key", .text).notNull().references("programme", onDelete: .cascade)
            t.column("local_id", .text).notNull()
            t.column("position", .integer).notNull()
            t.column("native_type_nl", .text).notNull()
            t.column("native_type_en", .text).notNull()
            t.column("number", .text)
            t.column("title", .text).notNull()
            t.column("description", .text)
            t.column("parent_id", .integer).indexed().references("local_item", onDelete: .cascade)
            t.column("owner", .text)
            t.column("status", .text).notNull().references("item_status")
            t.column("note", .text)
            t.uniqueKey(["programme_key", "local_id"])
        }
        for (table, column, target) in [
            ("item_theme", "theme_id", "theme"), ("item_instrument", "instrument_id", "instrument"),
            ("item_role", "role_id", "role"), ("item_target_group", "target_group_id", "target_group"),
        ] {
            try db.create(table: table) { t in
                t.column("item_id", .integer).notNull().references("local_item", onDelete: .cascade)
                t.column(column, .text).notNull().indexed().references(target)
                t.column("is_primary", .boolean).notNull()
                t.column("position", .integer).notNull()
                t.primaryKey(["item_id", column])
            }
        }
        try db.create(table: "item_year") { t in
            t.column("item_id", .integer).notNull().references("local_item", onDelete: .cascade)
            t.column("year", .integer).notNull().check { $0 >= 1900 && $0 <= 2100 }
            t.primaryKey(["item_id", "year"])
        }
        try db.create(table: "item_relation") { t in
            t.column("item_id", .integer).notNull().references("local_item", onDelete: .cascade)
            t.column("related_item_id", .integer).notNull().indexed().references("local_item", onDelete: .cascade)
            t.column("position", .integer).notNull()
            t.primaryKey(["item_id", "related_item_id"])
        }
        try db.create(table: "contact_point") { t in
            t.column("item_id", .integer).notNull().references("local_item", onDelete: .cascade)
            t.column("position", .integer).notNull()
            t.column("unit", .text).notNull()
            t.column("department", .text)
            t.primaryKey(["item_id", "position"])
        }
        try db.create(table: "partner") { t in
            t.primaryKey("id", .integer)
            t.column("programme_key", .text).notNull().references("programme", onDelete: .cascade)
            t.column("local_id", .text).notNull()
            t.column("position", .integer).notNull()
            t.column("name", .text).notNull()
            t.column("description", .text)
            t.uniqueKey(["programme_key", "local_id"])
        }
        try db.create(table: "item_partner") { t in
            t.column("item_id", .integer).notNull().references("local_item", onDelete: .cascade)
            t.column("partner_id", .integer).notNull().indexed().references("partner", onDelete: .cascade)
            t.column("position", .integer).notNull()
            t.primaryKey(["item_id", "partner_id"])
        }
        try db.create(table: "budget_line") { t in
            t.primaryKey("id", .integer)
            t.column("programme_key", .text).notNull().references("programme", onDelete: .cascade)
            t.column("local_id", .text).notNull()
            t.column("position", .integer).notNull()
            t.column("label", .text).notNull()
            t.column("block", .text)
            t.column("kind", .text).notNull()
            t.column("precision", .text).notNull()
            t.column("instrument_id", .text).references("instrument")
            t.column("theme_id", .text).references("theme")
            t.column("partner_id", .integer).references("partner", onDelete: .setNull)
            t.column("item_id", .integer).references("local_item", onDelete: .setNull)
            t.column("note", .text)
            t.uniqueKey(["programme_key", "local_id"])
        }
        try db.create(table: "budget_amount") { t in
            t.column("budget_line_id", .integer).notNull().references("budget_line", onDelete: .cascade)
            t.column("year", .integer).notNull().check { $0 >= 1900 && $0 <= 2100 }
            // Whole euro cents; NULL means the document names the money but states no amount.
            t.column("amount_cents", .integer).check { $0 == nil || $0 >= 0 }
            t.primaryKey(["budget_line_id", "year"])
        }
        try db.create(table: "evidence") { t in
            t.primaryKey("id", .integer)
            t.column("programme_key", .text).notNull().indexed().references("programme", onDelete: .cascade)
            t.column("subject", .text).notNull()
            t.column("item_id", .integer).indexed().references("local_item", onDelete: .cascade)
            t.column("partner_id", .integer).references("partner", onDelete: .cascade)
            t.column("budget_line_id", .integer).references("budget_line", onDelete: .cascade)
            t.column("position", .integer).notNull()
            t.column("quote", .text).notNull()
            t.column("section", .text).notNull()
        }
    }

    /// Programme labels, partial coverage, the third budget state (unknown) and amounts for a whole period.
    ///
    /// The programme table is rebuilt because v1's check demands a reason whenever no budget is stated,
    /// which an unknown budget does not have; SQLite cannot change a check in place. GRDB runs a migration
    /// with foreign keys off and checks them all before it commits.
    private static func addLabelsCoverageAndBudgetStates(_ db: Database) throws {
        try db.create(table: "programme_v2") { t in
            t.primaryKey("key", .text)
            t.column("municipality_slug", .text).notNull().references("municipality", onDelete: .cascade)
            t.column("position", .integer).notNull()
            t.column("kind", .text).notNull()
            t.column("kind_label_nl", .text).notNull()
            t.column("kind_label_en", .text).notNull()
            t.column("title", .text).notNull()
            t.column("label", .text).notNull()
            t.column("author_type", .text).notNull()
            t.column("author_name", .text).notNull()
            t.column("period_from", .integer)
            // NULL with a `period_from`: an open-ended period.
            t.column("period_to", .integer)
            t.column("date", .text)
            t.column("adoption_status", .text).notNull()
            t.column("source_file", .text).notNull()
            t.column("note", .text)
            // 'complete', or 'partial' with the reason: a partial plugin's white spots are not gaps.
            t.column("coverage", .text).notNull().check { ["complete", "partial"].contains($0) }
            t.column("coverage_reason", .text)
            t.column("budget_stated", .boolean).notNull()
            // 'amounts', 'none' (the document says there is none, with its reason) or 'unknown' (it says nothing).
            t.column("budget_state", .text).notNull().check { ["amounts", "none", "unknown"].contains($0) }
            t.column("no_budget_reason", .text)
            t.column("budget_note", .text)
            t.check(sql: "(budget_state = 'amounts') = (budget_stated = 1)")
            t.check(sql: "budget_state <> 'none' OR no_budget_reason IS NOT NULL")
            t.check(sql: "coverage = 'complete' OR coverage_reason IS NOT NULL")
        }
        try db.execute(
            sql: """
                INSERT INTO programme_v2 (
                    key, municipality_slug, position, kind, kind_label_nl, kind_label_en, title, label, author_type,
                    author_name, period_from, period_to, date, adoption_status, source_file, note, coverage,
                    budget_stated, budget_state, no_budget_reason, budget_note)
                SELECT key, municipality_slug, position, kind, kind_label_nl, kind_label_en, title, title, author_type,
                    author_name, period_from, period_to, date, adoption_status, source_file, note, 'complete',
                    budget_stated, CASE WHEN budget_stated THEN 'amounts' ELSE 'none' END, no_budget_reason, budget_note
                FROM programme
                """)
        // The label a plugin without `label:` gets, so a database that is not re-imported reads the same.
        for row in try Row.fetchAll(db, sql: "SELECT key, title FROM programme_v2") {
            let title: String = row["title"]
            try db.execute(
                sql: "UPDATE programme_v2 SET label = ? WHERE key = ?",
                arguments: [Programme.defaultLabel(forTitle: title), row["key"] as String])
        }
        try db.drop(table: "programme")
        try db.rename(table: "programme_v2", to: "programme")
        try db.create(index: "programme_on_municipality_slug", on: "programme", columns: ["municipality_slug"])

        try db.create(table: "budget_period_amount") { t in
            t.primaryKey("budget_line_id", .integer).references("budget_line", onDelete: .cascade)
            t.column("period_from", .integer).notNull().check { $0 >= 1900 && $0 <= 2100 }
            t.column("period_to", .integer).notNull().check { $0 >= 1900 && $0 <= 2100 }
            // Whole euro cents for the period together; NULL: the document names the money but no amount.
            t.column("amount_cents", .integer).check { $0 == nil || $0 >= 0 }
            t.check(sql: "period_from <= period_to")
        }
    }
}
