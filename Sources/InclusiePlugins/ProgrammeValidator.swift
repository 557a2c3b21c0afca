import InclusieModel

/// Checks programmes against the taxonomy and against themselves: known ids, unique item ids, references
/// that point somewhere, years that are years, evidence on everything.
struct ProgrammeValidator {
    let taxonomy: Taxonomy
    /// The taxonomy's ids per facet, looked up for every id of every item.
    private let knownIDs: [TaxonomyFacet: Set<String>]

    init(taxonomy: Taxonomy) {
        self.taxonomy = taxonomy
        knownIDs = Dictionary(
            uniqueKeysWithValues: TaxonomyFacet.allCases.map { facet in (facet, Set(taxonomy.entries(facet).map(\.id))) })
    }

    /// Every problem, programme by programme in the order given. Each programme is checked on its own on
    /// all cores; only the checks across programmes (labels, ids) run in order.
    func validate(_ programmes: [LoadedProgramme]) -> [Diagnostic] {
        let ownProblems = ParallelResults.compute(count: programmes.count) { index in
            validate(programmes[index]) + sourceNameProblems(programmes[index])
        }
        var diagnostics: [Diagnostic] = []
        var programmeKeys: [String: String] = [:]
        var labels: [String: String] = [:]
        for (loaded, own) in zip(programmes, ownProblems) {
            let labelKey = "\(loaded.programme.municipalitySlug)\u{0}\(loaded.programme.label)"
            if let earlier = labels[labelKey] {
                diagnostics.append(
                    Diagnostic(
                        file: loaded.file, line: 1,
                        message: LocalizedText(
                            nl: "het programmalabel '\(loaded.programme.label)' is ook het label van \(earlier)",
                            en: "the programme label '\(loaded.programme.label)' is also the label of \(earlier)"),
                        fix: LocalizedText(
                            nl: "geef dit programma een eigen korte naam met 'label: …' bovenaan het bestand",
                            en: "give this programme its own short name with 'label: …' at the top of the file")))
            }
            labels[labelKey] = labels[labelKey] ?? loaded.file
            if let earlier = programmeKeys[loaded.programme.key] {
                diagnostics.append(
                    Diagnostic(
                        file: loaded.file, line: 1,
                        message: LocalizedText(
                            nl: "programma-id '\(loaded.programme.key)' wordt ook gebruikt in \(earlier)",
                            en: "programme id '\(loaded.programme.key)' is also used in \(earlier)"),
                        fix: LocalizedText(
                            nl: "geef elk programma van een gemeente een eigen id",
                            en: "give each programme of a municipality its own id")))
            }
            programmeKeys[loaded.programme.key] = loaded.file
            diagnostics += own
        }
        return diagnostics
    }

