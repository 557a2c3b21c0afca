import Foundation
import InclusieModel

/// A new municipality's plugin folder to fill in: `municipality.yaml` and one programme file of a kind,
/// every field explained in a comment, and `<vul in: …>` wherever the document has to supply the value.
///
/// A newcomer starts from a file that already has the right shape, so the only work left is reading the
/// document; `validate` lists each `<vul in: …>` that remains as "nog in te vullen", not as a YAML error.
public struct Scaffold: Sendable {
    /// What every unfilled value starts with; `validate` looks for it.
    public static let placeholderMark = "<vul in"

    public var slug: String
    public var kind: String
    public var name: String?
    /// The source document's file name, as `source:` will name it.
    public var sourceFileName: String?

    /// The kinds this build knows; a kind's groups and usual values come from its adapter.
    public var kinds: ProgrammeKinds

    public init(
        slug: String, kind: String, name: String? = nil, sourceFileName: String? = nil, kinds: ProgrammeKinds = ProgrammeKinds()
    ) {
        self.kinds = kinds
        self.slug = slug
        self.kind = kind
        self.name = name
        self.sourceFileName = sourceFileName
    }

    /// Why a slug cannot name a plugin folder, or nil when it can: lower-case letters, digits and '-'.
    public static func slugProblem(_ slug: String) -> LocalizedText? {
        let allowed = !slug.isEmpty && !slug.hasPrefix("-") && !slug.hasSuffix("-")
            && slug.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        return allowed
            ? nil
            : LocalizedText(
                nl: "'\(slug)' kan geen mapnaam van een gemeente zijn; gebruik kleine letters, cijfers en '-', bv. 'den-haag'",
                en: "'\(slug)' cannot name a municipality folder; use lower-case letters, digits and '-', e.g. 'den-haag'")
    }

    /// The programme file's name: `<kind>.yaml`, to be renamed after the programme's id when known.
    public var programmeFileName: String { "\(kind).yaml" }

    public var municipalityYAML: String {
        """
        # De gemeente. Alles na een # is uitleg en mag blijven staan of weg.
        # Vervang elke <vul in: …> door wat er hoort; 'inclusiebench validate --only \(slug)' noemt wat nog openstaat.
        slug: \(slug)                      # gelijk aan de mapnaam: kleine letters, cijfers en '-'
        name: \(name ?? "<vul in: de naam van de gemeente, bv. Den Haag>")
        province: <vul in: de provincie, bv. Zuid-Holland>
        # cbs_code: GM0518                 # optioneel: de CBS-gemeentecode
        # Inwonertallen, voor bedragen per inwoner. Neem de cijfers van CBS StatLine (tabel 03759ned of 70072ned),
        # een regel per peildatum; het cijfer dat het dichtst bij 1 januari van een begrotingsjaar ligt, wordt gebruikt.
        population:
          - reference_date: <vul in: de peildatum als jaar-maand-dag, bv. 2024-01-01>
            count: <vul in: het aantal inwoners in cijfers, zonder punten, bv. 566221>
            publisher: CBS StatLine 03759ned
            source_url: https://www.cbs.nl/nl-nl/cijfers/detail/03759ned   # optioneel
            # note: voorlopig cijfer                                         # optioneel

        """
    }

    public var programmeYAML: String {
        let details = kinds.details(of: kind)
        let status = details?.usualAdoptionStatus.rawValue ?? AdoptionStatus.adopted.rawValue
        let author = details?.authorType ?? "municipality"
        return """
            # Een programma van \(name ?? slug), in de eigen opbouw van het document (soort: \(kind)).
            # Vervang elke <vul in: …>; verwijder voorbeeldregels die niet passen. Uitleg van elk veld: docs/plugin-format.md.
            # Citaten (quote) moeten letterlijk in het brondocument staan: validate controleert ze tegen
            # municipalities/\(slug)/sources/ (of een map die u met --sources opgeeft).
            kind: \(kind)
            id: <vul in: een korte id van kleine letters, cijfers en '-', bv. nota-inclusie-2024>
            title: <vul in: de titel zoals op het document>
            # label: Actieprogramma 2024       # optioneel: korte naam in elke kolomkop; nodig als de gemeente twee programma's heeft
            author:
              type: \(author)                  # municipality of party
              name: <vul in: wie het schreef, bv. Gemeente \(name ?? "Voorbeeld") of de naam van de partij>
            # De looptijd in jaren; laat de regel weg als het document er geen noemt. Zonder eindjaar: { from: 2024 }.
            period: { from: <vul in: eerste jaar, bv. 2024>, to: <vul in: laatste jaar, bv. 2027> }
            # adopted (vastgesteld door raad of college), council-proposal, working-document, workshop-outcome,
            # election-programme. Zeg in 'note:' wie het vaststelde als het document dat noemt.
            adoption_status: \(status)
            source: \(sourceFileName ?? "<vul in: de bestandsnaam van het document in sources/, bv. nota-inclusie-2024.txt>")
            # note: wat een lezer moet weten over het document of over keuzes bij het invullen
            # coverage: partial                # alleen als u een deel of samenvatting van het document modelleert …
            # coverage_reason: alleen de samenvatting is gemodelleerd   # … en dan verplicht: waarop het berust
            # Minstens één citaat dat het programma zelf aanwijst, zoals de titel.
            evidence:
              - quote: <vul in: een letterlijk citaat uit het document, bv. de titel>
                section: <vul in: de kop waaronder het staat, bv. Inleiding>   # diepere koppen met ' > ' ertussen
            # partners:                        # organisaties waarmee de gemeente samenwerkt (niet: wie alleen geciteerd wordt)
            #   - id: coc
            #     name: COC Nederland
            #     evidence:
            #       - { quote: "samen met het COC", section: Uitvoering }
            #   - id: scp                        # een organisatie die alleen als bron wordt aangehaald:
            #     name: Sociaal Cultureel Planbureau
            #     role: cited-source             # en bij het onderdeel 'cited_sources: [scp]', niet 'partners:'
            #     evidence:
            #       - { quote: "bron: SCP", section: Arbeidsmarkt }
            # Geld. Zegt het document dat er geen eigen budget is: houd 'none' met de reden en een citaat.
            # Zegt het document niets over geld: schrijf alleen 'budget: unknown' (geen citaat nodig).
            # Noemt het bedragen: vervang 'none' door 'lines', zoals in het voorbeeld eronder.
            budget:
              none: <vul in: waarom er geen bedragen zijn, in de woorden van het document>
              evidence:
                - quote: <vul in: het citaat dat dat zegt>
                  section: <vul in: de kop>
            #  lines:
            #    - id: budget-inclusie
            #      label: diversiteit en inclusie                # de naam in de begrotingstabel
            #      kind: own-programme-money                     # own-programme-money, staff, subsidy-to-partner, grant-received, structural-budget
            #      precision: exact                              # exact, of indicative als het document 'globaal' of 'ongeveer' zegt
            #      amounts: { 2024: 50000, 2025: 50000 }         # hele euro's zonder punt of komma; 1,7 miljoen is 1700000;
            #                                                    # 'not-stated' als het document een post zonder bedrag noemt
            #      # Eén bedrag voor de hele looptijd, zonder verdeling over jaren: in plaats van 'amounts'
            #      # period_amount: { from: 2024, to: 2026, amount: 1700000 }
            #      # Een bedrag waarbij het document geen jaren en geen periode noemt: in plaats van 'amounts'
            #      # undated_amount: 145000
            #      evidence:
            #        - { quote: "€ 50.000,- per jaar", section: Financiën }

            \(body)
            """
    }

