import InclusieModel

/// One file of an export: a table, and what its rows and columns mean, for the data dictionary.
public struct ExportTable: Sendable {
    /// Where a table comes from: the underlying data, or a comparison view computed from it.
    public enum Origin: Sendable, Hashable {
        case data
        case view(String)
    }

    public var fileName: String
    public var origin: Origin
    public var table: ResultTable
    /// What one row stands for.
    public var rowMeaning: String
    /// What each column holds (unit, codes, what empty means), in the order of `table.columns`.
    public var columnMeanings: [String]

    public init(fileName: String, origin: Origin, table: ResultTable, rowMeaning: String, columnMeanings: [String]) {
        self.fileName = fileName
        self.origin = origin
        self.table = table
        self.rowMeaning = rowMeaning
        self.columnMeanings = columnMeanings
    }
}

/// The underlying tables behind every view: programmes, items with their mappings, budget lines, partners,
/// evidence, municipalities and the taxonomy.
///
/// Every row that states a fact carries its source: the source document's file name, the section the quote
/// stands under and the quote itself, so a spreadsheet user can check any figure without the tool.
public enum DataTables {
    /// The tables in the order the data dictionary lists them (and the data version hashes them).
    public static func tables(catalog: Catalog, language: Language) -> [ExportTable] {
        let builder = Builder(catalog: catalog, language: language)
        return [
            builder.programmes(), builder.items(), builder.itemMappings(), builder.budgetLines(), builder.partners(),
            builder.evidence(), builder.municipalities(), builder.taxonomy(),
        ]
    }
}

/// One column of an underlying table: its header, what it means, and how a row fills it — kept together so
/// the dictionary can never describe a column the file does not have.
private struct Column<Row> {
    var header: LocalizedText
    var meaning: LocalizedText
    var value: (Row) -> TableCell

    init(_ headerNL: String, _ headerEN: String, _ meaning: LocalizedText, _ value: @escaping (Row) -> TableCell) {
        header = LocalizedText(nl: headerNL, en: headerEN)
        self.meaning = meaning
        self.value = value
    }
}

private func text(_ nl: String, _ en: String) -> LocalizedText {
    LocalizedText(nl: nl, en: en)
}

private struct Builder {
    let catalog: Catalog
    let language: Language

    // MARK: Cells

    func optional(_ value: String?) -> TableCell {
        guard let value, !value.isEmpty else { return .empty }
        return .text(value)
    }

    func optional(_ value: Int?) -> TableCell {
        value.map(TableCell.integer) ?? .empty
    }

    func list(_ values: [String]) -> TableCell {
        values.isEmpty ? .empty : .text(values.joined(separator: ", "))
    }

    func yesNo(_ flag: Bool) -> TableCell {
        .text(flag ? phrase("ja", "yes", language) : phrase("nee", "no", language))
    }

    func label(_ id: String?, _ facet: TaxonomyFacet) -> TableCell {
        id.map { .text(catalog.taxonomy.label($0, in: facet, language)) } ?? .empty
    }

    func municipalityName(_ slug: String) -> String {
        catalog.municipality(slug)?.name ?? slug
    }

    func make<Row>(
        _ fileName: String, title: LocalizedText, rowMeaning: LocalizedText, columns: [Column<Row>], rows: [Row],
        notes: [LocalizedText] = []
    ) -> ExportTable {
        ExportTable(
            fileName: fileName, origin: .data,
            table: ResultTable(
                title: title.text(language), columns: columns.map { $0.header.text(language) },
                rows: rows.map { row in columns.map { $0.value(row) } }, notes: notes.map { $0.text(language) }),
            rowMeaning: rowMeaning.text(language), columnMeanings: columns.map { $0.meaning.text(language) })
    }

    // MARK: Shared columns

    func programmeColumns<Row>(_ programme: @escaping (Row) -> Programme) -> [Column<Row>] {
        [
            Column(
                "Programma", "Programme",
                text(
                    "Sleutel van het programma: gemeente/programma-id, bijv. almere/actieprogramma-2020-2022. Verbindt alle bestanden.",
                    "Key of the programme: municipality/programme id, e.g. almere/actieprogramma-2020-2022. Links all files."),
                { .text(programme($0).key) }),
            Column(
                "Gemeente", "Municipality", text("Naam van de gemeente.", "Name of the municipality."),
                { .text(municipalityName(programme($0).municipalitySlug)) }),
            Column(
                "Programmalabel", "Programme label",
                text(
                    "Korte naam van het programma (uit de titel, of 'label:' in het plugin): onderscheidt twee programma's van één gemeente.",
                    "Short name of the programme (from its title, or 'label:' in the plugin): tells two programmes of one municipality apart."),
                { .text(programme($0).label) }),
        ]
    }

