import InclusieModel

/// A party's election programme such as BIJ1 Almere's: sections holding numbered proposals.
struct PartyProgrammeAdapter: ProgrammeAdapter {
    struct Proposals: ChildKey { static let key = "proposals" }

    struct Body: NativeBody {
        static let keys: Set<String> = ["preamble", "sections"]
        var preamble: [NativeItem]
        var sections: [NativeItemWithChildren<Proposals>]

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: AnyKey.self)
            preamble = try container.list("preamble")
            sections = try container.list("sections")
        }
    }

    let kind = ProgrammeKind(id: "party-programme", label: LocalizedText(nl: "partijprogramma", en: "party programme"))

    func map(_ body: Body, into builder: inout ProgrammeBuilder) throws {
        if let unnumbered = body.sections.flatMap(\.children).first(where: { ($0.number ?? "").isEmpty }) {
            throw PluginProblem(
                line: unnumbered.line,
                message: LocalizedText(
                    nl: "programmapunt '\(unnumbered.id)' heeft geen nummer", en: "proposal '\(unnumbered.id)' has no number"),
                fix: LocalizedText(
                    nl: "voeg 'number:' toe zoals het programma het nummert", en: "add 'number:' as the programme numbers it"))
        }
        builder.add(body.preamble, type: LocalizedText(nl: "inleiding", en: "preamble"), defaultStatus: "proposal")
        builder.add(
            body.sections, type: LocalizedText(nl: "paragraaf", en: "section"),
            childType: LocalizedText(nl: "programmapunt", en: "proposal"), defaultStatus: "proposal")
    }
}
