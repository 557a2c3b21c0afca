import GRDB
import InclusieModel

/// Reads the database back into model values: one query per table, its records grouped in memory.
///
/// One pass per table keeps reading fast for thousands of programmes, whatever their size. Only the
/// `parts` asked for are read; the others stay empty, so that a view waits only for what it shows.
struct CatalogReader {
    let db: Database
    var parts: CatalogParts = .all
    var programmes: ProgrammeSelection = .all

    /// The SQL condition on `programme` for the selected programmes; nil for all.
    private var programmeCondition: String? {
        switch programmes {
        case .all: nil
        case .municipalitiesWithPartyProgrammes:
            "municipality_slug IN (SELECT municipality_slug FROM programme WHERE author_type = 'party')"
        case .named(let names):
            // Names are the user's text: each is an SQL string literal with its quotes doubled.
            "(municipality_slug IN (\(Self.literals(names))) OR key IN (\(Self.literals(names))))"
        case .first(let count):
            "key IN (SELECT key FROM programme ORDER BY position LIMIT \(max(count, 0)))"
        }
    }

    /// The condition on the programmes read at all: every one when only the first are read whole.
    private var headerCondition: String? {
        if case .first = programmes { return nil }
        return programmeCondition
    }

    /// SQL string literals, sorted, joined by commas; `NULL` for none (matches nothing).
    private static func literals(_ names: Set<String>) -> String {
        names.isEmpty ? "NULL" : names.sorted().map { "'" + $0.replacingOccurrences(of: "'", with: "''") + "'" }.joined(separator: ", ")
    }

    /// ` WHERE`/` AND` plus the condition on the column `programme_key` for the selected programmes.
    private func programmeKeyCondition(joining word: String) -> String {
        programmeCondition.map { " \(word) programme_key IN (SELECT key FROM programme WHERE \($0))" } ?? ""
    }

    /// ` WHERE` plus the condition on `item_id` for the items of the selected programmes.
    private var itemCondition: String {
        programmeCondition.map {
            " WHERE item_id IN (SELECT id FROM local_item WHERE programme_key IN (SELECT key FROM programme WHERE \($0)))"
        } ?? ""
    }

