import InclusieModel
import Yams

/// Turns one kind of programme file, in its native shape, into the shared schema.
///
/// One conforming type per programme kind, each in its own file under `Adapters/`, and one line in
/// `ProgrammeKinds`: that is all a new kind takes. The shared header (title, author, partners, budget …) is
/// read for every kind; an adapter declares its details, with the groups of items of its native shape, and
/// how those groups map onto local items.
protocol ProgrammeAdapter: Sendable {
    /// The kind's `kind:` value, labels, groups and what `new` and `draft` write for it.
    static var details: ProgrammeKindDetails { get }
    /// Adds the groups' items to the programme being built, each with its native type and default status.
    func map(_ groups: NativeGroups, into builder: inout ProgrammeBuilder) throws
}

/// A programme read from a plugin file, with where each part stands in that file for later diagnostics.
public struct LoadedProgramme: Sendable {
    public var programme: Programme
    /// The plugin file, relative to where the user pointed the tool.
    public var file: String
    public var lines: SourceLines
}

/// Line numbers of a plugin's parts, keyed by what they belong to: `item:<id>`, `partner:<id>`, `budget:<id>`.
public struct SourceLines: Sendable, Equatable {
    var byKey: [String: Int] = [:]
    /// Lines of items whose id was already taken: where a duplicate is reported.
    var duplicateItems: [String: [Int]] = [:]
    /// Lines of each evidence quote, keyed like `byKey` (`programme` for the programme's own quotes).
    var quoteLines: [String: [Int?]] = [:]
    /// The line of the top-level `source:`.
    public internal(set) var source: Int?
    /// Items still marked `review: suggested`: a programme with any is a draft until a person reviews it.
    public internal(set) var unreviewedItems: [String] = []
    public internal(set) var unreviewedBudgetLines: [String] = []
    /// Whether the programme's own fields (title, kind, adoption status, author, period, budget state) still
    /// carry `review: suggested`.
    public internal(set) var unreviewedProgramme = false

    /// Whether any part still carries `review: suggested`.
    public var isDraft: Bool { unreviewedCount > 0 }

    /// How many marks are left: the programme's own, its items' and its budget lines'.
    public var unreviewedCount: Int { unreviewedItems.count + unreviewedBudgetLines.count + (unreviewedProgramme ? 1 : 0) }

    public func item(_ id: String) -> Int? { byKey["item:\(id)"] }
    public func duplicates(ofItem id: String) -> [Int] { duplicateItems[id] ?? [] }
    public func partner(_ id: String) -> Int? { byKey["partner:\(id)"] }
    public func budgetLine(_ id: String) -> Int? { byKey["budget:\(id)"] }
    public var budget: Int? { byKey["budget"] }

    /// The line of the `index`th quote of a part (`programme`, `item:<id>`, `partner:<id>`, `budget`,
    /// `budget:<id>`), falling back to the part's own line.
    public func quote(_ index: Int, of part: String) -> Int? {
        let line = quoteLines[part].flatMap { index < $0.count ? $0[index] : nil }
        return line ?? (part == "programme" ? 1 : byKey[part])
    }
}

extension ProgrammeAdapter {
    var kind: ProgrammeKind { Self.details.kind }

    /// Decodes the file's YAML in this kind's shape and maps it onto the shared schema.
    func read(_ document: YAMLDocument, municipalitySlug: String) throws -> (Programme, SourceLines) {
        let native = try document.decode(NativeProgramme<Self>.self)
        let header = native.header
        var builder = ProgrammeBuilder()
        try map(native.groups, into: &builder)
        builder.lines.byKey["budget"] = header.budget.line
        builder.lines.quoteLines["programme"] = header.evidence.map(\.line)
        builder.lines.quoteLines["budget"] = header.budget.evidence.map(\.line)
        builder.lines.source = document.line(ofKey: "source")
        builder.lines.unreviewedProgramme = header.review != nil
        let partners = header.partners.map { partner in
            builder.lines.byKey["partner:\(partner.id)"] = partner.line
            builder.lines.quoteLines["partner:\(partner.id)"] = partner.evidence.map(\.line)
            return Partner(
                localID: partner.id, name: partner.name, description: partner.description,
                evidence: partner.evidence.map(\.model), role: partner.role)
        }
        let budget: Budget
        if header.budget.isUnknown {
            budget = .unknown
        } else if let reason = header.budget.noneReason {
            budget = .none(reason: reason, evidence: header.budget.evidence.map(\.model))
        } else {
            budget = .lines(
                header.budget.lines.map { line in
                    builder.lines.byKey["budget:\(line.id)"] = line.line
                    builder.lines.quoteLines["budget:\(line.id)"] = line.evidence.map(\.line)
                    if line.review != nil { builder.lines.unreviewedBudgetLines.append(line.id) }
                    return BudgetLine(
                        localID: line.id, label: line.label, block: line.block, kind: line.kind,
                        precision: line.precision, instrument: line.instrument, theme: line.theme,
                        partnerID: line.partner, itemID: line.item, amounts: line.amounts, note: line.note,
                        evidence: line.evidence.map(\.model), periodAmount: line.periodAmount,
                        undatedAmount: line.undatedAmount)
                }, note: header.budget.note, evidence: header.budget.evidence.map(\.model))
        }
        var programme = Programme(
            key: "\(municipalitySlug)/\(header.id)", municipalitySlug: municipalitySlug, kind: kind,
            title: header.title, author: header.author, period: header.period, date: header.date,
            adoptionStatus: header.adoptionStatus, sourceFile: header.source, note: header.note,
            evidence: header.evidence.map(\.model), items: builder.items, partners: partners, budget: budget,
            label: header.label, coverage: header.coverage)
        programme.unreviewedSuggestions = builder.lines.unreviewedCount
        return (programme, builder.lines)
    }
}

