import Foundation
import InclusieComparison
import InclusieExport
import InclusieModel
import InclusiePlugins
import Testing

/// The five comparison views computed from the real plugins, checked against values worked out by hand
/// from the YAML files in `municipalities/`.
@Suite struct ComparisonViewTests {
    let catalog: Catalog
    let scope = ComparisonScope()

    static let almere = "almere/actieprogramma-2020-2022"
    static let bij1 = "almere/bij1-verkiezingsprogramma-2022"
    static let amstelveen = "amstelveen/nota-diversiteit-en-inclusie-2023"
    static let arnhem = "arnhem/veranderprogramma-inclusie-2018"
    static let amersfoort = "amersfoort/werkconferentie-samenleven-in-diversiteit-2020"
    static let almereProgrammeMoney = "200K diversiteitsmiddelen o.b.v. coalitieakkoord"

    init() throws {
        let municipalities = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("municipalities").path
        let loaded = PluginLoader().load(directory: municipalities)
        try #require(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        catalog = try loaded.catalog()
    }

    // MARK: budgets

    private func budget(_ key: String) throws -> BudgetOverview.ProgrammeBudget {
        try #require(BudgetOverview(catalog: catalog, scope: scope).programmes.first { $0.programme.key == key })
    }

    @Test func almereProgrammeMoneyPerInhabitantIn2020() throws {
        let almere = try budget(Self.almere)
        let block = try #require(almere.blocks.first { $0.block == Self.almereProgrammeMoney })
        let year = try #require(block.years.first { $0.year == 2020 })
        // € 200.000 / 214.715 inhabitants (CBS as cited, 2021-01-01) = 93,15 cents → 93 cents.
        #expect(year.totalCents == .euros(200_000))
        #expect(year.perInhabitantCents == Money(cents: 93))
        #expect(year.population?.inhabitantCount == 214_715)
        #expect(year.population?.referenceDate == "2021-01-01")
        #expect(year.population?.publisher == "CBS (as cited)")
        #expect(year.precision == .indicative)
        // The whole table in 2020: 200.000 + 182.500 + 161.500 + 20.000 = € 564.000; / 214.715 = 262,67 → 263 cents.
        let whole = try #require(almere.years.first { $0.year == 2020 })
        #expect(whole.totalCents == .euros(564_000))
        #expect(whole.perInhabitantCents == Money(cents: 263))
        #expect(whole.precision == .partlyIndicative)
    }

    @Test func almereHasNoGrantLineIn2023AndThatIsNotZero() throws {
        let almere = try budget(Self.almere)
        #expect(almere.years.map(\.year) == [2020, 2021, 2022, 2023])
        // The OCW grant has no 2023 cell: the kind is absent that year, not € 0.
        let year2023 = try #require(almere.years.first { $0.year == 2023 })
        #expect(!year2023.byKind.contains { $0.kind == BudgetKind.grantReceived.rawValue })
        #expect(year2023.totalCents == .euros(544_000))
        let table = try #require(BudgetOverview(catalog: catalog, scope: scope).tables(catalog: catalog, language: .nl).first)
        let grantColumn = try #require(table.columns.firstIndex(of: BudgetKind.grantReceived.label.nl))
        let row2023 = try #require(table.rows.first { $0.contains(.integer(2023)) && $0.first?.display(.nl).hasPrefix("Almere: ") == true })
        #expect(row2023[grantColumn] == .empty)
    }

    @Test func amstelveen2024TotalLeavesOutTheNotStatedGrant() throws {
        let amstelveen = try budget(Self.amstelveen)
        let year = try #require(amstelveen.years.first { $0.year == 2024 })
        // 100.000 (own money) + 20.000 (Regenboogsteden) + 25.100 (accessibility) = € 145.100; the state's
        // contribution to the anti-discrimination provision is named without an amount.
        #expect(year.totalCents == .euros(145_100))
        #expect(year.includesNotStated)
        #expect(year.notStatedLineLabels.count == 1)
        #expect(year.notStatedLineLabels.first?.contains("anti-discriminatievoorziening") == true)
        let grants = try #require(year.byKind.first { $0.kind == BudgetKind.grantReceived.rawValue })
        #expect(grants.amountCents == .euros(20_000))
        #expect(grants.includesNotStated)
        // Nearest figure to 2024 is 2023-01-01: 94.435. 14.510.000 / 94.435 = 153,65 → 154 cents.
        #expect(year.population?.referenceDate == "2023-01-01")
        #expect(year.perInhabitantCents == Money(cents: 154))
        let overview = BudgetOverview(catalog: catalog, scope: scope).tables(catalog: catalog, language: .nl)[2]
        let row = try #require(overview.rows.first { $0.first?.display(.nl).hasPrefix("Amstelveen") == true })
        let column = try #require(overview.columns.firstIndex(of: "2024"))
        #expect(row[column] == .text("€ 145.100 + niet vermeld"))
    }

