import Foundation
import InclusieModel

/// Writes a draft programme as a plugin file in its kind's native shape, every suggestion marked unreviewed.
///
/// The file passes `validate --sources` as written; a person reviews it by checking each item and removing
/// its `review: suggested` and `suggested_by:` lines.
public struct DraftWriter: Sendable {
    public var programmeID: String
    public var municipalityName: String
    public var sourceFile: String
    public var date: String

    public init(programmeID: String, municipalityName: String, sourceFile: String, date: String) {
        self.programmeID = programmeID
        self.municipalityName = municipalityName
        self.sourceFile = sourceFile
        self.date = date
    }

    /// A YAML scalar in double quotes, with everything YAML or a terminal could misread escaped.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) {
                    result += String(format: "\\x%02X", scalar.value)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    public func yaml(_ draft: DraftProgramme) -> String {
        var out: [String] = []
        out.append("# Concept van inclusiebench draft (\(date)). Nog niet nagekeken: controleer elk onderdeel en haal")
        out.append("# daarna 'review: suggested' en 'suggested_by:' weg. / Draft, not reviewed yet.")
        out.append("kind: \(draft.kind)")
        out.append("id: \(programmeID)")
        out.append("title: \(Self.quoted(draft.title))")
        out.append("author:")
        out.append("  type: \(draft.kind == "party-programme" ? "party" : "municipality")")
        out.append("  name: \(Self.quoted(municipalityName))")
        if let period = draft.period {
            out.append("period: { from: \(period.from)" + (period.to.map { ", to: \($0)" } ?? "") + " }")
        }
        out.append("adoption_status: \(adoptionStatus(draft.kind))")
        out.append("source: \(Self.quoted(sourceFile))")
        out.append(
            "note: "
                + Self.quoted(
                    "Concept gemaakt door inclusiebench draft op \(date); soort: \(draft.kind) (\(draft.kindReason)). Status van vaststelling, periode en auteur zijn niet nagekeken."
                ))
        out.append("evidence:")
        out.append("  - quote: \(Self.quoted(draft.title))")
        out.append("    section: \(Self.quoted(draft.title))")
        out += budget(draft)
        out.append("")
        out += body(draft)
        return out.joined(separator: "\n") + "\n"
    }

    private func adoptionStatus(_ kind: String) -> String {
        switch kind {
        case "party-programme": "election-programme"
        case "workshop": "workshop-outcome"
        default: "working-document"
        }
    }

    private func budget(_ draft: DraftProgramme) -> [String] {
        guard !draft.budgetLines.isEmpty else {
            return [
                "budget:",
                "  none: "
                    + Self.quoted(
                        "Het concept vond geen bedragen met jaartallen in de tekst; ga bij de review na of het document een begroting noemt."
                    ),
                "  evidence:",
                "    - quote: \(Self.quoted(draft.budgetEvidence.quote))",
                "      section: \(Self.quoted(draft.budgetEvidence.section))",
            ]
        }
        var out = ["budget:", "  lines:"]
        for line in draft.budgetLines {
            out.append("    - id: \(line.id)")
            out.append("      label: \(Self.quoted(line.label))")
            out.append("      kind: own-programme-money")
            out.append("      precision: exact")
            out.append("      amounts:")
            for amount in line.amounts {
                out.append("        \(amount.year): \(amount.amount.map(euros) ?? "not-stated")")
            }
            out.append("      review: suggested")
            out.append("      suggested_by:")
            out.append("        - \(Self.quoted(line.reason))")
            out.append("        - \(Self.quoted("soort: own-programme-money is een gok; kies de juiste soort / kind is a guess"))")
            out.append("      evidence:")
            out.append("        - quote: \(Self.quoted(line.evidence.quote))")
            out.append("          section: \(Self.quoted(line.evidence.section))")
        }
        return out
    }

    private func euros(_ money: Money) -> String {
        money.cents % 100 == 0 ? "\(money.cents / 100)" : String(format: "%d.%02d", money.cents / 100, money.cents % 100)
    }

    /// The native shape: which key holds sections and which their children, per kind.
    private func body(_ draft: DraftProgramme) -> [String] {
        let parents = draft.items.filter { $0.parentID == nil }
        func children(of parent: DraftItem) -> [DraftItem] { draft.items.filter { $0.parentID == parent.id } }
        var out: [String] = []
        func group(_ key: String, _ items: [DraftItem], childKey: String? = nil, numberChildren: Bool = false) {
            guard !items.isEmpty else { return }
            out.append("\(key):")
            for item in items {
                out += lines(item, indent: "  ", number: item.number)
                if let childKey {
                    let kids = children(of: item)
                    guard !kids.isEmpty else { continue }
                    out.append("    \(childKey):")
                    for (position, kid) in kids.enumerated() {
                        let number = kid.number ?? (numberChildren ? "\(position + 1)" : nil)
                        out += lines(kid, indent: "      ", number: number)
                    }
                }
            }
        }
        switch draft.kind {
        case "party-programme":
            group("preamble", parents.filter { !$0.isSection })
            group("sections", parents.filter(\.isSection), childKey: "proposals", numberChildren: true)
        case "workshop":
            group("summary", parents.filter { !$0.isSection })
            group("questions", parents.filter(\.isSection), childKey: "answers")
        case "action-programme":
            group("execution_lines", parents, childKey: "activities")
        case "change-programme":
            group("starting_points", draft.items)
        default:
            group("policy_themes", draft.items)
        }
        return out
    }

    private func lines(_ item: DraftItem, indent: String, number: String?) -> [String] {
        var out = ["\(indent)- id: \(item.id)"]
        let inner = indent + "  "
        if let number { out.append("\(inner)number: \(Self.quoted(number))") }
        out.append("\(inner)title: \(Self.quoted(item.title))")
        out.append("\(inner)status: \(item.status)")
        var reasons = [item.statusReason]
        for (facet, _) in Suggester.facets {
            let suggestions = item.suggestions[facet] ?? []
            guard !suggestions.isEmpty else { continue }
            out.append("\(inner)\(facet.pluginKey): [\(suggestions.map(\.id).joined(separator: ", "))]")
            reasons += suggestions.map { "\(facet.pluginKey): \($0.id) ← \($0.reason)" }
        }
        if !item.years.isEmpty { out.append("\(inner)years: [\(item.years.map(String.init).joined(separator: ", "))]") }
        if let similar = item.similarExample { reasons.append("lijkt op / similar to: \(similar)") }
        out.append("\(inner)review: suggested")
        out.append("\(inner)suggested_by:")
        out += reasons.map { "\(inner)  - \(Self.quoted($0))" }
        out.append("\(inner)evidence:")
        for evidence in item.evidence {
            out.append("\(inner)  - quote: \(Self.quoted(evidence.quote))")
            out.append("\(inner)    section: \(Self.quoted(evidence.section))")
        }
        return out
    }
}
