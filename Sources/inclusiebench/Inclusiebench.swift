import ArgumentParser
import InclusieStore

/// The `inclusiebench` command: compare municipalities' inclusion programmes side by side.
///
/// Every command states its `commandName`. Without it, ArgumentParser derives the name from the type at
/// run time, a dynamic cast that scans every protocol conformance in the binary, on every start.
@main
struct Inclusiebench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inclusiebench",
        abstract: "Vergelijk inclusieprogramma's van gemeenten / Compare municipalities' inclusion programmes.",
        discussion: """
            Leest de gemeenten in municipalities/, bewaart ze in een SQLite-database en zet ze naast elkaar.
            Reads the municipalities in municipalities/, stores them in SQLite and lines them up.
            """,
        version: "inclusiebench 0.1.0 (database schema \(Store.knownMigrations.last ?? "-"))",
        subcommands: [New.self, Validate.self, Import.self, Compare.self, Export.self, Report.self, Schema.self, Draft.self, Serve.self, Review.self, Search.self]
    )
}
