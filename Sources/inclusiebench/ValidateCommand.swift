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
        printDrafts(loaded.programmes)
    }

    /// Names every programme that still carries `review: suggested`, with how many parts: a draft is not a finished plugin.
    private func printDrafts(_ programmes: [LoadedProgramme]) {
        for loaded in programmes where loaded.lines.isDraft {
            let count = loaded.lines.unreviewedItems.count + loaded.lines.unreviewedBudgetLines.count
            print(
                LocalizedText(
                    nl: "Concept: \(loaded.programme.key) heeft \(count) niet nagekeken suggesties (review: suggested) in \(loaded.file).",
                    en: "Draft: \(loaded.programme.key) has \(count) unreviewed suggestions (review: suggested) in \(loaded.file)."
                ).text(lang))
        }
    }
}
