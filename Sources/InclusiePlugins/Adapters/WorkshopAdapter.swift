import InclusieModel

/// The outcome of a working conference such as Amersfoort's: a summary, the presentation's ambitions, and
/// participants' answers per question. All of it is input for policy, not policy.
struct WorkshopAdapter: ProgrammeAdapter {
    struct Answers: ChildKey { static let key = "answers" }

    struct Body: NativeBody {
        static var keys: Set<String> { WorkshopAdapter.details.groupKeys }
        var summary: [NativeItem]
        var ambitions: [NativeItem]
        var questions: [NativeItemWithChildren<Answers>]

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: AnyKey.self)
            summary = try container.list("summary")
            ambitions = try container.list("ambitions")
            questions = try container.list("questions")
        }
    }

    static let details = ProgrammeKindDetails(
        kind: ProgrammeKind(id: "workshop", label: LocalizedText(nl: "werkconferentie", en: "workshop")),
        groups: [
            ItemGroupDetails("questions", LocalizedText(nl: "vragen", en: "questions"), "de vragen; de antwoorden van deelnemers eronder in 'answers:'"),
            ItemGroupDetails("summary", LocalizedText(nl: "samenvatting", en: "summary"), "de samenvatting"),
            ItemGroupDetails("ambitions", LocalizedText(nl: "ambities", en: "ambitions"), "ambities uit de presentatie"),
        ],
        authorType: "municipality", usualAdoptionStatus: .workshopOutcome, kindSettlesAdoptionStatus: true,
        defaultItemStatus: "input",
        documentWords: ["werkconferentie", "werksessie", "deelnemers", "bijeenkomst", "mentimeter", "workshop"],
        draftLayout: DraftLayout(looseItems: "summary", sections: "questions", childKey: "answers"))

    func map(_ body: Body, into builder: inout ProgrammeBuilder) throws {
        builder.add(body.summary, type: LocalizedText(nl: "samenvattingspunt", en: "summary point"), defaultStatus: "input")
        builder.add(
            body.ambitions, type: LocalizedText(nl: "ambitie (presentatie)", en: "ambition (presentation)"),
            defaultStatus: "ambition")
        builder.add(
            body.questions, type: LocalizedText(nl: "vraag", en: "question"),
            childType: LocalizedText(nl: "antwoord", en: "answer"), defaultStatus: "input")
    }
}
