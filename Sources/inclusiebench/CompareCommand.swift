import ArgumentParser
import Foundation
import InclusieComparison
import InclusieExport
import InclusieModel

/// `compare <view>`: one command for every view in `ViewName`, so a new view needs nothing here.
struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Zet programma's naast elkaar / line programmes up side by side.",
        discussion: ViewName.allCases.map { "\($0.rawValue): \($0.purpose.nl) / \($0.purpose.en)" }.joined(separator: "\n"))

    @Argument(help: "De vergelijking / the view: \(ViewName.allCases.map(\.rawValue).joined(separator: ", ")).")
    var view: ViewName

    @OptionGroup var plugins: PluginOptions
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var options: ViewOptions

    @Option(help: "proposals: het partijprogramma, bv. almere/bij1-verkiezingsprogramma-2022 / the party programme (key or id).")
    var party: String?

    @Option(help: "proposals: het programma om tegen te houden; standaard de beleidsprogramma's van dezelfde gemeente.")
    var against: String?

    @Option(help: "similarity: aantal meest verwante programma's per programma / nearest peers per programme.")
    var peers = ThemeSimilarity.defaultPeerCount

    @Flag(help: "similarity: de hele matrix van alle paren, alleen met --format csv / the whole matrix of all pairs, CSV only.")
    var full = false

    func validate() throws {
        let language = options.lang
        guard peers >= 1 else {
            throw ValidationError(LocalizedText(nl: "--peers moet minstens 1 zijn.", en: "--peers must be at least 1.").text(language))
        }
        guard !full || (view == .similarity && options.format == .csv) else {
            throw ValidationError(
                LocalizedText(
                    nl: "--full schrijft alleen de matrix van 'similarity' als CSV: gebruik 'compare similarity --full --format csv'.",
                    en: "--full writes only the 'similarity' matrix as CSV: use 'compare similarity --full --format csv'."
                ).text(language))
        }
        if view != .proposals, party != nil || against != nil {
            throw ValidationError(
                LocalizedText(
                    nl: "--party en --against horen bij 'compare proposals'.",
                    en: "--party and --against belong to 'compare proposals'."
                ).text(language))
        }
    }

    func run() throws {
        let settings = ViewSettings(party: party, against: against, peers: peers, only: ComparisonScope.names(options.only))
        let catalog = try CatalogSource.catalog(
            plugins: plugins, database: database, language: options.lang, parts: view.parts,
            programmes: view.programmes(for: settings))
        let scope: ComparisonScope
        do {
            scope = try options.scope(in: catalog)
        } catch where view.programmes(for: settings) != .all {
            // A catalog of the named programmes alone cannot say which names exist: ask the whole one.
            _ = try options.scope(
                in: CatalogSource.catalog(plugins: plugins, database: database, language: options.lang, parts: []))
            throw error
        }
        if full {
            ThemeSimilarityMatrix(catalog: catalog, scope: scope).writeCSV(dialect: options.dialect, language: options.lang) {
                FileHandle.standardOutput.write($0)
            }
            return
        }
        let built: any TabularView
        do {
            built = try view.build(catalog: catalog, scope: scope, settings: settings)
        } catch {
            throw ValidationError(error.description)
        }
        try Output.writeAndExit(built, catalog: catalog, options: options)
    }
}
