import GRDB
import InclusieModel

/// Writes a catalog into an empty-made database, inside the caller's transaction.
///
/// Rows are written with prepared statements rather than `record.insert(db)`: encoding a record through
/// `Codable` converts every column name to snake case on every row, which made importing all 342
/// municipalities (some 160,000 rows) take seconds. The items and the small rows that nothing else refers
/// to (mappings, years, evidence …) go through `RowBatch`. The rows written, and their row ids, are the same.
struct Importer {
    let db: Database
    /// The item mappings in the order each item's are written, with their tables.
    private static let mappedFacets: [(facet: TaxonomyFacet, table: String, column: String)] = [
        (.theme, "item_theme", "theme_id"), (.instrument, "item_instrument", "instrument_id"),
        (.role, "item_role", "role_id"), (.targetGroup, "item_target_group", "target_group_id"),
    ]
    private var mappings = Importer.mappedFacets.map {
        RowBatch(table: $0.table, columns: ["item_id", $0.column, "is_primary", "position"])
    }
    private var years = RowBatch(table: "item_year", columns: ["item_id", "year"])
    private var contactPoints = RowBatch(table: "contact_point", columns: ["item_id", "position", "unit", "department"])
    private var itemPartners = RowBatch(table: "item_partner", columns: ["item_id", "partner_id", "position"])
    private var itemCitedSources = RowBatch(table: "item_cited_source", columns: ["item_id", "partner_id", "position"])
    private var relations = RowBatch(table: "item_relation", columns: ["item_id", "related_item_id", "position"])
    private var amounts = RowBatch(table: "budget_amount", columns: ["budget_line_id", "year", "amount_cents"])
    private var evidence = RowBatch(
        table: "evidence",
        columns: ["programme_key", "subject", "item_id", "partner_id", "budget_line_id", "position", "quote", "section"])
    /// The items, a hundred at a time like the small rows, with their row ids given here: the rows after
    /// them need those ids before SQLite has written the items. Into emptied tables these are the ids
    /// SQLite would give, 1, 2, 3 …, so the database is the same as when each item was written alone.
    private var items = RowBatch(
        table: "local_item",
        columns: [
            "id", "programme_key", "local_id", "position", "native_type_nl", "native_type_en", "number", "title",
            "description", "parent_id", "owner", "status", "note",
        ])
    private var nextItemRowID: Int64 = 1

    init(db: Database) {
        self.db = db
    }