/// Collects a programme's items in document order, remembering each one's line in the plugin file.
struct ProgrammeBuilder {
    private(set) var items: [LocalItem] = []
    fileprivate(set) var lines = SourceLines()

    func item(_ id: String) -> LocalItem? {
        items.first { $0.localID == id }
    }

    /// Adds one native item as a local item of the given native type.
    ///
    /// - Parameters:
    ///   - defaultStatus: the status the kind gives this group; an item's own `status:` wins.
    ///   - related: links the kind knows of (an action's execution lines), added to the item's own.
    ///   - fallbackInstruments: used when the item names no instruments of its own.
    mutating func add(
        _ native: NativeItem, type: LocalizedText, defaultStatus: String, parent: String? = nil,
        related: [String] = [], fallbackInstruments: [String] = []
    ) {
        if let line = native.line {
            if lines.byKey["item:\(native.id)"] == nil {
                lines.byKey["item:\(native.id)"] = line
                lines.quoteLines["item:\(native.id)"] = native.evidence.map(\.line)
            } else {
                lines.duplicateItems[native.id, default: []].append(line)
            }
        }
        if native.review != nil {
            lines.unreviewedItems.append(native.id)
        }
        items.append(
            LocalItem(
                localID: native.id, nativeType: type, number: native.number, title: native.title,
                description: native.description, parentID: parent, owner: native.owner,
                contactPoints: native.contactPoints.map { ContactPoint(unit: $0.unit, department: $0.department) },
                years: native.years, status: native.status ?? defaultStatus, themes: native.themes,
                instruments: native.instruments.isEmpty ? fallbackInstruments : native.instruments,
                roles: native.roles, targetGroups: native.targetGroups, partnerIDs: native.partners,
                relatedIDs: unique(native.related + related), note: native.note,
                evidence: native.evidence.map(\.model), citedSourceIDs: native.citedSources))
    }

    /// Adds a group's items, each followed by its children (of `childType`) under it.
    mutating func add(
        _ natives: [NativeGroupItem], type: LocalizedText, childType: LocalizedText? = nil, defaultStatus: String
    ) {
        for native in natives {
            add(native.item, type: type, defaultStatus: defaultStatus)
            for child in native.children {
                add(child, type: childType ?? type, defaultStatus: defaultStatus, parent: native.item.id)
            }
        }
    }

    private func unique(_ ids: [String]) -> [String] {
        var seen = Set<String>()
        return ids.filter { seen.insert($0).inserted }
    }
}

/// The programme kinds this build knows, each with its adapter. Adding a kind: one adapter file, one line here.
public struct ProgrammeKinds: Sendable {
    let adapters: [any ProgrammeAdapter]

    /// In the order `draft` weighs their document words: on a tie the earlier, more specific kind wins.
    public init() {
        adapters = [
            PartyProgrammeAdapter(), WorkshopAdapter(), ChangeProgrammeAdapter(), ActionProgrammeAdapter(),
            PolicyNoteAdapter(),
        ]
    }

    /// The kinds of this build and more: how a test proves that a new kind needs nothing else.
    init(adding more: [any ProgrammeAdapter]) {
        adapters = ProgrammeKinds().adapters + more
    }

    public var all: [ProgrammeKind] { adapters.map(\.kind) }

    /// Each kind's groups and defaults, in the order of `all`.
    public var details: [ProgrammeKindDetails] { adapters.map { type(of: $0).details } }

    public func details(of kind: String) -> ProgrammeKindDetails? {
        adapter(for: kind).map { type(of: $0).details }
    }

    func adapter(for kind: String) -> (any ProgrammeAdapter)? {
        adapters.first { $0.kind.id == kind }
    }
}
