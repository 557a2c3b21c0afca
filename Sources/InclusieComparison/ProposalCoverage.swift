import InclusieModel

/// A party's proposals held against a municipality's own programme: covered, partly covered or not covered.
///
/// How a match is decided, for one proposal (an item of native type `programmapunt`) and one item of the
/// other programme, using only the themes, target groups and status each was given:
/// - **covered** — the item's *primary* theme is the proposal's primary theme, the two share a *specific*
///   target group (any but `everyone`), and the item is something the municipality does: a commitment or
///   existing policy, not an ambition, an exploration, a plan still in preparation or context;
/// - **partly covered** — the item has the proposal's primary theme among its themes (any position, any
///   status), *or* the item's primary theme is one of the proposal's secondary themes and the two share a
///   specific target group;
/// - otherwise the item does not match.
///
/// A shared theme alone is not enough for *covered*: a question, an intention or a passing mention of the
/// subject does not do what a party asks. `everyone` does not count as a shared group because nearly every
/// item has it. A proposal's verdict is the best match any item gives it; with no match it is not covered.
/// The rule stays simple enough that a policy advisor can check every verdict by hand against the mappings,
/// statuses and quotes listed with it; docs/proposal-reading.md measures it against a reading by hand.
public struct ProposalCoverage: Codable, Sendable {
    /// How far the other programme covers a proposal; also the strength of one matching item.
    public enum Verdict: String, Codable, Sendable, CaseIterable, Comparable {
        case covered
        case partlyCovered = "partly-covered"
        case notCovered = "not-covered"

        public var label: LocalizedText {
            switch self {
            case .covered: LocalizedText(nl: "gedekt", en: "covered")
            case .partlyCovered: LocalizedText(nl: "deels gedekt", en: "partly covered")
            case .notCovered: LocalizedText(nl: "niet gedekt", en: "not covered")
            }
        }

        /// Best first: covered sorts before partly covered.
        public static func < (lhs: Verdict, rhs: Verdict) -> Bool {
            lhs.rank < rhs.rank
        }

        private var rank: Int {
            switch self {
            case .covered: 0
            case .partlyCovered: 1
            case .notCovered: 2
            }
        }
    }

    /// Which part of the rule made an item match.
    public enum MatchReason: String, Codable, Sendable {
        /// Same primary theme, a shared specific target group, and a commitment or existing policy: covered.
        case primaryThemeAndTargetGroup = "primary-theme-and-target-group"
        /// The item has the proposal's primary theme, but not as its own primary theme, without a shared
        /// specific group, or not as a commitment: partly covered.
        case primaryThemeOnly = "primary-theme-only"
        /// The item's primary theme is one of the proposal's secondary themes, for a shared specific group:
        /// partly covered.
        case secondaryThemeAsPrimary = "secondary-theme-as-primary"

        public var label: LocalizedText {
            switch self {
            case .primaryThemeAndTargetGroup:
                LocalizedText(
                    nl: "zelfde hoofdthema en doelgroep, toegezegd", en: "same primary theme and target group, committed")
            case .primaryThemeOnly:
                LocalizedText(
                    nl: "hoofdthema komt voor, maar niet als hoofdthema, voor een andere doelgroep of niet toegezegd",
                    en: "primary theme occurs, but not as primary, for another group or not committed")
            case .secondaryThemeAsPrimary:
                LocalizedText(
                    nl: "neventhema is hier hoofdthema, zelfde doelgroep", en: "secondary theme is the item's primary theme, same group")
            }
        }
    }

    /// An item of the other programme that matches a proposal, with the quote that lets a reader check it.
    public struct Match: Codable, Sendable, Hashable {
        public var itemID: String
        public var itemLabel: String
        public var itemNativeType: String
        /// The item's status id (commitment, exploration …): *covered* needs a commitment or existing policy.
        public var itemStatus: String
        public var itemStatusLabel: String
        public var strength: Verdict
        public var reason: MatchReason
        /// Themes the proposal and the item share (any position).
        public var sharedThemeIDs: [String]
        public var sharedTargetGroupIDs: [String]
        /// The item's first evidence quote and the section it stands under.
        public var quote: String?
        public var section: String?
    }

    /// One proposal and its verdict.
    public struct Proposal: Codable, Sendable {
        public var proposalID: String
        /// The proposal's number within its section, as the document numbers it.
        public var number: String?
        public var sectionNumber: String?
        public var sectionTitle: String?
        public var title: String
        public var primaryThemeID: String?
        public var primaryThemeLabel: String?
        public var secondaryThemeIDs: [String]
        public var targetGroupIDs: [String]
        public var verdict: Verdict
        public var verdictLabel: String
        /// The proposal's own first quote.
        public var quote: String?
        /// Best first: covered matches, then partial ones; within each, in the other programme's order.
        public var matches: [Match]
    }

