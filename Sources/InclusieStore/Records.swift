import GRDB
import InclusieModel

// One record type per table, as GRDB's `RecordRecommendedPractices` describes: a `Codable` struct whose
// properties are the table's columns, written with `insert(db)` and read with `fetchAll`/`fetchCursor`.
//
// Column names are in snake_case, so that the SQLite file reads naturally in the `sqlite3` shell. Each record
// names them in its `CodingKeys` rather than through GRDB's snake-case strategies, which convert every column
// name of every row again. Without records: the six taxonomy tables (one shape, written and read with plain
// SQL) and the four item-mapping tables (`ItemMapping`). The items, quotes and years are records but are
// written with cached statements, and the items read as rows, for speed (see `Importer` and `CatalogReader`).

extension AdoptionStatus: DatabaseValueConvertible {}
extension Partner.Role: DatabaseValueConvertible {}
extension BudgetKind: DatabaseValueConvertible {}
extension BudgetPrecision: DatabaseValueConvertible {}
extension Author.AuthorType: DatabaseValueConvertible {}

/// A record whose table numbers its rows itself (`INTEGER PRIMARY KEY`, nil before the insert), and which
/// learns its row id when it is inserted: other rows refer to it by that id.
protocol RowIDRecord: Codable, FetchableRecord, MutablePersistableRecord {
    var id: Int64? { get set }
}

extension RowIDRecord {
    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

struct MunicipalityRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "municipality"
    var slug: String
    var name: String
    var province: String?
    var cbsCode: String?

    enum CodingKeys: String, CodingKey {
        case slug, name, province
        case cbsCode = "cbs_code"
    }

    enum Columns {
        static let slug = Column(CodingKeys.slug)
    }
}

/// Its row id (nil before the insert) is SQLite's to give; nothing refers to it.
struct PopulationFigureRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "population_figure"
    var id: Int64?
    var municipalitySlug: String
    var referenceDate: String
    var count: Int
    var publisher: String
    var sourceURL: String?
    var note: String?

    enum CodingKeys: String, CodingKey {
        case id, count, publisher, note
        case municipalitySlug = "municipality_slug"
        case referenceDate = "reference_date"
        case sourceURL = "source_url"
    }

    enum Columns {
        static let referenceDate = Column(CodingKeys.referenceDate)
    }
}

struct ProgrammeRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "programme"
    var key: String
    var municipalitySlug: String
    var position: Int
    var kind: String
    var kindLabelNl: String
    var kindLabelEn: String
    var title: String
    var label: String
    var authorType: Author.AuthorType
    var authorName: String
    var periodFrom: Int?
    var periodTo: Int?
    var date: String?
    var adoptionStatus: AdoptionStatus
    var sourceFile: String
    var note: String?
    /// "complete", or "partial" with `coverageReason`.
    var coverage: String
    var coverageReason: String?
    var budgetStated: Bool
    /// `Budget.state`: "amounts", "none" (with `noBudgetReason`) or "unknown".
    var budgetState: String
    var noBudgetReason: String?
    var budgetNote: String?
    var unreviewedSuggestions: Int

    enum CodingKeys: String, CodingKey {
        case key, position, kind, title, label, date, note, coverage
        case municipalitySlug = "municipality_slug"
        case kindLabelNl = "kind_label_nl"
        case kindLabelEn = "kind_label_en"
        case authorType = "author_type"
        case authorName = "author_name"
        case periodFrom = "period_from"
        case periodTo = "period_to"
        case adoptionStatus = "adoption_status"
        case sourceFile = "source_file"
        case coverageReason = "coverage_reason"
        case budgetStated = "budget_stated"
        case budgetState = "budget_state"
        case noBudgetReason = "no_budget_reason"
        case budgetNote = "budget_note"
        case unreviewedSuggestions = "unreviewed_suggestions"
    }
}

struct LocalItemRecord: RowIDRecord {
    static let databaseTableName = "local_item"
    var id: Int64?
    var programmeKey: String
    var localId: String
    var position: Int
    var nativeTypeNl: String
    var nativeTypeEn: String
    var number: String?
    var title: String
    var description: String?
    var parentId: Int64?
    var owner: String?
    var status: String
    var note: String?

    enum CodingKeys: String, CodingKey {
        case id, position, number, title, description, owner, status, note
        case programmeKey = "programme_key"
        case localId = "local_id"
        case nativeTypeNl = "native_type_nl"
        case nativeTypeEn = "native_type_en"
        case parentId = "parent_id"
    }
}

/// A row of a table that belongs to an item (its years, contact points and links), which the catalog
/// reader reads whole and groups by item.
protocol ItemRowRecord: Codable, FetchableRecord, PersistableRecord {
    var itemId: Int64 { get }
}

/// An item's entries of one taxonomy facet, in a table of their own: `item_theme`, `item_instrument`,
/// `item_role` or `item_target_group`, each with the columns `item_id`, `<facet>_id`, `is_primary` (the
/// first entry) and `position`.
///
/// No record types for these four tables: with four rows per item they are the largest, and are written
/// with one cached statement and read as rows by column number (see `Importer` and `CatalogReader`).
struct ItemMapping {
    /// The part of the catalog that reads them.
    let part: CatalogParts
    let table: String
    /// The column of the taxonomy entry's id.
    let entryColumn: String
    let field: WritableKeyPath<LocalItem, [String]>
    let insertSQL: String

