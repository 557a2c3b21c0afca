/// One programme document of a municipality, mapped onto the shared schema.
///
/// The *kind of document* is data: an adopted programme, a council proposal, a workshop outcome and a party
/// programme are different things, and every comparison shows which is which.
public struct Programme: Hashable, Codable, Sendable, Identifiable {
    /// The municipality slug and the programme's own id, e.g. `almere/actieprogramma-2020-2022`.
    public var key: String
    public var municipalitySlug: String
    public var kind: ProgrammeKind
    public var title: String
    public var author: Author
    public var period: Period?
    /// ISO date of the document, where it states one.
    public var date: String?
    public var adoptionStatus: AdoptionStatus
    /// File name of the source document in the shared sources folder.
    public var sourceFile: String
    public var note: String?
    public var evidence: [Evidence]
    public var items: [LocalItem]
    public var partners: [Partner]
    public var budget: Budget
    /// A short name that tells two programmes of one municipality apart in every heading and column.
    public var label: String
    /// Whether the plugin models the whole document or only part of it (a summary, an excerpt).
    public var coverage: Coverage
    /// Parts still marked `review: suggested` by `inclusiebench draft`; above zero the programme is a draft.
    public var unreviewedSuggestions = 0

    public var id: String { key }
    public var isDraft: Bool { unreviewedSuggestions > 0 }

    public init(
        key: String, municipalitySlug: String, kind: ProgrammeKind, title: String, author: Author,
        period: Period?, date: String?, adoptionStatus: AdoptionStatus, sourceFile: String, note: String?,
        evidence: [Evidence], items: [LocalItem], partners: [Partner], budget: Budget, label: String? = nil,
        coverage: Coverage = .complete
    ) {
        self.key = key
        self.municipalitySlug = municipalitySlug
        self.kind = kind
        self.title = title
        self.author = author
        self.period = period
        self.date = date
        self.adoptionStatus = adoptionStatus
        self.sourceFile = sourceFile
        self.note = note
        self.evidence = evidence
        self.items = items
        self.partners = partners
        self.budget = budget
        self.label = label ?? Programme.defaultLabel(forTitle: title)
        self.coverage = coverage
    }

    /// The label a programme gets when its plugin names none: the title up to a dash or colon, at most
    /// 40 characters, cut at a word.
    public static func defaultLabel(forTitle title: String) -> String {
        var label = title
        for separator in [" — ", " – ", ": "] {
            if let range = label.range(of: separator), range.lowerBound != label.startIndex {
                label = String(label[..<range.lowerBound])
            }
        }
        label = label.trimmingCharacters(in: .whitespaces)
        guard label.count > 40 else { return label }
        var words: [Substring] = []
        for word in label.split(separator: " ") {
            if (words + [word]).joined(separator: " ").count > 39 { break }
            words.append(word)
        }
        return (words.isEmpty ? String(label.prefix(39)) : words.joined(separator: " ")) + "…"
    }

    public func item(_ localID: String) -> LocalItem? {
        items.first { $0.localID == localID }
    }
}

/// The kind of programme, which decides the native shape of its plugin file and so its adapter.
///
/// A struct rather than an enum: adding a kind is one adapter file, without touching the model.
public struct ProgrammeKind: Hashable, Codable, Sendable {
    public var id: String
    public var label: LocalizedText

    public init(id: String, label: LocalizedText) {
        self.id = id
        self.label = label
    }
}

/// Who wrote the programme: the municipality itself, or a political party.
public struct Author: Hashable, Codable, Sendable {
    public enum AuthorType: String, Codable, Sendable, CaseIterable {
        case municipality
        case party

        public var label: LocalizedText {
            switch self {
            case .municipality: LocalizedText(nl: "gemeente", en: "municipality")
            case .party: LocalizedText(nl: "politieke partij", en: "political party")
            }
        }
    }

    public var type: AuthorType
    public var name: String

