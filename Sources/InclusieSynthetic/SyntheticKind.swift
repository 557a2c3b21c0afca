/// The five programme kinds the plugin format knows, each with the groups of its native shape.
///
/// The keys and defaults mirror docs/plugin-format.md; the generator only needs to know where items go,
/// how many each group takes at least, and which groups carry children or extra fields.
enum SyntheticKind: String, CaseIterable, Sendable {
    case actionProgramme = "action-programme"
    case policyNote = "policy-note"
    case changeProgramme = "change-programme"
    case workshop
    case partyProgramme = "party-programme"

    /// How often each kind occurs among the generated municipalities, in percent.
    var share: Int {
        switch self {
        case .actionProgramme: 25
        case .policyNote: 25
        case .changeProgramme: 20
        case .workshop: 15
        case .partyProgramme: 15
        }
    }

    /// The municipality's own policy, as opposed to a workshop's input or a party's proposals.
    var isMunicipalPolicy: Bool { hasBudgetTable }

    /// Party programmes and workshop outcomes name no municipal money; the other kinds usually do.
    var hasBudgetTable: Bool {
        switch self {
        case .actionProgramme, .policyNote, .changeProgramme: true
        case .workshop, .partyProgramme: false
        }
    }

    /// Words for the file id and title: the document type as a municipality would name it.
    var documentName: String {
        switch self {
        case .actionProgramme: "Actieprogramma inclusie"
        case .policyNote: "Nota diversiteit en inclusie"
        case .changeProgramme: "Veranderprogramma inclusie"
        case .workshop: "Werkconferentie samenleven in diversiteit"
        case .partyProgramme: "Verkiezingsprogramma, hoofdstuk inclusie"
        }
    }

    var fileStem: String {
        switch self {
        case .actionProgramme: "actieprogramma"
        case .policyNote: "nota-diversiteit-en-inclusie"
        case .changeProgramme: "veranderprogramma-inclusie"
        case .workshop: "werkconferentie"
        case .partyProgramme: "verkiezingsprogramma"
        }
    }

    var groups: [ItemGroup] {
        switch self {
        case .actionProgramme:
            [
                ItemGroup(
                    key: "principles", heading: "3 Uitgangspunten", idPrefix: "up", minimum: 2, weight: 1,
                    numbered: true),
                ItemGroup(key: "roles", heading: "4 Rol gemeente", idPrefix: "rol", minimum: 2, weight: 1),
                ItemGroup(
                    key: "execution_lines", heading: "5 Uitvoeringslijnen", idPrefix: "ul", minimum: 3, weight: 3,
                    numbered: true, children: ChildGroup(key: "activities", word: "Uitvoeringslijn")),
                ItemGroup(
                    key: "societal_themes", heading: "6 Maatschappelijke thema's", idPrefix: "mt", minimum: 3,
                    weight: 2,
                    children: ChildGroup(key: "topics", word: "Thema")),
                ItemGroup(key: "existing_policy", heading: "7 Bestaand beleid", idPrefix: "bb", minimum: 1, weight: 1),
                ItemGroup(
                    key: "actions", heading: "8 Planning", idPrefix: "actie", minimum: 3, weight: 4, special: .planning),
                ItemGroup(key: "monitoring", heading: "9 Monitoring", idPrefix: "mon", minimum: 1, weight: 1),
            ]
        case .policyNote:
            [
                ItemGroup(
                    key: "aims", heading: "2 Doelstellingen", idPrefix: "doel", minimum: 2, weight: 2, numbered: true),
                ItemGroup(key: "core_values", heading: "3 Kernwaarden", idPrefix: "kw", minimum: 2, weight: 1),
                ItemGroup(
                    key: "policy_themes", heading: "4 Thema's", idPrefix: "thema", minimum: 3, weight: 4, numbered: true
                ),
                ItemGroup(key: "roles", heading: "5 Rol van de gemeente", idPrefix: "rol", minimum: 1, weight: 1),
                ItemGroup(
                    key: "initiatives", heading: "6 Lopende initiatieven", idPrefix: "init", minimum: 2, weight: 3),
                ItemGroup(key: "caveats", heading: "7 Kanttekeningen", idPrefix: "kt", minimum: 1, weight: 1),
            ]
        case .changeProgramme:
            [
                ItemGroup(key: "vision", heading: "Visie", idPrefix: "visie", minimum: 2, weight: 1),
                ItemGroup(
                    key: "spearheads", heading: "Speerpunten", idPrefix: "speerpunt", minimum: 3, weight: 4,
                    numbered: true,
                    special: .owned),
                ItemGroup(key: "roles", heading: "Rollen van de gemeente", idPrefix: "rol", minimum: 2, weight: 1),
                ItemGroup(
                    key: "starting_points", heading: "Uitgangspunten", idPrefix: "uitgangspunt", minimum: 2, weight: 1),
                ItemGroup(key: "phases", heading: "Fasen", idPrefix: "fase", minimum: 2, weight: 2, numbered: true),
                ItemGroup(key: "extra_topics", heading: "Aanspreekpunten", idPrefix: "extra", minimum: 1, weight: 1),
            ]
        case .workshop:
            [
                ItemGroup(key: "summary", heading: "Samenvatting", idPrefix: "sam", minimum: 3, weight: 2),
                ItemGroup(key: "ambitions", heading: "Presentatie > Ambities", idPrefix: "amb", minimum: 2, weight: 1),
                ItemGroup(
                    key: "questions", heading: "Uitkomsten", idPrefix: "vraag", minimum: 3, weight: 5, numbered: true,
                    children: ChildGroup(key: "answers", word: "Vraag")),
            ]
        case .partyProgramme:
            [
                ItemGroup(key: "preamble", heading: "Inleiding", idPrefix: "pre", minimum: 1, weight: 1),
                ItemGroup(
                    key: "sections", heading: "Hoofdstuk 3 Iedereen doet mee", idPrefix: "s", minimum: 4, weight: 6,
                    numbered: true, children: ChildGroup(key: "proposals", word: "Paragraaf", numbered: true)),
            ]
        }
    }
}

/// One top-level list of items in a native shape, e.g. `spearheads:` or `execution_lines:`.
struct ItemGroup: Sendable {
    /// What a group asks of its items beyond the shared fields.
    enum Special: Sendable {
        case none
        /// Planning-table actions: `lines` (execution line ids) and `years` are required.
        case planning
        /// Spearheads: `owner` is required.
        case owned
    }

    var key: String
    /// The heading the group stands under in the source text (levels separated by ` > `).
    var heading: String
    var idPrefix: String
    /// Items (parents and children together) the group gets before the rest is spread by weight.
    var minimum: Int
    var weight: Int
    var numbered = false
    var children: ChildGroup? = nil
    var special = Special.none
}

/// Child items under each item of a group, e.g. `activities:` under an execution line.
struct ChildGroup: Sendable {
    var key: String
    /// The document's word for the parent in a sub-heading: "Uitvoeringslijn 2: …".
    var word: String
    /// Party proposals must carry the programme's own number.
    var numbered = false
}
