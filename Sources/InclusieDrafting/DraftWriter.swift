import Foundation
import InclusieModel
import InclusiePlugins

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

    public func yaml(_ draft: DraftProgramme) -> String {
        var out: [String] = []
        out.append("# Concept van inclusiebench draft (\(date)). Nog niet nagekeken: controleer elk onderdeel en haal")
        out.append("# daarna 'review: suggested' en 'suggested_by:' weg. / Draft, not reviewed yet.")
        out.append("kind: \(draft.kind)")
        out.append("id: \(programmeID)")
        out.append("title: \(YAMLScalar.doubleQuoted(draft.title))")
        out.append("author:")
        out.append("  type: \(draft.kind == "party-programme" ? "party" : "municipality")")
        out.append("  name: \(YAMLScalar.doubleQuoted(municipalityName))")
        if let period = draft.period {
            out.append("period: { from: \(period.from)" + (period.to.map { ", to: \($0)" } ?? "") + " }")
        }
        out.append("adoption_status: \(adoptionStatus(draft.kind))")
        out.append("source: \(YAMLScalar.doubleQuoted(sourceFile))")
        out.append(
            "note: "
                + YAMLScalar.doubleQuoted(
                    "Concept gemaakt door inclusiebench draft op \(date); soort: \(draft.kind) (\(draft.kindReason)). Status van vaststelling, periode en auteur zijn niet nagekeken."
                ))
        out.append("evidence:")
        out.append("  - quote: \(YAMLScalar.doubleQuoted(draft.title))")
        out.append("    section: \(YAMLScalar.doubleQuoted(draft.title))")
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
                    + YAMLScalar.doubleQuoted(
                        "Het concept vond geen bedragen met jaartallen in de tekst; ga bij de review na of het document een begroting noemt."
                    ),
                "  evidence:",
                "    - quote: \(YAMLScalar.doubleQuoted(draft.budgetEvidence.quote))",
                "      section: \(YAMLScalar.doubleQuoted(draft.budgetEvidence.section))",
            ]
        }
        var out = ["budget:", "  lines:"]
        for line in draft.budgetLines {
            out.append("    - id: \(line.id)")
            out.append("      label: \(YAMLScalar.doubleQuoted(line.label))")
            out.append("      kind: own-programme-money")
            out.append("      precision: exact")
            out.append("      amounts:")
            for amount in line.amounts {
                out.append("        \(amount.year): \(amount.amount.map(euros) ?? "not-stated")")
            }
            out.append("      review: suggested")
            out.append("      suggested_by:")
            out.append("        - \(YAMLScalar.doubleQuoted(line.reason))")
            out.append("        - \(YAMLScalar.doubleQuoted("soort: own-programme-money is een gok; kies de juiste soort / kind is a guess"))")
            out.append("      evidence:")
            out.append("        - quote: \(YAMLScalar.doubleQuoted(line.evidence.quote))")
            out.append("          section: \(YAMLScalar.doubleQuoted(line.evidence.section))")
        }
        return out
    }

    private func euros(_ money: Money) -> String {
        money.cents % 100 == 0 ? "\(money.cents / 100)" : String(format: "%d.%02d", money.cents / 100, money.cents % 100)
    }

    /// The native key each drafted item stands under, by id: a top-level group (`policy_themes`) or a child
    /// key (`proposals`), per kind. The evaluation reads it to check that party chapters give proposals.
    public static func nativeKeys(of draft: DraftProgramme) -> [String: String] {
        var keys: [String: String] = [:]
        for (key, parent, childKey) in layout(draft) {
            keys[parent.id] = key
            if let childKey {
                for child in draft.items where child.parentID == parent.id { keys[child.id] = childKey }
            }
        }
        return keys
    }

    /// The native shape: which key holds each top-level item, and which key its children stand under.
    private static func layout(_ draft: DraftProgramme) -> [(key: String, item: DraftItem, childKey: String?)] {
        let parents = draft.items.filter { $0.parentID == nil }
        switch draft.kind {
        case "party-programme":
            return parents.filter { !$0.isSection }.map { ("preamble", $0, nil) }
                + parents.filter(\.isSection).map { ("sections", $0, "proposals") }
        case "workshop":
            return parents.filter { !$0.isSection }.map { ("summary", $0, nil) }
                + parents.filter(\.isSection).map { ("questions", $0, "answers") }
        case "action-programme":
            return parents.map { ("execution_lines", $0, "activities") }
        case "change-programme":
            return draft.items.map { ("starting_points", $0, nil) }
        default:
            return draft.items.map { ("policy_themes", $0, nil) }
        }
    }

    private func body(_ draft: DraftProgramme) -> [String] {
        var out: [String] = []
        let layout = Self.layout(draft)
        let numberChildren = draft.kind == "party-programme"
        // Items of one key stand together, keys in the order they first occur.
        let keys = layout.map(\.key).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        for key in keys {
            out.append("\(key):")
            for (_, item, childKey) in layout.filter({ $0.key == key }) {
                out += lines(item, indent: "  ", number: item.number)
                guard let childKey else { continue }
                let kids = draft.items.filter { $0.parentID == item.id }
                guard !kids.isEmpty else { continue }
                out.append("    \(childKey):")
                for (position, kid) in kids.enumerated() {
                    let number = kid.number ?? (numberChildren ? "\(position + 1)" : nil)
                    out += lines(kid, indent: "      ", number: number)
                }
            }
        }
        return out
    }

    private func lines(_ item: DraftItem, indent: String, number: String?) -> [String] {
        var out = ["\(indent)- id: \(item.id)"]
        let inner = indent + "  "
        if let number { out.append("\(inner)number: \(YAMLScalar.doubleQuoted(number))") }
        out.append("\(inner)title: \(YAMLScalar.doubleQuoted(item.title))")
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
        out += reasons.map { "\(inner)  - \(YAMLScalar.doubleQuoted($0))" }
        out.append("\(inner)evidence:")
        for evidence in item.evidence {
            out.append("\(inner)  - quote: \(YAMLScalar.doubleQuoted(evidence.quote))")
            out.append("\(inner)    section: \(YAMLScalar.doubleQuoted(evidence.section))")
        }
        return out
    }
}