    /// The source of a row: file, section and quote of its first evidence, and how many quotes there are.
    func sourceColumns<Row>(file: @escaping (Row) -> String, evidence: @escaping (Row) -> [Evidence]) -> [Column<Row>] {
        [
            Column(
                "Bronbestand", "Source file",
                text(
                    "Het brondocument waar het feit in staat (bestandsnaam in de map met brondocumenten).",
                    "The source document stating the fact (file name in the folder of source documents)."),
                { .text(file($0)) }),
            Column(
                "Vindplaats", "Section",
                text(
                    "De kop in het brondocument waaronder het citaat staat, niveaus gescheiden door '>'.",
                    "The heading in the source document the quote stands under, levels separated by '>'."),
                { optional(evidence($0).first?.section) }),
            Column(
                "Citaat", "Quote",
                text(
                    "Het eerste letterlijke citaat (spelfouten van het document inbegrepen); alle citaten staan in evidence.csv.",
                    "The first verbatim quote (the document's spelling errors included); every quote is in evidence.csv."),
                { optional(evidence($0).first?.quote) }),
            Column(
                "Aantal citaten", "Quotes",
                text("Aantal citaten voor deze rij in evidence.csv (geheel getal).", "Number of quotes for this row in evidence.csv (integer)."),
                { .integer(evidence($0).count) }),
        ]
    }

    // MARK: Tables

    func programmes() -> ExportTable {
        typealias Row = Programme
        var columns: [Column<Row>] = programmeColumns { $0 }
        columns += [
            Column("Titel", "Title", text("Titel zoals het document hem noemt.", "Title as the document gives it."), { .text($0.title) }),
            Column(
                "Soort (code)", "Kind (code)",
                text(
                    "Soort document: action-programme, policy-note, change-programme, workshop of party-programme.",
                    "Kind of document: action-programme, policy-note, change-programme, workshop or party-programme."),
                { .text($0.kind.id) }),
            Column("Soort", "Kind", text("De soort in woorden.", "The kind in words."), { .text($0.kind.label.text(language)) }),
            Column(
                "Auteur (code)", "Author type (code)",
                text("municipality (de gemeente) of party (een politieke partij).", "municipality or party (a political party)."),
                { .text($0.author.type.rawValue) }),
            Column("Auteur", "Author", text("Naam van de auteur: gemeente of partij, nooit een persoon.", "Name of the author: municipality or party, never a person."), { .text($0.author.name) }),
            Column(
                "Vanaf jaar", "From year",
                text("Eerste jaar van de looptijd. Leeg: het document noemt geen looptijd.", "First year of the period. Empty: the document states no period."),
                { optional($0.period?.from) }),
            Column(
                "Tot en met jaar", "To year",
                text(
                    "Laatste jaar van de looptijd. Leeg: geen looptijd, of een looptijd zonder einde (alleen 'Vanaf jaar').",
                    "Last year of the period. Empty: no period, or an open-ended one (only 'From year')."),
                { optional($0.period?.to) }),
            Column(
                "Datum", "Date",
                text("Datum van het document (JJJJ-MM-DD). Leeg: het document noemt geen datum.", "Date of the document (YYYY-MM-DD). Empty: the document gives no date."),
                { optional($0.date) }),
            Column(
                "Status (code)", "Status (code)",
                text(
                    "Hoe ver het document is: adopted, council-proposal, working-document, workshop-outcome, election-programme of adoption-not-stated (eigen programma; het document zegt niet of het is vastgesteld).",
                    "How far the document has come: adopted, council-proposal, working-document, workshop-outcome, election-programme or adoption-not-stated (own programme; the document does not say whether it was adopted)."),
                { .text($0.adoptionStatus.rawValue) }),
            Column("Status", "Status", text("De status in woorden.", "The status in words."), { .text($0.adoptionStatus.label.text(language)) }),
            Column(
                "Telt als beleid", "Counts as policy",
                text(
                    "ja: vastgesteld, voorgesteld of intern beleid; nee: inbreng (werkconferentie) of voorstellen (partijprogramma).",
                    "yes: adopted, proposed or internal policy; no: input (workshop) or proposals (party programme)."),
                { yesNo($0.adoptionStatus.isPolicy) }),
            Column("Onderdelen", "Items", text("Aantal onderdelen in items.csv (geheel getal).", "Number of items in items.csv (integer)."), { .integer($0.items.count) }),
            Column("Partners", "Partners", text("Aantal organisaties in partners.csv met de rol partner (geheel getal); aangehaalde bronnen tellen niet mee.", "Number of organisations in partners.csv with the role partner (integer); cited sources are not counted."), { .integer($0.partners.filter { $0.role == .partner }.count) }),
            Column(
                "Begroting vermeld", "Budget stated",
                text(
                    "ja: het document heeft begrotingsregels (budget-lines.csv); nee: het zegt geen eigen begroting te hebben, zie de volgende kolom.",
                    "yes: the document has budget lines (budget-lines.csv); no: it says it has no budget of its own, see the next column."),
                { yesNo($0.budget.isStated) }),
            Column(
                "Begroting (code)", "Budget (code)",
                text(
                    "amounts: het document noemt bedragen; none: het zegt geen eigen begroting te hebben (reden in de volgende kolom); unknown: het zegt niets over geld.",
                    "amounts: the document gives amounts; none: it says it has no budget of its own (reason in the next column); unknown: it says nothing about money."),
                { .text($0.budget.state) }),
            Column(
                "Reden geen begroting", "Reason for no budget",
                text("Waarom er geen begroting is, in de woorden van de modellering. Leeg: er is een begroting.", "Why there is no budget. Empty: there is a budget."),
                { programme in
                    if case .none(let reason, _) = programme.budget { return .text(reason) }
                    return .empty
                }),
            Column(
                "Toelichting begroting", "Budget note",
                text("Toelichting bij de begroting als geheel. Leeg: geen toelichting.", "Note on the budget as a whole. Empty: no note."),
                { programme in
                    if case .lines(_, let note, _) = programme.budget { return optional(note) }
                    return .empty
                }),
            Column(
                "Dekking (code)", "Coverage (code)",
                text(
                    "complete: het plugin modelleert het hele document; partial: alleen een deel (een samenvatting, een uittreksel), zie de volgende kolom. Voor een gedeeltelijk programma worden geen witte vlekken geclaimd.",
                    "complete: the plugin models the whole document; partial: only part of it (a summary, an excerpt), see the next column. No gaps are claimed for a partial programme."),
                { .text($0.coverage.isPartial ? "partial" : "complete") }),
            Column(
                "Reden gedeeltelijk", "Reason partial",
                text("Waarom het plugin maar een deel van het document modelleert. Leeg: het hele document.", "Why the plugin models only part of the document. Empty: the whole document."),
                { optional($0.coverage.partialReason) }),
            Column(
                "Toelichting", "Note",
                text("Modelleerkeuzes en onduidelijkheden, zonder oordeel. Leeg: geen toelichting.", "Modelling choices and ambiguities, plainly. Empty: no note."),
                { optional($0.note) }),
        ]
        columns += sourceColumns(file: { $0.sourceFile }, evidence: { $0.evidence })
        return make(
            "programmes.csv", title: text("Programma's", "Programmes"),
            rowMeaning: text("Eén rij per programmadocument.", "One row per programme document."), columns: columns,
            rows: catalog.programmes)
    }

