import Foundation

/// A municipality with two programmes, written the way `docs/plugin-format.md` describes: an action
/// programme built on pillars, modelled from its summary only (`coverage: partial`), with an open-ended
/// period and nothing said about money; and an anti-racism plan with one amount for the whole plan.
enum FormatFixture {
    static let slug = "voorbeeldstad"
    static let actionProgrammeKey = "voorbeeldstad/actieprogramma-inclusie"
    static let planKey = "voorbeeldstad/plan-tegen-racisme"

    static let municipality = TestSupport.municipalityYAML(
        slug: slug, name: "Voorbeeldstad", province: "Zuid-Holland", inhabitants: 650_000, on: "2021-01-01")

    static let actionProgramme = """
        kind: action-programme
        id: actieprogramma-inclusie
        title: Voorbeeldstad voor iedereen — actieprogramma inclusie
        author: { type: municipality, name: Gemeente Voorbeeldstad }
        period: { from: 2019 }
        adoption_status: adopted
        source: voorbeeldstad-actieprogramma.txt
        coverage: partial
        coverage_reason: alleen de samenvatting van het actieprogramma is gemodelleerd
        evidence:
          - { quote: Voorbeeldstad voor iedereen, section: Titel }
        partners:
          - id: antidiscriminatiebureau
            name: Antidiscriminatiebureau Voorbeeldstad
            evidence: [ { quote: samen met het antidiscriminatiebureau, section: Samenvatting } ]
          - id: coc
            name: COC Voorbeeldstad
            evidence: [ { quote: samen met COC Voorbeeldstad, section: Samenvatting } ]
        goals:
          - id: doel
            title: Iedereen kan meedoen, zonder discriminatie
            themes: [anti-discrimination-policy]
            evidence: [ { quote: Iedereen kan meedoen, section: Samenvatting > Doel } ]
        pillars:
          - id: pijler-gelijkwaardigheid
            number: "1"
            title: Gelijkwaardigheid
            themes: [labour-market-discrimination]
            partners: [antidiscriminatiebureau]
            evidence: [ { quote: Pijler 1 gelijkwaardigheid, section: Samenvatting > Pijlers } ]
            activities:
              - id: pijler-gelijkwaardigheid.1
                title: Gelijke kansen op de arbeidsmarkt
                themes: [labour-participation]
                evidence: [ { quote: gelijke kansen op werk, section: Samenvatting > Pijlers } ]
          - id: pijler-verbinding
            number: "2"
            title: Verbinding
            themes: [workplace-diversity]
            partners: [coc]
            evidence: [ { quote: Pijler 2 verbinding, section: Samenvatting > Pijlers } ]
          - id: pijler-veiligheid
            number: "3"
            title: Veiligheid
            themes: [discrimination-reporting]
            evidence: [ { quote: Pijler 3 veiligheid, section: Samenvatting > Pijlers } ]
        budget: unknown
        """

    static let plan = """
        kind: policy-note
        id: plan-tegen-racisme
        title: "Samen tegen racisme: plan van aanpak 2021-2023"
        label: Plan tegen racisme
        author: { type: municipality, name: Gemeente Voorbeeldstad }
        period: { from: 2021, to: 2023 }
        adoption_status: adopted
        source: voorbeeldstad-plan-tegen-racisme.txt
        evidence:
          - { quote: Samen tegen racisme, section: Titel }
        policy_themes:
          - id: thema-racisme
            number: "1"
            title: Institutioneel racisme aanpakken
            themes: [institutional-racism, anti-discrimination-policy]
            evidence: [ { quote: institutioneel racisme, section: Aanpak } ]
        budget:
          lines:
            - id: plan-totaal
              label: budget voor het hele plan
              block: Financiën
              kind: own-programme-money
              precision: exact
              period_amount: { from: 2021, to: 2023, amount: 1700000 }
              evidence: [ { quote: "€ 1,7 miljoen voor het hele plan", section: Financiën } ]
        """

    /// A copy of the bundled municipalities with Voorbeeldstad added, so its programmes have peers.
    static func municipalities() throws -> URL {
        let root = try TestSupport.copyOfMunicipalities()
        let folder = root.appendingPathComponent(slug)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try municipality.write(to: folder.appendingPathComponent("municipality.yaml"), atomically: true, encoding: .utf8)
        try actionProgramme.write(
            to: folder.appendingPathComponent("actieprogramma-inclusie.yaml"), atomically: true, encoding: .utf8)
        try plan.write(to: folder.appendingPathComponent("plan-tegen-racisme.yaml"), atomically: true, encoding: .utf8)
        return root
    }
}
