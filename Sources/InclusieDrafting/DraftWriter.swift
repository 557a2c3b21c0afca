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

    /// The kinds this build knows: each kind's adapter says where a draft's items go.
    public var kinds: ProgrammeKinds

    public init(
        programmeID: String, municipalityName: String, sourceFile: String, date: String, kinds: ProgrammeKinds = ProgrammeKinds()
    ) {
        self.kinds = kinds
        self.programmeID = programmeID
        self.municipalityName = municipalityName
        self.sourceFile = sourceFile
        self.date = date
    }

    public func yaml(_ draft: DraftProgramme) -> String {
        let details = kinds.details(of: draft.kind)
        var out: [String] = []
        out.append("# Concept van inclusiebench draft (\(date)). Nog niet nagekeken: controleer elk onderdeel en haal")
        out.append("# daarna 'review: suggested' en 'suggested_by:' weg. / Draft, not reviewed yet.")
        out.append("kind: \(draft.kind)")
        out.append("id: \(programmeID)")
        out.append("title: \(YAMLScalar.doubleQuoted(draft.title))")
        out.append("author:")
        out.append("  type: \(details?.authorType ?? "municipality")")
        out.append("  name: \(YAMLScalar.doubleQuoted(municipalityName))")
        if let period = draft.period {
            out.append("period: { from: \(period.from)" + (period.to.map { ", to: \($0)" } ?? "") + " }")
        }
        let adoptionStatus = details.flatMap { $0.kindSettlesAdoptionStatus ? $0.usualAdoptionStatus : nil } ?? .workingDocument
        out.append("adoption_status: \(adoptionStatus.rawValue)")
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
        out += body(draft, layout: details?.draftLayout ?? DraftLayout(sections: "policy_themes"))
        return out.joined(separator: "\n") + "\n"
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

    /// The items in the kind's native shape, in the groups its draft layout names.
    private func body(_ draft: DraftProgramme, layout: DraftLayout) -> [String] {
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
        if let childKey = layout.childKey {
            if let looseItems = layout.looseItems {
                group(looseItems, parents.filter { !$0.isSection })
                group(layout.sections, parents.filter(\.isSection), childKey: childKey, numberChildren: layout.numbersChildren)
            } else {
                group(layout.sections, parents, childKey: childKey, numberChildren: layout.numbersChildren)
            }
        } else {
            group(layout.sections, draft.items)
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
