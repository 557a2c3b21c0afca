import GRDB
import InclusieModel

/// Writes a catalog into an empty-made database, inside the caller's transaction, one row at a time.
///
/// Every table is emptied first and nothing uses AUTOINCREMENT, so the row ids are 1, 2, 3 … in the order
/// the rows are inserted: importing the same catalog twice gives the same rows.
///
/// Most tables are written as records (`insert(db)`). The rows that come by the ten thousand (items, their
/// mappings and years, quotes: nine rows in ten) go through cached statements instead: as records, GRDB
/// encodes each into a container of lowercased column names and looks up its SQL, which at 342
/// municipalities made the import take 1.6 CPU seconds instead of 0.3. `catalogSurvivesTheRoundTripThroughSQLite`
/// reads every column back, so a column left out of these statements fails it.
struct Importer {
    let db: Database

    /// Writes with foreign keys off (the caller checks them all before its commit), so every table is
    /// emptied here on its own: nothing cascades.
    func replaceAll(with catalog: Catalog) throws {
        let tables = try String.fetchAll(
            db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'grdb_migrations'")
        for table in tables {
            try db.execute(sql: "DELETE FROM \(table.quotedDatabaseIdentifier)")
        }
        try insertTaxonomy(catalog.taxonomy)
        for municipality in catalog.municipalities {
            try MunicipalityRecord(
                slug: municipality.slug, name: municipality.name, province: municipality.province,
                cbsCode: municipality.cbsCode
            ).insert(db)
            for figure in municipality.population {
                try PopulationFigureRecord(
                    municipalitySlug: municipality.slug, referenceDate: figure.referenceDate, count: figure.count,
                    publisher: figure.publisher, sourceURL: figure.sourceURL, note: figure.note
                ).insert(db)
            }
        }
        for (position, programme) in catalog.programmes.enumerated() {
            try insert(programme, position: position)
        }
    }

    /// The six taxonomy tables have one shape (the themes add their domain), so one statement per table
    /// writes them rather than six record types.
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

    private func insert(_ programme: Programme, position: Int) throws {
        let key = programme.key
        var budgetNote: String?
        var noBudgetReason: String?
        switch programme.budget {
        case .lines(_, let note, _): budgetNote = note
        case .none(let reason, _): noBudgetReason = reason
        case .unknown: break
        }
        try ProgrammeRecord(
            key: key, municipalitySlug: programme.municipalitySlug, position: position, kind: programme.kind.id,
            kindLabelNl: programme.kind.label.nl, kindLabelEn: programme.kind.label.en, title: programme.title,
            label: programme.label, authorType: programme.author.type, authorName: programme.author.name,
            periodFrom: programme.period?.from, periodTo: programme.period?.to, date: programme.date,
            adoptionStatus: programme.adoptionStatus, sourceFile: programme.sourceFile, note: programme.note,
            coverage: programme.coverage.isPartial ? "partial" : "complete",
            coverageReason: programme.coverage.partialReason, budgetStated: programme.budget.isStated,
            budgetState: programme.budget.state, noBudgetReason: noBudgetReason, budgetNote: budgetNote,
            unreviewedSuggestions: programme.unreviewedSuggestions
        ).insert(db)
        try insertEvidence(programme.evidence, programme: key, subject: .programme)

        var partnerRowIDs: [String: Int64] = [:]
        for (position, partner) in programme.partners.enumerated() {
            let record = try PartnerRecord(
                programmeKey: key, localId: partner.localID, position: position, name: partner.name,
                description: partner.description, role: partner.role
            ).inserted(db)
            partnerRowIDs[partner.localID] = record.id
            try insertEvidence(partner.evidence, programme: key, subject: .partner, partner: record.id)
        }

        let mappings = ItemMapping.all
        var itemRowIDs: [String: Int64] = [:]
        var rowIDsInOrder: [Int64] = []
        for (position, item) in programme.items.enumerated() {
            try db.cachedStatement(
                sql: """
                    INSERT INTO local_item (
                        programme_key, local_id, position, native_type_nl, native_type_en, number, title, description,
                        parent_id, owner, status, note)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """
            ).execute(
                arguments: [
                    key, item.localID, position, item.nativeType.nl, item.nativeType.en, item.number, item.title,
                    item.description, item.parentID.flatMap { itemRowIDs[$0] }, item.owner, item.status, item.note,
                ])
            let itemRowID = db.lastInsertedRowID
            itemRowIDs[item.localID] = itemRowID
            rowIDsInOrder.append(itemRowID)
            for mapping in mappings {
                // The first entry of each facet is the item's primary one.
                let statement = try db.cachedStatement(sql: mapping.insertSQL)
                for (position, id) in item[keyPath: mapping.field].enumerated() {
                    try statement.execute(arguments: [itemRowID, id, position == 0, position])
                }
            }
            for year in item.years {
                try db.cachedStatement(sql: "INSERT INTO item_year (item_id, year) VALUES (?, ?)")
                    .execute(arguments: [itemRowID, year])
            }
            for (position, contact) in item.contactPoints.enumerated() {
                try ContactPointRecord(itemId: itemRowID, position: position, unit: contact.unit, department: contact.department)
                    .insert(db)
            }
            for (position, partner) in item.partnerIDs.enumerated() {
                try ItemPartnerRecord(itemId: itemRowID, partnerId: rowID(partner, in: partnerRowIDs, of: key), position: position)
                    .insert(db)
            }
            for (position, source) in item.citedSourceIDs.enumerated() {
                try ItemCitedSourceRecord(
                    itemId: itemRowID, partnerId: rowID(source, in: partnerRowIDs, of: key), position: position
                ).insert(db)
            }
            try insertEvidence(item.evidence, programme: key, subject: .item, item: itemRowID)
        }
        for (item, itemRowID) in zip(programme.items, rowIDsInOrder) {
            for (position, related) in item.relatedIDs.enumerated() {
                try ItemRelationRecord(
                    itemId: itemRowID, relatedItemId: rowID(related, in: itemRowIDs, of: key), position: position
                ).insert(db)
            }
        }

        switch programme.budget {
        case .lines(let lines, _, let evidence):
            try insertEvidence(evidence, programme: key, subject: .budget)
            for (position, line) in lines.enumerated() {
                let lineRowID = try BudgetLineRecord(
                    programmeKey: key, localId: line.localID, position: position, label: line.label, block: line.block,
                    kind: line.kind, precision: line.precision, instrumentId: line.instrument, themeId: line.theme,
                    partnerId: line.partnerID.flatMap { partnerRowIDs[$0] }, itemId: line.itemID.flatMap { itemRowIDs[$0] },
                    note: line.note
                ).inserted(db).id!
                for amount in line.amounts {
                    try BudgetAmountRecord(budgetLineId: lineRowID, year: amount.year, amountCents: amount.amount?.cents)
                        .insert(db)
                }
                if let period = line.periodAmount {
                    try BudgetPeriodAmountRecord(
                        budgetLineId: lineRowID, periodFrom: period.from, periodTo: period.to,
                        amountCents: period.amount?.cents
                    ).insert(db)
                }
                if let undated = line.undatedAmount {
                    try BudgetUndatedAmountRecord(budgetLineId: lineRowID, amountCents: undated.amount?.cents).insert(db)
                }
                try insertEvidence(line.evidence, programme: key, subject: .budgetLine, budgetLine: lineRowID)
            }
        case .none(_, let evidence):
            try insertEvidence(evidence, programme: key, subject: .budget)
        case .unknown:
            break
        }
    }

    /// The row id of a partner or item that an item of `programme` links to. `validate` refuses a link to an
    /// id the programme does not have before any import; should one come this far, the import stops here.
    private func rowID(_ id: String, in rowIDs: [String: Int64], of programme: String) throws -> Int64 {
        guard let rowID = rowIDs[id] else {
            throw StoreError(
                LocalizedText(
                    nl: "\(programme): een onderdeel verwijst naar '\(id)', dat het programma niet heeft — voer 'inclusiebench validate' uit",
                    en: "\(programme): a part refers to '\(id)', which the programme does not have — run 'inclusiebench validate'"))
        }
        return rowID
    }

    private func insertEvidence(
        _ quotes: [Evidence], programme: String, subject: EvidenceRecord.Subject, item: Int64? = nil,
        partner: Int64? = nil, budgetLine: Int64? = nil
    ) throws {
        for (position, entry) in quotes.enumerated() {
            try db.cachedStatement(
                sql: """
                    INSERT INTO evidence (programme_key, subject, item_id, partner_id, budget_line_id, position, quote, section)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """
            ).execute(arguments: [programme, subject, item, partner, budgetLine, position, entry.quote, entry.section])
        }
    }
}
