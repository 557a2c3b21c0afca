import Foundation
import InclusieDrafting
import InclusieModel
@testable import InclusiePlugins
@testable import InclusieSynthetic
import Testing

/// A kind made up for this test, declared the way a real one is: one adapter, nothing else.
private struct ThrowAwayAgendaAdapter: ProgrammeAdapter {
    static let details = ProgrammeKindDetails(
        kind: ProgrammeKind(id: "throw-away-agenda", label: LocalizedText(nl: "wegwerpagenda", en: "throw-away agenda")),
        groups: [ItemGroupDetails("points", LocalizedText(nl: "punten", en: "points"), "de punten van de agenda")],
        authorType: "municipality", usualAdoptionStatus: .adopted, kindSettlesAdoptionStatus: false,
        defaultItemStatus: "commitment", documentWords: ["wegwerpagenda", "wegwerpdorp"],
        draftLayout: DraftLayout(sections: "points"))

    func map(_ groups: NativeGroups, into builder: inout ProgrammeBuilder) throws {
        builder.add(groups["points"], type: LocalizedText(nl: "punt", en: "point"), defaultStatus: "commitment")
    }
}

/// Adding a programme kind is one adapter and one line in `ProgrammeKinds`: `new`, `draft` and the loader
/// take everything else from the adapter's details.
@Suite struct NewKindTests {
    private let kinds = ProgrammeKinds(adding: [ThrowAwayAgendaAdapter()])

    @Test func aNewKindIsScaffoldedDraftedAndLoadedFromItsAdapterAlone() throws {
        let scaffold = Scaffold(slug: "wegwerpdorp", kind: "throw-away-agenda", kinds: kinds).programmeYAML
        #expect(scaffold.contains("kind: throw-away-agenda"))
        #expect(scaffold.contains("points:                       # de punten van de agenda"), "the scaffold starts with the kind's first group")

        let loaded = try TestSupport.loadRealPlugins()
        let taxonomy = try #require(loaded.taxonomy)
        let drafter = Drafter(suggester: Suggester(taxonomy: taxonomy, terms: loaded.terms, training: []))
        let text = """
            Wegwerpagenda Samen Wegwerpdorp: de eerste wegwerpagenda van het dorp

            1. We openen een meldpunt voor discriminatie in het stadhuis.
            2. We geven jongeren een training over inclusie op school.
            """
        #expect(Drafter.guessKind(text, kinds: kinds).kind == "throw-away-agenda", "draft guesses the kind from its document words")
        let draft = drafter.draft(text: text, kind: "throw-away-agenda")
        let yaml = DraftWriter(
            programmeID: "wegwerpagenda", municipalityName: "Gemeente Wegwerpdorp", sourceFile: "agenda.txt",
            date: "2026-12-06", kinds: kinds
        ).yaml(draft)
        #expect(yaml.contains("\npoints:\n"), "the draft writes its items into the kind's own group")

        let plugins = try TestSupport.copyOfMunicipalities()
        let folder = plugins.appendingPathComponent("wegwerpdorp")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sources"), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: folder.appendingPathComponent("sources/agenda.txt"))
        try Data(yaml.utf8).write(to: folder.appendingPathComponent("wegwerpagenda.yaml"))
        try Data(
            """
            slug: wegwerpdorp
            name: Wegwerpdorp
            province: Utrecht
            population:
              - reference_date: 2024-01-01
                count: 12000
                publisher: CBS StatLine 03759ned

            """.utf8
        ).write(to: folder.appendingPathComponent("municipality.yaml"))

        let result = PluginLoader(kinds: kinds).load(directory: plugins.path)
        #expect(result.errors.isEmpty, "\(result.errors)")
        let programme = try #require(result.programmes.first { $0.programme.municipalitySlug == "wegwerpdorp" }?.programme)
        #expect(programme.kind.id == "throw-away-agenda")
        #expect(programme.items.contains { $0.title.contains("meldpunt") }, "a numbered point is an item of the new kind")
        #expect(programme.items.allSatisfy { $0.nativeType.nl == "punt" })

        let withoutTheKind = PluginLoader().load(directory: plugins.path)
        #expect(withoutTheKind.errors.contains { $0.file.contains("wegwerpagenda.yaml") }, "a build without the adapter refuses the kind")
    }

    /// The synthetic generator keeps its own weights and headings, but only for kinds, groups and child keys
    /// the adapters declare: a renamed one fails here instead of generating files the loader refuses.
    @Test func theSyntheticGeneratorWritesOnlyDeclaredKindsAndGroups() {
        let declared = ProgrammeKinds()
        #expect(Set(SyntheticKind.allCases.map(\.rawValue)) == Set(declared.all.map(\.id)))
        for kind in SyntheticKind.allCases {
            let groups = declared.details(of: kind.rawValue)?.groups ?? []
            let unknown = kind.groups.map(\.key).filter { key in !groups.contains { $0.key == key } }
            #expect(unknown.isEmpty, "\(kind.rawValue): \(unknown)")
            for group in kind.groups {
                let childKey = groups.first { $0.key == group.key }?.childKey
                #expect(group.children == nil || group.children?.key == childKey, "\(kind.rawValue) \(group.key): children under \(childKey ?? "no key")")
            }
        }
    }

    /// `draft` writes a section's children under the key the section's group reads them from.
    @Test func theDraftWritesChildrenWhereTheirGroupReadsThem() {
        for details in ProgrammeKinds().details {
            let sections = details.groups.first { $0.key == details.draftLayout.sections }
            #expect(sections != nil, "\(details.kind.id): the draft's sections group is not declared")
            #expect(sections?.childKey == details.draftLayout.childKey, "\(details.kind.id)")
        }
    }

    /// A group a kind declares is a group its adapter maps: one item in every group, and one child under it
    /// where the group has children, all come out as items.
    @Test(arguments: ProgrammeKinds().all.map(\.id))
    func everyDeclaredGroupIsMapped(kind: String) throws {
        let details = try #require(ProgrammeKinds().details(of: kind))
        func item(_ id: String, indent: String) -> String {
            "\(indent)- id: \(id)\n\(indent)  number: '1'\n\(indent)  title: \(id)\n\(indent)  owner: afdeling\n\(indent)  years: [2024]\n"
        }
        var yaml = """
            kind: \(details.kind.id)
            id: elke-groep
            title: Elke groep
            author: { type: \(details.authorType), name: Gemeente Voorbeeld }
            adoption_status: \(details.usualAdoptionStatus.rawValue)
            source: elke-groep.txt
            budget: unknown

            """
        for group in details.groups {
            yaml += "\(group.key):\n" + item("\(group.key)-1", indent: "  ")
            // An action names the execution line it runs under.
            if let linkKey = group.linkKey { yaml += "    \(linkKey): [execution_lines-1]\n" }
            if let childKey = group.childKey { yaml += "    \(childKey):\n" + item("\(group.key)-1-1", indent: "      ") }
        }
        let adapter = try #require(ProgrammeKinds().adapter(for: details.kind.id))
        let (programme, _) = try adapter.read(YAMLDocument(yaml: yaml), municipalitySlug: "voorbeeld")
        let ids = Set(programme.items.map(\.localID))
        for group in details.groups {
            #expect(ids.contains("\(group.key)-1"), "\(details.kind.id): group '\(group.key)' is declared but not mapped")
            if group.childKey != nil {
                #expect(ids.contains("\(group.key)-1-1"), "\(details.kind.id): the children of '\(group.key)' are not mapped")
            }
        }
    }
}
