import ArgumentParser
import InclusieModel

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Importeer alle plugins in de database / import every plugin into the database, all or nothing.")

    @OptionGroup var plugins: PluginOptions
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var sources: SourceOptions

    @Option(
        help: "Alleen deze gemeenten of programma's, met komma's; de database bevat daarna alleen die / only these municipalities or programmes; the database then holds just them.")
    var only: String?

    @Option(help: "Taal van meldingen en samenvatting / language of problems and summary: nl of en.")
    var lang: Language = .nl

    func run() throws {
        try CatalogSource.importPlugins(plugins: plugins, database: database, quiet: false, language: lang, sources: sources.directories, only: only)
    }
}
