import InclusieModel

/// A party's proposals held against a municipality's own programme: what the programme does about each.
///
/// Four levels, each one a reader can check against the quotes listed with it. For one proposal (an item
/// of native type `programmapunt`) and one item of the other programme:
/// - the item **matches** when it is on the proposal's subject for the same people: it has the proposal's
///   primary theme among its themes and shares a target group with it (or one of them is for everyone),
///   or its primary theme is one of the proposal's secondary themes and they share a specific target
///   group (any but `everyone`);
/// - **same measure** — a matching item names one of the proposal's own concrete words (`MeasureTerms`:
///   an object, instrument, event or place, compared as whole words by stem) in its title or quotes;
/// - **commits to the same subject** — the item's *primary* theme is the proposal's primary theme, they
///   share a specific target group, and the item is a commitment or existing policy;
/// - **mentions the subject** — any other match: an ambition, an exploration, a plan in preparation, a
///   theme in second place, and always a role of the municipality or a piece of background (context),
///   whatever words they share: a role or a background remark does not do anything about a proposal;
/// - **not found** — no item matches.
///
/// A proposal's verdict is the best match any item gives it. Care for older migrants does not mention a
/// care point for trans residents: the same theme for other people is another subject. The rule stays
/// simple enough that a policy advisor can check every verdict by hand against the mappings, statuses,
/// shared words and quotes listed with it; docs/proposal-reading.md measures it against readings by hand.
public struct ProposalCoverage: Codable, Sendable {
    /// What the other programme does about a proposal; also the strength of one matching item. The raw
    /// values are the stable ids of the JSON output (issue 34 renamed them; the README lists the old ones).
    public enum Verdict: String, Codable, Sendable, CaseIterable, Comparable {
        case sameMeasure = "same-measure"
        case commitsToSubject = "commits-to-subject"
        case mentionsSubject = "mentions-subject"
        case notFound = "not-found"

        public var label: LocalizedText {
            switch self {
            case .sameMeasure: LocalizedText(nl: "noemt dezelfde maatregel", en: "names the same measure")
            case .commitsToSubject: LocalizedText(nl: "zet zich in voor hetzelfde onderwerp", en: "commits to the same subject")
            case .mentionsSubject: LocalizedText(nl: "noemt het onderwerp", en: "mentions the subject")
            case .notFound: LocalizedText(nl: "niet gevonden", en: "not found")
            }
        }

        /// Best first: the same measure sorts before a commitment to the subject.
        public static func < (lhs: Verdict, rhs: Verdict) -> Bool {
            lhs.rank < rhs.rank
        }

        private var rank: Int {
            switch self {
            case .sameMeasure: 0
            case .commitsToSubject: 1
            case .mentionsSubject: 2
            case .notFound: 3
            }
        }
    }

    /// Which part of the rule made an item match, and so how strong the match is.
    public enum MatchReason: String, Codable, Sendable {
        /// The item names one of the proposal's own concrete words: same measure.
        case sharedTerms = "shared-terms"
        /// Same primary theme, a shared specific target group, and a commitment or existing policy, without
        /// the proposal's words: commits to the same subject.
        case primaryThemeAndTargetGroup = "primary-theme-and-target-group"
        /// The item has the proposal's primary theme, but not as its own primary theme, without a shared
        /// specific group, or not as a commitment: mentions the subject.
        case primaryThemeOnly = "primary-theme-only"
        /// The item's primary theme is one of the proposal's secondary themes, for a shared specific group:
        /// mentions the subject.
        case secondaryThemeAsPrimary = "secondary-theme-as-primary"
        /// A role of the municipality or a piece of background on the subject: mentions it, whatever words it
        /// shares.
        case roleOrContext = "role-or-context"

        public var strength: Verdict {
            switch self {
            case .sharedTerms: .sameMeasure
            case .primaryThemeAndTargetGroup: .commitsToSubject
            case .primaryThemeOnly, .secondaryThemeAsPrimary, .roleOrContext: .mentionsSubject
            }
        }

