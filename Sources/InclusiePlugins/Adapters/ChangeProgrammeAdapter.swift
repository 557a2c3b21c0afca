import InclusieModel

/// A change programme such as Arnhem's: a vision, spearheads owned by departments, roles, starting points,
/// phases with the milestones that belong to them, and topics that appear only in its contact-point table.
struct ChangeProgrammeAdapter: ProgrammeAdapter {
    static let details = ProgrammeKindDetails(
        kind: ProgrammeKind(id: "change-programme", label: LocalizedText(nl: "veranderprogramma", en: "change programme")),
        groups: [
            ItemGroupDetails(
                "spearheads", LocalizedText(nl: "speerpunten", en: "spearheads"), "speerpunten, elk met de afdeling die eigenaar is",
                requiredFields: "    owner: <vul in: de afdeling of het programma dat eigenaar is>\n"),
            ItemGroupDetails("vision", LocalizedText(nl: "visie", en: "vision"), "de visie"),
            ItemGroupDetails("roles", LocalizedText(nl: "rollen", en: "roles"), "de rollen van de gemeente"),
            ItemGroupDetails("starting_points", LocalizedText(nl: "uitgangspunten", en: "starting points"), "uitgangspunten"),
            ItemGroupDetails("phases", LocalizedText(nl: "fasen", en: "phases"), "fasen; mijlpalen eronder in 'milestones:'", childKey: "milestones"),
            ItemGroupDetails("extra_topics", LocalizedText(nl: "extra onderwerpen", en: "additional topics"), "onderwerpen die alleen elders in het document staan"),
        ],
        authorType: "municipality", usualAdoptionStatus: .workingDocument, kindSettlesAdoptionStatus: false,
        defaultItemStatus: "in-preparation",
        documentWords: ["veranderprogramma", "speerpunt", "veranderopgave", "change programme"],
        draftLayout: DraftLayout(sections: "starting_points"))

    func map(_ groups: NativeGroups, into builder: inout ProgrammeBuilder) throws {
        builder.add(groups["vision"], type: LocalizedText(nl: "visie", en: "vision"), defaultStatus: "ambition")
        // A spearhead is defined by the department that owns it: without one it is not a spearhead.
        try requireField(
            \.owner, in: groups["spearheads"].map(\.item),
            missing: { LocalizedText(nl: "speerpunt '\($0)' heeft geen eigenaar", en: "spearhead '\($0)' has no owner") },
            fix: LocalizedText(
                nl: "voeg 'owner:' toe met het programma of de afdeling die het document ervoor noemt",
                en: "add 'owner:' with the programme or department the document names for it"))
        builder.add(groups["spearheads"], type: LocalizedText(nl: "speerpunt", en: "spearhead"), defaultStatus: "in-preparation")
        builder.add(groups["roles"], type: LocalizedText(nl: "rol", en: "role"), defaultStatus: "commitment")
        builder.add(
            groups["starting_points"], type: LocalizedText(nl: "uitgangspunt", en: "starting point"), defaultStatus: "commitment")
        builder.add(
            groups["phases"], type: LocalizedText(nl: "fase", en: "phase"),
            childType: LocalizedText(nl: "mijlpaal", en: "milestone"), defaultStatus: "in-preparation")
        builder.add(
            groups["extra_topics"], type: LocalizedText(nl: "extra onderwerp", en: "additional topic"),
            defaultStatus: "in-preparation")
    }
}
