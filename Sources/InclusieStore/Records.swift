import GRDB
import InclusieModel

/// One record type per table, for reading the catalog back; the importer writes with prepared statements.
///
/// Column names are in snake_case, so that the SQLite file reads naturally in the `sqlite3` shell.
protocol SnakeCaseRecord: Decodable, FetchableRecord, TableRecord {}

extension SnakeCaseRecord {
    static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy { .convertFromSnakeCase }
}

extension AdoptionStatus: DatabaseValueConvertible {}
extension Partner.Role: DatabaseValueConvertible {}
extension BudgetKind: DatabaseValueConvertible {}
extension BudgetPrecision: DatabaseValueConvertible {}
extension Author.AuthorType: DatabaseValueConvertible {}

struct MunicipalityRecord: SnakeCaseRecord {
    static let databaseTableName = "municipality"
    var slug: String
    var name: String
    var province: String?
    var cbsCode: String?
}

struct PopulationFigureRecord: SnakeCaseRecord {
    static let databaseTableName = "population_figure"
    var id: Int64?
    var municipalitySlug: String
    var referenceDate: String
    var count: Int
    var publisher: String
    var sourceURL: String?
    var note: String?

    enum CodingKeys: String, CodingKey {
        case id, municipalitySlug, referenceDate, count, publisher, note
        case sourceURL = "sourceUrl"
    }
}

struct ProgrammeRecord: SnakeCaseRecord {
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
    var coverage: String
    var coverageReason: String?
    var budgetStated: Bool
    var budgetState: String
    var noBudgetReason: String?
    var budgetNote: String?
    var unreviewedSuggestions: Int
}

struct LocalItemRecord: SnakeCaseRecord {
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
}

struct PartnerRecord: SnakeCaseRecord {
    static let databaseTableName = "partner"
    var id: Int64?
    var programmeKey: String
    var localId: String
    var position: Int
    var name: String
    var description: String?
    var role: Partner.Role
}

struct BudgetLineRecord: SnakeCaseRecord {
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
}

struct BudgetPeriodAmountRecord: SnakeCaseRecord {
    static let databaseTableName = "budget_period_amount"
    var budgetLineId: Int64
    var periodFrom: Int
    var periodTo: Int
    /// Whole euro cents for the period together; nil when the document states no amount.
    var amountCents: Int?
}

struct BudgetAmountRecord: SnakeCaseRecord {
    static let databaseTableName = "budget_amount"
    var budgetLineId: Int64
    var year: Int
    /// Whole euro cents; nil when the document states no amount.
    var amountCents: Int?
}

struct EvidenceRecord: SnakeCaseRecord {
    static let databaseTableName = "evidence"

