import ArgumentParser
import Foundation
import InclusieExport
import InclusieModel
import InclusieReport
import InclusieStore

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Schrijf het HTML-rapport voor de VNG-werkgroep / write the HTML report for the VNG working group.",
        discussion: """
            Eén zelfstandig HTML-bestand (geen netwerk, CSS en SVG ingebouwd), afdrukbaar op A4 liggend. \
            One self-contained HTML file (no network, inline CSS and SVG), printable on A4 landscape.
            """)

    @OptionGroup var plugins: PluginOptions
    @OptionGroup var database: DatabaseOptions

    @Option(help: "Het HTML-bestand / the HTML file to write.")
    var out = "inclusiebench-rapport.html"

    @Option(help: "Taal van het rapport / language of the report: nl of en.")
    var lang: Language = .nl

    @Option(help: "Alleen deze gemeenten of programma's, met komma's / only these municipalities or programmes, comma-separated.")
    var only: String?

    func run() throws {
        try OutputFile.checkTarget(out, protecting: [database.path])
        let catalog = try CatalogSource.catalog(plugins: plugins, database: database, language: lang)
        let scope = try checkedScope(only: only, status: nil, language: lang, in: catalog)
        let version = try DataVersion(catalog: catalog, schema: Store.knownMigrations.last ?? "-")
        let html = HTMLReport(catalog: catalog, scope: scope, dataVersion: version).render()
        try OutputFile.write(Data(html.utf8), to: out, protecting: [database.path])
        CatalogSource.printStatus("Rapport geschreven / report written: \(out) (gegevensversie \(version))")
    }
}
