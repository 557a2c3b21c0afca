import ArgumentParser

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Importeer alle plugins in de database / import every plugin into the database, all or nothing.")

    @OptionGroup var plugins: PluginOptions
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try CatalogSource.importPlugins(plugins: plugins, database: database, quiet: false)
    }
}