    func items() -> ExportTable {
        typealias Row = (programme: Programme, item: LocalItem)
        var columns: [Column<Row>] = programmeColumns { $0.programme }
        columns += [
            Column(
                "Onderdeel (id)", "Item (id)",
                text("Id van het onderdeel, uniek binnen het programma.", "Id of the item, unique within the programme."),
                { .text($0.item.localID) }),
            Column(
                "Bovenliggend onderdeel (id)", "Parent item (id)",
                text("Id van het onderdeel waaronder dit staat. Leeg: staat op het hoogste niveau.", "Id of the item this one stands under. Empty: top level."),
                { optional($0.item.parentID) }),
            Column(
                "Soort onderdeel", "Item type",
                text("Het eigen woord van het document (uitvoeringslijn, speerpunt, programmapunt …).", "The document's own word (uitvoeringslijn, speerpunt, programmapunt …)."),
                { .text($0.item.nativeType.text(language)) }),
            Column("Nummer", "Number", text("Nummering van het document. Leeg: niet genummerd.", "The document's numbering. Empty: not numbered."), { optional($0.item.number) }),
            Column("Titel", "Title", text("Het onderdeel in de woorden van het document.", "The item in the document's words."), { .text($0.item.title) }),
            Column("Omschrijving", "Description", text("Korte parafrase. Leeg: geen.", "Short paraphrase. Empty: none."), { optional($0.item.description) }),
            Column(
                "Status (code)", "Status (code)",
                text(
                    "commitment, ambition, in-preparation, existing-policy, input, proposal of context (zie taxonomy.csv, facet item-status).",
                    "commitment, ambition, in-preparation, existing-policy, input, proposal or context (see taxonomy.csv, facet item-status)."),
                { .text($0.item.status) }),
            Column("Status", "Status", text("De status in woorden.", "The status in words."), { label($0.item.status, .itemStatus) }),
            Column(
                "Hoofdthema (code)", "Primary theme (code)",
                text("Id uit taxonomy.csv (facet theme). Leeg: thema onduidelijk, zie Toelichting.", "Id from taxonomy.csv (facet theme). Empty: theme unclear, see Note."),
                { optional($0.item.primaryTheme) }),
            Column("Hoofdthema", "Primary theme", text("Het hoofdthema in woorden.", "The primary theme in words."), { label($0.item.primaryTheme, .theme) }),
            Column(
                "Thema's (codes)", "Themes (codes)",
                text("Alle thema-ids, hoofdthema eerst, gescheiden door ', '. Per koppeling één rij in item-mappings.csv.", "All theme ids, primary first, separated by ', '. One row per mapping in item-mappings.csv."),
                { list($0.item.themes) }),
            Column("Instrumenten (codes)", "Instruments (codes)", text("Instrument-ids, hoofdinstrument eerst. Leeg: geen.", "Instrument ids, primary first. Empty: none."), { list($0.item.instruments) }),
            Column("Rollen (codes)", "Roles (codes)", text("Rol-ids van de gemeente, hoofdrol eerst. Leeg: geen.", "Role ids of the municipality, primary first. Empty: none."), { list($0.item.roles) }),
            Column("Doelgroepen (codes)", "Target groups (codes)", text("Doelgroep-ids, hoofddoelgroep eerst. Leeg: geen.", "Target group ids, primary first. Empty: none."), { list($0.item.targetGroups) }),
            Column("Partners (ids)", "Partners (ids)", text("Ids uit partners.csv van dit programma. Leeg: geen.", "Ids from partners.csv of this programme. Empty: none."), { list($0.item.partnerIDs) }),
            Column("Aangehaalde bronnen (ids)", "Cited sources (ids)", text("Ids uit partners.csv van organisaties die het onderdeel als bron aanhaalt (onderzoek, een constatering), niet als partner. Leeg: geen.", "Ids from partners.csv of organisations the item cites as a source (research, a finding), not as a partner. Empty: none."), { list($0.item.citedSourceIDs) }),
            Column("Eigenaar", "Owner", text("Eigenaar: programma of afdeling, nooit een persoon. Leeg: niet genoemd.", "Owner: programme or department, never a person. Empty: not named."), { optional($0.item.owner) }),
            Column(
                "Aanspreekpunten", "Contact points",
                text("Organisatie-eenheid / afdeling, gescheiden door ', '; nooit personen. Leeg: geen.", "Organisational unit / department, separated by ', '; never persons. Empty: none."),
                { row in list(row.item.contactPoints.map { [$0.unit, $0.department].compactMap { $0 }.joined(separator: " / ") }) }),
            Column("Jaren", "Years", text("Jaren waarin het onderdeel loopt. Leeg: het document noemt geen jaren.", "Years the item is active. Empty: the document names none."), { list($0.item.years.map(String.init)) }),
            Column("Hoort bij (ids)", "Related (ids)", text("Andere onderdelen van dit programma waar het bij hoort. Leeg: geen.", "Other items of this programme it belongs with. Empty: none."), { list($0.item.relatedIDs) }),
            Column("Toelichting", "Note", text("Modelleerkeuze of onduidelijkheid. Leeg: geen.", "Modelling choice or ambiguity. Empty: none."), { optional($0.item.note) }),
        ]
        columns += sourceColumns(file: { $0.programme.sourceFile }, evidence: { $0.item.evidence })
        let rows: [Row] = catalog.programmes.flatMap { programme in programme.items.map { (programme, $0) } }
        return make(
            "items.csv", title: text("Onderdelen", "Items"),
            rowMeaning: text(
                "Eén rij per onderdeel van een programma, in de volgorde van het document.",
                "One row per item of a programme, in the document's order."), columns: columns, rows: rows)
    }

