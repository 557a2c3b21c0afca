import ArgumentParser
import InclusieModel
import InclusiePlugins

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Controleer alle plugins / check every plugin against the taxonomy and, with --sources, the quotes.")

    @OptionGroup var plugins: PluginOptions

    @Option(help: "Map met de brondocumenten; controleert dan elk citaat / folder of source documents: checks every quote.")
    var sources: String?

    @Option(help: "Taal van meldingen en samenvatting / language of problems and summary: nl of en.")
    var lang: Language = .nl

    func run() throws {
        let loaded = PluginLoader().load(directory: plugins.directory)
        var diagnostics = loaded.diagnostics
        if let sources, loaded.errors.isEmpty {
            diagnostics += QuoteChecker(sourcesDirectory: sources).check(loaded.programmes)
            diagnostics += WeakQuoteCheck(sourcesDirectory: sources).check(loaded.programmes)
        }
        CatalogSource.printDiagnostics(diagnostics, language: lang)
        let errors = diagnostics.filter { $0.severity == .error }.count
        if errors > 0 {
            let problems = CatalogSource.problemCount(errors)
            CatalogSource.printError(LocalizedText(nl: "\(problems.nl) gevonden.", en: "\(problems.en) found.").text(lang))
            throw ExitCode.failure
        }
        let programmes = loaded.programmes.count
        let items = loaded.programmes.reduce(0) { $0 + $1.programme.items.count }
        let summary =
            if let sources {
                LocalizedText(
                    nl: "OK: \(programmes) programma's, \(items) onderdelen, alle citaten gevonden in \(sources).",
                    en: "OK: \(programmes) programmes, \(items) items, every quote found in \(sources).")
            } else {
                LocalizedText(nl: "OK: \(programmes) programma's, \(items) onderdelen.", en: "OK: \(programmes) programmes, \(items) items.")
            }
        print(summary.text(lang))
    }
}
