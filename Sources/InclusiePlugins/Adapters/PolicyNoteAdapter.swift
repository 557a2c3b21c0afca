import InclusieModel

/// A council policy note such as Amstelveen's: aims, core values, themes, roles, initiatives, caveats, and how
/// the note itself will be communicated.
struct PolicyNoteAdapter: ProgrammeAdapter {
    static let details = ProgrammeKindDetails(
        kind: ProgrammeKind(id: "policy-note", label: LocalizedText(nl: "beleidsnota", en: "policy note")),
        groups: [
            ItemGroupDetails("policy_themes", LocalizedText(nl: "thema's", en: "themes"), "de thema's van de nota"),
            ItemGroupDetails("aims", LocalizedText(nl: "doelstellingen", en: "aims"), "doelstellingen"),
            ItemGroupDetails("core_values", LocalizedText(nl: "kernwaarden", en: "core values"), "kernwaarden"),
            ItemGroupDetails("roles", LocalizedText(nl: "rollen", en: "roles"), "de rollen van de gemeente"),
            ItemGroupDetails("initiatives", LocalizedText(nl: "initiatieven", en: "initiatives"), "lopende initiatieven"),
            ItemGroupDetails("caveats", LocalizedText(nl: "kanttekeningen", en: "caveats"), "kanttekeningen"),
            ItemGroupDetails("communication", LocalizedText(nl: "communicatie", en: "communication"), "hoe de nota zelf bekendgemaakt wordt"),
        ],
        authorType: "municipality", usualAdoptionStatus: .councilProposal, kindSettlesAdoptionStatus: false,
        defaultItemStatus: "ambition", documentWords: ["nota", "raadsvoorstel", "beleidskader", "agenda", "policy"],
        draftLayout: DraftLayout(sections: "policy_themes"))

    func map(_ groups: NativeGroups, into builder: inout ProgrammeBuilder) throws {
        builder.add(groups["aims"], type: LocalizedText(nl: "doelstelling", en: "aim"), defaultStatus: "ambition")
        builder.add(groups["core_values"], type: LocalizedText(nl: "kernwaarde", en: "core value"), defaultStatus: "ambition")
        builder.add(groups["policy_themes"], type: LocalizedText(nl: "thema", en: "theme"), defaultStatus: "ambition")
        builder.add(groups["roles"], type: LocalizedText(nl: "rol", en: "role"), defaultStatus: "commitment")
        builder.add(groups["initiatives"], type: LocalizedText(nl: "initiatief", en: "initiative"), defaultStatus: "existing-policy")
        builder.add(groups["caveats"], type: LocalizedText(nl: "kanttekening", en: "caveat"), defaultStatus: "context")
        builder.add(groups["communication"], type: LocalizedText(nl: "communicatie", en: "communication"), defaultStatus: "commitment")
    }
}