    func itemMappings() -> ExportTable {
        typealias Row = (programme: Programme, item: LocalItem, facet: TaxonomyFacet, id: String, position: Int)
        var columns: [Column<Row>] = programmeColumns { $0.programme }
        columns += [
            Column("Onderdeel (id)", "Item (id)", text("Id van het onderdeel in items.csv.", "Id of the item in items.csv."), { .text($0.item.localID) }),
            Column("Onderdeel", "Item", text("Nummer en titel van het onderdeel.", "Number and title of the item."), { .text($0.item.displayLabel) }),
            Column(
                "Facet (code)", "Facet (code)",
                text("theme, instrument, role of target-group.", "theme, instrument, role or target-group."),
                { .text($0.facet.rawValue) }),
            Column("Code", "Code", text("Id uit taxonomy.csv binnen dit facet.", "Id from taxonomy.csv within this facet."), { .text($0.id) }),
            Column("Label", "Label", text("De code in woorden.", "The code in words."), { label($0.id, $0.facet) }),
            Column(
                "Domein", "Domain",
                text("Voor thema's: het domein waar het thema onder valt. Leeg: geen thema.", "For themes: the domain the theme belongs to. Empty: not a theme."),
                { row in
                    guard row.facet == .theme, let domain = catalog.taxonomy.entry(row.id, in: .theme)?.domainID else { return .empty }
                    return .text(catalog.taxonomy.domain(domain)?.label.text(language) ?? domain)
                }),
            Column("Positie", "Position", text("1 = hoofdkoppeling, 2 en verder = nevenkoppelingen (geheel getal).", "1 = primary mapping, 2 and up = secondary (integer)."), { .integer($0.position) }),
            Column("Hoofdkoppeling", "Primary", text("ja bij positie 1, anders nee.", "yes at position 1, otherwise no."), { yesNo($0.position == 1) }),
        ]
        columns += sourceColumns(file: { $0.programme.sourceFile }, evidence: { $0.item.evidence })
        let facets: [TaxonomyFacet] = [.theme, .instrument, .role, .targetGroup]
        let rows: [Row] = catalog.programmes.flatMap { programme in
            programme.items.flatMap { item in
                facets.flatMap { facet in
                    item.ids(facet).enumerated().map { (programme, item, facet, $0.element, $0.offset + 1) }
                }
            }
        }
        return make(
            "item-mappings.csv", title: text("Koppelingen van onderdelen", "Item mappings"),
            rowMeaning: text(
                "Eén rij per koppeling van een onderdeel aan een thema, instrument, rol of doelgroep; het citaat is dat van het onderdeel, waarmee de koppeling te verdedigen is.",
                "One row per mapping of an item onto a theme, instrument, role or target group; the quote is the item's, which the mapping is defended with."),
            columns: columns, rows: rows)
    }

