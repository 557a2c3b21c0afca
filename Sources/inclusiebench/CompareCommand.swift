import ArgumentParser
import InclusieComparison
import InclusieExport

struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Zet programma's naast elkaar / line programmes up side by side.",
        subcommands: [Themes.self, Instruments.self])

    struct Themes: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Thema × programma, met de eigen woorden per cel.")
        @OptionGroup var plugins: PluginOptions
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var view: ViewOptions

        func run() throws {
            let catalog = try CatalogSource.catalog(plugins: plugins, database: database)
            let matrix = CoverageMatrix(facet: .theme, catalog: catalog, scope: view.scope)
            try Output.write(matrix, tables: matrix.tables(taxonomy: catalog.taxonomy, language: view.lang), options: view)
        }
    }

    struct Instruments: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Instrument × programma: hoe programma's werken.")
        @OptionGroup var plugins: PluginOptions
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var view: ViewOptions

        func run() throws {
            let catalog = try CatalogSource.catalog(plugins: plugins, database: database)
            let matrix = CoverageMatrix(facet: .instrument, catalog: catalog, scope: view.scope)
            try Output.write(matrix, tables: matrix.tables(taxonomy: catalog.taxonomy, language: view.lang), options: view)
        }
    }
}