    @Test(arguments: [ComparisonViewTests.arnhem, ComparisonViewTests.amersfoort])
    func budgetWithoutLinesIsShownAsNotStated(key: String) throws {
        let programme = try budget(key)
        #expect(!programme.budgetStated)
        #expect(programme.notStatedReason?.isEmpty == false)
        #expect(programme.years.isEmpty)
        let tables = BudgetOverview(catalog: catalog, scope: ComparisonScope(only: [key])).tables(catalog: catalog, language: .nl)
        let rows = tables.flatMap(\.rows)
        #expect(!rows.isEmpty)
        for row in rows {
            #expect(!row.contains(.money(.zero)))
            #expect(!row.contains { $0.display(.nl).contains("€ 0") })
        }
        #expect(tables[0].rows.first?[2] == .text("geen eigen begroting"), "none is said as none, not as 'not stated'")
    }

    @Test func perInhabitantRoundsHalfUpInWholeCents() {
        #expect(BudgetOverview.perInhabitant(Money(cents: 3), inhabitants: 2) == Money(cents: 2))
        #expect(BudgetOverview.perInhabitant(Money(cents: 5), inhabitants: 4) == Money(cents: 1))
        #expect(BudgetOverview.perInhabitant(.euros(1), inhabitants: 0) == nil)
    }

    // MARK: roles

    @Test func arnhemRoleProfileHasItsThreeRoleWords() throws {
        let profiles = RoleProfiles(catalog: catalog, scope: scope)
        let arnhem = try #require(profiles.profiles.first { $0.programme.key == Self.arnhem })
        let words = arnhem.ownRoleWords
        #expect(words.count == 3)
        #expect(words.map(\.itemID) == ["rol-sturen", "rol-samenwerken", "rol-stimuleren"])
        #expect(words[0].title.contains("sturende"))
        #expect(words[1].title.contains("samenwerkende"))
        #expect(words[2].title.contains("stimulerende"))
        #expect(words.map { $0.roleIDs.first } == ["own-organisation", "partner", "facilitator"])
        // Eight Arnhem items name a role (visie-3, visie-4, speerpunt-2, speerpunt-8, the three roles,
        // uitgangspunt-1). Facilitator: visie-4 (second), rol-stimuleren, uitgangspunt-1 → 3 of 8, 2 primary.
        #expect(arnhem.itemsWithAnyRoleCount == 8)
        let facilitator = try #require(arnhem.roles.first { $0.roleID == "facilitator" })
        #expect(facilitator.itemCount == 3)
        #expect(facilitator.primaryItemCount == 2)
        #expect(facilitator.shareOfItemsWithAnyRole == 0.375)
        let table = profiles.tables(catalog: catalog, language: .en)[0]
        #expect(table.rows.contains { $0.first?.display(.en).hasPrefix("Arnhem") == true && $0.last == .decimal("0.375") })
    }

    @Test func almereOwnRoleWordsIncludeTheGuardingRole() throws {
        let profiles = RoleProfiles(catalog: catalog, scope: ComparisonScope(only: [Self.almere]))
        let almere = try #require(profiles.profiles.first)
        #expect(almere.ownRoleWords.contains { $0.itemID == "rol-bewaken" && $0.roleIDs == ["guardian"] })
        #expect(almere.roles.count == catalog.taxonomy.roles.count)
    }

    // MARK: similarity