    func budgetLines() -> ExportTable {
        /// `year` for an amount per year, `period` for one amount for a whole period, neither for an amount
        /// whose years the document does not state.
        typealias Row = (programme: Programme, line: BudgetLine, year: Int?, period: PeriodAmount?, amount: Money?)
        let notStated = phrase("niet vermeld", "not stated", language)
        var columns: [Column<Row>] = programmeColumns { $0.programme }
        columns += [
            Column("Regel (id)", "Line (id)", text("Id van de begrotingsregel, uniek binnen het programma.", "Id of the budget line, unique within the programme."), { .text($0.line.localID) }),
            Column("Omschrijving", "Label", text("De regel zoals het document hem noemt.", "The line as the document labels it."), { .text($0.line.label) }),
            Column("Blok", "Block", text("Kop in de begrotingstabel waaronder de regel staat. Leeg: geen blok.", "Heading in the budget table the line stands under. Empty: no block."), { optional($0.line.block) }),
            Column(
                "Soort geld (code)", "Kind of money (code)",
                text(
                    "own-programme-money, staff, subsidy-to-partner, grant-received of structural-budget.",
                    "own-programme-money, staff, subsidy-to-partner, grant-received or structural-budget."),
                { .text($0.line.kind.rawValue) }),
            Column("Soort geld", "Kind of money", text("De soort in woorden.", "The kind in words."), { .text($0.line.kind.label.text(language)) }),
            Column(
                "Precisie (code)", "Precision (code)",
                text("exact, of indicative (het document noemt de verdeling globaal).", "exact, or indicative (the document calls the split approximate)."),
                { .text($0.line.precision.rawValue) }),
            Column("Instrument (code)", "Instrument (code)", text("Waar het geld voor is. Leeg: niet gekoppeld.", "What the money is for. Empty: not mapped."), { optional($0.line.instrument) }),
            Column("Thema (code)", "Theme (code)", text("Thema waar het geld voor is. Leeg: niet gekoppeld.", "Theme the money is for. Empty: not mapped."), { optional($0.line.theme) }),
            Column("Partner (id)", "Partner (id)", text("Partner die het geld krijgt (partners.csv). Leeg: geen.", "Partner receiving the money (partners.csv). Empty: none."), { optional($0.line.partnerID) }),
            Column("Onderdeel (id)", "Item (id)", text("Onderdeel waarvoor het geld is (items.csv). Leeg: geen.", "Item the money pays for (items.csv). Empty: none."), { optional($0.line.itemID) }),
            Column(
                "Jaar", "Year",
                text(
                    "Begrotingsjaar (geheel getal). Leeg: één bedrag voor een hele periode, of een bedrag zonder jaren; zie Periode.",
                    "Budget year (integer). Empty: one amount for a whole period, or an amount without years; see Period."),
                { optional($0.year) }),
            Column(
                "Periode", "Period",
                text(
                    "Bij één bedrag voor een hele periode waarvan het document de verdeling over de jaren niet geeft, bijv. '2020–2022 in totaal'; 'bedrag, jaren niet vermeld' als het document bij het bedrag geen jaren noemt. Zo'n bedrag is nooit over de jaren verdeeld. Leeg: bedrag voor één jaar.",
                    "For one amount for a whole period whose split over the years the document does not give, e.g. '2020–2022 in total'; 'amount, years not stated' when the document states no years with the amount. Such an amount is never spread over the years. Empty: amount for one year."),
                { row in
                    if let period = row.period { return .text(period.label(language)) }
                    return row.year == nil ? .text(UndatedAmount.label(language)) : .empty
                }),
            Column("Periode vanaf", "Period from", text("Eerste jaar van die periode. Leeg: bedrag voor één jaar.", "First year of that period. Empty: amount for one year."), { optional($0.period?.from) }),
            Column("Periode tot en met", "Period to", text("Laatste jaar van die periode. Leeg: bedrag voor één jaar.", "Last year of that period. Empty: amount for one year."), { optional($0.period?.to) }),
            Column(
                "Bedrag (euro)", "Amount (euro)",
                text(
                    "Bedrag in euro's met twee decimalen, zonder duizendtalscheiding. Leeg: het document noemt het geld maar geen bedrag (zie de volgende kolom) — nooit hetzelfde als 0.",
                    "Amount in euros with two decimals, no thousands separator. Empty: the document names the money but no amount (see the next column) — never the same as 0."),
                { $0.amount.map(TableCell.money) ?? .empty }),
            Column(
                "Bedrag vermeld", "Amount stated",
                text("ja: bedrag staat in het document; 'niet vermeld': geld genoemd zonder bedrag.", "yes: the document gives the amount; 'not stated': money named without an amount."),
                { $0.amount == nil ? .text(notStated) : yesNo(true) }),
            Column("Toelichting", "Note", text("Toelichting bij de regel. Leeg: geen.", "Note on the line. Empty: none."), { optional($0.line.note) }),
        ]
        columns += sourceColumns(file: { $0.programme.sourceFile }, evidence: { $0.line.evidence })
        let rows: [Row] = catalog.programmes.flatMap { programme in
            programme.budget.lines.flatMap { line -> [Row] in
                line.amounts.map { (programme, line, $0.year, nil, $0.amount) }
                    + (line.periodAmount.map { [(programme, line, nil, $0, $0.amount)] } ?? [])
                    + (line.undatedAmount.map { [(programme, line, nil, nil, $0.amount)] } ?? [])
            }
        }
        return make(
            "budget-lines.csv", title: text("Begrotingsregels", "Budget lines"),
            rowMeaning: text(
                "Eén rij per begrotingsregel per jaar, of één rij voor een bedrag voor een hele periode of zonder jaren. Een jaar zonder rij: het document noemt voor dat jaar niets (geen € 0). Programma's zonder eigen begroting hebben hier geen rijen; hun reden staat in programmes.csv.",
                "One row per budget line per year, or one row for an amount for a whole period or without years. A year without a row: the document says nothing for that year (not € 0). Programmes without a budget of their own have no rows here; their reason is in programmes.csv."),
            columns: columns, rows: rows)
    }

