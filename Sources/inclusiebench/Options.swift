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

    /// The scope the options describe, checked against the catalog: a typo in `--only` or `--status`
    /// is an error that says what exists, not an empty table.
    func scope(in catalog: Catalog) throws -> ComparisonScope {
        let scope = ComparisonScope(only: list(only), statuses: list(status), language: lang)
        let knownStatuses = catalog.taxonomy.itemStatuses.map(\.id)
        if let unknown = scope.statuses?.subtracting(knownStatuses), !unknown.isEmpty {
            throw ValidationError(
                phrase(
                    "Onbekende status \(unknown.sorted().joined(separator: ", ")); kies uit: \(knownStatuses.joined(separator: ", ")).",
                    "Unknown status \(unknown.sorted().joined(separator: ", ")); choose from: \(knownStatuses.joined(separator: ", ")).",
                    lang))
        }
        if scope.only != nil, scope.programmes(in: catalog).isEmpty {
            let known = catalog.municipalities.map(\.slug) + catalog.programmes.map(\.key)
            throw ValidationError(
                phrase(
                    "Geen programma past bij --only \(only ?? ""); bekend zijn: \(known.joined(separator: ", ")).",
                    "No programme matches --only \(only ?? ""); known are: \(known.joined(separator: ", ")).", lang))
        }
        return scope
    }

    private func phrase(_ nl: String, _ en: String, _ language: Language) -> String {
        LocalizedText(nl: nl, en: en).text(language)
    }

    private func list(_ text: String?) -> Set<String>? {
        text.map { Set($0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }) }
    }
}