    private func validate(_ loaded: LoadedProgramme) -> [Diagnostic] {
        let programme = loaded.programme
        var diagnostics: [Diagnostic] = []
        /// Records a problem; `message` and `fix` are Dutch–English pairs.
        func report(_ line: Int?, _ message: (nl: String, en: String), fix: (nl: String, en: String)) {
            diagnostics.append(
                Diagnostic(
                    file: loaded.file, line: line, message: LocalizedText(nl: message.nl, en: message.en),
                    fix: LocalizedText(nl: fix.nl, en: fix.en)))
        }
        let useItemID = (nl: "gebruik het id van een onderdeel in dit bestand", en: "use the id of an item in this file")
        let addPartner = (nl: "voeg de partner toe onder 'partners:'", en: "add it under 'partners:'")
        for field in TextFieldRules.fields(of: loaded) {
            if let problem = TextFieldRules.problem(key: field.key, text: field.text, limit: field.limit) {
                diagnostics.append(Diagnostic(file: loaded.file, line: field.line, message: problem.message, fix: problem.fix))
            }
        }
        if programme.evidence.isEmpty {
            report(
                1, ("het programma heeft geen citaat", "the programme has no evidence"),
                fix: (
                    "voeg 'evidence:' toe met een citaat uit de bron, zoals de titel",
                    "add 'evidence:' with a quote from the source, such as its title"
                ))
        }
        if isBlankLine(programme.label) {
            report(
                1, ("het programmalabel is leeg", "the programme label is empty"),
                fix: (
                    "schrijf een korte naam achter 'label:', of laat 'label:' weg om de titel te gebruiken",
                    "write a short name after 'label:', or leave 'label:' out to use the title"
                ))
        }
        if let period = programme.period,
            !isYear(period.from) || !(period.to.map { isYear($0) && period.from <= $0 } ?? true)
        {
            report(
                nil,
                (
                    "de periode \(period.label(.nl)) is geen reeks jaren",
                    "the period \(period.label(.en)) is not a span of years"
                ),
                fix: ("schrijf 'period: { from: 2020, to: 2022 }'", "write 'period: { from: 2020, to: 2022 }'"))
        }
        let programmeID = String(programme.key.dropFirst(programme.municipalitySlug.count + 1))
        if !isValidID(programmeID) {
            report(
                1,
                (
                    "programma-id '\(programmeID)' bevat tekens die niet in een id mogen",
                    "programme id '\(programmeID)' has characters ids may not have"
                ),
                fix: ("gebruik a-z, 0-9, '-' en '.', zonder '..'", "use a-z, 0-9, '-' and '.', without '..'"))
        }
        let itemIDs = Set(programme.items.map(\.localID))
        let partnerIDs = Set(programme.partners.map(\.localID))
        let citedOnlyIDs = Set(programme.partners.filter { $0.role == .citedSource }.map(\.localID))
        let occurrences = Dictionary(grouping: programme.items.map(\.localID), by: { $0 })
        for (id, lines) in occurrences.sorted(by: { $0.key < $1.key }) where lines.count > 1 {
            let firstLine = loaded.lines.item(id)
            report(
                loaded.lines.duplicates(ofItem: id).first,
                (
                    "onderdeel-id '\(id)' wordt meer dan één keer gebruikt\(firstLine.map { " (eerst op regel \($0))" } ?? "")",
                    "item id '\(id)' is used more than once\(firstLine.map { " (first on line \($0))" } ?? "")"
                ),
                fix: ("geef elk onderdeel een eigen id", "give every item its own id"))
        }
        for item in programme.items {
            let line = loaded.lines.item(item.localID)
            let id = item.localID
            if !isValidID(id) {
                report(
                    line,
                    (
                        "onderdeel-id '\(id)' bevat tekens die niet in een id mogen",
                        "item id '\(id)' has characters ids may not have"
                    ),
                    fix: ("gebruik a-z, 0-9, '-' en '.'", "use a-z, 0-9, '-' and '.'"))
            }
            for facet in TaxonomyFacet.allCases {
                let ids = item.ids(facet)
                for twice in Set(ids).sorted() where ids.filter({ $0 == twice }).count > 1 {
                    report(
                        line,
                        (
                            "'\(twice)' staat twee keer onder \(facet.pluginKey) (onderdeel '\(id)')",
                            "'\(twice)' is listed twice under \(facet.pluginKey) (item '\(id)')"
                        ),
                        fix: ("noem het één keer", "list it once"))
                }
                for unknown in ids where knownIDs[facet]?.contains(unknown) != true {
                    report(
                        line,
                        (
                            "'\(unknown)' is geen \(Self.dutchName(of: facet)) in taxonomy.yaml (onderdeel '\(id)')",
                            "'\(unknown)' is not a \(facet.rawValue) in taxonomy.yaml (item '\(id)')"
                        ),
                        fix: suggestion(for: unknown, in: facet))
                }
            }
            for year in item.years where !isYear(year) {
                report(
                    line, ("\(year) is geen jaartal (onderdeel '\(id)')", "\(year) is not a year (item '\(id)')"),
                    fix: ("schrijf jaren als vier cijfers, bv. 2021", "write years as four digits, e.g. 2021"))
            }
            for partner in item.partnerIDs + item.citedSourceIDs where !partnerIDs.contains(partner) {
                report(
                    line,
                    (
                        "partner '\(partner)' staat niet in de partnerlijst van het programma",
                        "partner '\(partner)' is not in the programme's partners list"
                    ),
                    fix: addPartner)
            }
            for partner in item.partnerIDs where citedOnlyIDs.contains(partner) {
                report(
                    line,
                    (
                        "'\(partner)' is vastgelegd als aangehaalde bron (role: cited-source), niet als partner (onderdeel '\(id)')",
                        "'\(partner)' is recorded as a cited source (role: cited-source), not a partner (item '\(id)')"
                    ),
                    fix: (
                        "zet het onder 'cited_sources:' van het onderdeel, of haal 'role: cited-source' weg als het document de organisatie als partner noemt",
                        "list it under the item's 'cited_sources:', or remove 'role: cited-source' if the document names the organisation as a partner"
                    ))
            }
            for related in item.relatedIDs where !itemIDs.contains(related) {
                report(
                    line,
                    (
                        "gerelateerd onderdeel '\(related)' bestaat niet in dit programma",
                        "related item '\(related)' does not exist in this programme"
                    ),
                    fix: useItemID)
            }
            if item.evidence.isEmpty {
                report(
                    line, ("onderdeel '\(id)' heeft geen citaat", "item '\(id)' has no evidence"),
                    fix: (
                        "voeg 'evidence:' toe met een letterlijk citaat en de paragraaf waar het staat",
                        "add 'evidence:' with a verbatim quote and its section"
                    ))
            }
            if isBlankLine(item.title) {
                report(
                    line, ("onderdeel '\(id)' heeft een lege titel", "item '\(id)' has an empty title"),
                    fix: ("schrijf het onderdeel in de woorden van het document", "write the item in the document's words"))
            }
        }
        for stranger in GroupHeaderCheck.itemsThatStartAnotherGroup(in: programme.items) {
            diagnostics.append(
                Diagnostic(
                    .warning, file: loaded.file, line: loaded.lines.item(stranger.item.localID),
                    message: LocalizedText(
                        nl: "vanaf '\(stranger.item.localID)' beginnen de id's met '\(stranger.prefix)-', terwijl deze groep (\(stranger.item.nativeType.nl)) met '\(stranger.groupPrefix)-' begint; is de kop van een groep weggevallen?",
                        en: "from '\(stranger.item.localID)' on the ids start with '\(stranger.prefix)-', while this group (\(stranger.item.nativeType.en)) starts with '\(stranger.groupPrefix)-'; was a group's header deleted?"),
                    fix: LocalizedText(
                        nl: "zet de kop (zoals 'initiatives:') terug boven deze onderdelen, of geef ze id's die bij hun groep passen",
                        en: "put the header (such as 'initiatives:') back above these items, or give them ids that fit their group")))
        }
        var seenPartners = Set<String>()
        for partner in programme.partners where !seenPartners.insert(partner.localID).inserted {
            report(
                loaded.lines.partner(partner.localID),
                (
                    "partner-id '\(partner.localID)' wordt meer dan één keer gebruikt",
                    "partner id '\(partner.localID)' is used more than once"
                ),
                fix: ("houd er één", "keep one"))
        }
        for partner in programme.partners where partner.evidence.isEmpty {
            report(
                loaded.lines.partner(partner.localID),
                ("partner '\(partner.localID)' heeft geen citaat", "partner '\(partner.localID)' has no evidence"),
                fix: ("voeg een citaat toe waarin de partner genoemd wordt", "add a quote that names it"))
        }
        var seenLines = Set<String>()
        for line in programme.budget.lines {
            let at = loaded.lines.budgetLine(line.localID)
            if !seenLines.insert(line.localID).inserted {
                report(
                    at,
                    (
                        "begrotingsregel-id '\(line.localID)' wordt meer dan één keer gebruikt",
                        "budget line id '\(line.localID)' is used more than once"
                    ),
                    fix: ("geef elke begrotingsregel een eigen id", "give every line its own id"))
            }
            if let instrument = line.instrument, !taxonomy.contains(instrument, in: .instrument) {
                report(
                    at,
                    (
                        "'\(instrument)' is geen instrument in taxonomy.yaml",
                        "'\(instrument)' is not an instrument in taxonomy.yaml"
                    ),
                    fix: suggestion(for: instrument, in: .instrument))
            }
            if let theme = line.theme, !taxonomy.contains(theme, in: .theme) {
                report(
                    at, ("'\(theme)' is geen thema in taxonomy.yaml", "'\(theme)' is not a theme in taxonomy.yaml"),
                    fix: suggestion(for: theme, in: .theme))
            }
            if let partner = line.partnerID, !partnerIDs.contains(partner) {
                report(
                    at,
                    (
                        "partner '\(partner)' staat niet in de partnerlijst van het programma",
                        "partner '\(partner)' is not in the programme's partners list"
                    ),
                    fix: addPartner)
            }
            if let item = line.itemID, !itemIDs.contains(item) {
                report(
                    at,
                    ("onderdeel '\(item)' bestaat niet in dit programma", "item '\(item)' does not exist in this programme"),
                    fix: useItemID)
            }
            if line.amounts.isEmpty && line.periodAmount == nil && line.undatedAmount == nil {
                report(
                    at,
                    ("begrotingsregel '\(line.localID)' heeft geen bedragen", "budget line '\(line.localID)' has no amounts"),
                    fix: (
                        "voeg 'amounts:' toe met jaar: euro's, 'period_amount: { from: 2020, to: 2022, amount: 1700000 }' voor één bedrag voor de hele periode, of 'undated_amount: 145000' als het document bij het bedrag geen jaren noemt",
                        "add 'amounts:' with year: euros, 'period_amount: { from: 2020, to: 2022, amount: 1700000 }' for one amount for the whole period, or 'undated_amount: 145000' when the document states no years with the amount"
                    ))
            }
            if let period = line.periodAmount, !isYear(period.from) || !isYear(period.to) {
                report(
                    at,
                    (
                        "de periode \(period.from)–\(period.to) van begrotingsregel '\(line.localID)' is geen reeks jaren",
                        "the period \(period.from)–\(period.to) of budget line '\(line.localID)' is not a span of years"
                    ),
                    fix: ("schrijf jaren als vier cijfers, bv. 2021", "write years as four digits, e.g. 2021"))
            }
            if line.evidence.isEmpty {
                report(
                    at,
                    ("begrotingsregel '\(line.localID)' heeft geen citaat", "budget line '\(line.localID)' has no evidence"),
                    fix: ("voeg een citaat uit de begrotingstabel toe", "add a quote from the budget table"))
            }
        }
        if case .none(_, let evidence) = programme.budget, evidence.isEmpty {
            report(
                loaded.lines.budget,
                (
                    "de vermelding dat er geen begroting is heeft geen citaat",
                    "the statement that there is no budget has no evidence"
                ),
                fix: ("voeg het citaat toe dat dat zegt", "add the quote that says so"))
        }
        return diagnostics
    }