    func partners() -> ExportTable {
        typealias Row = (programme: Programme, partner: Partner)
        var columns: [Column<Row>] = programmeColumns { $0.programme }
        columns += [
            Column("Partner (id)", "Partner (id)", text("Id van de partner, uniek binnen het programma.", "Id of the partner, unique within the programme."), { .text($0.partner.localID) }),
            Column("Naam", "Name", text("Naam van de organisatie zoals het document hem noemt.", "Name of the organisation as the document gives it."), { .text($0.partner.name) }),
            Column("Omschrijving", "Description", text("Wat de organisatie is. Leeg: het document zegt het niet.", "What the organisation is. Empty: the document does not say."), { optional($0.partner.description) }),
            Column(
                "Rol", "Role",
                text(
                    "partner: werkt mee aan het programma; cited-source: alleen aangehaald als bron van onderzoek of een constatering.",
                    "partner: works on the programme; cited-source: only cited as the source of research or a finding."),
                { .text($0.partner.role.rawValue) }),
            Column(
                "Genoemd bij onderdelen (ids)", "Named by items (ids)",
                text("Onderdelen die de organisatie als partner noemen (items.csv). Leeg: geen.", "Items naming the organisation as a partner (items.csv). Empty: none."),
                { row in list(row.programme.items.filter { $0.partnerIDs.contains(row.partner.localID) }.map(\.localID)) }),
            Column(
                "Aangehaald bij onderdelen (ids)", "Cited by items (ids)",
                text("Onderdelen die de organisatie als bron aanhalen (items.csv). Leeg: geen.", "Items citing the organisation as a source (items.csv). Empty: none."),
                { row in list(row.programme.items.filter { $0.citedSourceIDs.contains(row.partner.localID) }.map(\.localID)) }),
            Column(
                "Begrotingsregels (ids)", "Budget lines (ids)",
                text("Begrotingsregels voor deze partner (budget-lines.csv). Leeg: geen.", "Budget lines for this partner (budget-lines.csv). Empty: none."),
                { row in list(row.programme.budget.lines.filter { $0.partnerID == row.partner.localID }.map(\.localID)) }),
        ]
        columns += sourceColumns(file: { $0.programme.sourceFile }, evidence: { $0.partner.evidence })
        let rows: [Row] = catalog.programmes.flatMap { programme in programme.partners.map { (programme, $0) } }
        return make(
            "partners.csv", title: text("Partners", "Partners"),
            rowMeaning: text("Eén rij per organisatie die een programma noemt.", "One row per organisation a programme names."),
            columns: columns, rows: rows)
    }