        public var label: LocalizedText {
            switch self {
            case .sharedTerms:
                LocalizedText(nl: "noemt woorden van het voorstel", en: "names words of the proposal")
            case .primaryThemeAndTargetGroup:
                LocalizedText(
                    nl: "alleen zelfde hoofdthema en doelgroep, toegezegd; geen woorden van het voorstel",
                    en: "same primary theme and target group only, committed; none of the proposal's words")
            case .primaryThemeOnly:
                LocalizedText(
                    nl: "hoofdthema van het voorstel komt voor, maar niet als hoofdthema, niet voor dezelfde specifieke doelgroep of niet toegezegd",
                    en: "the proposal's primary theme occurs, but not as primary, not for the same specific group or not committed")
            case .secondaryThemeAsPrimary:
                LocalizedText(
                    nl: "neventhema van het voorstel is hier hoofdthema, zelfde doelgroep",
                    en: "a secondary theme of the proposal is the item's primary theme, same group")
            case .roleOrContext:
                LocalizedText(
                    nl: "rol of achtergrond: telt hoogstens als 'noemt het onderwerp'",
                    en: "a role or background: counts at most as 'mentions the subject'")
            }
        }
    }

    /// An item of the other programme that matches a proposal, with the quote that lets a reader check it.
    public struct Match: Codable, Sendable, Hashable {
        public var itemID: String
        public var itemLabel: String
        public var itemNativeType: String
        /// The item's status id (commitment, exploration …): *commits* needs a commitment or existing policy.
        public var itemStatus: String
        public var itemStatusLabel: String
        public var strength: Verdict
        public var reason: MatchReason
        /// The proposal's own words the item names, as the item writes them; empty unless the match is the
        /// same measure.
        public var sharedTerms: [String]
        /// Themes the proposal and the item share (any position).
        public var sharedThemeIDs: [String]
        public var sharedTargetGroupIDs: [String]
        /// The item's first evidence quote that names a shared word (else its first), and its section.
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
        /// The proposal's concrete words that the rule looks for in the items (`MeasureTerms`).
        public var measureTerms: [String]
        /// Best first (same measure, commits, mentions); within each, in the other programme's order.
        public var matches: [Match]
    }

    /// One party programme against one other programme.
    public struct Comparison: Codable, Sendable {
        public var partyProgramme: ProgrammeColumn
        public var againstProgramme: ProgrammeColumn
        public var proposals: [Proposal]
        public var sameMeasureCount: Int
        public var commitsToSubjectCount: Int
        public var mentionsSubjectCount: Int
        public var notFoundCount: Int

        /// How many proposals have this verdict.
        public func count(_ verdict: Verdict) -> Int {
            switch verdict {
            case .sameMeasure: sameMeasureCount
            case .commitsToSubject: commitsToSubjectCount
            case .mentionsSubject: mentionsSubjectCount
            case .notFound: notFoundCount
            }
        }
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