    /// What a quote is evidence for.
    enum Subject: String, Decodable, DatabaseValueConvertible {
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
}

// The two largest tables are read column by column rather than through `Decodable`: with snake-case
// column decoding GRDB converts every column name of every row, which was half the time of reading all
// 342 municipalities back. Same columns, same values.

extension LocalItemRecord {
    init(row: Row) throws {
        id = try row.decode(forColumn: "id")
        programmeKey = try row.decode(forColumn: "programme_key")
        localId = try row.decode(forColumn: "local_id")
        position = try row.decode(forColumn: "position")
        nativeTypeNl = try row.decode(forColumn: "native_type_nl")
        nativeTypeEn = try row.decode(forColumn: "native_type_en")
        number = try row.decode(forColumn: "number")
        title = try row.decode(forColumn: "title")
        description = try row.decode(forColumn: "description")
        parentId = try row.decode(forColumn: "parent_id")
        owner = try row.decode(forColumn: "owner")
        status = try row.decode(forColumn: "status")
        note = try row.decode(forColumn: "note")
    }
}

extension EvidenceRecord {
    init(row: Row) throws {
        id = try row.decode(forColumn: "id")
        programmeKey = try row.decode(forColumn: "programme_key")
        subject = try row.decode(forColumn: "subject")
        itemId = try row.decode(forColumn: "item_id")
        partnerId = try row.decode(forColumn: "partner_id")
        budgetLineId = try row.decode(forColumn: "budget_line_id")
        position = try row.decode(forColumn: "position")
        quote = try row.decode(forColumn: "quote")
        section = try row.decode(forColumn: "section")
    }
}

// The smaller tables too: one `compare` process reads them whole, and for every row the snake-case
// decoding cost more than the rest of reading the budgets.

extension MunicipalityRecord {
    init(row: Row) throws {
        slug = try row.decode(forColumn: "slug")
        name = try row.decode(forColumn: "name")
        province = try row.decode(forColumn: "province")
        cbsCode = try row.decode(forColumn: "cbs_code")
    }
}

extension PopulationFigureRecord {
    init(row: Row) throws {
        id = try row.decode(forColumn: "id")
        municipalitySlug = try row.decode(forColumn: "municipality_slug")
        referenceDate = try row.decode(forColumn: "reference_date")
        count = try row.decode(forColumn: "count")
        publisher = try row.decode(forColumn: "publisher")
        sourceURL = try row.decode(forColumn: "source_url")
        note = try row.decode(forColumn: "note")
    }
}

extension ProgrammeRecord {
    init(row: Row) throws {
        key = try row.decode(forColumn: "key")
        municipalitySlug = try row.decode(forColumn: "municipality_slug")
        position = try row.decode(forColumn: "position")
        kind = try row.decode(forColumn: "kind")
        kindLabelNl = try row.decode(forColumn: "kind_label_nl")
        kindLabelEn = try row.decode(forColumn: "kind_label_en")
        title = try row.decode(forColumn: "title")
        label = try row.decode(forColumn: "label")
        authorType = try row.decode(forColumn: "author_type")
        authorName = try row.decode(forColumn: "author_name")
        periodFrom = try row.decode(forColumn: "period_from")
        periodTo = try row.decode(forColumn: "period_to")
        date = try row.decode(forColumn: "date")
        adoptionStatus = try row.decode(forColumn: "adoption_status")
        sourceFile = try row.decode(forColumn: "source_file")
        note = try row.decode(forColumn: "note")
        coverage = try row.decode(forColumn: "coverage")
        coverageReason = try row.decode(forColumn: "coverage_reason")
        budgetStated = try row.decode(forColumn: "budget_stated")
        budgetState = try row.decode(forColumn: "budget_state")
        noBudgetReason = try row.decode(forColumn: "no_budget_reason")
        budgetNote = try row.decode(forColumn: "budget_note")
        unreviewedSuggestions = try row.decode(forColumn: "unreviewed_suggestions")
    }
}

extension PartnerRecord {
    init(row: Row) throws {
        id = try row.decode(forColumn: "id")
        programmeKey = try row.decode(forColumn: "programme_key")
        localId = try row.decode(forColumn: "local_id")
        position = try row.decode(forColumn: "position")
        name = try row.decode(forColumn: "name")
        description = try row.decode(forColumn: "description")
        role = try row.decode(forColumn: "role")
    }
}

extension BudgetLineRecord {
    init(row: Row) throws {
        id = try row.decode(forColumn: "id")
        programmeKey = try row.decode(forColumn: "programme_key")
        localId = try row.decode(forColumn: "local_id")
        position = try row.decode(forColumn: "position")
        label = try row.decode(forColumn: "label")
        block = try row.decode(forColumn: "block")
        kind = try row.decode(forColumn: "kind")
        precision = try row.decode(forColumn: "precision")
        instrumentId = try row.decode(forColumn: "instrument_id")
        themeId = try row.decode(forColumn: "theme_id")
        partnerId = try row.decode(forColumn: "partner_id")
        itemId = try row.decode(forColumn: "item_id")
        note = try row.decode(forColumn: "note")
    }
}

extension BudgetPeriodAmountRecord {
    init(row: Row) throws {
        budgetLineId = try row.decode(forColumn: "budget_line_id")
        periodFrom = try row.decode(forColumn: "period_from")
        periodTo = try row.decode(forColumn: "period_to")
        amountCents = try row.decode(forColumn: "amount_cents")
    }
}

extension BudgetAmountRecord {
    init(row: Row) throws {
        budgetLineId = try row.decode(forColumn: "budget_line_id")
        year = try row.decode(forColumn: "year")
        amountCents = try row.decode(forColumn: "amount_cents")
    }
}
