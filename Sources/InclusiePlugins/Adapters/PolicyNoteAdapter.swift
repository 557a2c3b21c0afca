import InclusieModel

/// A council policy note such as Amstelveen's: aims, core values, themes, roles, initiatives, caveats, and how
/// the note itself will be communicated.
struct PolicyNoteAdapter: ProgrammeAdapter {
    struct Body: NativeBody {
        static var keys: Set<String> { PolicyNoteAdapter.details.groupKeys }
        var aims: [NativeItem]
        var coreValues: [NativeItem]
        var policyThemes: [NativeItem]
        var roles: [NativeItem]
        var initiatives: [NativeItem]
        var caveats: [NativeItem]
        var communication: [NativeItem]

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: AnyKey.self)
            aims = try container.list("aims")
            coreValues = try container.list("core_values")
            policyThemes = try container.list("policy_themes")
            roles = try container.list("roles")
            initiatives = try container.list("initiatives")
            caveats = try container.list("caveats")
            communication = try container.list("communication")
        }
    }

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

    func map(_ body: Body, into builder: inout ProgrammeBuilder) throws {
        builder.add(body.aims, type: LocalizedText(nl: "doelstelling", en: "aim"), defaultStatus: "ambition")
        builder.add(body.coreValues, type: LocalizedText(nl: "kernwaarde", en: "core value"), defaultStatus: "ambition")
        builder.add(body.policyThemes, type: LocalizedText(nl: "thema", en: "theme"), defaultStatus: "ambition")
        builder.add(body.roles, type: LocalizedText(nl: "rol", en: "role"), defaultStatus: "commitment")
        builder.add(body.initiatives, type: LocalizedText(nl: "initiatief", en: "initiative"), defaultStatus: "existing-policy")
        builder.add(body.caveats, type: LocalizedText(nl: "kanttekening", en: "caveat"), defaultStatus: "context")
        builder.add(body.communication, type: LocalizedText(nl: "communicatie", en: "communication"), defaultStatus: "commitment")
    }
}