    /// Writes with foreign keys off (the caller checks them all before its commit), so every table is
    /// emptied here on its own: nothing cascades.
    mutating func replaceAll(with catalog: Catalog) throws {
        let tables = try String.fetchAll(
            db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'grdb_migrations'")
        for table in tables {
            try db.execute(sql: "DELETE FROM \(table.quotedDatabaseIdentifier)")
        }
        try insertTaxonomy(catalog.taxonomy)
        for municipality in catalog.municipalities {
            try db.cachedStatement(sql: "INSERT INTO municipality (slug, name, province, cbs_code) VALUES (?, ?, ?, ?)")
                .execute(arguments: [municipality.slug, municipality.name, municipality.province, municipality.cbsCode])
            for figure in municipality.population {
                try db.cachedStatement(
                    sql: """
                        INSERT INTO population_figure (municipality_slug, reference_date, count, publisher, source_url, note)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """
                ).execute(
                    arguments: [
                        municipality.slug, figure.referenceDate, figure.count, figure.publisher, figure.sourceURL, figure.note,
                    ])
            }
        }
        for (position, programme) in catalog.programmes.enumerated() {
            try insert(programme, position: position)
        }
        try items.flush(db)
        for index in mappings.indices {
            try mappings[index].flush(db)
        }
        try years.flush(db)
        try contactPoints.flush(db)
        try itemPartners.flush(db)
        try itemCitedSources.flush(db)
        try relations.flush(db)
        try amounts.flush(db)
        try evidence.flush(db)
    }

    private func insertTaxonomy(_ taxonomy: Taxonomy) throws {
        let tables: [(String, [TaxonomyEntry])] = [
            ("theme_domain", taxonomy.domains), ("theme", taxonomy.themes), ("instrument", taxonomy.instruments),
            ("role", taxonomy.roles), ("target_group", taxonomy.targetGroups), ("item_status", taxonomy.itemStatuses),
        ]
        for (table, entries) in tables {
            let hasDomain = table == "theme"
            let statement = try db.cachedStatement(
                sql: hasDomain
                    ? "INSERT INTO theme (id, domain_id, label_nl, label_en, definition, position) VALUES (?, ?, ?, ?, ?, ?)"
                    : "INSERT INTO \(table) (id, label_nl, label_en, definition, position) VALUES (?, ?, ?, ?, ?)")
            for (position, entry) in entries.enumerated() {
                var values: [(any DatabaseValueConvertible)?] = [entry.id]
                if hasDomain { values.append(entry.domainID) }
                values += [entry.label.nl, entry.label.en, entry.definition, position]
                try statement.execute(arguments: StatementArguments(values))
            }
        }
    }

    private mutating func insert(_ programme: Programme, position: Int) throws {
        let noBudgetReason: String?
        let budgetNote: String?
        switch programme.budget {
        case .lines(_, let note, _): (noBudgetReason, budgetNote) = (nil, note)
        case .none(let reason, _): (noBudgetReason, budgetNote) = (reason, nil)
        case .unknown: (noBudgetReason, budgetNote) = (nil, nil)
        }
        try db.cachedStatement(
            sql: """
                INSERT INTO programme (
                    key, municipality_slug, position, kind, kind_label_nl, kind_label_en, title, label, author_type,
                    author_name, period_from, period_to, date, adoption_status, source_file, note, coverage,
                    coverage_reason, budget_stated, budget_state, no_budget_reason, budget_note)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(
            arguments: [
                programme.key, programme.municipalitySlug, position, programme.kind.id, programme.kind.label.nl,
                programme.kind.label.en, programme.title, programme.label, programme.author.type,
                programme.author.name, programme.period?.from, programme.period?.to, programme.date,
                programme.adoptionStatus, programme.sourceFile, programme.note,
                programme.coverage.isPartial ? "partial" : "complete", programme.coverage.partialReason,
                programme.budget.isStated, programme.budget.state, noBudgetReason, budgetNote,
            ])
        if programme.isDraft {
            try db.execute(
                sql: "UPDATE programme SET unreviewed_suggestions = ? WHERE key = ?",
                arguments: [programme.unreviewedSuggestions, programme.key])
        }
        try insertEvidence(programme.evidence, programme: programme.key, subject: .programme)

        var partnerRowIDs: [String: Int64] = [:]
        for (position, partner) in programme.partners.enumerated() {
            try db.cachedStatement(
                sql: "INSERT INTO partner (programme_key, local_id, position, name, description, role) VALUES (?, ?, ?, ?, ?, ?)"
            ).execute(arguments: [programme.key, partner.localID, position, partner.name, partner.description, partner.role])
            let partnerRowID = db.lastInsertedRowID
            partnerRowIDs[partner.localID] = partnerRowID
            try insertEvidence(partner.evidence, programme: programme.key, subject: .partner, partner: partnerRowID)
        }

        var itemRowIDs: [String: Int64] = [:]
        for (position, item) in programme.items.enumerated() {
            let itemRowID = nextItemRowID
            nextItemRowID += 1
            try items.append(
                itemRowID, programme.key, item.localID, position, item.nativeType.nl, item.nativeType.en, item.number,
                item.title, item.description, item.parentID.flatMap { itemRowIDs[$0] }, item.owner, item.status,
                item.note, in: db)
            itemRowIDs[item.localID] = itemRowID
            for (index, mapped) in Self.mappedFacets.enumerated() {
                for (position, id) in item.ids(mapped.facet).enumerated() {
                    try mappings[index].append(itemRowID, id, position == 0, position, in: db)
                }
            }
            for year in item.years {
                try years.append(itemRowID, year, in: db)
            }
            for (position, contact) in item.contactPoints.enumerated() {
                try contactPoints.append(itemRowID, position, contact.unit, contact.department, in: db)
            }
            for (position, partner) in item.partnerIDs.enumerated() {
                try itemPartners.append(itemRowID, partnerRowIDs[partner], position, in: db)
            }
            for (position, source) in item.citedSourceIDs.enumerated() {
                try itemCitedSources.append(itemRowID, partnerRowIDs[source], position, in: db)
            }
            try insertEvidence(item.evidence, programme: programme.key, subject: .item, item: itemRowID)
        }
        for item in programme.items {
            for (position, related) in item.relatedIDs.enumerated() {
                try relations.append(itemRowIDs[item.localID], itemRowIDs[related], position, in: db)
            }
        }

        switch programme.budget {
        case .lines(let lines, _, let evidence):
            try insertEvidence(evidence, programme: programme.key, subject: .budget)
            for (position, line) in lines.enumerated() {
                try db.cachedStatement(
                    sql: """
                        INSERT INTO budget_line (
                            programme_key, local_id, position, label, block, kind, precision, instrument_id, theme_id,
                            partner_id, item_id, note)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """
                ).execute(
                    arguments: [
                        programme.key, line.localID, position, line.label, line.block, line.kind, line.precision,
                        line.instrument, line.theme, line.partnerID.flatMap { partnerRowIDs[$0] },
                        line.itemID.flatMap { itemRowIDs[$0] }, line.note,
                    ])
                let lineRowID = db.lastInsertedRowID
                for amount in line.amounts {
                    try amounts.append(lineRowID, amount.year, amount.amount?.cents, in: db)
                }
                if let period = line.periodAmount {
                    try db.cachedStatement(
                        sql: "INSERT INTO budget_period_amount (budget_line_id, period_from, period_to, amount_cents) VALUES (?, ?, ?, ?)"
                    ).execute(arguments: [lineRowID, period.from, period.to, period.amount?.cents])
                }
                try insertEvidence(line.evidence, programme: programme.key, subject: .budgetLine, budgetLine: lineRowID)
            }
        case .none(_, let evidence):
            try insertEvidence(evidence, programme: programme.key, subject: .budget)
        case .unknown:
            break
        }
    }

    private mutating func insertEvidence(
        _ quotes: [Evidence], programme: String, subject: EvidenceRecord.Subject, item: Int64? = nil,
        partner: Int64? = nil, budgetLine: Int64? = nil
    ) throws {
        for (position, entry) in quotes.enumerated() {
            try evidence.append(programme, subject, item, partner, budgetLine, position, entry.quote, entry.section, in: db)
        }
    }
}

/// Rows of one table, kept in the order they come and written a hundred at a time by one multi-row INSERT,
/// their values bound through SQLite's C interface (`RawValues`).
///
/// For rows this small, GRDB's work per statement costs more than SQLite's per row. Only for rows whose
/// row id nothing refers to, or whose id is given (the items): rows may be written later than they come,
/// never in another order, so each gets the row id one INSERT per row would give it.
///
/// `INSERT OR FAIL`: a failing statement keeps the rows it wrote before the failure. SQLite therefore
/// keeps no copy of every page such a statement changes, to undo it with, which it does for a plain
/// multi-row INSERT: 2.1 GB of copies written to a temporary file in an import of 3,420 municipalities.
/// Any failure undoes the whole import anyway, as the import is one transaction.
struct RowBatch {
    private static let rowsPerStatement = 100

    private let table: String
    private let columns: [String]
    private var waiting = RawValues()
    private var waitingRows = 0
    /// The statement for a whole batch, prepared at the first one: building and looking up its SQL for every
    /// batch was a tenth of the import's own work.
    private var wholeBatchInsert: Statement?

    init(table: String, columns: [String]) {
        self.table = table
        self.columns = columns
    }

    mutating func append<each Value: RawBindable>(_ row: repeat each Value, in db: Database) throws {
        waiting.append(row: repeat each row)
        waitingRows += 1
        precondition(waiting.count == waitingRows * columns.count, "a row needs a value for every column")
        if waitingRows == Self.rowsPerStatement {
            try flush(db)
        }
    }

    /// Writes the rows still waiting; call once more when all rows are appended.
    mutating func flush(_ db: Database) throws {
        guard waitingRows > 0 else { return }
        let statement: Statement
        if waitingRows == Self.rowsPerStatement {
            statement = try wholeBatchInsert ?? db.makeStatement(sql: insert(rows: waitingRows))
            wholeBatchInsert = statement
        } else {
            statement = try db.makeStatement(sql: insert(rows: waitingRows))
        }
        try waiting.execute(statement)
        waiting.removeAll()
        waitingRows = 0
    }

    private func insert(rows: Int) -> String {
        let row = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        return "INSERT OR FAIL INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
            + Array(repeating: row, count: rows).joined(separator: ", ")
    }
}
