import InclusieModel

/// A party's election programme such as BIJ1 Almere's: sections holding numbered proposals.
struct PartyProgrammeAdapter: ProgrammeAdapter {
    static let details = ProgrammeKindDetails(
        kind: ProgrammeKind(id: "party-programme", label: LocalizedText(nl: "partijprogramma", en: "party programme")),
        groups: [
            ItemGroupDetails("sections", LocalizedText(nl: "paragrafen", en: "sections"), "paragrafen; de genummerde voorstellen eronder in 'proposals:' (elk met 'number:')", childKey: "proposals"),
            ItemGroupDetails("preamble", LocalizedText(nl: "inleiding", en: "preamble"), "de inleiding"),
        ],
        authorType: "party", usualAdoptionStatus: .electionProgramme, kindSettlesAdoptionStatus: true,
        defaultItemStatus: "proposal",
        documentWords: [
            "verkiezingsprogramma", "partijprogramma", "verkiezingen", "onze partij", "fractie", "de gemeente moet",
            "election programme",
        ],
        draftLayout: DraftLayout(looseItems: "preamble", sections: "sections", childKey: "proposals", numbersChildren: true))

    func map(_ groups: NativeGroups, into builder: inout ProgrammeBuilder) throws {
        try requireField(
            \.number, in: groups["sections"].flatMap(\.children),
            missing: { LocalizedText(nl: "programmapunt '\($0)' heeft geen nummer", en: "proposal '\($0)' has no number") },
            fix: LocalizedText(nl: "voeg 'number:' toe zoals het programma het nummert", en: "add 'number:' as the programme numbers it"))
        builder.add(groups["preamble"], type: LocalizedText(nl: "inleiding", en: "preamble"), defaultStatus: "proposal")
        builder.add(
            groups["sections"], type: LocalizedText(nl: "paragraaf", en: "section"),
            childType: LocalizedText(nl: "programmapunt", en: "proposal"), defaultStatus: "proposal")
    }
}
