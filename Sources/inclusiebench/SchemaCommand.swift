import ArgumentParser
import InclusieStore

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Toon de schemaversie van de database / show the database schema version.")

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let applied = try Store.readOnly(path: database.path, requiringCurrentSchema: false).appliedMigrations()
        print("schema: \(applied.last ?? "-")")
        print("migraties / migrations: \(applied.joined(separator: ", "))")
    }
}