    /// The nearest ids to write instead, as a Dutch–English pair for `report`.
    private func suggestion(for unknown: String, in facet: TaxonomyFacet) -> (nl: String, en: String) {
        let fix = IDSuggestions(taxonomy: taxonomy).fix(for: unknown, in: facet)
        return (fix.nl, fix.en)
    }

    /// A `source:` must name a file inside the sources folder, never a path that leads out of it.
    private func sourceNameProblems(_ loaded: LoadedProgramme) -> [Diagnostic] {
        let source = loaded.programme.sourceFile
        guard !QuoteChecker.isConfinedName(source) else { return [] }
        return [
            Diagnostic(
                file: loaded.file, line: loaded.lines.source,
                message: LocalizedText(
                    nl: "'source: \(source)' wijst buiten de bronnenmap",
                    en: "'source: \(source)' points outside the sources folder"),
                fix: LocalizedText(
                    nl: "schrijf alleen de bestandsnaam van het document, bv. 'source: nota-inclusie-2024.txt', en zet het document in de map sources/ naast het programmabestand",
                    en: "write only the document's file name, e.g. 'source: nota-inclusie-2024.txt', and put the document in the folder sources/ next to the programme file"))
        ]
    }

    /// A facet's name in Dutch, for messages; the English one is its raw value.
    private static func dutchName(of facet: TaxonomyFacet) -> String {
        switch facet {
        case .theme: "thema"
        case .instrument: "instrument"
        case .role: "rol"
        case .targetGroup: "doelgroep"
        case .itemStatus: "status"
        }
    }

    private func isYear(_ year: Int) -> Bool { (1900...2100).contains(year) }

    /// Empty or only spaces and tabs: what Foundation's `.whitespaces` trims, without bridging to NSString.
    private func isBlankLine(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0 == "\t" || $0.properties.generalCategory == .spaceSeparator }
    }

    private func isValidID(_ id: String) -> Bool {
        !id.isEmpty && !id.containsBytes(of: "..") && id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "." }
    }
}
