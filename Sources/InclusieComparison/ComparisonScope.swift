import InclusieModel

/// Which programmes and which kinds of item a comparison looks at.
public struct ComparisonScope: Sendable {
    /// Municipality slugs, programme keys or programme ids; nil means all.
    public var only: Set<String>?
    /// Item status ids to include; nil means all.
    public var statuses: Set<String>?
    public var language: Language

    public init(only: Set<String>? = nil, statuses: Set<String>? = nil, language: Language = .nl) {
        self.only = only
        self.statuses = statuses
        self.language = language
    }

    /// The programmes in scope, with only the items whose status is in scope.
    public func programmes(in catalog: Catalog) -> [Programme] {
        catalog.programmes.filter(includes).map { programme in
            guard let statuses else { return programme }
            var filtered = programme
            filtered.items = programme.items.filter { statuses.contains($0.status) }
            return filtered
        }
    }

    private func includes(_ programme: Programme) -> Bool {
        guard let only else { return true }
        let localID = programme.key.split(separator: "/").last.map(String.init) ?? programme.key
        return only.contains(programme.municipalitySlug) || only.contains(programme.key) || only.contains(localID)
    }
}

/// A programme as a column heading: enough to see at a glance what kind of document it is.
public struct ProgrammeColumn: Hashable, Codable, Sendable {
    public var key: String
    public var municipality: String
    public var title: String
    /// The programme's short label, which tells two programmes of one municipality apart.
    public var label: String
    /// `complete`, or `partial` when the plugin models only part of the document.
    public var coverage: String
    /// Why the plugin models only part of the document; nil when it is complete.
    public var coverageReason: String?
    public var kind: String
    public var kindLabel: String
    public var adoptionStatus: String
    public var adoptionStatusLabel: String
    public var author: String
    /// `municipality` or `party`.
    public var authorType: String
    /// False for workshop input and party proposals: they are shown, never counted as policy.
    public var isPolicy: Bool
    /// Still holds suggestions from `inclusiebench draft` that nobody has reviewed.
    public var isDraft = false

    public init(_ programme: Programme, catalog: Catalog, language: Language) {
        key = programme.key
        municipality = catalog.municipality(programme.municipalitySlug)?.name ?? programme.municipalitySlug
        title = programme.title
        label = programme.label
        coverage = programme.coverage.isPartial ? "partial" : "complete"
        coverageReason = programme.coverage.partialReason
        kind = programme.kind.id
        kindLabel = programme.kind.label.text(language)
        adoptionStatus = programme.adoptionStatus.rawValue
        adoptionStatusLabel = programme.adoptionStatus.label.text(language)
        author = programme.author.name
        authorType = programme.author.type.rawValue
        isPolicy = programme.adoptionStatus.isPolicy
        isDraft = programme.isDraft
    }

    /// A short heading: the municipality, the party when a party wrote it, and the programme's label.
    public var shortName: String {
        let who = authorType == Author.AuthorType.party.rawValue ? "\(municipality) (\(author))" : municipality
        return "\(who): \(label)"
    }

    public var isPartial: Bool { coverage == "partial" }
}

/// Why the scope a user asked for cannot be used, in both user languages.
public struct ScopeError: Error, Sendable {
    public var message: LocalizedText
}

extension ComparisonScope {
    /// The scope that `only` and `status` describe, checked against the catalog, for every command and web
    /// page that takes them: a typo is an error that says what exists, not an empty table.
    ///
    /// `optionName` is how the user wrote the option (`--only` on the command line, `only=` in a URL), so
    /// the message quotes what they typed.
    /// The names of a comma-separated option such as `--only`, without the spaces around them.
    public static func names(_ text: String?) -> Set<String>? {
        text.map { Set($0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }) }
    }

    public static func checked(
        only: String?, status: String?, language: Language, in catalog: Catalog, optionName: String = "--only "
    ) throws(ScopeError) -> ComparisonScope {
        let scope = ComparisonScope(only: names(only), statuses: names(status), language: language)
        let knownStatuses = catalog.taxonomy.itemStatuses.map(\.id)
        if let unknown = scope.statuses?.subtracting(knownStatuses), !unknown.isEmpty {
            let listed = unknown.sorted().joined(separator: ", ")
            let choices = knownStatuses.joined(separator: ", ")
            throw ScopeError(
                message: LocalizedText(
                    nl: "Onbekende status \(listed); kies uit: \(choices).",
                    en: "Unknown status \(listed); choose from: \(choices)."))
        }
        if scope.only != nil, scope.programmes(in: catalog).isEmpty {
            let known = (catalog.municipalities.map(\.slug) + catalog.programmes.map(\.key)).joined(separator: ", ")
            throw ScopeError(
                message: LocalizedText(
                    nl: "Geen programma past bij \(optionName)\(only ?? ""); bekend zijn: \(known).",
                    en: "No programme matches \(optionName)\(only ?? ""); known are: \(known)."))
        }
        return scope
    }
}