    private init(_ part: CatalogParts, _ name: String, _ field: WritableKeyPath<LocalItem, [String]>) {
        self.part = part
        table = "item_\(name)"
        entryColumn = "\(name)_id"
        self.field = field
        insertSQL = "INSERT INTO \(table) (item_id, \(entryColumn), is_primary, position) VALUES (?, ?, ?, ?)"
    }

    static var all: [ItemMapping] {
        [
            ItemMapping(.itemThemes, "theme", \.themes), ItemMapping(.itemInstruments, "instrument", \.instruments),
            ItemMapping(.itemRoles, "role", \.roles), ItemMapping(.itemTargetGroups, "target_group", \.targetGroups),
        ]
    }
}

struct ItemYearRecord: ItemRowRecord {
    static let databaseTableName = "item_year"
    var itemId: Int64
    var year: Int

    enum CodingKeys: String, CodingKey {
        case year
        case itemId = "item_id"
    }
}

struct ContactPointRecord: ItemRowRecord {
    static let databaseTableName = "contact_point"
    var itemId: Int64
    var position: Int
    var unit: String
    var department: String?

    enum CodingKeys: String, CodingKey {
        case position, unit, department
        case itemId = "item_id"
    }
}

struct ItemRelationRecord: ItemRowRecord {
    static let databaseTableName = "item_relation"
    var itemId: Int64
    var relatedItemId: Int64
    var position: Int

    enum CodingKeys: String, CodingKey {
        case position
        case itemId = "item_id", relatedItemId = "related_item_id"
    }
}

/// An item's link to a partner of its programme it works with.
struct ItemPartnerRecord: ItemRowRecord {
    static let databaseTableName = "item_partner"
    var itemId: Int64
    var partnerId: Int64
    var position: Int

    enum CodingKeys: String, CodingKey {
        case position
        case itemId = "item_id", partnerId = "partner_id"
    }
}

/// An item's link to a partner of its programme it cites as the source of a finding.
struct ItemCitedSourceRecord: ItemRowRecord {
    static let databaseTableName = "item_cited_source"
    var itemId: Int64
    var partnerId: Int64
    var position: Int

    enum CodingKeys: String, CodingKey {
        case position
        case itemId = "item_id", partnerId = "partner_id"
    }
}

struct PartnerRecord: RowIDRecord {
    static let databaseTableName = "partner"
    var id: Int64?
    var programmeKey: String
    var localId: String
    var position: Int
    var name: String
    var description: String?
    var role: Partner.Role

    enum CodingKeys: String, CodingKey {
        case id, position, name, description, role
        case programmeKey = "programme_key"
        case localId = "local_id"
    }
}

struct BudgetLineRecord: RowIDRecord {
    static let databaseTableName = "budget_line"
    var id: Int64?
    var programmeKey: String
    var localId: String
    var position: Int
    var label: String
    var block: String?
    var kind: BudgetKind
    var precision: BudgetPrecision
    var instrumentId: String?
    var themeId: String?
    var partnerId: Int64?
    var itemId: Int64?
    var note: String?

    enum CodingKeys: String, CodingKey {
        case id, position, label, block, kind, precision, note
        case programmeKey = "programme_key"
        case localId = "local_id"
        case instrumentId = "instrument_id"
        case themeId = "theme_id"
        case partnerId = "partner_id"
        case itemId = "item_id"
    }
}

struct BudgetAmountRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "budget_amount"
    var budgetLineId: Int64
    var year: Int
    /// Whole euro cents; nil when the document states no amount.
    var amountCents: Int?

    enum CodingKeys: String, CodingKey {
        case year
        case budgetLineId = "budget_line_id"
        case amountCents = "amount_cents"
    }

    enum Columns {
        static let year = Column(CodingKeys.year)
    }
}

struct BudgetPeriodAmountRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "budget_period_amount"
    var budgetLineId: Int64
    var periodFrom: Int
    var periodTo: Int
    /// Whole euro cents for the period together; nil when the document states no amount.
    var amountCents: Int?

    enum CodingKeys: String, CodingKey {
        case budgetLineId = "budget_line_id"
        case periodFrom = "period_from"
        case periodTo = "period_to"
        case amountCents = "amount_cents"
    }
}

/// One amount of a budget line for which the document states no years.
struct BudgetUndatedAmountRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "budget_undated_amount"
    var budgetLineId: Int64
    /// Whole euro cents; nil when the document states no amount.
    var amountCents: Int?

    enum CodingKeys: String, CodingKey {
        case budgetLineId = "budget_line_id"
        case amountCents = "amount_cents"
    }
}

/// Its row id (nil before the insert) is SQLite's to give; nothing refers to it.
struct EvidenceRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "evidence"

    /// What a quote is evidence for.
    enum Subject: String, Codable, DatabaseValueConvertible {
        case programme, item, partner
        case budgetLine = "budget-line"
        case budget
    }

    var id: Int64?
    var programmeKey: String
    var subject: Subject
    var itemId: Int64?
    var partnerId: Int64?
    var budgetLineId: Int64?
    var position: Int
    var quote: String
    var section: String

    enum CodingKeys: String, CodingKey {
        case id, subject, position, quote, section
        case programmeKey = "programme_key"
        case itemId = "item_id"
        case partnerId = "partner_id"
        case budgetLineId = "budget_line_id"
    }

    var evidence: Evidence { Evidence(quote: quote, section: section) }
}
