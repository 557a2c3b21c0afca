import InclusieModel

/// The outcome of a working conference such as Amersfoort's: a summary, the presentation's ambitions, and
/// participants' answers per question. All of it is input for policy, not policy.
struct WorkshopAdapter: ProgrammeAdapter {
    static let details = ProgrammeKindDetails(
        kind: ProgrammeKind(id: "workshop", label: LocalizedText(nl: "werkconferentie", en: "workshop")),
        groups: [
            ItemGroupDetails("questions", LocalizedText(nl: "vragen", en: "questions"), "de vragen; de antwoorden van deelnemers eronder in 'answers:'", childKey: "answers"),
            ItemGroupDetails("summary", LocalizedText(nl: "samenvatting", en: "summary"), "de samenvatting"),
            ItemGroupDetails("ambitions", LocalizedText(nl: "ambities", en: "ambitions"), "ambities uit de presentatie"),
        ],
        authorType: "municipality", usualAdoptionStatus: .workshopOutcome, kindSettlesAdoptionStatus: true,
        defaultItemStatus: "input",
        documentWords: ["werkconferentie", "werksessie", "deelnemers", "bijeenkomst", "mentimeter", "workshop"],
        draftLayout: DraftLayout(looseItems: "summary", sections: "questions", childKey: "answers"))

    func map(_ groups: NativeGroups, into builder: inout ProgrammeBuilder) throws {
        builder.add(groups["summary"], type: LocalizedText(nl: "samenvattingspunt", en: "summary point"), defaultStatus: "input")
        builder.add(
            groups["ambitions"], type: LocalizedText(nl: "ambitie (presentatie)", en: "ambition (presentation)"),
            defaultStatus: "ambition")
        builder.add(
            groups["questions"], type: LocalizedText(nl: "vraag", en: "question"),
            childType: LocalizedText(nl: "antwoord", en: "answer"), defaultStatus: "input")
    }
}
