import ArgumentParser
import Foundation
import InclusieModel
import InclusiePlugins
import InclusieStore

/// Gets the catalog from the database, importing the plugins first when the database is missing or older.
///
/// This is what lets a new user run `swift run inclusiebench compare themes` with nothing before it.
enum CatalogSource {
    static func catalog(plugins: PluginOptions, database: DatabaseOptions) throws -> Catalog {
        if try needsImport(plugins: plugins, database: database) {
            try importPlugins(plugins: plugins, database: database, quiet: true)
        }
        return try Store(path: database.path).catalog()
    }

    /// Validates and imports in one transaction; on any problem the database is left as it was.
    @discardableResult
    static func importPlugins(plugins: PluginOptions, database: DatabaseOptions, quiet: Bool) throws -> Catalog {
        let loaded = PluginLoader().load(directory: plugins.directory)
        printDiagnostics(loaded.diagnostics)
        let catalog: Catalog
        do {
            catalog = try loaded.catalog()
        } catch {
            printError("Niets geïmporteerd: los eerst de \(error.items.count) probleem/problemen hierboven op. / Nothing imported: fix the problems above first.")
            throw ExitCode.failure
        }
        let store = try Store(path: database.path)
        try store.replaceAll(with: catalog)
        if !quiet {
            let items = catalog.programmes.reduce(0) { $0 + $1.items.count }
            print(
                "\(catalog.programmes.count) programma's van \(catalog.municipalities.count) gemeenten, \(items) onderdelen geïmporteerd in \(database.path)"
            )
        }
        return catalog
    }

    private static func needsImport(plugins: PluginOptions, database: DatabaseOptions) throws -> Bool {
        let manager = FileManager.default
        guard let attributes = try? manager.attributesOfItem(atPath: database.path),
            let databaseDate = attributes[.modificationDate] as? Date
        else { return true }
        let newestPlugin = PluginLoader.pluginFiles(in: plugins.directory).compactMap {
            (try? manager.attributesOfItem(atPath: $0))?[.modificationDate] as? Date
        }.max()
        return newestPlugin.map { $0 > databaseDate } ?? false
    }

    static func printDiagnostics(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics {
            printError(diagnostic.description)
        }
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
