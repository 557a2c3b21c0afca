import ArgumentParser
import Foundation
import InclusieComparison
import InclusieExport
import InclusieModel

struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Zet programma's naast elkaar / line programmes up side by side.",
        subcommands: [
            Themes.self, Instruments.self, Roles.self, Budgets.self, Proposals.self, Similarity.self, Timeline.self,
        ])

    struct Themes: ViewCommand {
        static let configuration = CommandConfiguration(
            commandName: "themes", abstract: "Thema × programma, met de eigen woorden per cel.")
        static let view = ViewName.themes
        @OptionGroup var plugins: PluginOptions
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var options: ViewOptions
    }

    struct Instruments: ViewCommand {
        static let configuration = CommandConfiguration(
            commandName: "instruments", abstract: "Instrument × programma: hoe programma's werken.")
        static let view = ViewName.instruments
        @OptionGroup var plugins: PluginOptions
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var options: ViewOptions
    }

    struct Roles: ViewCommand {
        static let configuration = CommandConfiguration(
            commandName: "roles",
            abstract: "Rolprofiel per programma, naast de eigen rolwoorden / role profile next to the own role words.")
        static let view = ViewName.roles
        @OptionGroup var plugins: PluginOptions
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var options: ViewOptions
    }

    struct Budgets: ViewCommand {
        static let configuration = CommandConfiguration(
            commandName: "budgets",
            abstract: "Geld per programma per jaar, per soort, per blok en per inwoner; 'niet vermeld' blijft zichtbaar.")
        static let view = ViewName.budgets
        @OptionGroup var plugins: PluginOptions
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var options: ViewOptions
    }

    struct Proposals: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "proposals",
            abstract: "Partijvoorstellen: dezelfde maatregel, inzet, vermelding of niets / party proposals: same measure, commitment, mention or nothing.")
        @OptionGroup var plugins: PluginOptions
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var options: ViewOptions

        @Option(help: "Het partijprogramma, bv. almere/bij1-verkiezingsprogramma-2022 / the party programme (key or id).")
        var party: String?

        @Option(help: "Het programma om tegen te houden; standaard de beleidsprogramma's van dezelfde gemeente.")
        var against: String?

        func run() throws {
            // A named party or programme may stand in any municipality; without names, only the municipalities
            // with a party's programme are compared.
            let catalog = try CatalogSource.catalog(
                plugins: plugins, database: database, language: options.lang, parts: ViewName.proposals.parts,
                programmes: party == nil && against == nil ? ViewName.proposals.programmes : .all)
            let scope = try options.scope(in: catalog)
            let coverage: ProposalCoverage
            do {
                coverage = try ProposalCoverage(catalog: catalog, scope: scope, party: party, against: against)
            } catch {
                throw ValidationError(error.description)
            }
            try Output.writeAndExit(coverage, catalog: catalog, options: options)
        }
    }

    struct Similarity: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "similarity",
            abstract: "Overeenkomst in thema's (Jaccard): de meest verwante programma's / theme similarity: the nearest peers.",
            discussion: """
                Standaard per programma de \(ThemeSimilarity.defaultPeerCount) meest verwante programma's van andere gemeenten \
                (--peers K); --full --format csv schrijft de hele matrix, rij voor rij. / By default each programme's \
                \(ThemeSimilarity.defaultPeerCount) nearest peers (--peers K); --full --format csv writes the whole matrix, row by row.
                """)
        @OptionGroup var plugins: PluginOptions
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var options: ViewOptions

        @Option(help: "Aantal meest verwante programma's per programma / nearest peers per programme.")
        var peers = ThemeSimilarity.defaultPeerCount

        @Flag(help: "De hele matrix van alle paren, alleen met --format csv / the whole matrix of all pairs, only with --format csv.")
        var full = false

        func validate() throws {
            guard peers >= 1 else {
                throw ValidationError(
                    LocalizedText(nl: "--peers moet minstens 1 zijn.", en: "--peers must be at least 1.").text(options.lang))
            }
            guard !full || options.format == .csv else {
                throw ValidationError(
                    LocalizedText(
                        nl: "--full schrijft alleen CSV: geef ook --format csv.",
                        en: "--full writes CSV only: add --format csv."
                    ).text(options.lang))
            }
        }

        func run() throws {
            let catalog = try CatalogSource.catalog(
                plugins: plugins, database: database, language: options.lang, parts: ViewName.similarity.parts)
            let scope = try options.scope(in: catalog)
            guard full else {
                try Output.writeAndExit(ThemeSimilarity(catalog: catalog, scope: scope, peers: peers), catalog: catalog, options: options)
            }
            ThemeSimilarityMatrix(catalog: catalog, scope: scope).writeCSV(dialect: options.dialect, language: options.lang) {
                FileHandle.standardOutput.write($0)
            }
        }
    }

    struct Timeline: ViewCommand {
        static let configuration = CommandConfiguration(
            commandName: "timeline", abstract: "Onderdelen × jaren per programma / items × years.")
        static let view = ViewName.timeline
        @OptionGroup var plugins: PluginOptions
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var options: ViewOptions
    }
}

/// A `compare` subcommand that shows one named view with the shared options; `run()` is the same for all.
protocol ViewCommand: ParsableCommand {
    static var view: ViewName { get }
    var plugins: PluginOptions { get }
    var database: DatabaseOptions { get }
    var options: ViewOptions { get }
}

extension ViewCommand {
    func run() throws {
        let catalog = try CatalogSource.catalog(
            plugins: plugins, database: database, language: options.lang, parts: Self.view.parts,
            programmes: Self.view.programmes)
        try Output.writeAndExit(Self.view.build(catalog: catalog, scope: try options.scope(in: catalog)), catalog: catalog, options: options)
    }
}