    public init(type: AuthorType, name: String) {
        self.type = type
        self.name = name
    }
}

/// The years a programme covers, inclusive; `to == nil` is an open-ended period ("from 2021").
public struct Period: Hashable, Codable, Sendable {
    public var from: Int
    public var to: Int?

    public init(from: Int, to: Int?) {
        self.from = from
        self.to = to
    }

    /// The years from the first to the last; an open-ended period names only its first.
    public var years: ClosedRange<Int> { from...max(from, to ?? from) }

    /// `2020–2022`, `2020`, or `vanaf 2020` / `from 2020` when the period has no end.
    public func label(_ language: Language) -> String {
        guard let to else { return language == .nl ? "vanaf \(from)" : "from \(from)" }
        return from == to ? String(from) : "\(from)–\(to)"
    }
}

/// Whether a plugin models its whole document, or only part of it and why.
///
/// A programme modelled from a summary has no "white spots": what it leaves out may be in the full text.
public enum Coverage: Hashable, Codable, Sendable {
    case complete
    case partial(reason: String)

    public var isPartial: Bool {
        if case .partial = self { return true }
        return false
    }

    public var partialReason: String? {
        if case .partial(let reason) = self { return reason }
        return nil
    }
}

/// How far a document has come: adopted policy weighs differently from a proposal or a workshop's input.
public enum AdoptionStatus: String, Codable, Sendable, CaseIterable {
    case adopted
    case councilProposal = "council-proposal"
    case workingDocument = "working-document"
    case workshopOutcome = "workshop-outcome"
    case electionProgramme = "election-programme"
    /// The municipality's own programme, where the document does not say whether the council adopted it.
    case adoptionNotStated = "adoption-not-stated"

    public var label: LocalizedText {
        switch self {
        case .adopted: LocalizedText(nl: "vastgesteld programma", en: "adopted programme")
        case .councilProposal: LocalizedText(nl: "raadsvoorstel", en: "council proposal")
        case .workingDocument: LocalizedText(nl: "intern werkdocument", en: "internal working document")
        case .workshopOutcome: LocalizedText(nl: "uitkomst werkconferentie", en: "workshop outcome")
        case .electionProgramme: LocalizedText(nl: "verkiezingsprogramma", en: "election programme")
        case .adoptionNotStated:
            LocalizedText(nl: "vaststelling niet vermeld", en: "adoption not stated")
        }
    }

    /// Whether the document is the municipality's policy (adopted or proposed), as opposed to input or a proposal.
    public var isPolicy: Bool {
        switch self {
        case .adopted, .councilProposal, .workingDocument, .adoptionNotStated: true
        case .workshopOutcome, .electionProgramme: false
        }
    }
}

/// A verbatim quote from the source document and the heading it stands under: what makes every item traceable.
public struct Evidence: Hashable, Codable, Sendable {
    public var quote: String
    /// The section heading, levels separated by `>`.
    public var section: String

    public init(quote: String, section: String) {
        self.quote = quote
        self.section = section
    }
}

/// An organisation the programme names: a partner in the work, or only a source it cites.
public struct Partner: Hashable, Codable, Sendable {
    /// Why the programme names the organisation. Citing research by the SCP does not make the SCP a partner.
    public enum Role: String, Codable, Sendable, CaseIterable {
        case partner
        case citedSource = "cited-source"

        public var label: LocalizedText {
            switch self {
            case .partner: LocalizedText(nl: "partner", en: "partner")
            case .citedSource: LocalizedText(nl: "aangehaalde bron", en: "cited source")
            }
        }
    }

    public var localID: String
    public var name: String
    public var description: String?
    public var evidence: [Evidence]
    public var role: Role

    public init(localID: String, name: String, description: String?, evidence: [Evidence], role: Role = .partner) {
        self.localID = localID
        self.name = name
        self.description = description
        self.evidence = evidence
        self.role = role
    }
}