    /// One party programme against one other programme.
    public struct Comparison: Codable, Sendable {
        public var partyProgramme: ProgrammeColumn
        public var againstProgramme: ProgrammeColumn
        public var proposals: [Proposal]
        public var coveredCount: Int
        public var partlyCoveredCount: Int
        public var notCoveredCount: Int
    }

    /// Why the programmes asked for could not be compared.
    public enum LookupError: Error, Equatable, CustomStringConvertible {
        case unknownProgramme(String)
        case ambiguousProgramme(String, candidates: [String])
        case noProposals(String)
        case nothingToCompare

        public var description: String {
            switch self {
            case .unknownProgramme(let key):
                "Geen programma '\(key)' / no programme '\(key)'; use a key such as almere/actieprogramma-2020-2022."
            case .ambiguousProgramme(let key, let candidates):
                "'\(key)' past op meerdere programma's / matches several programmes: \(candidates.joined(separator: ", "))."
            case .noProposals(let key):
                "'\(key)' heeft geen programmapunten / has no proposals (items of type programmapunt)."
            case .nothingToCompare:
                "Geen partijprogramma met een beleidsprogramma van dezelfde gemeente / no party programme with a policy programme of the same municipality in scope."
            }
        }
    }

    public var comparisons: [Comparison]

    /// Each party programme in scope against the policy programmes of its own municipality.
    public init(catalog: Catalog, scope: ComparisonScope) {
        let programmes = scope.programmes(in: catalog)
        let pairs = programmes.filter { $0.author.type == .party }.flatMap { party in
            programmes.filter { $0.municipalitySlug == party.municipalitySlug && $0.adoptionStatus.isPolicy }.map {
                (party: party, against: $0)
            }
        }
        comparisons = Self.compare(pairs, catalog: catalog, language: scope.language)
    }

    /// One party programme, or all in scope, against one programme, or the policy programmes of the same
    /// municipality. Programmes are named by key (`almere/bij1-verkiezingsprogramma-2022`) or by id.
    public init(catalog: Catalog, scope: ComparisonScope, party: String?, against: String?) throws(LookupError) {
        // Named programmes are found whatever `--only` says; the status filter still applies to their items.
        let all = ComparisonScope(statuses: scope.statuses, language: scope.language).programmes(in: catalog)
        var parties = scope.programmes(in: catalog).filter { $0.author.type == .party }
        if let party { parties = [try Self.find(party, in: all)] }
        var target: Programme?
        if let against { target = try Self.find(against, in: all) }
        if let party, let named = parties.first, !named.items.contains(where: Self.isProposal) {
            throw .noProposals(party)
        }
        let pairs = parties.flatMap { party in
            (target.map { [$0] }
                ?? all.filter { $0.municipalitySlug == party.municipalitySlug && $0.adoptionStatus.isPolicy })
                .map { (party: party, against: $0) }
        }
        guard !pairs.isEmpty else { throw .nothingToCompare }
        comparisons = Self.compare(pairs, catalog: catalog, language: scope.language)
    }

    /// Each pair on its own core: matching every proposal with every item was a sixth of a whole `compare
    /// proposals` at 342 municipalities. The comparisons keep the order of the pairs.
    private static func compare(
        _ pairs: [(party: Programme, against: Programme)], catalog: Catalog, language: Language
    ) -> [Comparison] {
        ParallelResults.compute(count: pairs.count) { index in
            compare(party: pairs[index].party, against: pairs[index].against, catalog: catalog, language: language)
        }
    }

    /// The rule in two sentences, for the tables and the report, so that what users read is what the code does.
    public static let ruleSummary = LocalizedText(
        nl: "Gedekt: een onderdeel heeft hetzelfde hoofdthema als het voorstel, deelt een specifieke doelgroep (niet 'iedereen') en is een toezegging of bestaand beleid. Deels: het hoofdthema van het voorstel komt bij het onderdeel voor (ook als verkenning of ambitie), of een neventhema van het voorstel is het hoofdthema van het onderdeel en ze delen een specifieke doelgroep. Anders: niet gedekt. Het zegt dat hetzelfde onderwerp aan bod komt, niet dat gebeurt wat de partij vraagt.",
        en: "Covered: an item has the proposal's primary theme as its own primary theme, shares a specific target group (not 'everyone') and is a commitment or existing policy. Partly: the proposal's primary theme occurs among the item's themes (also as an exploration or ambition), or a secondary theme of the proposal is the item's primary theme and they share a specific target group. Otherwise: not covered. It says the same subject is addressed, not that the programme does what the party asks.")

    /// The native item type of a party's numbered proposals.
    public static let nativeProposalType = "programmapunt"

    static func isProposal(_ item: LocalItem) -> Bool {
        item.nativeType.nl == nativeProposalType
    }

