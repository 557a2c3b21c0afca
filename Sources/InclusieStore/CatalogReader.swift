import GRDB
import InclusieModel

/// Reads the database back into model values, one query per table, grouped in memory.
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
        }
    }

    /// `WHERE`/`AND` plus the condition on `column` (an item id) for the items of the selected programmes.
    private func itemCondition(_ column: String, joining word: String) -> String {
        guard let programmeCondition else { return "" }
        return """
             \(word) \(column) IN (SELECT id FROM local_item WHERE programme_key IN (SELECT key FROM programme WHERE \(programmeCondition)))
            """
    }

    func read() throws -> Catalog {
        try read(itemDetails: readItemDetails)
    }

    /// The catalog, with the items' mappings, years and quotes from `itemDetails`.
    func read(itemDetails: () throws -> ItemDetails) throws -> Catalog {
        let rest = parts.contains(.rest)
        let taxonomy = try readTaxonomy()
        let figures =
            parts.contains(.population)
            ? Dictionary(
                grouping: try PopulationFigureRecord.order(Column("reference_date")).fetchAll(db), by: \.municipalitySlug)
            : [:]
        let municipalities = try MunicipalityRecord.order(Column("slug")).fetchAll(db).map { record in
            Municipality(
                slug: record.slug, name: record.name, province: record.province, cbsCode: record.cbsCode,
                population: (figures[record.slug] ?? []).map {
                    PopulationFigure(
                        referenceDate: $0.referenceDate, count: $0.count, publisher: $0.publisher,
                        sourceURL: $0.sourceURL, note: $0.note)
                })
        }

        // The whole evidence table for the whole catalog; for a view, at most the items' quotes (below).
        let evidence = rest ? try EvidenceRecord.order(Column("position")).fetchAll(db) : []
        func quotes(_ records: [EvidenceRecord]?) -> [Evidence] {
            (records ?? []).map { Evidence(quote: $0.quote, section: $0.section) }
        }
        let evidenceByPartner = Dictionary(grouping: evidence.filter { $0.partnerId != nil }, by: { $0.partnerId! })
        let evidenceByLine = Dictionary(grouping: evidence.filter { $0.budgetLineId != nil }, by: { $0.budgetLineId! })
        let evidenceByProgramme = Dictionary(
            grouping: evidence.filter { $0.subject == .programme || $0.subject == .budget }, by: \.programmeKey)

        let partners = rest ? try PartnerRecord.order(Column("programme_key"), Column("position")).fetchAll(db) : []
        let partnerLocalIDs = Dictionary(uniqueKeysWithValues: partners.compactMap { p in p.id.map { ($0, p.localId) } })
        let partnersByProgramme = Dictionary(grouping: partners, by: \.programmeKey)

        var items = parts.contains(.items) ? try readItems() : ItemTable()
        let itemIndex = RowIndex(items.rowIDs)
        if itemIndex.count > 0 {
            try itemDetails().apply(to: &items, itemIndex: itemIndex)
        }
        if rest { addItemEvidence(evidence, to: &items, itemIndex: itemIndex) }
        let parentLocalIDs = items.parentRowIDs.map { parent in parent.flatMap { itemIndex[$0].map(items.localID) } }
        for (index, parent) in parentLocalIDs.enumerated() where parent != nil {
            items.update(index) { $0.parentID = parent }
        }
        if rest {
            func itemLocalID(_ id: Int64) -> String? { itemIndex[id].map(items.localID) }
            let related = try groupedPairs(
                "SELECT item_id, related_item_id FROM item_relation ORDER BY item_id, position"
            ) { $0.int64(1) }.mapValues { $0.compactMap(itemLocalID) }
            let itemPartners = try groupedPairs(
                "SELECT item_id, partner_id FROM item_partner ORDER BY item_id, position"
            ) { $0.int64(1) }
            let itemCitedSources = try groupedPairs(
                "SELECT item_id, partner_id FROM item_cited_source ORDER BY item_id, position"
            ) { $0.int64(1) }
            var contacts: [Int64: [ContactPoint]] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT item_id, unit, department FROM contact_point ORDER BY item_id, position")
            {
                contacts[row["item_id"], default: []].append(ContactPoint(unit: row["unit"], department: row["department"]))
            }
            for (index, id) in items.rowIDs.enumerated() {
                items.update(index) { item in
                    item.contactPoints = contacts[id] ?? []
                    item.partnerIDs = (itemPartners[id] ?? []).compactMap { partnerLocalIDs[$0] }
                    item.relatedIDs = related[id] ?? []
                    item.citedSourceIDs = (itemCitedSources[id] ?? []).compactMap { partnerLocalIDs[$0] }
                }
            }
        }

        let finishedItems = items
        func itemLocalID(_ id: Int64) -> String? { itemIndex[id].map(finishedItems.localID) }

        let readBudgets = parts.contains(.budgets)
        let lines = readBudgets ? try BudgetLineRecord.order(Column("programme_key"), Column("position")).fetchAll(db) : []
        let linesByProgramme = Dictionary(grouping: lines, by: \.programmeKey)
        let amounts =
            readBudgets
            ? Dictionary(grouping: try BudgetAmountRecord.order(Column("year")).fetchAll(db), by: \.budgetLineId) : [:]
        let periodAmounts =
            readBudgets
            ? Dictionary(uniqueKeysWithValues: try BudgetPeriodAmountRecord.fetchAll(db).map { ($0.budgetLineId, $0) })
            : [:]

        let programmeRecords = programmeCondition.map { ProgrammeRecord.filter(sql: $0) } ?? ProgrammeRecord.all()
        let programmes = try programmeRecords.order(Column("position")).fetchAll(db).map { record -> Programme in
            let programmeEvidence = evidenceByProgramme[record.key] ?? []
            let localItems = finishedItems.groupOfProgramme[record.key].map { finishedItems.groups[$0] } ?? []
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
                            itemID: line.itemId.flatMap(itemLocalID),
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

    /// The items, each programme's together and in order of position; only the columns the parts ask for
    /// are read, and the other tables' values are filled in afterwards, in place.
    ///
    /// Read in the order they were written, which is how the importer writes them: one programme after the
    /// other, each in order of position. Walking the key index and sorting each programme's items cost more
    /// than the rest of the read; should the rows not be in that order, SQLite sorts them.
    private func readItems() throws -> ItemTable {
        let description = parts.contains(.itemDescriptions) ? "description" : "NULL"
        let restColumns = parts.contains(.rest) ? "owner, note" : "NULL, NULL"
        let text = parts.contains(.itemText) ? "native_type_nl, native_type_en, number, title" : "'', '', NULL, ''"
        let select = """
            SELECT id, programme_key, local_id, position, \(text), \(description), parent_id, status, \(restColumns)
            FROM local_item\(programmeCondition.map { " WHERE programme_key IN (SELECT key FROM programme WHERE \($0))" } ?? "")
            """
        if let written = try readItems(select + " ORDER BY id", checkingOrder: true) { return written }
        return try readItems(select + " ORDER BY programme_key, position", checkingOrder: false) ?? ItemTable()
    }

    /// Nil when `checkingOrder` and a programme's items are not together and in order of position.
    private func readItems(_ sql: String, checkingOrder: Bool) throws -> ItemTable? {
        var builder = ItemTableBuilder(checkingOrder: checkingOrder)
        builder.reserveCapacity(try Int.fetchOne(db, sql: "SELECT count(*) FROM local_item") ?? 0)
        try RawRows.forEach(db, sql: sql) { row in builder.add(row) }
        return builder.finish()
    }

    /// Whether the parts ask for anything `readItemDetails` reads.
    static func readsItemDetails(_ parts: CatalogParts) -> Bool {
        parts.contains(.items)
            && !parts.isDisjoint(with: [.itemThemes, .itemInstruments, .itemRoles, .itemTargetGroups, .itemYears, .itemEvidence])
    }

    /// The items' mappings for the facets among the parts, their years, and their quotes when the whole
    /// evidence table is not read anyway; by item row id, so they can be read apart from the items.
    ///
    /// The ids are the taxonomy's own strings, so that 100,000s of items share them instead of each
    /// holding a copy.
    func readItemDetails() throws -> ItemDetails {
        var details = try readItemMappingsAndYears()
        details.evidence = try readItemEvidence()
        return details
    }

    /// The items' mappings and years, without their quotes.
    func readItemMappingsAndYears() throws -> ItemDetails {
        var details = ItemDetails()
        guard parts.contains(.items) else { return details }
        let taxonomy = try readTaxonomy()
        for facet in TaxonomyFacet.allCases {
            guard let mapping = facet.itemMapping, parts.contains(mapping.part) else { continue }
            let entries = taxonomy.entries(facet)
            let shared = Dictionary(entries.map { ($0.id, $0.id) }, uniquingKeysWith: { first, _ in first })
            let target = mapping.table
            let select = "SELECT m.item_id, m.position, m.\(target)_id FROM item_\(target) m"
            let runs = try keyedRuns(select + itemCondition("m.item_id", joining: "WHERE")) { row in
                shared[row.string(2)]
            }
            details.mappings.append((facet, runs))
        }
        if parts.contains(.itemYears) {
            details.years = try groupedPairs(
                "SELECT item_id, year FROM item_year\(itemCondition("item_id", joining: "WHERE")) ORDER BY item_id, year"
            ) { $0.int(1) }
        }
        return details
    }

    /// The items' quotes, when the whole evidence table is not read anyway.
    func readItemEvidence() throws -> [ItemRun<Evidence>] {
        guard parts.contains(.items), parts.contains(.itemEvidence), !parts.contains(.rest) else { return [] }
        let select =
            "SELECT m.item_id, m.position, m.quote, m.section FROM evidence m WHERE m.item_id IS NOT NULL"
            + itemCondition("m.item_id", joining: "AND")
        return try itemRuns(select) { row in Evidence(quote: row.string(2), section: row.string(3)) }
    }

    /// The items' quotes from the evidence already read for the whole catalog.
    private func addItemEvidence(_ evidence: [EvidenceRecord], to items: inout ItemTable, itemIndex: RowIndex) {
        guard parts.contains(.itemEvidence), itemIndex.count > 0 else { return }
        for record in evidence {
            if let itemID = record.itemId, let index = itemIndex[itemID] {
                items.update(index) { $0.evidence.append(Evidence(quote: record.quote, section: record.section)) }
            }
        }
    }

    /// The rows of `select` (item id, position, then the values, from a table named `m`) as one run per item.
    ///
    /// Read in the order the rows were written, which is how the importer writes them: one item after the
    /// other, each in order of position. Sorting by item and position in SQL costs more than the rest of
    /// the read. Should the rows not be in that order (a database written otherwise), SQLite sorts them.
    private func itemRuns<Value>(_ select: String, value: (RawRow) -> Value?) throws -> [ItemRun<Value>] {
        if let written = try runs(select + " ORDER BY m.rowid", checkingOrder: true, value: value) {
            return written
        }
        return try runs(select + " ORDER BY 1, 2", checkingOrder: false, value: value) ?? []
    }

    /// The rows of `select` (item id, position, then the values, from a link table named `m`) as one run per
    /// item, each in order of position.
    ///
    /// A link table is stored in the order of its key, item and then the linked id, so SQLite returns the
    /// rows by item without sorting; each item's few rows are put in order here. Sorting the whole table by
    /// item and position in SQL doubled the time of reading it.
    private func keyedRuns<Value>(_ select: String, value: (RawRow) -> Value?) throws -> [ItemRun<Value>] {
        var result: [ItemRun<Value>] = []
        var currentItem: Int64?
        var current: [(position: Int, value: Value)] = []
        func finishItem() {
            guard let itemID = currentItem else { return }
            current.sort { $0.position < $1.position }
            result.append(ItemRun(itemID: itemID, values: current.map(\.value)))
            current.removeAll(keepingCapacity: true)
        }
        try RawRows.forEach(db, sql: select + " ORDER BY m.item_id") { row in
            let itemID = row.int64(0)
            if itemID != currentItem {
                finishItem()
                currentItem = itemID
            }
            if let value = value(row) { current.append((row.int(1), value)) }
        }
        finishItem()
        return result
    }

    /// Nil when `checkingOrder` and an item's rows are not together and in order of position.
    private func runs<Value>(_ sql: String, checkingOrder: Bool, value: (RawRow) -> Value?) throws -> [ItemRun<Value>]? {
        var result: [ItemRun<Value>] = []
        var seen = Set<Int64>()
        var current: ItemRun<Value>?
        var inOrder = true
        try RawRows.forEach(db, sql: sql) { row in
            guard inOrder else { return }
            let itemID = row.int64(0)
            if itemID != current?.itemID {
                if let finished = current {
                    if checkingOrder, !seen.insert(finished.itemID).inserted { inOrder = false }
                    result.append(finished)
                }
                current = ItemRun(itemID: itemID, values: [])
            }
            if checkingOrder, row.int(1) != current?.values.count { inOrder = false }
            if let value = value(row) { current?.values.append(value) }
        }
        guard inOrder else { return nil }
        if let finished = current {
            if checkingOrder, !seen.insert(finished.itemID).inserted { return nil }
            result.append(finished)
        }
        return result
    }

    /// The second column of `sql` grouped by the first (an item id), read through `RawRows`: GRDB's `Row`
    /// made the years alone 7 % of a `compare timeline` process.
    private func groupedPairs<Value>(_ sql: String, value: (RawRow) -> Value) throws -> [Int64: [Value]] {
        var result: [Int64: [Value]] = [:]
        try RawRows.forEach(db, sql: sql) { row in
            result[row.int64(0), default: []].append(value(row))
        }
        return result
    }
}

/// One item's values of a per-item table, in order of position.
struct ItemRun<Value: Sendable>: Sendable {
    var itemID: Int64
    var values: [Value]
}

/// What the items hold in tables of their own (mappings, years, quotes), by item row id.
///
/// Read apart from the items, so that another connection can read them on the second core while the
/// items are read (`Store.catalog`).
struct ItemDetails: Sendable {
    var mappings: [(facet: TaxonomyFacet, runs: [ItemRun<String>])] = []
    var years: [Int64: [Int]] = [:]
    var evidence: [ItemRun<Evidence>] = []

    fileprivate func apply(to items: inout ItemTable, itemIndex: RowIndex) {
        for (facet, runs) in mappings {
            guard let path = facet.itemMapping?.field else { continue }
            for run in runs {
                if let index = itemIndex[run.itemID] { items.update(index) { $0[keyPath: path] = run.values } }
            }
        }
        for (id, values) in years {
            if let index = itemIndex[id] { items.update(index) { $0.years = values } }
        }
        for run in evidence {
            if let index = itemIndex[run.itemID] { items.update(index) { $0.evidence = run.values } }
        }
    }
}

extension TaxonomyFacet {
    /// Where items keep their ids of this facet: the part that reads them, the table `item_<table>` with its
    /// column `<table>_id`, and the item's field; nil for the status, a column of the item itself.
    fileprivate var itemMapping: (part: CatalogParts, table: String, field: WritableKeyPath<LocalItem, [String]>)? {
        switch self {
        case .theme: (.itemThemes, "theme", \.themes)
        case .instrument: (.itemInstruments, "instrument", \.instruments)
        case .role: (.itemRoles, "role", \.roles)
        case .targetGroup: (.itemTargetGroups, "target_group", \.targetGroups)
        case .itemStatus: nil
        }
    }
}

/// The items as read, already grouped per programme, with the row ids that the other tables refer to them by.
///
/// Each item is made once, in its programme's array, and the mappings, quotes and years are filled in there:
/// making intermediate rows and copying them into items cost as much as reading them.
private struct ItemTable {
    struct Location {
        var group: Int32
        var offset: Int32
    }

    var groups: [[LocalItem]] = []
    var groupOfProgramme: [String: Int] = [:]
    /// Per item, in the order read: its row id, its parent's row id and where it stands in `groups`.
    var rowIDs: [Int64] = []
    var parentRowIDs: [Int64?] = []
    var locations: [Location] = []

    func localID(_ index: Int) -> String {
        let location = locations[index]
        return groups[Int(location.group)][Int(location.offset)].localID
    }

    mutating func update(_ index: Int, _ change: (inout LocalItem) -> Void) {
        let location = locations[index]
        change(&groups[Int(location.group)][Int(location.offset)])
    }
}

/// Makes the `ItemTable` from item rows in the columns of `CatalogReader.readItems()`, one row at a time.
///
/// A value with mutating methods rather than a closure over local variables: the closure's captured
/// variables were checked for exclusive access on every row, and keeping the whole previous item to share
/// its texts copied every one of its fields.
private struct ItemTableBuilder {
    let checkingOrder: Bool
    private var table = ItemTable()
    private var inOrder = true
    private var programmeKey: String?
    private var lastPosition = 0
    private var items: [LocalItem] = []
    /// The previous row's texts that thousands of rows repeat, to share rather than make anew.
    private var nativeType = LocalizedText(nl: "", en: "")
    private var status = ""

    init(checkingOrder: Bool) {
        self.checkingOrder = checkingOrder
    }

    mutating func reserveCapacity(_ count: Int) {
        table.rowIDs.reserveCapacity(count)
        table.parentRowIDs.reserveCapacity(count)
        table.locations.reserveCapacity(count)
    }

    mutating func add(_ row: RawRow) {
        guard inOrder else { return }
        let key = row.string(1, reusing: programmeKey)
        let position = row.int(3)
        if key != programmeKey {
            finishProgramme()
            if checkingOrder, table.groupOfProgramme[key] != nil { inOrder = false }
            programmeKey = key
        } else if checkingOrder, position <= lastPosition {
            inOrder = false
        }
        lastPosition = position
        nativeType = LocalizedText(nl: row.string(4, reusing: nativeType.nl), en: row.string(5, reusing: nativeType.en))
        status = row.string(10, reusing: status)
        table.rowIDs.append(row.int64(0))
        table.parentRowIDs.append(row.optionalInt64(9))
        table.locations.append(ItemTable.Location(group: Int32(table.groups.count), offset: Int32(items.count)))
        items.append(
            LocalItem(
                localID: row.string(2), nativeType: nativeType, number: row.optionalString(6), title: row.string(7),
                description: row.optionalString(8), owner: row.optionalString(11), status: status,
                note: row.optionalString(12), evidence: []))
    }

    /// The table, or nil when `checkingOrder` found the rows out of order.
    mutating func finish() -> ItemTable? {
        guard inOrder else { return nil }
        finishProgramme()
        return table
    }

    private mutating func finishProgramme() {
        guard let programmeKey else { return }
        table.groupOfProgramme[programmeKey] = table.groups.count
        table.groups.append(items)
        items = []
    }
}

/// Row ids to positions in an array of rows: an array when the ids are dense, as the importer writes
/// them, so that 100,000s of lookups hash nothing; a dictionary otherwise.
private struct RowIndex {
    private var first: Int64 = 0
    private var dense: [Int32] = []
    private var sparse: [Int64: Int] = [:]
    private var isDense = true
    let count: Int

    init(_ ids: [Int64]) {
        count = ids.count
        guard let low = ids.min(), let high = ids.max() else { return }
        if high - low < Int64(2 * ids.count + 16) {
            first = low
            dense = Array(repeating: -1, count: Int(high - low) + 1)
            for (index, id) in ids.enumerated() { dense[Int(id - low)] = Int32(index) }
        } else {
            isDense = false
            sparse = Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        }
    }

    subscript(id: Int64) -> Int? {
        guard isDense else { return sparse[id] }
        let offset = id - first
        guard offset >= 0, offset < dense.count else { return nil }
        let index = dense[Int(offset)]
        return index < 0 ? nil : Int(index)
    }
}
