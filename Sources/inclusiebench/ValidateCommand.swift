import ArgumentParser
import InclusieModel
import InclusiePlugins

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Controleer alle plugins / check every plugin against the taxonomy and, where sources are found, the quotes.",
        discussion: """
            Citaten worden gecontroleerd tegen het brondocument in <gemeente>/sources/ naast het programmabestand, \
            of in een map die met --sources is gegeven (mag vaker). Quotes are checked against the document in the \
            plugin's own sources/ folder or in a folder given with --sources (repeatable).
            """)

    @OptionGroup var plugins: PluginOptions
    @OptionGroup var sources: SourceOptions

    @Option(help: "Alleen deze gemeenten of programma's, met komma's / only these municipalities or programmes.")
    var only: String?

    @Option(help: "Taal van meldingen en samenvatting / language of problems and summary: nl of en.")
    var lang: Language = .nl

    func run() throws {
        let loaded = try CatalogSource.selecting(only, from: PluginLoader().load(directory: plugins.directory), directory: plugins.directory, language: lang)
        let quotes = QuoteChecker(sourcesDirectories: sources.directories).run(loaded.programmes)
        let diagnostics = loaded.diagnostics + quotes.diagnostics
        CatalogSource.printDiagnostics(diagnostics, language: lang)
        let errors = diagnostics.filter { $0.severity == .error }.count
        if errors > 0 {
            let problems = CatalogSource.problemCount(errors)
            CatalogSource.printError(LocalizedText(nl: "\(problems.nl) gevonden.", en: "\(problems.en) found.").text(lang))
            throw ExitCode.failure
        }
        let programmes = loaded.programmes.count
        let items = loaded.programmes.reduce(0) { $0 + $1.programme.items.count }
        print(
            LocalizedText(
                nl: "OK: \(programmes) programma's, \(items) onderdelen. \(CatalogSource.quoteSummary(quotes).nl)",
                en: "OK: \(programmes) programmes, \(items) items. \(CatalogSource.quoteSummary(quotes).en)"
            ).text(lang))
        printDrafts(loaded.programmes)
    }

    /// Names every programme that still carries `review: suggested`, with how many parts: a draft is not a finished plugin.
    private func printDrafts(_ programmes: [LoadedProgramme]) {
        for loaded in programmes where loaded.lines.isDraft {
            let count = loaded.lines.unreviewedCount
            print(
                LocalizedText(
                    nl: "Concept: \(loaded.programme.key) heeft \(count) niet nagekeken suggesties (review: suggested) in \(loaded.file).",
                    en: "Draft: \(loaded.programme.key) has \(count) unreviewed suggestions (review: suggested) in \(loaded.file)."
                ).text(lang))
        }
    }
}