    /// The rule in a few sentences, for the tables and the report, so that what users read is what the code does.
    public static let ruleSummary = LocalizedText(
        nl: "Een onderdeel past bij een voorstel als het over hetzelfde onderwerp gaat voor dezelfde mensen: het heeft het hoofdthema van het voorstel en deelt een doelgroep (of een van beide is voor iedereen), of zijn hoofdthema is een neventhema van het voorstel en ze delen een specifieke doelgroep. Noemt dezelfde maatregel: een passend onderdeel noemt een eigen woord van het voorstel (een ding, instrument, evenement of plaats; hele woorden, Nederlandse stammen) in zijn titel of citaten. Zet zich in voor hetzelfde onderwerp: hetzelfde hoofdthema, een gedeelde specifieke doelgroep (niet 'iedereen') en een toezegging of bestaand beleid. Noemt het onderwerp: elk ander passend onderdeel, en altijd een rol van de gemeente of achtergrond. Anders: niet gevonden.",
        en: "An item fits a proposal when it is on the same subject for the same people: it has the proposal's primary theme and shares a target group (or either is for everyone), or its primary theme is a secondary theme of the proposal and they share a specific target group. Names the same measure: a fitting item names one of the proposal's own words (an object, instrument, event or place; whole words, Dutch stems) in its title or quotes. Commits to the same subject: same primary theme, a shared specific target group (not 'everyone') and a commitment or existing policy. Mentions the subject: any other fitting item, and always a role of the municipality or background. Otherwise: not found.")

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
        let placeName = catalog.municipality(party.municipalitySlug)?.name
        // Each item's words are split once, when a proposal first shares a theme with it.
        var wordsByItem: [Int: MeasureTerms.ItemWords] = [:]
        // …and each label's stems once, not once per proposal.
        var stemsByLabel: [String: [String]] = [:]
        func stems(_ label: String) -> [String] {
            if let known = stemsByLabel[label] { return known }
            let stems = MeasureTerms.stems(of: label)
            stemsByLabel[label] = stems
            return stems
        }
        let placeStems = placeName.map(MeasureTerms.stems) ?? []
        var proposals: [Proposal] = []
        for proposal in party.items where isProposal(proposal) {
            let subjectStems = subjectLabels(of: proposal, taxonomy: catalog.taxonomy).flatMap(stems)
            let terms = MeasureTerms(title: proposal.title, excluding: Set(subjectStems + placeStems))
            // Only items that share a theme are passed whole. Passing an item copies it, retaining every
            // field, while reading one field copies that field alone; copying every item once per
            // proposal was a fifth of `compare proposals` at 3,420 municipalities.
            let items = other.items
            var found: [Match] = []
            for index in items.indices where sharesTheme(proposal, withThemes: items[index].themes) {
                let words = {
                    if let known = wordsByItem[index] { return known }
                    let words = MeasureTerms.ItemWords([items[index].title] + items[index].evidence.map(\.quote))
                    wordsByItem[index] = words
                    return words
                }
                if var match = match(proposal, terms: terms, with: items[index], words: words, language: language) {
                    match.itemStatusLabel = catalog.taxonomy.label(match.itemStatus, in: .itemStatus, language)
                    found.append(match)
                }
            }
            let matches = found.enumerated().sorted { lhs, rhs in
                lhs.element.strength != rhs.element.strength
                    ? lhs.element.strength < rhs.element.strength : lhs.offset < rhs.offset
            }.map(\.element)
            let verdict = matches.first?.strength ?? .notFound
            let section = proposal.parentID.flatMap { positions[$0] }.map { party.items[$0] }
            proposals.append(Proposal(
                proposalID: proposal.localID, number: proposal.number, sectionNumber: section?.number,
                sectionTitle: section?.title, title: proposal.title, primaryThemeID: proposal.primaryTheme,
                primaryThemeLabel: proposal.primaryTheme.map { catalog.taxonomy.label($0, in: .theme, language) },
                secondaryThemeIDs: Array(proposal.themes.dropFirst()), targetGroupIDs: proposal.targetGroups,
                verdict: verdict, verdictLabel: verdict.label.text(language), quote: proposal.evidence.first?.quote,
                measureTerms: terms.words, matches: matches))
        }
        func count(_ verdict: Verdict) -> Int { proposals.filter { $0.verdict == verdict }.count }
        return Comparison(
            partyProgramme: ProgrammeColumn(party, catalog: catalog, language: language),
            againstProgramme: ProgrammeColumn(other, catalog: catalog, language: language), proposals: proposals,
            sameMeasureCount: count(.sameMeasure), commitsToSubjectCount: count(.commitsToSubject),
            mentionsSubjectCount: count(.mentionsSubject), notFoundCount: count(.notFound))
    }

    /// The labels (in both languages) of a proposal's themes and target groups: their words name its subject
    /// and its people, not its measure, and do not count among its concrete words.
    static func subjectLabels(of proposal: LocalItem, taxonomy: Taxonomy) -> [String] {
        Language.allCases.flatMap { language in
            proposal.themes.map { taxonomy.label($0, in: .theme, language) }
                + proposal.targetGroups.map { taxonomy.label($0, in: .targetGroup, language) }
        }
    }

