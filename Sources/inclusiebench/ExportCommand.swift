import ArgumentParser
import Foundation
import InclusieExport
import InclusieModel
import InclusieStore

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Schrijf alle tabellen als CSV met een gegevenswoordenboek / write every table as CSV with a data dictionary.",
        discussion: """
            Eén CSV per vergelijking en per onderliggende tabel (programma's, onderdelen met koppelingen, status en \
            citaten, begrotingsregels, partners), plus data-dictionary.txt. Zonder --out wordt exports/ bijgewerkt.
            """)

    @OptionGroup var plugins: PluginOptions
    @OptionGroup var database: DatabaseOptions

    @Option(help: "De map voor de bestanden / the folder to write to.")
    var out = "exports"

    @Option(help: "CSV-dialect: excel-nl (;, decimale komma, BOM) of rfc4180 (',', decimale punt).")
    var dialect: CSVDialect = .excelNL

    @Option(help: "Taal van kolomnamen en labels / language of headers and labels: nl of en.")
    var lang: Language = .nl

    func run() throws {
        let catalog = try CatalogSource.catalog(plugins: plugins, database: database, language: lang)
        let export = try CSVExport(
            catalog: catalog, language: lang, dialect: dialect, schemaVersion: Store.knownMigrations.last ?? "-")
        let result = try ExportWriter.write(export, to: URL(fileURLWithPath: out), protecting: [database.path])
        CatalogSource.printStatus("\(result.written.count) bestanden geschreven in \(out) (gegevensversie \(export.dataVersion))")
        if !result.unknownFiles.isEmpty {
            CatalogSource.printError(
                "Niet door deze export geschreven, verwijder ze als ze verouderd zijn / not written by this export, delete if stale: "
                    + result.unknownFiles.joined(separator: ", "))
        }
    }
}
