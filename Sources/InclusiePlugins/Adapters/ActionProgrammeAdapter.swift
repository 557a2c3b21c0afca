import InclusieModel

/// An action programme such as Almere's: sub-goals, principles, roles, ways of working, execution lines,
/// societal themes, a planning table of actions × years, and a budget table.
struct ActionProgrammeAdapter: ProgrammeAdapter {
    static let details = ProgrammeKindDetails(
        kind: ProgrammeKind(id: "action-programme", label: LocalizedText(nl: "actieprogramma", en: "action programme")),
        groups: [
            ItemGroupDetails("execution_lines", LocalizedText(nl: "uitvoeringslijnen", en: "execution lines"), "uitvoeringslijnen; activiteiten eronder in 'activities:'", childKey: "activities"),
            ItemGroupDetails("goals", LocalizedText(nl: "doelen", en: "goals"), "de doelen die het programma zich stelt"),
            ItemGroupDetails("pillars", LocalizedText(nl: "pijlers", en: "pillars"), "pijlers, als het programma daarop gebouwd is; activiteiten eronder in 'activities:'", childKey: "activities"),
            ItemGroupDetails("principles", LocalizedText(nl: "uitgangspunten", en: "principles"), "uitgangspunten"),
            ItemGroupDetails("roles", LocalizedText(nl: "rollen", en: "roles"), "de rollen die de gemeente zichzelf geeft"),
            ItemGroupDetails("working_methods", LocalizedText(nl: "werkwijzen", en: "ways of working"), "werkwijzen"),
            ItemGroupDetails("societal_themes", LocalizedText(nl: "maatschappelijke thema's", en: "societal themes"), "thema's per maatschappelijk domein; onderwerpen eronder in 'topics:'", childKey: "topics"),
            ItemGroupDetails("existing_policy", LocalizedText(nl: "bestaand beleid", en: "existing policy"), "bestaand beleid dat het programma noemt"),
            ItemGroupDetails("actions", LocalizedText(nl: "acties", en: "actions"), "acties uit de planningstabel, met 'lines:' (ids van uitvoeringslijnen) en 'years:'", linkKey: "lines"),
            ItemGroupDetails("monitoring", LocalizedText(nl: "monitoring", en: "monitoring"), "hoe voortgang gevolgd wordt"),
        ],
        authorType: "municipality", usualAdoptionStatus: .adopted, kindSettlesAdoptionStatus: false,
        defaultItemStatus: "commitment",
        documentWords: ["actieprogramma", "uitvoeringslijn", "actieplan", "planning", "action programme"],
        draftLayout: DraftLayout(sections: "execution_lines", childKey: "activities"))

    func map(_ groups: NativeGroups, into builder: inout ProgrammeBuilder) throws {
        builder.add(groups["goals"], type: LocalizedText(nl: "doelstelling", en: "goal"), defaultStatus: "commitment")
        builder.add(
            groups["pillars"], type: LocalizedText(nl: "pijler", en: "pillar"),
            childType: LocalizedText(nl: "activiteit", en: "activity"), defaultStatus: "commitment")
        builder.add(groups["principles"], type: LocalizedText(nl: "uitgangspunt", en: "principle"), defaultStatus: "commitment")
        builder.add(groups["roles"], type: LocalizedText(nl: "rol", en: "role"), defaultStatus: "commitment")
        builder.add(groups["working_methods"], type: LocalizedText(nl: "werkwijze", en: "way of working"), defaultStatus: "commitment")
        builder.add(
            groups["execution_lines"], type: LocalizedText(nl: "uitvoeringslijn", en: "execution line"),
            childType: LocalizedText(nl: "activiteit", en: "activity"), defaultStatus: "commitment")
        builder.add(
            groups["societal_themes"], type: LocalizedText(nl: "thema", en: "theme"),
            childType: LocalizedText(nl: "onderwerp", en: "topic"), defaultStatus: "commitment")
        builder.add(
            groups["existing_policy"], type: LocalizedText(nl: "bestaand beleid", en: "existing policy"),
            defaultStatus: "existing-policy")
        let lineIDs = Set(groups["execution_lines"].map(\.item.id))
        for action in groups["actions"] {
            if action.links.isEmpty || action.item.years.isEmpty {
                throw PluginProblem(
                    line: action.item.line,
                    message: LocalizedText(
                        nl: "actie '\(action.item.id)' heeft 'lines' en 'years' nodig",
                        en: "action '\(action.item.id)' needs 'lines' and 'years'"),
                    fix: LocalizedText(
                        nl: "noem de ids van de uitvoeringslijnen waaronder ze valt en de jaren die in de planningstabel aangevinkt zijn",
                        en: "list the execution line ids it runs under and the years ticked in the planning table"))
            }
            if let unknown = action.links.first(where: { !lineIDs.contains($0) }) {
                throw PluginProblem(
                    line: action.item.line,
                    message: LocalizedText(
                        nl: "actie '\(action.item.id)' noemt uitvoeringslijn '\(unknown)', die niet bestaat",
                        en: "action '\(action.item.id)' names execution line '\(unknown)', which does not exist"),
                    fix: LocalizedText(
                        nl: "gebruik een van: \(lineIDs.sorted().joined(separator: ", "))",
                        en: "use one of: \(lineIDs.sorted().joined(separator: ", "))"))
            }
            // An action inherits how it works from its execution lines unless it says otherwise.
            var lineInstruments: [String] = []
            for instrument in action.links.compactMap({ builder.item($0)?.instruments.first })
            where !lineInstruments.contains(instrument) {
                lineInstruments.append(instrument)
            }
            builder.add(
                action.item, type: LocalizedText(nl: "actie", en: "action"), defaultStatus: "commitment",
                related: action.links, fallbackInstruments: lineInstruments)
        }
        builder.add(groups["monitoring"], type: LocalizedText(nl: "monitoring", en: "monitoring"), defaultStatus: "commitment")
    }
}