    /// The target group that says nothing specific: it does not make two items address the same people.
    static let unspecificTargetGroup = "everyone"

    /// Item statuses that say the municipality does the thing, as opposed to wanting, exploring or preparing it.
    static let doingStatuses: Set<String> = ["commitment", "existing-policy"]

    /// The status of background: a remark on the situation, not something the municipality does.
    static let contextStatus = "context"

    /// Whether an item with these themes can match the proposal at all: it has the proposal's primary theme,
    /// or its own primary theme is one of the proposal's secondary ones. Most pairs share no theme.
    static func sharesTheme(_ proposal: LocalItem, withThemes themes: [String]) -> Bool {
        guard let primaryTheme = proposal.primaryTheme else { return false }
        return themes.contains(primaryTheme) || themes.first.map(proposal.themes.dropFirst().contains) == true
    }

    /// Whether an item or proposal is for everyone: it names `everyone`, or no group at all.
    static func addressesEveryone(_ item: LocalItem) -> Bool {
        item.targetGroups.isEmpty || item.targetGroups.contains(unspecificTargetGroup)
    }

    /// A role of the municipality or background: never more than a mention of the subject.
    static func isRoleOrContext(_ item: LocalItem) -> Bool {
        item.nativeType.nl == RoleProfiles.nativeRoleType || item.status == contextStatus
    }

    /// The rule of the type's documentation, for one proposal and one item; nil when they do not match.
    /// `words` gives the item's title and quotes split by `MeasureTerms.ItemWords`, asked only when the
    /// item matches and is no role or background; left out, they are split here.
    static func match(
        _ proposal: LocalItem, terms: MeasureTerms, with item: LocalItem, words: (() -> MeasureTerms.ItemWords)? = nil,
        language: Language
    ) -> Match? {
        guard let primaryTheme = proposal.primaryTheme, sharesTheme(proposal, withThemes: item.themes) else { return nil }
        let sharedGroups = proposal.targetGroups.filter(item.targetGroups.contains)
        let sharesSpecificGroup = sharedGroups.contains { $0 != unspecificTargetGroup }
        let samePeople = !sharedGroups.isEmpty || addressesEveryone(proposal) || addressesEveryone(item)
        var reason: MatchReason
        if item.primaryTheme == primaryTheme, sharesSpecificGroup, doingStatuses.contains(item.status) {
            reason = .primaryThemeAndTargetGroup
        } else if item.themes.contains(primaryTheme), samePeople {
            reason = .primaryThemeOnly
        } else if let itemPrimary = item.primaryTheme, proposal.themes.dropFirst().contains(itemPrimary),
            sharesSpecificGroup
        {
            reason = .secondaryThemeAsPrimary
        } else {
            return nil
        }
        var sharedTerms: [String] = []
        if isRoleOrContext(item) {
            reason = .roleOrContext
        } else {
            if !terms.isEmpty {
                sharedTerms = terms.shared(in: words?() ?? MeasureTerms.ItemWords([item.title] + item.evidence.map(\.quote)))
            }
            if !sharedTerms.isEmpty { reason = .sharedTerms }
        }
        // The quote shown is the first that names a shared word, so that the reader sees the words in it.
        let naming = sharedTerms.isEmpty ? nil : item.evidence.first(where: { !terms.shared(in: [$0.quote]).isEmpty })
        let shown = naming ?? item.evidence.first
        return Match(
            itemID: item.localID, itemLabel: item.displayLabel, itemNativeType: item.nativeType.text(language),
            itemStatus: item.status, itemStatusLabel: item.status, strength: reason.strength, reason: reason,
            sharedTerms: sharedTerms, sharedThemeIDs: proposal.themes.filter(item.themes.contains),
            sharedTargetGroupIDs: sharedGroups, quote: shown?.quote, section: shown?.section)
    }
}
