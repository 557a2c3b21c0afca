import ArgumentParser
import Foundation
import InclusieExport
import InclusieModel
import InclusieStore

/// `inclusiebench search`: the web application's full-text search, from the command line.
struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Zoek in onderdelen, citaten en brondocumenten / search items, quotes and source documents.",
        discussion: """
            Elk woord moet voorkomen; hoofdletters en accenten tellen niet; een woordbegin is genoeg. \
            Every word must occur; case and accents do not matter; the start of a word is enough.
            """)

    @Argument(help: "De woorden / the words.")
    var words: [String]

    @OptionGroup var plugins: PluginOptions
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var sources: SourceOptions

    @Option(help: "Alleen deze gemeente (slug) / only this municipality.")
    var municipality: String?
    @Option(help: "Alleen deze soort programma, bv. action-programme / only this programme kind.")
    var kind: String?
    @Option(help: "Alleen onderdelen met deze status / only items with this status.")
    var status: String?
    @Option(help: "Alleen onderdelen met dit thema (id) / only items with this theme.")
    var theme: String?
    @Option(help: "Hoeveel resultaten / how many results.")
    var limit = 20
    @Option(help: "table, csv of json.")
    var format: OutputFormat = .table
    @Option(help: "Taal van de uitvoer / output language: nl of en.")
    var lang: Language = .nl
    @Option(help: "CSV-dialect: excel-nl of rfc4180.")
    var dialect: CSVDialect = .excelNL

    func run() throws {
        let catalog = try CatalogSource.readOnlyCatalog(
            plugins: plugins, database: database, language: lang, sources: sources.directories)
        let given = ["municipality": municipality, "kind": kind, "status": status, "theme": theme]
        for facet in SearchRequest.facetChoices(in: catalog) {
            guard let value = given[facet.name] ?? nil, !facet.values.contains(value) else { continue }
            throw ValidationError(
                LocalizedText(
                    nl: "Onbekende waarde '\(value)' voor --\(facet.name); kies uit: \(facet.values.joined(separator: ", ")).",
                    en: "Unknown value '\(value)' for --\(facet.name); choose from: \(facet.values.joined(separator: ", "))."
                ).text(lang))
        }
        let texts = CatalogSource.sourceTexts(for: catalog, plugins: plugins, sources: sources.directories)
        let results: SearchResults
        do {
            results = try SearchIndex(catalog: catalog, sources: texts).search(
                SearchRequest(
                    words: words.joined(separator: " "), municipality: municipality, kind: kind, status: status, theme: theme,
                    limit: max(0, min(limit, 1000))))
        } catch let error as SearchError {
            throw ValidationError(error.message.text(lang))
        }
        let columns =
            lang == .nl
            ? ["programma", "onderdeel", "titel", "vindplaats", "fragment"] : ["programme", "item", "title", "section", "snippet"]
        let rows: [[TableCell]] = results.hits.map { hit in
            let snippet = hit.snippet.map { $0.isMatch ? "«\($0.text)»" : $0.text }.joined()
            return [.text(hit.programmeKey), .text(hit.itemID ?? hit.sourceFile), .text(hit.title), .text(hit.section), .text(snippet)]
        }
        let title = LocalizedText(
            nl: "\(results.total) resultaten voor '\(words.joined(separator: " "))'",
            en: "\(results.total) results for '\(words.joined(separator: " "))'"
        ).text(lang)
        let table = ResultTable(title: title, columns: columns, rows: rows)
        switch format {
        case .table: print(TerminalRenderer.render(table, language: lang), terminator: "")
        case .markdown: print(MarkdownRenderer.render(table, language: lang), terminator: "")
        case .csv: FileHandle.standardOutput.write(try CSVRenderer.render(table, dialect: dialect))
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            FileHandle.standardOutput.write(try encoder.encode(results) + Data("\n".utf8))
        }
    }
}