    func evidence() -> ExportTable {
        typealias Row = (programme: Programme, subject: String, subjectID: String, number: Int, evidence: Evidence)
        var columns: [Column<Row>] = programmeColumns { $0.programme }
        columns += [
            Column(
                "Onderwerp (code)", "Subject (code)",
                text(
                    "Waar het citaat bij hoort: programme, item, budget (de begroting als geheel), budget-line of partner.",
                    "What the quote supports: programme, item, budget (the budget as a whole), budget-line or partner."),
                { .text($0.subject) }),
            Column(
                "Onderwerp (id)", "Subject (id)",
                text("Id in het bijbehorende bestand. Leeg bij programme en budget.", "Id in the matching file. Empty for programme and budget."),
                { optional($0.subjectID) }),
            Column("Nummer", "Number", text("Volgnummer van het citaat bij dit onderwerp (geheel getal).", "Sequence number of the quote for this subject (integer)."), { .integer($0.number) }),
            Column("Citaat", "Quote", text("Letterlijk citaat uit het brondocument.", "Verbatim quote from the source document."), { .text($0.evidence.quote) }),
            Column("Vindplaats", "Section", text("De kop waaronder het citaat staat, niveaus gescheiden door '>'.", "The heading the quote stands under, levels separated by '>'."), { .text($0.evidence.section) }),
            Column("Bronbestand", "Source file", text("Het brondocument (bestandsnaam).", "The source document (file name)."), { .text($0.programme.sourceFile) }),
        ]
        var rows: [Row] = []
        for programme in catalog.programmes {
            func add(_ subject: String, _ id: String, _ quotes: [Evidence]) {
                rows += quotes.enumerated().map { (programme, subject, id, $0.offset + 1, $0.element) }
            }
            add("programme", "", programme.evidence)
            for item in programme.items { add("item", item.localID, item.evidence) }
            switch programme.budget {
            case .lines(let lines, _, let evidence):
                add("budget", "", evidence)
                for line in lines { add("budget-line", line.localID, line.evidence) }
            case .none(_, let evidence):
                add("budget", "", evidence)
            case .unknown:
                break
            }
            for partner in programme.partners { add("partner", partner.localID, partner.evidence) }
        }
        return make(
            "evidence.csv", title: text("Citaten", "Evidence"),
            rowMeaning: text(
                "Eén rij per letterlijk citaat, voor elk programma, onderdeel, begroting, begrotingsregel en partner.",
                "One row per verbatim quote, for every programme, item, budget, budget line and partner."),
            columns: columns, rows: rows)
    }

