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
            try Output.write(ViewName.themes.build(catalog: catalog, scope: view.scope), catalog: catalog, options: view)
        }
    }

    struct Instruments: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Instrument × programma: hoe programma's werken.")
        @OptionGroup var plugins: PluginOptions
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var view: ViewOptions

        func run() throws {
            let catalog = try CatalogSource.catalog(plugins: plugins, database: database)
            try Output.write(ViewName.instruments.build(catalog: catalog, scope: view.scope), catalog: catalog, options: view)
        }
    }
}
