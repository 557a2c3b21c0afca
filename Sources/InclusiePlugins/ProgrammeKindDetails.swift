import InclusieModel

/// Everything the tool knows about one programme kind besides how its items map: the groups of its native
/// shape, who writes such documents, and how `new` and `draft` start a file of it.
///
/// Each adapter declares one (a protocol requirement), so a new kind does not build until it says all of
/// this; `new`, `draft` and reading a file of the kind take its groups from here instead of keeping lists
/// of their own.
public struct ProgrammeKindDetails: Sendable {
    public let kind: ProgrammeKind
    /// The item groups of the native shape; the first is the one a new file and a draft start with.
    public let groups: [ItemGroupDetails]
    /// `party` for a party's programme, otherwise `municipality`.
    public let authorType: String
    /// What documents of this kind usually are, as `new` suggests it.
    public let usualAdoptionStatus: AdoptionStatus
    /// Whether the kind itself settles the adoption status (an election programme, a workshop's outcome);
    /// otherwise a draft says `working-document` until a reader checks the document.
    public let kindSettlesAdoptionStatus: Bool
    /// The status of an item whose wording says nothing more specific.
    public let defaultItemStatus: String
    /// Words that make a document likely to be of this kind, for `draft`'s guess.
    public let documentWords: [String]
    /// Where `draft` writes its items.
    public let draftLayout: DraftLayout

    public var groupKeys: Set<String> { Set(groups.map(\.key)) }
}

/// One group of items in a native shape: its name for people, and how `new` explains it.
public struct ItemGroupDetails: Sendable {
    public let key: String
    /// The group's name on a page, such as "uitvoeringslijnen" / "execution lines".
    public let label: LocalizedText
    /// What the group holds and how it is written, in Dutch, for the comment beside it in a new file.
    public let meaning: String
    /// The key under which an item of this group holds items of its own (an execution line's `activities:`).
    public let childKey: String?
    /// The key under which an item of this group lists the ids of other items it belongs to (the execution
    /// `lines:` an action of the planning table runs under).
    public let linkKey: String?
    /// Further required fields a new item of this group shows, as YAML lines.
    public let requiredFields: String

    public init(
        _ key: String, _ label: LocalizedText, _ meaning: String, childKey: String? = nil, linkKey: String? = nil,
        requiredFields: String = ""
    ) {
        self.key = key
        self.label = label
        self.meaning = meaning
        self.childKey = childKey
        self.linkKey = linkKey
        self.requiredFields = requiredFields
    }
}

/// Which groups a draft fills: loose items in one, sections (with their children) in another.
public struct DraftLayout: Sendable {
    /// The group for items that stand before any section; nil puts them with the sections.
    public let looseItems: String?
    /// The group for sections.
    public let sections: String
    /// The key for items under a section; nil writes every item flat in `sections`.
    public let childKey: String?
    /// Whether children without a number of their own are numbered in order (the format requires it).
    public let numbersChildren: Bool

    public init(looseItems: String? = nil, sections: String, childKey: String? = nil, numbersChildren: Bool = false) {
        self.looseItems = looseItems
        self.sections = sections
        self.childKey = childKey
        self.numbersChildren = numbersChildren
    }
}