    func municipalities() -> ExportTable {
        typealias Row = (municipality: Municipality, figure: PopulationFigure?)
        let columns: [Column<Row>] = [
            Column("Gemeente (code)", "Municipality (code)", text("Slug van de gemeente (mapnaam in municipalities/).", "Slug of the municipality (folder name in municipalities/)."), { .text($0.municipality.slug) }),
            Column("Gemeente", "Municipality", text("Naam van de gemeente.", "Name of the municipality."), { .text($0.municipality.name) }),
            Column("Provincie", "Province", text("Provincie. Leeg: niet opgegeven.", "Province. Empty: not given."), { optional($0.municipality.province) }),
            Column("CBS-code", "CBS code", text("Gemeentecode van het CBS, bijv. GM0034. Leeg: niet bekend.", "Statistics Netherlands municipality code, e.g. GM0034. Empty: not known."), { optional($0.municipality.cbsCode) }),
            Column("Peildatum", "Reference date", text("Datum waarop het inwonertal slaat (JJJJ-MM-DD). Leeg: geen inwonertal.", "Date the population count refers to (YYYY-MM-DD). Empty: no count."), { optional($0.figure?.referenceDate) }),
            Column("Inwoners", "Inhabitants", text("Aantal inwoners (geheel getal). Leeg: geen inwonertal.", "Number of inhabitants (integer). Empty: no count."), { optional($0.figure?.count) }),
            Column("Bron inwonertal", "Population source", text("Wie het getal publiceert, zoals geciteerd.", "Who publishes the count, as cited."), { optional($0.figure?.publisher) }),
            Column("Bron-URL", "Source URL", text("Waar het getal gelezen is. Leeg: niet opgegeven.", "Where the count was read. Empty: not given."), { optional($0.figure?.sourceURL) }),
            Column("Toelichting", "Note", text("Bijv. een secundaire bron. Leeg: geen.", "E.g. a secondary citation. Empty: none."), { optional($0.figure?.note) }),
            Column(
                "Bronbestand", "Source file",
                text("Het pluginbestand waarin het getal met zijn bron staat.", "The plugin file holding the figure with its source."),
                { .text("municipalities/\($0.municipality.slug)/municipality.yaml") }),
            Column("Vindplaats", "Section", text("De sleutel in dat bestand.", "The key in that file."), { $0.figure == nil ? .empty : .text("population") }),
        ]
        let rows: [Row] = catalog.municipalities.flatMap { municipality -> [Row] in
            municipality.population.isEmpty ? [(municipality, nil)] : municipality.population.map { (municipality, $0) }
        }
        return make(
            "municipalities.csv", title: text("Gemeenten en inwonertallen", "Municipalities and population"),
            rowMeaning: text(
                "Eén rij per gemeente en inwonertal (een gemeente met twee tellingen heeft twee rijen). Bedragen per inwoner gebruiken de telling met de peildatum die het dichtst bij 1 januari van het begrotingsjaar ligt.",
                "One row per municipality and population figure (a municipality with two counts has two rows). Per-inhabitant amounts use the count whose reference date is nearest to 1 January of the budget year."),
            columns: columns, rows: rows)
    }

    func taxonomy() -> ExportTable {
        typealias Row = (facet: String, entry: TaxonomyEntry)
        let taxonomy = catalog.taxonomy
        let columns: [Column<Row>] = [
            Column(
                "Facet (code)", "Facet (code)",
                text("domain, theme, instrument, role, target-group of item-status.", "domain, theme, instrument, role, target-group or item-status."),
                { .text($0.facet) }),
            Column("Code", "Code", text("De id die de andere bestanden gebruiken.", "The id the other files use."), { .text($0.entry.id) }),
            Column("Label (nl)", "Label (nl)", text("Nederlands label.", "Dutch label."), { .text($0.entry.label.nl) }),
            Column("Label (en)", "Label (en)", text("Engels label.", "English label."), { .text($0.entry.label.en) }),
            Column("Domein (code)", "Domain (code)", text("Voor thema's: het domein. Leeg: geen thema.", "For themes: the domain. Empty: not a theme."), { optional($0.entry.domainID) }),
            Column("Definitie", "Definition", text("Wat onder de code valt.", "What the code covers."), { optional($0.entry.definition) }),
            Column("Bronbestand", "Source file", text("Het bestand dat de codes vastlegt.", "The file defining the codes."), { _ in .text("municipalities/taxonomy.yaml") }),
        ]
        let groups: [(String, [TaxonomyEntry])] = [
            ("domain", taxonomy.domains), (TaxonomyFacet.theme.rawValue, taxonomy.themes),
            (TaxonomyFacet.instrument.rawValue, taxonomy.instruments), (TaxonomyFacet.role.rawValue, taxonomy.roles),
            (TaxonomyFacet.targetGroup.rawValue, taxonomy.targetGroups), (TaxonomyFacet.itemStatus.rawValue, taxonomy.itemStatuses),
        ]
        let rows: [Row] = groups.flatMap { facet, entries in entries.map { (facet, $0) } }
        return make(
            "taxonomy.csv", title: text("Codes (taxonomie)", "Codes (taxonomy)"),
            rowMeaning: text(
                "Eén rij per code van de gedeelde indeling: domeinen, thema's, instrumenten, rollen, doelgroepen en statussen. Definieert codes, stelt geen feiten over gemeenten.",
                "One row per code of the shared classification: domains, themes, instruments, roles, target groups and statuses. Defines codes; states no facts about municipalities."),
            columns: columns, rows: rows)
    }
}
