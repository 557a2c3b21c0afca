/// One structural unit of a document as the drafter sees it: a heading, a list item, a table row or a paragraph.
public struct TextBlock: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// A heading; a lower level is a higher heading (1 is a chapter).
        case heading(level: Int)
        /// A numbered or bulleted list item; `number` is the document's own number, when it has one.
        case listItem(number: String?)
        /// A row of a tab-separated table.
        case tableRow(cells: [String])
        case paragraph
    }

    public var kind: Kind
    /// The block's words with line breaks turned into single spaces and list markers removed.
    public var text: String
    /// The line in the source where the block starts (1-based).
    public var line: Int
    /// The headings the block stands under, highest first.
    public var sectionPath: [String]

    public init(kind: Kind, text: String, line: Int, sectionPath: [String]) {
        self.kind = kind
        self.text = text
        self.line = line
        self.sectionPath = sectionPath
    }

    /// A workshop's question to its participants: one sentence on its own that ends with a question mark (a
    /// slide counter such as `(1/2)` may follow), or a prompt that starts with `Beschrijf` or `Noem`. An
    /// answer that ends in a question ("Aanjager in elke organisatie. Aanjagers weer verbinden?") has more
    /// than one sentence.
    public var isQuestion: Bool {
        switch kind {
        case .heading, .paragraph:
            guard text.count <= 200, ItemCollector.sentences(text).count == 1 else { return false }
            let asked = text.replacing(/\s*\(\d+\/\d+\)$/, with: "")
            let firstWord = asked.prefix { $0.isLetter }.lowercased()
            return asked.hasSuffix("?") || Self.promptWords.contains(firstWord)
        default: return false
        }
    }

    /// Words that open a prompt to participants rather than a statement.
    private static let promptWords: Set<String> = ["beschrijf", "noem"]
}

