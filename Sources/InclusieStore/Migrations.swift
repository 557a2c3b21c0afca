import GRDB

/// The schema's history. A migration is never edited once it has shipped: change the schema with a new one.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-shared-schema", migrate: createSharedSchema)
        migrator.registerMigration("v2-draft-marks") { db in
            // How many parts of a programme still await review, so every view can mark a draft as a draft.
            try db.alter(table: "programme") { t in
                t.add(column: "unreviewed_suggestions", .integer).notNull().defaults(to: 0)
            }
        }
        return migrator
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
}
