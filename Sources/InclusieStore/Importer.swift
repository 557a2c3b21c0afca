import GRDB
import InclusieModel

/// Writes a catalog into an empty-made database, inside the caller's transaction.
struct Importer {
    let db: Database

    func replaceAll(with catalog: Catalog) throws {
        for table in [
            "programme", "municipality", "item_status", "target_group", "role", "instrument", "theme", "theme_domain",
        ] {
            try db.execute(sql: "DELETE FROM \(table)")
        }
        try insertTaxonomy(catalog.taxonomy)
        for municipality in catalog.municipalities {
            try MunicipalityRecord(
                slug: municipality.slug, name: municipality.name, province: municipality.province,
                cbsCode: municipality.cbsCode
            ).insert(db)
            for figure in municipality.population {
                try PopulationFigureRecord(
                    id: nil, municipalitySlug: municipality.slug, referenceDate: figure.referenceDate, count: figure.count,
                    publisher: figure.publisher, sourceURL: figure.sourceURL, note: figure.note
                ).insert(db)
            }
        }
        for (position, programme) in catalog.programmes.enumerated() {
            try insert(programme, position: position)
        }
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

    private func insert(_ programme: Programme, position: Int) throws {
        let noBudgetReason: String?
        let budgetNote: String?
        switch programme.budget {
        case .lines(_, let note, _): (noBudgetReason, budgetNote) = (nil, note)
        case .none(let reason, _): (noBudgetReason, budgetNote) = (reason, nil)
        }
        try ProgrammeRecord(
            key: programme.key, municipalitySlug: programme.municipalitySlug, position: position,
            kind: programme.kind.id, kindLabelNl: programme.kind.label.nl, kindLabelEn: programme.kind.label.en,
            title: programme.title, authorType: programme.author.type, authorName: programme.author.name,
            periodFrom: programme.period?.from, periodTo: programme.period?.to, date: programme.date,
            adoptionStatus: programme.adoptionStatus, sourceFile: programme.sourceFile, note: programme.note,
            budgetStated: programme.budget.isStated, noBudgetReason: noBudgetReason, budgetNote: budgetNote
        ).insert(db)
        try insertEvidence(programme.evidence, programme: programme.key, subject: .programme)

        var partnerRowIDs: [String: Int64] = [:]
        for (position, partner) in programme.partners.enumerated() {
            var record = PartnerRecord(
                id: nil, programmeKey: programme.key, localId: partner.localID, position: position, name: partner.name,
                description: partner.description)
            try record.insert(db)
            partnerRowIDs[partner.localID] = record.id
            try insertEvidence(partner.evidence, programme: programme.key, subject: .partner, partner: record.id)
        }

        var itemRowIDs: [String: Int64] = [:]
        for (position, item) in programme.items.enumerated() {
            var record = LocalItemRecord(
                id: nil, programmeKey: programme.key, localId: item.localID, position: position,
                nativeTypeNl: item.nativeType.nl, nativeTypeEn: item.nativeType.en, number: item.number,
                title: item.title, description: item.description, parentId: item.parentID.flatMap { itemRowIDs[$0] },
                owner: item.owner, status: item.status, note: item.note)
            try record.insert(db)
            guard let itemRowID = record.id else { continue }
            itemRowIDs[item.localID] = itemRowID
            try insertMappings(item, itemRowID: itemRowID)
            for year in item.years {
                try db.cachedStatement(sql: "INSERT INTO item_year (item_id, year) VALUES (?, ?)")
                    .execute(arguments: [itemRowID, year])
            }
            for (position, contact) in item.contactPoints.enumerated() {
                try db.cachedStatement(
                    sql: "INSERT INTO contact_point (item_id, position, unit, department) VALUES (?, ?, ?, ?)"
                ).execute(arguments: [itemRowID, position, contact.unit, contact.department])
            }
            for (position, partner) in item.partnerIDs.enumerated() {
                try db.cachedStatement(sql: "INSERT INTO item_partner (item_id, partner_id, position) VALUES (?, ?, ?)")
                    .execute(arguments: [itemRowID, partnerRowIDs[partner], position])
            }
            try insertEvidence(item.evidence, programme: programme.key, subject: .item, item: itemRowID)
        }
        for item in programme.items {
            for (position, related) in item.relatedIDs.enumerated() {
                try db.cachedStatement(
                    sql: "INSERT INTO item_relation (item_id, related_item_id, position) VALUES (?, ?, ?)"
                ).execute(arguments: [itemRowIDs[item.localID], itemRowIDs[related], position])
            }
        }

        switch programme.budget {
        case .lines(let lines, _, let evidence):
            try insertEvidence(evidence, programme: programme.key, subject: .budget)
            for (position, line) in lines.enumerated() {
                var record = BudgetLineRecord(
                    id: nil, programmeKey: programme.key, localId: line.localID, position: position, label: line.label,
                    block: line.block, kind: line.kind, precision: line.precision, instrumentId: line.instrument,
                    themeId: line.theme, partnerId: line.partnerID.flatMap { partnerRowIDs[$0] },
                    itemId: line.itemID.flatMap { itemRowIDs[$0] }, note: line.note)
                try record.insert(db)
                guard let lineRowID = record.id else { continue }
                for amount in line.amounts {
                    try BudgetAmountRecord(budgetLineId: lineRowID, year: amount.year, amountCents: amount.amount?.cents)
                        .insert(db)
                }
                try insertEvidence(line.evidence, programme: programme.key, subject: .budgetLine, budgetLine: lineRowID)
            }
        case .none(_, let evidence):
            try insertEvidence(evidence, programme: programme.key, subject: .budget)
        }
    }

    private func insertMappings(_ item: LocalItem, itemRowID: Int64) throws {
        let tables: [(TaxonomyFacet, String, String)] = [
            (.theme, "item_theme", "theme_id"), (.instrument, "item_instrument", "instrument_id"),
            (.role, "item_role", "role_id"), (.targetGroup, "item_target_group", "target_group_id"),
        ]
        for (facet, table, column) in tables {
            let statement = try db.cachedStatement(
                sql: "INSERT INTO \(table) (item_id, \(column), is_primary, position) VALUES (?, ?, ?, ?)")
            for (position, id) in item.ids(facet).enumerated() {
                try statement.execute(arguments: [itemRowID, id, position == 0, position])
            }
        }
    }

    private func insertEvidence(
        _ evidence: [Evidence], programme: String, subject: EvidenceRecord.Subject, item: Int64? = nil,
        partner: Int64? = nil, budgetLine: Int64? = nil
    ) throws {
        for (position, entry) in evidence.enumerated() {
            try EvidenceRecord(
                id: nil, programmeKey: programme, subject: subject, itemId: item, partnerId: partner,
                budgetLineId: budgetLine, position: position, quote: entry.quote, section: entry.section
            ).insert(db)
        }
    }
}
