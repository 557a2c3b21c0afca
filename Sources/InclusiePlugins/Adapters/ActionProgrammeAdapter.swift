import InclusieModel

/// An action programme such as Almere's: sub-goals, principles, roles, ways of working, execution lines,
/// societal themes, a planning table of actions × years, and a budget table.
struct ActionProgrammeAdapter: ProgrammeAdapter {
    struct Activities: ChildKey { static let key = "activities" }
    struct Topics: ChildKey { static let key = "topics" }

    /// A row of the planning table: an action with the execution lines it runs under.
    struct Action: Decodable {
        var item: NativeItem
        var lines: [String]

        init(from decoder: any Decoder) throws {
            item = try NativeItem(from: decoder, extraKeys: ["lines"])
            lines = try decoder.container(keyedBy: AnyKey.self).list("lines")
        }
    }

    struct Body: NativeBody {
        static var keys: Set<String> { ActionProgrammeAdapter.details.groupKeys }
        /// The programme's own statements of what it wants to reach, where it has them.
        var goals: [NativeItem]
        /// Thematic pillars ("gelijkwaardigheid, verbinding, veiligheid"), for programmes built on them rather
        /// than on execution lines.
        var pillars: [NativeItemWithChildren<Activities>]
        var principles: [NativeItem]
        var roles: [NativeItem]
        var workingMethods: [NativeItem]
        var executionLines: [NativeItemWithChildren<Activities>]
        var societalThemes: [NativeItemWithChildren<Topics>]
        var existingPolicy: [NativeItem]
        var actions: [Action]
        var monitoring: [NativeItem]

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: AnyKey.self)
            goals = try container.list("goals")
            pillars = try container.list("pillars")
            principles = try container.list("principles")
            roles = try container.list("roles")
            workingMethods = try container.list("working_methods")
            executionLines = try container.list("execution_lines")
            societalThemes = try container.list("societal_themes")
            existingPolicy = try container.list("existing_policy")
            actions = try container.list("actions")
            monitoring = try container.list("monitoring")
        }
    }

    static let details = ProgrammeKindDetails(
        kind: ProgrammeKind(id: "action-programme", label: LocalizedText(nl: "actieprogramma", en: "action programme")),
        groups: [
            ItemGroupDetails("execution_lines", LocalizedText(nl: "uitvoeringslijnen", en: "execution lines"), "uitvoeringslijnen; activiteiten eronder in 'activities:'"),
            ItemGroupDetails("goals", LocalizedText(nl: "doelen", en: "goals"), "de doelen die het programma zich stelt"),
            ItemGroupDetails("pillars", LocalizedText(nl: "pijlers", en: "pillars"), "pijlers, als het programma daarop gebouwd is; activiteiten eronder in 'activities:'"),
            ItemGroupDetails("principles", LocalizedText(nl: "uitgangspunten", en: "principles"), "uitgangspunten"),
            ItemGroupDetails("roles", LocalizedText(nl: "rollen", en: "roles"), "de rollen die de gemeente zichzelf geeft"),
            ItemGroupDetails("working_methods", LocalizedText(nl: "werkwijzen", en: "ways of working"), "werkwijzen"),
            ItemGroupDetails("societal_themes", LocalizedText(nl: "maatschappelijke thema's", en: "societal themes"), "thema's per maatschappelijk domein; onderwerpen eronder in 'topics:'"),
            ItemGroupDetails("existing_policy", LocalizedText(nl: "bestaand beleid", en: "existing policy"), "bestaand beleid dat het programma noemt"),
            ItemGroupDetails("actions", LocalizedText(nl: "acties", en: "actions"), "acties uit de planningstabel, met 'lines:' (ids van uitvoeringslijnen) en 'years:'"),
            ItemGroupDetails("monitoring", LocalizedText(nl: "monitoring", en: "monitoring"), "hoe voortgang gevolgd wordt"),
        ],
        authorType: "municipality", usualAdoptionStatus: .adopted, kindSettlesAdoptionStatus: false,
        defaultItemStatus: "commitment",
        documentWords: ["actieprogramma", "uitvoeringslijn", "actieplan", "planning", "action programme"],
        draftLayout: DraftLayout(sections: "execution_lines", childKey: "activities"))

    func map(_ body: Body, into builder: inout ProgrammeBuilder) throws {
        builder.add(body.goals, type: LocalizedText(nl: "doelstelling", en: "goal"), defaultStatus: "commitment")
        builder.add(
            body.pillars, type: LocalizedText(nl: "pijler", en: "pillar"),
            childType: LocalizedText(nl: "activiteit", en: "activity"), defaultStatus: "commitment")
        builder.add(body.principles, type: LocalizedText(nl: "uitgangspunt", en: "principle"), defaultStatus: "commitment")
        builder.add(body.roles, type: LocalizedText(nl: "rol", en: "role"), defaultStatus: "commitment")
        builder.add(body.workingMethods, type: LocalizedText(nl: "werkwijze", en: "way of working"), defaultStatus: "commitment")
        builder.add(
            body.executionLines, type: LocalizedText(nl: "uitvoeringslijn", en: "execution line"),
            childType: LocalizedText(nl: "activiteit", en: "activity"), defaultStatus: "commitment")
        builder.add(
            body.societalThemes, type: LocalizedText(nl: "thema", en: "theme"),
            childType: LocalizedText(nl: "onderwerp", en: "topic"), defaultStatus: "commitment")
        builder.add(
            body.existingPolicy, type: LocalizedText(nl: "bestaand beleid", en: "existing policy"),
            defaultStatus: "existing-policy")
        let lineIDs = Set(body.executionLines.map(\.item.id))
        for action in body.actions {
            if action.lines.isEmpty || action.item.years.isEmpty {
                throw PluginProblem(
                    line: action.item.line,
                    message: LocalizedText(
                        nl: "actie '\(action.item.id)' heeft 'lines' en 'years' nodig",
                        en: "action '\(action.item.id)' needs 'lines' and 'years'"),
                    fix: LocalizedText(
                        nl: "noem de ids van de uitvoeringslijnen waaronder ze valt en de jaren die in de planningstabel aangevinkt zijn",
                        en: "list the execution line ids it runs under and the years ticked in the planning table"))
            }
            if let unknown = action.lines.first(where: { !lineIDs.contains($0) }) {
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
            for instrument in action.lines.compactMap({ builder.item($0)?.instruments.first })
            where !lineInstruments.contains(instrument) {
                lineInstruments.append(instrument)
            }
            builder.add(
                action.item, type: LocalizedText(nl: "actie", en: "action"), defaultStatus: "commitment",
                related: action.lines, fallbackInstruments: lineInstruments)
        }
        builder.add(body.monitoring, type: LocalizedText(nl: "monitoring", en: "monitoring"), defaultStatus: "commitment")
    }
}
