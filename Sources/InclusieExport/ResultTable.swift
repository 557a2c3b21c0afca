import InclusieModel

/// A view flattened to rows and columns: what the terminal, Markdown and CSV renderers all take.
public struct ResultTable: Sendable {
    public var title: String
    public var columns: [String]
    public var rows: [[TableCell]]
    /// Lines shown under the table: legends, sources, what empty means.
    public var notes: [String]

    public init(title: String, columns: [String], rows: [[TableCell]], notes: [String] = []) {
        self.title = title
        self.columns = columns
        self.rows = rows
        self.notes = notes
    }
}

/// One cell, typed so that each format can write numbers as numbers and money as money.
public enum TableCell: Sendable, Hashable {
    case text(String)
    case integer(Int)
    case money(Money)
    /// A decimal number written with a point, e.g. "0.93"; renderers localise the separator.
    case decimal(String)
    /// Text with words a reader should find in it (a quote with the words it shares with a proposal):
    /// plain text in CSV, Markdown and the terminal, the words marked on the site.
    case markedText(String, marks: [String])
    case empty

    /// The cell as display text in the given language (thousands grouping for money).
    public func display(_ language: Language) -> String {
        switch self {
        case .text(let text), .markedText(let text, _): text
        case .integer(let value): String(value)
        case .money(let money): money.formatted(language)
        case .decimal(let value): language == .nl ? TableCell.decimal(value, separator: ",") : value
        case .empty: ""
        }
    }
}

extension TableCell {
    /// A canonical decimal ("0.93") with another decimal separator; plain string surgery, because Foundation's
    /// `replacingOccurrences` costs more than the rest of writing a cell when a view has 100,000 of them.
    static func decimal(_ canonical: String, separator: String) -> String {
        guard separator != ".", let dot = canonical.firstIndex(of: ".") else { return canonical }
        return canonical[..<dot] + separator + canonical[canonical.index(after: dot)...]
    }
}
