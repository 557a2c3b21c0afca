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

    public var isHeading: Bool {
        if case .heading = kind { return true }
        return false
    }

    /// A question stands on its own line and ends with a question mark (a workshop's questions).
    public var isQuestion: Bool {
        switch kind {
        case .heading, .paragraph: text.hasSuffix("?") && text.count <= 200
        default: false
        }
    }
}

/// Text compared the way `validate --sources` compares quotes: white space collapsed, typographic quotes straight.
enum QuoteText {
    static func normalise(_ text: String) -> String {
        var folded = ""
        folded.reserveCapacity(text.utf8.count)
        var lastWasSpace = true
        for character in text {
            let mapped: Character =
                switch character {
                case "\u{2018}", "\u{2019}", "\u{201A}", "\u{2032}": "'"
                case "\u{201C}", "\u{201D}", "\u{201E}", "\u{2033}": "\""
                default: character
                }
            if mapped.isWhitespace {
                if !lastWasSpace { folded.append(" ") }
                lastWasSpace = true
            } else {
                folded.append(mapped)
                lastWasSpace = false
            }
        }
        if folded.hasSuffix(" ") { folded.removeLast() }
        return folded
    }
}