    func read() throws -> Catalog {
        let rest = parts.contains(.rest)
        let taxonomy = try readTaxonomy()
        let municipalities = try readMunicipalities()

        // The quotes of programmes, partners and budget lines come with the rest; of items, with their part.
        let evidenceCondition: String? =
            rest ? "" : parts.isSuperset(of: [.items, .itemEvidence]) ? " WHERE item_id IS NOT NULL" : nil
        let evidence = try evidenceCondition.map { condition in
            try EvidenceRecord.fetchAll(
                db,
                sql: "SELECT * FROM evidence" + condition
                    + programmeKeyCondition(joining: condition.isEmpty ? "WHERE" : "AND") + " ORDER BY position")
        } ?? []
        let evidenceByItem = Dictionary(grouping: evidence.filter { $0.itemId != nil }, by: { $0.itemId! })
        let evidenceByPartner = Dictionary(grouping: evidence.filter { $0.partnerId != nil }, by: { $0.partnerId! })
        let evidenceByLine = Dictionary(grouping: evidence.filter { $0.budgetLineId != nil }, by: { $0.budgetLineId! })
        let evidenceByProgramme = Dictionary(
            grouping: evidence.filter { $0.subject == .programme || $0.subject == .budget }, by: \.programmeKey)
        func quotes(_ records: [EvidenceRecord]?, _ subject: EvidenceRecord.Subject? = nil) -> [Evidence] {
            (records ?? []).filter { subject == nil || $0.subject == subject }.map(\.evidence)
        }

        let partners =
            rest
            ? try PartnerRecord.fetchAll(
                db,
                sql: "SELECT * FROM partner\(programmeKeyCondition(joining: "WHERE")) ORDER BY programme_key, position")
            : []
        let partnerLocalIDs = Dictionary(uniqueKeysWithValues: partners.compactMap { p in p.id.map { ($0, p.localId) } })
        let partnersByProgramme = Dictionary(grouping: partners, by: \.programmeKey)

        var items = parts.contains(.items) ? try readItems() : ItemTable()
        if !items.records.isEmpty {
            for mapping in ItemMapping.all where parts.contains(mapping.part) {
                try read(mapping, into: &items)
            }
            if parts.contains(.itemYears) {
                for (itemID, years) in try grouped(ItemYearRecord.self, order: "year") {
                    items.update(itemID) { $0.years = years.map(\.year) }
                }
            }
            if parts.contains(.itemEvidence) {
                for (itemID, records) in evidenceByItem {
                    items.update(itemID) { $0.evidence = records.map(\.evidence) }
                }
            }
            if rest {
                for (itemID, records) in try grouped(ContactPointRecord.self, order: "position") {
                    items.update(itemID) { $0.contactPoints = records.map { ContactPoint(unit: $0.unit, department: $0.department) } }
                }
                for (itemID, records) in try grouped(ItemPartnerRecord.self, order: "position") {
                    items.update(itemID) { $0.partnerIDs = records.compactMap { partnerLocalIDs[$0.partnerId] } }
                }
                for (itemID, records) in try grouped(ItemCitedSourceRecord.self, order: "position") {
                    items.update(itemID) { $0.citedSourceIDs = records.compactMap { partnerLocalIDs[$0.partnerId] } }
                }
                let relations = try grouped(ItemRelationRecord.self, order: "position")
                for (itemID, records) in relations {
                    let related = records.compactMap { items.localID($0.relatedItemId) }
                    items.update(itemID) { $0.relatedIDs = related }
                }
            }
        }
        let itemsByProgramme = items.takeByProgramme()

        let readBudgets = parts.contains(.budgets)
        let lines =
            readBudgets
            ? try BudgetLineRecord.fetchAll(
                db,
                sql: "SELECT * FROM budget_line\(programmeKeyCondition(joining: "WHERE")) ORDER BY programme_key, position")
            : []
        let linesByProgramme = Dictionary(grouping: lines, by: \.programmeKey)
        let amounts =
            readBudgets
            ? Dictionary(grouping: try BudgetAmountRecord.order(BudgetAmountRecord.Columns.year).fetchAll(db), by: \.budgetLineId)
            : [:]
        let periodAmounts =
            readBudgets
            ? Dictionary(uniqueKeysWithValues: try BudgetPeriodAmountRecord.fetchAll(db).map { ($0.budgetLineId, $0) })
            : [:]
        let undatedAmounts =
            readBudgets
            ? Dictionary(uniqueKeysWithValues: try BudgetUndatedAmountRecord.fetchAll(db).map { ($0.budgetLineId, $0) })
            : [:]

        let programmeRecords = try ProgrammeRecord.fetchAll(
            db,
            sql: "SELECT * FROM programme\(headerCondition.map { " WHERE \($0)" } ?? "") ORDER BY position")
        let programmes = programmeRecords.map { record -> Programme in
            let programmeEvidence = evidenceByProgramme[record.key]
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
                            itemID: line.itemId.flatMap(items.localID),
                            amounts: (amounts[id] ?? []).map { YearAmount(year: $0.year, amount: $0.amountCents.map(Money.init(cents:))) },
                            note: line.note, evidence: quotes(evidenceByLine[id]),
                            periodAmount: periodAmounts[id].map {
                                PeriodAmount(
                                    from: $0.periodFrom, to: $0.periodTo, amount: $0.amountCents.map(Money.init(cents:)))
                            },
                            undatedAmount: undatedAmounts[id].map { UndatedAmount(amount: $0.amountCents.map(Money.init(cents:))) })
                    }, note: record.budgetNote, evidence: quotes(programmeEvidence, .budget))
            } else {
                budget = .none(reason: record.noBudgetReason ?? "", evidence: quotes(programmeEvidence, .budget))
            }
            var programme = Programme(
                key: record.key, municipalitySlug: record.municipalitySlug,
                kind: ProgrammeKind(id: record.kind, label: LocalizedText(nl: record.kindLabelNl, en: record.kindLabelEn)),
                title: record.title, author: Author(type: record.authorType, name: record.authorName),
                period: record.periodFrom.map { Period(from: $0, to: record.periodTo) },
                date: record.date, adoptionStatus: record.adoptionStatus, sourceFile: record.sourceFile,
                note: record.note, evidence: quotes(programmeEvidence, .programme),
                items: itemsByProgramme[record.key] ?? [],
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

    private func readMunicipalities() throws -> [Municipality] {
        let figures =
            parts.contains(.population)
            ? Dictionary(
                grouping: try PopulationFigureRecord.order(PopulationFigureRecord.Columns.referenceDate).fetchAll(db),
                by: \.municipalitySlug)
            : [:]
        return try MunicipalityRecord.order(MunicipalityRecord.Columns.slug).fetchAll(db).map { record in
            Municipality(
                slug: record.slug, name: record.name, province: record.province, cbsCode: record.cbsCode,
                population: (figures[record.slug] ?? []).map {
                    PopulationFigure(
                        referenceDate: $0.referenceDate, count: $0.count, publisher: $0.publisher,
                        sourceURL: $0.sourceURL, note: $0.note)
                })
        }
    }

    /// The items of the selected programmes, with only the columns the parts ask for: the others are read
    /// as empty texts (or NULL), so that a view reads no more than it shows.
    ///
    /// The items and their mappings, the two tables every view reads, are read as rows by column number
    /// rather than decoded as records: decoding through `Decodable` looks up every column by name on every
    /// row, and these tables have the most rows.
    private func readItems() throws -> ItemTable {
        let text = parts.contains(.itemText) ? "native_type_nl, native_type_en, number, title" : "'', '', NULL, ''"
        let description = parts.contains(.itemDescriptions) ? "description" : "NULL"
        let rest = parts.contains(.rest) ? "owner, note" : "NULL, NULL"
        var table = ItemTable()
        // Items are large values: growing the lists by doubling copied them several times over.
        table.reserveCapacity(try Int.fetchOne(db, sql: "SELECT count(*) FROM local_item\(programmeKeyCondition(joining: "WHERE"))") ?? 0)
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT id, programme_key, local_id, position, \(text), \(description), parent_id, \(rest), status
                FROM local_item\(programmeKeyCondition(joining: "WHERE")) ORDER BY id
                """)
        while let row = try rows.next() {
            table.append(
                LocalItemRecord(
                    id: row[0], programmeKey: row[1], localId: row[2], position: row[3], nativeTypeNl: row[4],
                    nativeTypeEn: row[5], number: row[6], title: row[7], description: row[8], parentId: row[9],
                    owner: row[10], status: row[12], note: row[11]))
        }
        return table
    }

    /// Each item's entries of one facet, in order of position, straight from the cursor into the items.
    private func read(_ mapping: ItemMapping, into items: inout ItemTable) throws {
        let rows = try Row.fetchCursor(
            db,
            sql: "SELECT item_id, \(mapping.entryColumn) FROM \(mapping.table)\(itemCondition) ORDER BY item_id, position")
        while let row = try rows.next() {
            let entry: String = row[1]
            items.update(row[0]) { $0[keyPath: mapping.field].append(entry) }
        }
    }

    /// The rows of a table that belong to items, by item row id, each item's in the given order.
    private func grouped<Record: ItemRowRecord>(
        _: Record.Type, order column: String
    ) throws -> [Int64: [Record]] {
        var result: [Int64: [Record]] = [:]
        let records = try Record.fetchCursor(
            db, sql: "SELECT * FROM \(Record.databaseTableName)\(itemCondition) ORDER BY item_id, \(column)")
        while let record = try records.next() {
            result[record.itemId, default: []].append(record)
        }
        return result
    }
}

/// The items as read, by row id, until they are complete and handed to their programmes.
private struct ItemTable {
    private(set) var records: [LocalItemRecord] = []
    private var items: [LocalItem] = []
    private var offsetOfRowID: [Int64: Int] = [:]

    mutating func reserveCapacity(_ count: Int) {
        records.reserveCapacity(count)
        items.reserveCapacity(count)
        offsetOfRowID.reserveCapacity(count)
    }

    mutating func append(_ record: LocalItemRecord) {
        offsetOfRowID[record.id ?? 0] = items.count
        records.append(record)
        items.append(
            LocalItem(
                localID: record.localId, nativeType: LocalizedText(nl: record.nativeTypeNl, en: record.nativeTypeEn),
                number: record.number, title: record.title, description: record.description, owner: record.owner,
                status: record.status, note: record.note, evidence: []))
    }

    func localID(_ rowID: Int64) -> String? {
        offsetOfRowID[rowID].map { records[$0].localId }
    }

    mutating func update(_ rowID: Int64, _ change: (inout LocalItem) -> Void) {
        if let offset = offsetOfRowID[rowID] { change(&items[offset]) }
    }

    /// The items of each programme in order of position, each with its parent's local id; takes the items
    /// out of the table.
    ///
    /// An item is a large value (a dozen strings and lists), and every view reads thousands: it is copied
    /// once here, into its programme's list, not once per step.
    mutating func takeByProgramme() -> [String: [LocalItem]] {
        var items: [LocalItem] = []
        swap(&items, &self.items)
        var offsets: [String: [Int]] = [:]
        for offset in records.indices {
            items[offset].parentID = records[offset].parentId.flatMap(localID)
            offsets[records[offset].programmeKey, default: []].append(offset)
        }
        return offsets.mapValues { list in
            list.sorted { (records[$0].position, $0) < (records[$1].position, $1) }.map { items[$0] }
        }
    }
}
