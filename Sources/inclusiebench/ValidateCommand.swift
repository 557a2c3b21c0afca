import ArgumentParser
import InclusiePlugins

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Controleer alle plugins / check every plugin against the taxonomy and, with --sources, the quotes.")

    @OptionGroup var plugins: PluginOptions

    @Option(help: "Map met de brondocumenten; controleert dan elk citaat / folder of source documents: checks every quote.")
    var sources: String?

    func run() throws {
        let loaded = PluginLoader().load(directory: plugins.directory)
        var diagnostics = loaded.diagnostics
        if let sources, loaded.errors.isEmpty {
            diagnostics += QuoteChecker(sourcesDirectory: sources).check(loaded.programmes)
        }
        CatalogSource.printDiagnostics(diagnostics)
        let errors = diagnostics.filter { $0.severity == .error }.count
        if errors > 0 {
            CatalogSource.printError("\(errors) probleem/problemen gevonden / problem(s) found.")
            throw ExitCode.failure
        }
        let items = loaded.programmes.reduce(0) { $0 + $1.programme.items.count }
        let quotes = sources == nil ? "" : ", alle citaten gevonden in \(sources!)"
        print("OK: \(loaded.programmes.count) programma's, \(items) onderdelen\(quotes).")
    }
}
