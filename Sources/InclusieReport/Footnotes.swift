import InclusieCharts
import InclusieModel
import Plot

/// The report's footnotes: every claim points to a numbered quote with its source file and section.
///
/// Numbered in order of first use, and one number per distinct quote, so a quote cited by several claims
/// is listed once.
struct Footnotes {
    struct Entry: Hashable {
        var quote: String
        var sourceFile: String
        var section: String
    }

    private(set) var entries: [Entry] = []
    private var numbers: [Entry: Int] = [:]

    mutating func number(for evidence: Evidence, sourceFile: String) -> Int {
        let entry = Entry(quote: evidence.quote, sourceFile: sourceFile, section: evidence.section)
        if let number = numbers[entry] { return number }
        entries.append(entry)
        numbers[entry] = entries.count
        return entries.count
    }

    /// Superscript links to the footnotes of the given quotes; nothing when there are none.
    mutating func references(_ evidence: [Evidence], sourceFile: String) -> BodyNode {
        let numbers = evidence.map { number(for: $0, sourceFile: sourceFile) }
        return Self.links(numbers)
    }

    static func links(_ numbers: [Int]) -> BodyNode {
        var unique: [Int] = []
        for number in numbers where !unique.contains(number) { unique.append(number) }
        guard !unique.isEmpty else { return .empty }
        var nodes: [BodyNode] = []
        for (index, number) in unique.enumerated() {
            if index > 0 { nodes.append(.text(", ")) }
            nodes.append(.a(.href("#fn-\(number)"), .text(String(number))))
        }
        return .element(named: "sup", nodes: [.class("fn")] + nodes)
    }
}
