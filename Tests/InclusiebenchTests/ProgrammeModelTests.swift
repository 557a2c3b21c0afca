import InclusieModel
import InclusiePlugins
import Testing

/// The five real programmes, read through their adapters: what the issues ask to be modelled.
@Suite struct ProgrammeModelTests {
    let plugins: LoadedPlugins

    init() throws {
        plugins = try TestSupport.loadRealPlugins()
    }

    @Test func almereActionProgrammeHasItsNativeParts() throws {
        let almere = try plugins.programme("almere/actieprogramma-2020-2022")
        #expect(almere.kind.id == "action-programme")
        #expect(almere.adoptionStatus == .adoptionNotStated)
        #expect(almere.items(ofType: "uitgangspunt").count == 4)
        #expect(almere.items(ofType: "uitvoeringslijn").count == 4)
        let actions = almere.items(ofType: "actie")
        #expect(actions.count == 22)
        #expect(actions.allSatisfy { !$0.years.isEmpty && !$0.relatedIDs.isEmpty })
        // Only rows 2, 11-14 and 20 of the planning table have a cross in 2019.
        let startedIn2019 = actions.filter { $0.years.contains(2019) }.compactMap(\.number)
        #expect(startedIn2019 == ["2", "11", "12", "13", "14", "20"])
        let roles = almere.items(ofType: "rol").map(\.title).joined(separator: " ")
        #expect(roles.localizedCaseInsensitiveContains("diversiteitsmanager"))
        #expect(roles.localizedCaseInsensitiveContains("ambassadeur"))
    }

    @Test func almereActionsInheritTheirExecutionLinesInstrument() throws {
        let almere = try plugins.programme("almere/actieprogramma-2020-2022")
        let celebration = try #require(almere.items(ofType: "actie").first { $0.title == "Viering Internationale Vrouwendag" })
        #expect(celebration.relatedIDs.contains("ul-2"))
        #expect(celebration.instruments.first == "meeting-dialogue-celebration")
    }

    @Test func almereBudgetAddsUpAsTheTableSays() throws {
        let almere = try plugins.programme("almere/actieprogramma-2020-2022")
        let programmeMoney = "200K diversiteitsmiddelen o.b.v. coalitieakkoord"
        for year in 2020...2023 {
            #expect(almere.budgetTotal(year: year, block: programmeMoney) == .euros(200_000))
        }
        #expect(almere.budgetTotal(year: 2020, block: "Reguliere subsidies") == .euros(364_000))
        #expect(almere.budgetTotal(year: 2023, block: "Reguliere subsidies") == .euros(344_000))
        let split = almere.budget.lines.filter { $0.block == programmeMoney }
        #expect(split.allSatisfy { $0.precision == .indicative })
    }

    @Test func amstelveenHasTwelveThemesAndItsBudgetPerYear() throws {
        let amstelveen = try plugins.programme("amstelveen/nota-diversiteit-en-inclusie-2023")
        #expect(amstelveen.items(ofType: "thema").count == 12)
        #expect(amstelveen.items(ofType: "kernwaarde").map(\.title).map { $0.lowercased() } == ["leren", "meedoen", "ontmoeten"])
        #expect(amstelveen.budgetTotal(year: 2023) == .euros(50_000 + 20_000 + 23_200))
        #expect(amstelveen.budgetTotal(year: 2024) == .euros(100_000 + 20_000 + 25_100))
        let notStated = amstelveen.budget.lines.filter { $0.amounts.contains { $0.amount == nil } }
        #expect(notStated.count == 1)
        #expect(notStated.first?.kind == .grantReceived)
    }

    @Test func arnhemSpearheadsAreOwnedByDepartmentsAndItHasNoBudget() throws {
        let arnhem = try plugins.programme("arnhem/veranderprogramma-inclusie-2018")
        let spearheads = arnhem.items(ofType: "speerpunt")
        #expect(spearheads.count == 8)
        #expect(spearheads.allSatisfy { !($0.owner ?? "").isEmpty })
        #expect(arnhem.items(ofType: "rol").count == 3)
        #expect(!arnhem.budget.isStated)
        #expect(arnhem.budget.lines.isEmpty)
    }

    @Test func amersfoortIsInputWithoutBudget() throws {
        let amersfoort = try plugins.programme("amersfoort/werkconferentie-samenleven-in-diversiteit-2020")
        let answers = amersfoort.items(ofType: "antwoord")
        #expect(answers.count > 50)
        #expect(answers.allSatisfy { $0.status == "input" })
        #expect(!amersfoort.adoptionStatus.isPolicy)
        #expect(!amersfoort.budget.isStated)
    }

    @Test func bij1HasFourteenProposalsInThreeSections() throws {
        let bij1 = try plugins.programme("almere/bij1-verkiezingsprogramma-2022")
        #expect(bij1.author.type == .party)
        #expect(bij1.date == "2022-01-20")
        let sections = bij1.items(ofType: "paragraaf")
        let proposals = bij1.items(ofType: "programmapunt")
        #expect(sections.count == 3)
        #expect(proposals.count == 14)
        #expect(proposals.allSatisfy { $0.status == "proposal" && $0.parentID != nil && !$0.themes.isEmpty })
        #expect(Dictionary(grouping: proposals, by: { $0.parentID ?? "" }).values.map(\.count).sorted() == [3, 4, 7])
    }

    @Test func everyItemCarriesEvidenceAndEveryMunicipalityItsPopulationSource() throws {
        for loaded in plugins.programmes {
            for item in loaded.programme.items {
                #expect(!item.evidence.isEmpty, "\(loaded.programme.key) \(item.localID)")
                #expect(item.evidence.allSatisfy { !$0.section.isEmpty })
            }
        }
        for municipality in plugins.municipalities {
            #expect(!municipality.population.isEmpty)
            #expect(municipality.population.allSatisfy { !$0.publisher.isEmpty && $0.referenceDate.count == 10 })
        }
    }

    @Test(.enabled(if: TestSupport.mustReadSources, TestSupport.sourcesSkipReason))
    func everyQuoteOccursInItsSource() throws {
        try #require(TestSupport.sourcesAvailable, "CI is set, but ../shared/sources is missing")
        let problems = QuoteChecker(sourcesDirectory: TestSupport.sources).check(plugins.programmes)
        #expect(problems.isEmpty, "\(problems)")
    }
}