    @Test func similarityIsOneWithItselfAndSymmetric() throws {
        let similarity = ThemeSimilarity(catalog: catalog, scope: scope)
        let matrix = ThemeSimilarityMatrix(catalog: catalog, scope: scope)
        let keys = similarity.programmes.map(\.key)
        #expect(matrix.programmes.map(\.key) == keys)
        #expect(keys.count == 5)
        #expect(similarity.measure == "jaccard")
        for key in keys {
            #expect(similarity.pair(key, key)?.jaccardSimilarity == 1)
            let row = try #require(keys.firstIndex(of: key))
            #expect(matrix.row(row)[row].value() == 1)
            for other in keys {
                let there = try #require(similarity.pair(key, other))
                let back = try #require(similarity.pair(other, key))
                #expect(there.jaccardSimilarity == back.jaccardSimilarity)
                #expect(there.sharedThemeCount == back.sharedThemeCount)
                #expect(there.combinedThemeCount == back.combinedThemeCount)
                let (i, j) = (try #require(keys.firstIndex(of: key)), try #require(keys.firstIndex(of: other)))
                #expect(matrix.row(i)[j].value() == there.jaccardSimilarity)
            }
        }
    }

    @Test func nearestPeerDifferenceAddsUpToTheUnion() throws {
        let similarity = ThemeSimilarity(catalog: catalog, scope: scope)
        for peer in similarity.nearestPeers {
            let peerKey = try #require(peer.peerKey)
            #expect(peerKey != peer.programmeKey)
            let pair = try #require(similarity.pair(peer.programmeKey, peerKey))
            #expect(peer.sharedThemeIDs.count == pair.sharedThemeCount)
            #expect(peer.sharedThemeIDs.count + peer.onlyInProgrammeThemeIDs.count + peer.onlyInPeerThemeIDs.count == pair.combinedThemeCount)
            // No other programme is strictly more similar.
            let best = similarity.programmes.map(\.key).filter { $0 != peer.programmeKey }
                .compactMap { similarity.pair(peer.programmeKey, $0)?.jaccardSimilarity }.max()
            #expect(pair.jaccardSimilarity == best)
        }
    }

    @Test func nearestPeersAreTheMostSimilarOfOtherMunicipalitiesInOrder() throws {
        let matrix = ThemeSimilarityMatrix(catalog: catalog, scope: scope)
        for count in [1, 2, 5, 50] {
            let similarity = ThemeSimilarity(catalog: catalog, scope: scope, peers: count)
            #expect(similarity.peerCount == count)
            for (index, peer) in similarity.nearestPeers.enumerated() {
                let municipality = peer.programmeKey.split(separator: "/").first
                let others = matrix.programmes.indices.filter {
                    matrix.programmes[$0].key.split(separator: "/").first != municipality
                }
                // Most similar first, ties in programme order.
                let row = matrix.row(index)
                let expected = others.sorted {
                    row[$1].isLess(than: row[$0]) || (!row[$0].isLess(than: row[$1]) && $0 < $1)
                }.prefix(count)
                #expect(peer.peers.map(\.peerKey) == expected.map { matrix.programmes[$0].key })
                #expect(peer.peers.first?.peerKey == peer.peerKey)
                #expect(peer.peers.first?.jaccardSimilarity == peer.jaccardSimilarity)
                for neighbour in peer.peers {
                    let pair = try #require(similarity.pair(peer.programmeKey, neighbour.peerKey))
                    #expect(neighbour.sharedThemeCount == pair.sharedThemeCount)
                    #expect(neighbour.combinedThemeCount == pair.combinedThemeCount)
                    #expect(neighbour.jaccardSimilarity == pair.jaccardSimilarity)
                }
            }
        }
    }

    @Test func ratioRoundsHalfUpWithIntegers() {
        #expect(Ratio(1, of: 8).decimalText() == "0.125")
        #expect(Ratio(2, of: 3).decimalText() == "0.667")
        #expect(Ratio(1, of: 2000).decimalText() == "0.001")
        #expect(Ratio(3, of: 3).decimalText() == "1.000")
        #expect(Ratio(0, of: 0).decimalText() == nil)
        #expect(Ratio(1, of: 3).isLess(than: Ratio(1, of: 2)))
    }

    // MARK: proposals

    private func bij1AgainstAlmere() throws -> ProposalCoverage.Comparison {
        let coverage = try ProposalCoverage(catalog: catalog, scope: scope, party: Self.bij1, against: Self.almere)
        return try #require(coverage.comparisons.first)
    }

    private func proposal(_ id: String) throws -> ProposalCoverage.Proposal {
        try #require(try bij1AgainstAlmere().proposals.first { $0.proposalID == id })
    }

    @Test func hiringForDiversityIsOnlyMentioned() throws {
        // p-2.1-1: primary theme staff-diversity, secondary inclusive-organisation, target groups
        // municipal-staff and migration-background. rol-voorbeeldrol, charter-diversiteit, the HRM plan (in
        // preparation) and diversiteitsmanager stand under Almere's roles: a role never does more than
        // mention the subject. ep-alle-beleidsterreinen has inclusive-organisation (the proposal's secondary
        // theme) as its primary theme, for municipal-staff → a mention too.
        let proposal = try proposal("p-2.1-1")
        #expect(proposal.verdict == .mentionsSubject)
        #expect(proposal.matches.map(\.itemID) == [
            "rol-voorbeeldrol", "hrm-diversiteit-en-inclusie", "charter-diversiteit", "diversiteitsmanager", "ep-alle-beleidsterreinen",
        ])
        #expect(proposal.matches.map(\.reason) == [
            .roleOrContext, .roleOrContext, .roleOrContext, .roleOrContext, .secondaryThemeAsPrimary,
        ])
        #expect(proposal.matches.allSatisfy { $0.sharedTerms.isEmpty })
        #expect(proposal.matches.first?.sharedTargetGroupIDs == ["municipal-staff"])
        #expect(proposal.matches[1].itemStatus == "in-preparation", "the HRM plan is still being made")
        #expect(proposal.matches.first?.quote?.hasPrefix("De gemeente neemt als gemeentelijke organisatie een voorbeeldrol") == true)
    }

    @Test func nameChangeIsNotFound() throws {
        // p-2.1-3: only theme legal-gender-and-name; no Almere item lists that theme, and the proposal has
        // no secondary theme that could match an item's primary theme → not found, no matches.
        let proposal = try proposal("p-2.1-3")
        #expect(proposal.verdict == .notFound)
        #expect(proposal.matches.isEmpty)
    }

    @Test func queerMigrantsAreMentionedThroughLGBTIPolicy() throws {
        // p-2.2-7: primary queer-migrants (no Almere item has it), secondary lgbti-acceptance. Seven Almere
        // items have lgbti-acceptance as their primary theme: Pride Almere, th-lhbti-inclusie-agenda and its
        // Regenboogbeleid topic, the Meerjarenplan, the Uitvoeringsagenda, the Regenbooggemeenten and
        // action 12 → mentioned, all seven by the secondary-theme rule.
        let proposal = try proposal("p-2.2-7")
        #expect(proposal.verdict == .mentionsSubject)
        #expect(proposal.matches.count == 7)
        #expect(proposal.matches.allSatisfy { $0.reason == .secondaryThemeAsPrimary })
        #expect(proposal.matches.contains { $0.itemID == "act-12" })
    }

    @Test func cityPassIsNotFoundBySportAsASecondaryTheme() throws {
        // p-2.3-3: primary city-pass, secondary sport-and-health, no target group. No Almere item has
        // city-pass. act-19 lists sport-and-health, but only second (its primary theme is safety), and the
        // secondary-theme rule needs the item's *primary* theme → not found.
        let proposal = try proposal("p-2.3-3")
        #expect(proposal.verdict == .notFound)
        #expect(proposal.matches.isEmpty)
    }

    @Test func informationAboutHelpIsMentionedForDiscriminationOnly() throws {
        // p-2.3-1: primary information-access, target group everyone. act-18 (Communicatiestrategie) no longer
        // carries that theme: the planning row gives only the word. th-meldingsbereidheid lists it second
        // ("dat iedereen bekend is dat er een overheid is die achter je staat") → a mention. The zorg-mantelzorg
        // topic has access-to-social-services, the proposal's secondary theme, as its primary theme, but
        // shares no specific group with a proposal for everyone → no match.
        let proposal = try proposal("p-2.3-1")
        #expect(proposal.verdict == .mentionsSubject)
        #expect(proposal.matches.map(\.itemID) == ["th-meldingsbereidheid"])
        #expect(proposal.matches.first?.reason == .primaryThemeOnly)
    }

    @Test func statusHoldersAreNotFoundInSchoolEducation() throws {
        // p-2.2-5: primary refugees-and-status-holders, secondary education and civic-integration, target
        // group refugees. ul-3.5 'Educatie' has education as its primary theme, but for youth and everyone,
        // not refugees → no match, not found.
        let proposal = try proposal("p-2.2-5")
        #expect(proposal.verdict == .notFound)
        #expect(proposal.matches.isEmpty)
    }

    @Test func mediaFundsAreMentionedWithoutASharedTheme() throws {
        // p-2.1-2: primary arts-culture-media (no Almere item has it), secondary representation and
        // workplace-diversity. up-3 has representation as primary theme; rol-andere-organisaties-stimuleren
        // (a role) has workplace-diversity as primary → mentioned by those two.
        let proposal = try proposal("p-2.1-2")
        #expect(proposal.verdict == .mentionsSubject)
        #expect(Set(proposal.matches.map(\.itemID)) == ["up-3", "rol-andere-organisaties-stimuleren"])
    }

    @Test func proposalCountsAddUp() throws {
        let comparison = try bij1AgainstAlmere()
        // BIJ1's chapter 2 has 4 + 7 + 3 numbered proposals.
        #expect(comparison.proposals.count == 14)
        #expect(ProposalCoverage.Verdict.allCases.map(comparison.count).reduce(0, +) == 14)
        #expect(ProposalCoverage.Verdict.allCases.map(comparison.count) == [0, 0, 4, 10])
        #expect(comparison.partyProgramme.key == Self.bij1)
        #expect(comparison.againstProgramme.key == Self.almere)
    }

    @Test func defaultProposalsViewHoldsBIJ1AgainstAlmere() throws {
        let coverage = ProposalCoverage(catalog: catalog, scope: scope)
        #expect(coverage.comparisons.map(\.partyProgramme.key) == [Self.bij1])
        #expect(coverage.comparisons.map(\.againstProgramme.key) == [Self.almere])
        let byID = try ProposalCoverage(
            catalog: catalog, scope: scope, party: "bij1-verkiezingsprogramma-2022", against: "actieprogramma-2020-2022")
        #expect(byID.comparisons.map(\.againstProgramme.key) == [Self.almere])
    }

    @Test func unknownOrProposalFreeProgrammesAreRefused() {
        #expect(throws: ProposalCoverage.LookupError.unknownProgramme("nope")) {
            try ProposalCoverage(catalog: catalog, scope: scope, party: "nope", against: nil)
        }
        #expect(throws: ProposalCoverage.LookupError.noProposals(Self.almere)) {
            try ProposalCoverage(catalog: catalog, scope: scope, party: Self.almere, against: nil)
        }
    }

    // MARK: timeline

    @Test func timelineHasAlmeresTwentyTwoActions() throws {
        let timeline = ActionTimeline(catalog: catalog, scope: ComparisonScope(only: ["almere"]))
        let almere = try #require(timeline.programmes.first { $0.programme.key == Self.almere })
        let actions = almere.rows.filter { $0.nativeType == "actie" }
        #expect(actions.count == 22)
        let act02 = try #require(actions.first { $0.itemID == "act-02" })
        #expect(act02.activeYears == [2019, 2020, 2021, 2022])
        let act01 = try #require(actions.first { $0.itemID == "act-01" })
        #expect(!act01.activeYears.contains(2019))
        #expect(timeline.years.contains(2019))
        let table = timeline.tables(catalog: catalog, language: .nl)[0]
        let column2019 = try #require(table.columns.firstIndex(of: "2019"))
        let row02 = try #require(table.rows.first { $0[3] == .text("Diversiteitsambassadeurs inzetten") })
        #expect(row02[column2019] == .text("x"))
        #expect(row02[2] == .text("2"))
    }

    // MARK: every view

    @Test(arguments: ViewName.allCases)
    func everyViewBuildsTablesWithFullRows(view: ViewName) throws {
        for language in Language.allCases {
            let tables = view.build(catalog: catalog, scope: ComparisonScope(language: language))
                .tables(catalog: catalog, language: language)
            #expect(!tables.isEmpty)
            for table in tables {
                #expect(!table.rows.isEmpty, "\(view) \(table.title)")
                #expect(table.rows.allSatisfy { $0.count == table.columns.count }, "\(view) \(table.title)")
            }
        }
        let json = try JSONRendering.encode(view.build(catalog: catalog, scope: scope))
        #expect(try JSONSerialization.jsonObject(with: json) is [String: Any])
    }
}
