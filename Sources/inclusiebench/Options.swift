import ArgumentParser
import InclusieComparison
import InclusieExport
import InclusieModel

/// Where the plugins are.
struct PluginOptions: ParsableArguments {
    @Option(name: .customLong("municipalities"), help: "Map met de gemeente-plugins / folder with the municipality plugins.")
    var directory = "municipalities"
}

/// Where the database is.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: "Het SQLite-bestand / the SQLite file.")
    var path = "inclusiebench.sqlite"
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json, markdown
}

extension Language: ExpressibleByArgument {}
extension CSVDialect: ExpressibleByArgument {}
extension ViewName: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument) }
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

/// How a view is shown, and which programmes and items it covers.
struct ViewOptions: ParsableArguments {
    @Option(help: "table, csv, json of markdown.")
    var format: OutputFormat = .table

    @Option(help: "Taal van de uitvoer / output language: nl of en.")
    var lang: Language = .nl

    @Option(help: "CSV-dialect: excel-nl (;, decimale komma, BOM) of rfc4180.")
    var dialect: CSVDialect = .excelNL

    @Option(help: "Alleen deze gemeenten of programma's, met komma's / only these municipalities or programmes, comma-separated.")
    var only: String?

    @Option(
        help: "Alleen onderdelen met deze status, met komma's (commitment, ambition, exploration, in-preparation, existing-policy, input, proposal, context).")
    var status: String?

    @Flag(
        help: "Volle cellen in de terminal, ook als de tabel breder is dan het venster / full cells even when the table is wider than the window.")
    var wide = false

    /// The scope the options describe, checked against the catalog.
    func scope(in catalog: Catalog) throws -> ComparisonScope {
        try checkedScope(only: only, status: status, language: lang, in: catalog)
    }

}

/// The scope that `--only` and `--status` describe, checked against the catalog, for every command that
/// takes them: a typo is an error that says what exists, not an empty table or report.
func checkedScope(only: String?, status: String?, language: Language, in catalog: Catalog) throws -> ComparisonScope {
    do {
        return try ComparisonScope.checked(only: only, status: status, language: language, in: catalog)
    } catch {
        throw ValidationError(error.message.text(language))
    }
}
