import InclusieModel

/// Checks programmes against the taxonomy and against themselves: known ids, unique item ids, references
/// that point somewhere, years that are years, evidence on everything.
struct ProgrammeValidator {
    let taxonomy: Taxonomy

    func validate(_ programmes: [LoadedProgramme]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var programmeKeys: [String: String] = [:]
        for loaded in programmes {
            if let earlier = programmeKeys[loaded.programme.key] {
                diagnostics.append(
                    Diagnostic(
                        file: loaded.file, line: 1,
                        message: "programme id '\(loaded.programme.key)' is also used in \(earlier)",
                        fix: "give each programme of a municipality its own id"))
            }
            programmeKeys[loaded.programme.key] = loaded.file
            diagnostics += validate(loaded)
        }
        return diagnostics
    }

    private func validate(_ loaded: LoadedProgramme) -> [Diagnostic] {
        let programme = loaded.programme
        var diagnostics: [Diagnostic] = []
        func report(_ line: Int?, _ message: String, fix: String) {
            diagnostics.append(Diagnostic(file: loaded.file, line: line, message: message, fix: fix))
        }
        if programme.evidence.isEmpty {
            report(1, "the programme has no evidence", fix: "add 'evidence:' with a quote from the source, such as its title")
        }
        if let period = programme.period, !isYear(period.from) || !isYear(period.to) || period.from > period.to {
            report(nil, "the period \(period.from)–\(period.to) is not a span of years", fix: "write 'period: { from: 2020, to: 2022 }'")
        }
        let itemIDs = Set(programme.items.map(\.localID))
        let partnerIDs = Set(programme.partners.map(\.localID))
        let occurrences = Dictionary(grouping: programme.items.map(\.localID), by: { $0 })
        for (id, lines) in occurrences.sorted(by: { $0.key < $1.key }) where lines.count > 1 {
            let first = loaded.lines.item(id).map { " (first on line \($0))" } ?? ""
            report(
                loaded.lines.duplicates(ofItem: id).first, "item id '\(id)' is used more than once\(first)",
                fix: "give every item its own id")
        }
        for item in programme.items {
            let line = loaded.lines.item(item.localID)
            if !isValidID(item.localID) {
                report(line, "item id '\(item.localID)' has characters ids may not have", fix: "use a-z, 0-9, '-' and '.'")
            }
            for facet in TaxonomyFacet.allCases {
                let ids = item.ids(facet)
                for id in Set(ids).sorted() where ids.filter({ $0 == id }).count > 1 {
                    report(line, "'\(id)' is listed twice under \(facet.pluginKey) (item '\(item.localID)')", fix: "list it once")
                }
                for id in ids where !taxonomy.contains(id, in: facet) {
                    report(
                        line, "'\(id)' is not a \(facet.rawValue) in taxonomy.yaml (item '\(item.localID)')",
                        fix: "use an id from taxonomy.yaml, or add it there with nl and en labels and a definition")
                }
            }
            for year in item.years where !isYear(year) {
                report(line, "\(year) is not a year (item '\(item.localID)')", fix: "write years as four digits, e.g. 2021")
            }
            for partner in item.partnerIDs where !partnerIDs.contains(partner) {
                report(line, "partner '\(partner)' is not in the programme's partners list", fix: "add it under 'partners:'")
            }
            for related in item.relatedIDs where !itemIDs.contains(related) {
                report(line, "related item '\(related)' does not exist in this programme", fix: "use the id of an item in this file")
            }
            if item.evidence.isEmpty {
                report(line, "item '\(item.localID)' has no evidence", fix: "add 'evidence:' with a verbatim quote and its section")
            }
            if item.title.trimmingCharacters(in: .whitespaces).isEmpty {
                report(line, "item '\(item.localID)' has an empty title", fix: "write the item in the document's words")
            }
        }
        var seenPartners = Set<String>()
        for partner in programme.partners where !seenPartners.insert(partner.localID).inserted {
            report(loaded.lines.partner(partner.localID), "partner id '\(partner.localID)' is used more than once", fix: "keep one")
        }
        for partner in programme.partners where partner.evidence.isEmpty {
            report(loaded.lines.partner(partner.localID), "partner '\(partner.localID)' has no evidence", fix: "add a quote that names it")
        }
        var seenLines = Set<String>()
        for line in programme.budget.lines {
            let at = loaded.lines.budgetLine(line.localID)
            if !seenLines.insert(line.localID).inserted {
                report(at, "budget line id '\(line.localID)' is used more than once", fix: "give every line its own id")
            }
            if let instrument = line.instrument, !taxonomy.contains(instrument, in: .instrument) {
                report(at, "'\(instrument)' is not an instrument in taxonomy.yaml", fix: "use an id from taxonomy.yaml")
            }
            if let theme = line.theme, !taxonomy.contains(theme, in: .theme) {
                report(at, "'\(theme)' is not a theme in taxonomy.yaml", fix: "use an id from taxonomy.yaml")
            }
            if let partner = line.partnerID, !partnerIDs.contains(partner) {
                report(at, "partner '\(partner)' is not in the programme's partners list", fix: "add it under 'partners:'")
            }
            if let item = line.itemID, !itemIDs.contains(item) {
                report(at, "item '\(item)' does not exist in this programme", fix: "use the id of an item in this file")
            }
            if line.amounts.isEmpty {
                report(at, "budget line '\(line.localID)' has no amounts", fix: "add 'amounts:' with year: euros")
            }
            if line.evidence.isEmpty {
                report(at, "budget line '\(line.localID)' has no evidence", fix: "add a quote from the budget table")
            }
        }
        if case .none(_, let evidence) = programme.budget, evidence.isEmpty {
            report(loaded.lines.budget, "the statement that there is no budget has no evidence", fix: "add the quote that says so")
        }
        return diagnostics
    }

    private func isYear(_ year: Int) -> Bool { (1900...2100).contains(year) }

    private func isValidID(_ id: String) -> Bool {
        !id.isEmpty && id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "." }
    }
}