    static func find(_ name: String, in programmes: [Programme]) throws(LookupError) -> Programme {
        if let programme = programmes.first(where: { $0.key == name }) { return programme }
        let byID = programmes.filter { $0.key.split(separator: "/").last.map(String.init) == name }
        guard let first = byID.first else { throw .unknownProgramme(name) }
        guard byID.count == 1 else { throw .ambiguousProgramme(name, candidates: byID.map(\.key)) }
        return first
    }

    static func compare(party: Programme, against other: Programme, catalog: Catalog, language: Language) -> Comparison {
        var positions: [String: Int] = [:]
        for index in party.items.indices where positions[party.items[index].localID] == nil {
            positions[party.items[index].localID] = index
        }
        let proposals = party.items.filter(isProposal).map { proposal in
            // Only items that share a theme are passed whole. Passing an item copies it, retaining every
            // field, while reading one field copies that field alone; copying every item once per
            // proposal was a fifth of `compare proposals` at 3,420 municipalities.
            let items = other.items
            var found: [Match] = []
            for index in items.indices where sharesTheme(proposal, withThemes: items[index].themes) {
                if var match = match(proposal, with: items[index], language: language) {
                    match.itemStatusLabel = catalog.taxonomy.label(match.itemStatus, in: .itemStatus, language)
                    found.append(match)
                }
            }
            let matches = found.enumerated().sorted { lhs, rhs in
                lhs.element.strength != rhs.element.strength
                    ? lhs.element.strength < rhs.element.strength : lhs.offset < rhs.offset
            }.map(\.element)
            let verdict = matches.first?.strength ?? .notCovered
            let section = proposal.parentID.flatMap { positions[$0] }.map { party.items[$0] }
            return Proposal(
                proposalID: proposal.localID, number: proposal.number, sectionNumber: section?.number,
                sectionTitle: section?.title, title: proposal.title, primaryThemeID: proposal.primaryTheme,
                primaryThemeLabel: proposal.primaryTheme.map { catalog.taxonomy.label($0, in: .theme, language) },
                secondaryThemeIDs: Array(proposal.themes.dropFirst()), targetGroupIDs: proposal.targetGroups,
                verdict: verdict, verdictLabel: verdict.label.text(language), quote: proposal.evidence.first?.quote,
                matches: matches)
        }
        return Comparison(
            partyProgramme: ProgrammeColumn(party, catalog: catalog, language: language),
            againstProgramme: ProgrammeColumn(other, catalog: catalog, language: language), proposals: proposals,
            coveredCount: proposals.filter { $0.verdict == .covered }.count,
            partlyCoveredCount: proposals.filter { $0.verdict == .partlyCovered }.count,
            notCoveredCount: proposals.filter { $0.verdict == .notCovered }.count)
    }

    /// The target group that says nothing specific: it does not make two items address the same people.
    static let unspecificTargetGroup = "everyone"

    /// Item statuses that say the municipality does the thing, as opposed to wanting, exploring or preparing it.
    static let doingStatuses: Set<String> = ["commitment", "existing-policy"]

    /// Whether an item with these themes can match the proposal at all: it has the proposal's primary theme,
    /// or its own primary theme is one of the proposal's secondary ones. Most pairs share no theme.
    static func sharesTheme(_ proposal: LocalItem, withThemes themes: [String]) -> Bool {
        guard let primaryTheme = proposal.primaryTheme else { return false }
        return themes.contains(primaryTheme) || themes.first.map(proposal.themes.dropFirst().contains) == true
    }

    /// The rule of the type's documentation, for one proposal and one item; nil when they do not match.
    static func match(_ proposal: LocalItem, with item: LocalItem, language: Language) -> Match? {
        guard let primaryTheme = proposal.primaryTheme, sharesTheme(proposal, withThemes: item.themes) else { return nil }
        let sharedGroups = proposal.targetGroups.filter(item.targetGroups.contains)
        let sharesSpecificGroup = sharedGroups.contains { $0 != unspecificTargetGroup }
        let reason: MatchReason
        if item.primaryTheme == primaryTheme, sharesSpecificGroup, doingStatuses.contains(item.status) {
            reason = .primaryThemeAndTargetGroup
        } else if item.themes.contains(primaryTheme) {
            reason = .primaryThemeOnly
        } else if let itemPrimary = item.primaryTheme, proposal.themes.dropFirst().contains(itemPrimary),
            sharesSpecificGroup
        {
            reason = .secondaryThemeAsPrimary
        } else {
            return nil
        }
        return Match(
            itemID: item.localID, itemLabel: item.displayLabel, itemNativeType: item.nativeType.text(language),
            itemStatus: item.status, itemStatusLabel: item.status, strength: reason == .primaryThemeAndTargetGroup ? .covered : .partlyCovered, reason: reason,
            sharedThemeIDs: proposal.themes.filter(item.themes.contains), sharedTargetGroupIDs: sharedGroups,
            quote: item.evidence.first?.quote, section: item.evidence.first?.section)
    }
}