    /// The item groups of each kind, in the order its documents have them, with one item to fill in.
    private var body: String {
        let groups = kinds.details(of: kind)?.groups ?? []
        guard let first = groups.first else { return "" }
        var text = "# De onderdelen, per groep zoals het document ze indeelt. Elke groep is een lijst; voeg onderdelen toe\n"
        text += "# door het blok vanaf '- id:' te herhalen. Groepen die het document niet heeft, laat u weg.\n"
        text += "\(first.key):                       # \(first.meaning)\n"
        text += Self.item(extra: first.requiredFields)
        for group in groups.dropFirst() {
            text += "# \(group.key):                     # \(group.meaning)\n"
        }
        return text
    }

    private static func item(extra: String) -> String {
        """
          - id: <vul in: een id, uniek in dit bestand, bv. thema-1>
            # number: "1"                   # het nummer in het document, als het er een heeft
            title: <vul in: het onderdeel in de woorden van het document>
            # description: een zin die zegt wat het onderdeel inhoudt
            # Thema's: ids uit municipalities/taxonomy.yaml; het eerste is het hoofdthema. 'validate' noemt bij een
            # verkeerd id de ids die het dichtst in de buurt komen.
            themes: [<vul in: een thema-id, bv. anti-discrimination-policy>]
            # instruments: [visibility-awareness]    # hoe het gebeurt (ids onder 'instruments:' in taxonomy.yaml)
            # roles: [facilitator]                   # de rol van de gemeente (ids onder 'roles:')
            # target_groups: [everyone]              # voor wie (ids onder 'target_groups:')
            # status: commitment                     # alleen als het afwijkt van wat de groep standaard heeft
            # years: [2024, 2025]                    # de jaren waarin het loopt, elk jaar apart
            # owner: Afdeling Samenleving            # een afdeling, nooit de naam van een ambtenaar
        \(extra)    evidence:
              - quote: <vul in: een letterlijk citaat uit het document>
                section: <vul in: de kop waaronder het staat>

        """
    }
}

/// Values still to fill in, as `validate` reports them: one problem per `<vul in: …>` left in a file.
enum Placeholders {
    /// Reports what is left to fill in; true when nothing is, so the file can be read as a plugin.
    ///
    /// A scaffold still being filled in is not decoded: its placeholders are the problem, not the YAML
    /// errors they would cause.
    static func noneLeft(in text: String, file: String, into diagnostics: inout [Diagnostic]) -> Bool {
        let unfilled = Self.diagnostics(in: text, file: file)
        diagnostics += unfilled
        return unfilled.isEmpty
    }

    static func diagnostics(in text: String, file: String) -> [Diagnostic] {
        // Every plugin file passes here: the bytes are searched, not the text through NSString.
        guard text.containsBytes(of: Scaffold.placeholderMark) else { return [] }
        var found: [Diagnostic] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let code = line.prefix { $0 != "#" }
            guard let start = code.range(of: Scaffold.placeholderMark) else { continue }
            let key = code[..<start.lowerBound].split(separator: ":").first.map {
                $0.trimmingCharacters(in: CharacterSet(charactersIn: " -{["))
            } ?? ""
            let hint = code[start.upperBound...].drop { $0 == ":" || $0 == " " }.prefix { $0 != ">" }
            found.append(
                Diagnostic(
                    file: file, line: index + 1,
                    message: LocalizedText(
                        nl: "nog in te vullen: '\(key)'", en: "still to fill in: '\(key)'"),
                    fix: LocalizedText(
                        nl: "vervang <vul in: …> door \(hint)", en: "replace <vul in: …> with what it asks for (\(hint))")))
        }
        return found
    }
}
