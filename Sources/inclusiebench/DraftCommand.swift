import ArgumentParser
import Foundation
import InclusieDrafting
import InclusieModel
import InclusiePlugins

struct Draft: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "draft",
        abstract: "Maak een conceptplugin uit een document / draft a plugin from a document, every suggestion unreviewed.",
        discussion: """
            Leest een .txt-, .md- of .pdf-bestand (PDF via pdftotext), schrijft een plugin die validate --sources doorstaat,
            met 'review: suggested' bij elk onderdeel. Met --evaluate: vergelijk concepten van de vijf bronnen met de plugins.
            """)

    @Argument(help: "Het document / the document (.txt, .md, .pdf).")
    var source: String?

    @Option(help: "Slug van de gemeente / the municipality's slug, e.g. voorbeeldstad.")
    var municipality: String?

    @Option(help: "Soort programma / programme kind: action-programme, policy-note, change-programme, workshop, party-programme.")
    var kind: String?

    @Option(help: "Het pluginbestand / the plugin file (default <municipalities>/<slug>/<id>.yaml).")
    var out: String?

    @Flag(help: "Overschrijf een bestaand bestand / overwrite an existing file.")
    var force = false

    @Flag(help: "Vergelijk concepten van de gebundelde bronnen met de plugins / evaluate against the bundled plugins.")
    var evaluate = false

    @Option(help: "Map met brondocumenten voor --evaluate / folder of source documents for --evaluate.")
    var sources = "../shared/sources"

    @Option(
        help: "Met --evaluate: map van een ontwikkelset (document + lezing met de hand) / with --evaluate: a development set's folder, e.g. docs/examples/devset.")
    var devset: String?

    @OptionGroup var plugins: PluginOptions

    /// Only to protect it: no draft is ever written over the database.
    @OptionGroup var database: DatabaseOptions

    @Option(help: "Taal van meldingen / language: nl of en.")
    var lang: Language = .nl

    func run() throws {
        let loaded = PluginLoader().load(directory: plugins.directory)
        guard let taxonomy = loaded.taxonomy else {
            CatalogSource.printDiagnostics(loaded.diagnostics, language: lang)
            throw ExitCode.failure
        }
        if evaluate, let devset {
            let suggester = Suggester(taxonomy: taxonomy, terms: loaded.terms, training: Suggester.reviewedItems(of: loaded.programmes))
            do {
                let results = try DevelopmentSetRun(suggester: suggester).run(directory: devset)
                print(DevelopmentSetRun.table(results, language: lang), terminator: "")
            } catch {
                CatalogSource.printError(error.text(lang))
                throw ExitCode.failure
            }
            return
        }
        if evaluate {
            let results = try DraftEvaluationRun(taxonomy: taxonomy, terms: loaded.terms, programmes: loaded.programmes.map(\.programme))
                .run(sourcesDirectory: sources, language: lang)
            print(DraftEvaluationRun.table(results, language: lang), terminator: "")
            return
        }
        guard let source else {
            throw ValidationError(
                LocalizedText(
                    nl: "Geef een document: inclusiebench draft DOCUMENT --municipality <slug> (of --evaluate).",
                    en: "Give a document: inclusiebench draft DOCUMENT --municipality <slug> (or --evaluate)."
                ).text(lang))
        }
        guard let municipality, DraftFiles.isSlug(municipality) else {
            throw ValidationError(
                LocalizedText(
                    nl: "Geef --municipality met een slug van kleine letters, cijfers en streepjes, bv. voorbeeldstad.",
                    en: "Give --municipality with a slug of lower-case letters, digits and dashes, e.g. voorbeeldstad."
                ).text(lang))
        }
        if let kind, !Drafter.kinds.contains(kind) {
            throw ValidationError(
                LocalizedText(
                    nl: "Onbekende soort '\(kind)'; kies uit: \(Drafter.kinds.joined(separator: ", ")).",
                    en: "Unknown kind '\(kind)'; choose from: \(Drafter.kinds.joined(separator: ", "))."
                ).text(lang))
        }
        let files = DraftFiles(source: source, municipality: municipality, pluginsDirectory: plugins.directory, out: out)
        // A target that will be refused is refused before the document is read and drafted.
        try files.checkTargets(force: force, database: database.path, document: source)
        let text: String
        do {
            text = try DocumentReader.read(path: source)
        } catch {
            CatalogSource.printError(error.text(lang))
            throw ExitCode.failure
        }
        let drafted: DocumentDraft
        do {
            drafted = try DocumentDraft(text: text, kind: kind, files: files, loaded: loaded, taxonomy: taxonomy, document: source)
        } catch {
            CatalogSource.printError(error.text(lang))
            throw ExitCode.failure
        }
        let draft = drafted.draft
        let plugin = drafted.plugin
        try files.write(plugin: plugin, text: text, force: force, database: database.path, document: source)
        // Counted in what was written, as validate counts them: the programme's own mark and a budget line
        // written for an amount without years are marks too.
        let lines = plugin.components(separatedBy: "\n")
        let suggestions = lines.filter { $0.trimmingCharacters(in: .whitespaces) == "review: suggested" }.count
        let budgetLines = lines.filter { $0.hasPrefix("    - id: b-") }.count
        CatalogSource.printStatus(
            LocalizedText(
                nl: "Concept geschreven: \(files.pluginPath) (\(draft.kind), \(draft.kindReason)); \(draft.items.count) onderdelen, \(budgetLines) begrotingsregels, \(suggestions) nog na te kijken. Bron bewaard als \(files.sourcePath).",
                en: "Draft written: \(files.pluginPath) (\(draft.kind), \(draft.kindReason)); \(draft.items.count) items, \(budgetLines) budget lines, \(suggestions) still to review. Source saved as \(files.sourcePath)."
            ).text(lang))
        // Only this municipality: the bundled plugins' sources may be elsewhere (../shared/sources), and their
        // problems are not this draft's.
        CatalogSource.printStatus(
            LocalizedText(
                nl: "Volgende stap: nakijken, dan inclusiebench validate --municipalities \(plugins.directory) --only \(municipality)",
                en: "Next: review, then inclusiebench validate --municipalities \(plugins.directory) --only \(municipality)"
            ).text(lang))
    }
}
