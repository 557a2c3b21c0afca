import GRDB
import InclusieModel

/// Reads the whole database back into model values, one query per table, grouped in memory.
///
/// One pass per table keeps reading fast for all 342 municipalities, whatever their size.
struct CatalogReader {
    let db: Database

    func read() throws -> Catalog {
        let taxonomy = try readTaxonomy()
        let figures = Dictionary(
            grouping: try PopulationFigureRecord.order(Column("reference_date")).fetchAll(db), by: \.municipalitySlug)
        let municipalities = try MunicipalityRecord.order(Column("slug")).fetchAll(db).map { record in
            Municipality(
                slug: record.slug, name: record.name, province: record.province, cbsCode: record.cbsCode,
                population: (figures[record.slug] ?? []).map {
                    PopulationFigure(
                        referenceDate: $0.referenceDate, count: $0.count, publisher: $0.publisher,
                        sourceURL: $0.sourceURL, note: $0.note)
                })
        }

        let evidence = try EvidenceRecord.order(Column("position")).fetchAll(db)
        func quotes(_ records: [EvidenceRecord]?) -> [Evidence] {
            (records ?? []).map { Evidence(quote: $0.quote, section: $0.section) }
        }
        let evidenceByItem = Dictionary(grouping: evidence.filter { $0.itemId != nil }, by: { $0.itemId! })
        let evidenceByPartner = Dictionary(grouping: evidence.filter { $0.partnerId != nil }, by: { $0.partnerId! })
        let evidenceByLine = Dictionary(grouping: evidence.filter { $0.budgetLineId != nil }, by: { $0.budgetLineId! })
        let evidenceByProgramme = Dictionary(
            grouping: evidence.filter { $0.subject == .programme || $0.subject == .budget }, by: \.programmeKey)

        let partners = try PartnerRecord.order(Column("programme_key"), Column("position")).fetchAll(db)
        let partnerLocalIDs = Dictionary(uniqueKeysWithValues: partners.compactMap { p in p.id.map { ($0, p.localId) } })
        let partnersByProgramme = Dictionary(grouping: partners, by: \.programmeKey)

        let items = try LocalItemRecord.order(Column("programme_key"), Column("position")).fetchAll(db)
        let itemLocalIDs = Dictionary(uniqueKeysWithValues: items.compactMap { i in i.id.map { ($0, i.localId) } })
        let itemsByProgramme = Dictionary(grouping: items, by: \.programmeKey)
        let mappings = try readMappings()
        let years = try groupedPairs("SELECT item_id, year FROM item_year ORDER BY item_id, year", as: Int.self)
        let related = try groupedPairs(
            "SELECT item_id, related_item_id FROM item_relation ORDER BY item_id, position", as: Int64.self)
        let itemPartners = try groupedPairs(
            "SELECT item_id, partner_id FROM item_partner ORDER BY item_id, position", as: Int64.self)
        let itemCitedSources = try groupedPairs(
            "SELECT item_id, partner_id FROM item_cited_source ORDER BY item_id, position", as: Int64.self)
        var contacts: [Int64: [ContactPoint]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT item_id, unit, department FROM contact_point ORDER BY item_id, position") {
            contacts[row["item_id"], default: []].append(ContactPoint(unit: row["unit"], department: row["department"]))
        }

        let lines = try BudgetLineRecord.order(Column("programme_key"), Column("position")).fetchAll(db)
        let linesByProgramme = Dictionary(grouping: lines, by: \.programmeKey)
        let amounts = Dictionary(
            grouping: try BudgetAmountRecord.order(Column("year")).fetchAll(db), by: \.budgetLineId)
        let periodAmounts = Dictionary(
            uniqueKeysWithValues: try BudgetPeriodAmountRecord.fetchAll(db).map { ($0.budgetLineId, $0) })

        let programmes = try ProgrammeRecord.order(Column("position")).fetchAll(db).map { record -> Programme in
            let programmeEvidence = evidenceByProgramme[record.key] ?? []
            let localItems = (itemsByProgramme[record.key] ?? []).map { item -> LocalItem in
                let id = item.id ?? 0
                let mapped = mappings[id] ?? [:]
                return LocalItem(
                    localID: item.localId, nativeType: LocalizedText(nl: item.nativeTypeNl, en: item.nativeTypeEn),
                    number: item.number, title: item.title, description: item.description,
                    parentID: item.parentId.flatMap { itemLocalIDs[$0] }, owner: item.owner,
                    contactPoints: contacts[id] ?? [], years: years[id] ?? [], status: item.status,
                    themes: mapped[.theme] ?? [], instruments: mapped[.instrument] ?? [], roles: mapped[.role] ?? [],
                    targetGroups: mapped[.targetGroup] ?? [],
                    partnerIDs: (itemPartners[id] ?? []).compactMap { partnerLocalIDs[$0] },
                    relatedIDs: (related[id] ?? []).compactMap { itemLocalIDs[$0] }, note: item.note,
                    evidence: quotes(evidenceByItem[id]),
                    citedSourceIDs: (itemCitedSources[id] ?? []).compactMap { partnerLocalIDs[$0] })
            }
            let budget: Budget
            if record.budgetState == "unknown" {
                budget = .unknown
            } else if record.budgetStated {
                budget = .lines(
                    (linesByProgramme[record.key] ?? []).map { line in
                        let id = line.id ?? 0
                        return BudgetLine(
                            localID: line.localId, label: line.label, block: line.block, kind: line.kind,
                            precision: line.precision, instrument: line.instrumentId, theme: line.themeId,
                            partnerID: line.partnerId.flatMap { partnerLocalIDs[$0] },
                            itemID: line.itemId.flatMap { itemLocalIDs[$0] },
                            amounts: (amounts[id] ?? []).map { YearAmount(year: $0.year, amount: $0.amountCents.map(Money.init(cents:))) },
                            note: line.note, evidence: quotes(evidenceByLine[id]),
                            periodAmount: periodAmounts[id].map {
                                PeriodAmount(
                                    from: $0.periodFrom, to: $0.periodTo, amount: $0.amountCents.map(Money.init(cents:)))
                            })
                    }, note: record.budgetNote, evidence: quotes(programmeEvidence.filter { $0.subject == .budget }))
            } else {
                budget = .none(
                    reason: record.noBudgetReason ?? "", evidence: quotes(programmeEvidence.filter { $0.subject == .budget }))
            }
            var programme = Programme(
                key: record.key, municipalitySlug: record.municipalitySlug,
                kind: ProgrammeKind(id: record.kind, label: LocalizedText(nl: record.kindLabelNl, en: record.kindLabelEn)),
                title: record.title, author: Author(type: record.authorType, name: record.authorName),
                period: record.periodFrom.map { Period(from: $0, to: record.periodTo) },
                date: record.date, adoptionStatus: record.adoptionStatus, sourceFile: record.sourceFile,
                note: record.note, evidence: quotes(programmeEvidence.filter { $0.subject == .programme }),
                items: localItems,
                partners: (partnersByProgramme[record.key] ?? []).map { partner in
                    Partner(
                        localID: partner.localId, name: partner.name, description: partner.description,
                        evidence: quotes(partner.id.flatMap { evidenceByPartner[$0] }), role: partner.role)
                }, budget: budget, label: record.label,
                coverage: record.coverage == "partial" ? .partial(reason: record.coverageReason ?? "") : .complete)
            programme.unreviewedSuggestions = record.unreviewedSuggestions
            return programme
        }
        return Catalog(taxonomy: taxonomy, municipalities: municipalities, programmes: programmes)
    }

    private func readTaxonomy() throws -> Taxonomy {
        func entries(_ table: String) throws -> [TaxonomyEntry] {
            let domain = table == "theme" ? ", domain_id" : ", NULL AS domain_id"
            return try Row.fetchAll(
                db, sql: "SELECT id, label_nl, label_en, definition\(domain) FROM \(table) ORDER BY position"
            ).map { row in
                TaxonomyEntry(
                    id: row["id"], label: LocalizedText(nl: row["label_nl"], en: row["label_en"]),
                    definition: row["definition"], domainID: row["domain_id"])
            }
        }
        return Taxonomy(
            domains: try entries("theme_domain"), themes: try entries("theme"), instruments: try entries("instrument"),
            roles: try entries("role"), targetGroups: try entries("target_group"), itemStatuses: try entries("item_status"))
    }

    private func readMappings() throws -> [Int64: [TaxonomyFacet: [String]]] {
        var result: [Int64: [TaxonomyFacet: [String]]] = [:]
        let tables: [(TaxonomyFacet, String, String)] = [
            (.theme, "item_theme", "theme_id"), (.instrument, "item_instrument", "instrument_id"),
            (.role, "item_role", "role_id"), (.targetGroup, "item_target_group", "target_group_id"),
        ]
        for (facet, table, column) in tables {
            for row in try Row.fetchAll(db, sql: "SELECT item_id, \(column) AS id FROM \(table) ORDER BY item_id, position") {
                result[row["item_id"], default: [:]][facet, default: []].append(row["id"])
            }
        }
        return result
    }

    private func groupedPairs<Value: DatabaseValueConvertible>(_ sql: String, as: Value.Type) throws -> [Int64: [Value]] {
        var result: [Int64: [Value]] = [:]
        for row in try Row.fetchAll(db, sql: sql) {
            result[row[0], default: []].append(row[1])
        }
        return result
    }
}
