import ArgumentParser
import Foundation
import InclusieExport
import InclusieModel
import InclusiePlugins
import InclusieStore

/// Gets the catalog from the database, importing the plugins first when the database is missing or older.
///
/// This is what lets a new user run `swift run inclusiebench compare themes` with nothing before it.
/// Problems found on the way are printed in `language`, the one the command's user asked for.
enum CatalogSource {
    /// The catalog with `parts` (all by default) read back; a view asks only for the parts it shows.
    static func catalog(
        plugins: PluginOptions, database: DatabaseOptions, language: Language, parts: CatalogParts = .all,
        programmes: ProgrammeSelection = .all
    ) throws -> Catalog {
        let path = database.path
        func read() throws -> Catalog { try Store(path: path).catalog(parts: parts, programmes: programmes) }
        // The database is read while another core checks the plugin folders for newer files: listing
        // thousands of folders was 5 % of a `compare` at 3,420 municipalities. Its time is taken before the
        // read starts, so nothing the read does to the file counts; a read that turns out stale is dropped.
        guard let databaseTime = PluginLoader.modificationTime(of: path) else {
            try importPlugins(plugins: plugins, database: database, quiet: true, language: language)
            return try read()
        }
        let directory = plugins.directory
        let newestPlugin = ParallelResults<Double?>(count: 1)
        let checked = DispatchGroup()
        DispatchQueue.global().async(group: checked) {
            newestPlugin.store(newestPluginTime(in: directory), at: 0)
        }
        let catalog = Result { try read() }
        checked.wait()
        if let newest = newestPlugin.inOrder.first ?? nil, newest > databaseTime {
            _ = consume catalog
            try importPlugins(plugins: plugins, database: database, quiet: true, language: language)
            return try read()
        }
        return try catalog.get()
    }

    /// The catalog from a database opened read-only, importing first when it is missing or stale, or
    /// when source folders are given (so their quotes are checked before anything is shown).
    static func readOnlyCatalog(
        plugins: PluginOptions, database: DatabaseOptions, language: Language, sources: [String]
    ) throws -> Catalog {
        try importIfNeeded(plugins: plugins, database: database, language: language, sources: sources)
        return try Store.readOnly(path: database.path).catalog()
    }

    /// Imports when the database is missing or stale, or when source folders are given (so their quotes
    /// are checked before anything is shown); `serve` then reads the database itself, and again after
    /// every later import.
    static func importIfNeeded(plugins: PluginOptions, database: DatabaseOptions, language: Language, sources: [String]) throws {
        if try !sources.isEmpty || needsImport(plugins: plugins, database: database) {
            try importPlugins(plugins: plugins, database: database, quiet: true, language: language, sources: sources)
        }
    }

    /// The source documents' texts, found where `validate` finds them, for full-text search.
    static func sourceTexts(for catalog: Catalog, plugins: PluginOptions, sources: [String]) -> [SourceText] {
        sourceTexts(for: catalog, pluginDirectory: plugins.directory, sources: sources)
    }

    static func sourceTexts(for catalog: Catalog, pluginDirectory: String, sources: [String]) -> [SourceText] {
        let checker = QuoteChecker(sourcesDirectories: sources)
        return catalog.programmes.compactMap { programme in
            let folder = (pluginDirectory as NSString).appendingPathComponent(programme.municipalitySlug)
            return checker.sourceText(named: programme.sourceFile, pluginDirectory: folder).map {
                SourceText(programmeKey: programme.key, fileName: programme.sourceFile, text: $0)
            }
        }
    }

    /// Validates and imports in one transaction; on any problem the database is left as it was.
    ///
    /// Quotes are checked too wherever a programme's source is found: in its plugin's `sources/` folder or
    /// in one of `sources`, the same folders `validate` uses. What `validate` refuses is never imported.
    @discardableResult
    static func importPlugins(
        plugins: PluginOptions, database: DatabaseOptions, quiet: Bool, language: Language, sources: [String] = []
    ) throws -> Catalog {
        var loaded = PluginLoader().load(directory: plugins.directory)
        let quotes = QuoteChecker(sourcesDirectories: sources).run(loaded.programmes)
        loaded.diagnostics += quotes.diagnostics
        printDiagnostics(loaded.diagnostics, language: language)
        let catalog: Catalog
        do {
            catalog = try loaded.catalog()
        } catch {
            let problems = problemCount(error.items.count)
            printError(
                LocalizedText(
                    nl: "Niets geïmporteerd: los eerst de \(problems.nl) hierboven op.",
                    en: "Nothing imported: fix the \(problems.en) above first."
                ).text(language))
            throw ExitCode.failure
        }
        let store = try Store(path: database.path)
        try store.replaceAll(with: catalog)
        if !quiet {
            let items = catalog.programmes.reduce(0) { $0 + $1.items.count }
            let programmes = catalog.programmes.count
            let municipalities = catalog.municipalities.count
            print(
                LocalizedText(
                    nl: "\(programmes) programma's van \(municipalities) gemeenten, \(items) onderdelen geïmporteerd in \(database.path)",
                    en: "Imported \(programmes) programmes from \(municipalities) municipalities, \(items) items into \(database.path)"
                ).text(language))
            print(quoteSummary(quotes).text(language))
        }
        return catalog
    }

    /// One sentence on what the quote check covered, so that "OK" never hides quotes left unchecked.
    static func quoteSummary(_ quotes: QuoteChecker.Outcome) -> LocalizedText {
        let checked = quotes.checked.count
        let checkedText = LocalizedText(
            nl: checked == 1 ? "1 programma" : "\(checked) programma's", en: checked == 1 ? "1 programme" : "\(checked) programmes")
        guard !quotes.unchecked.isEmpty else {
            return LocalizedText(
                nl: "Alle citaten gevonden in hun bron (\(checkedText.nl)).",
                en: "Every quote found in its source (\(checkedText.en)).")
        }
        let unchecked = quotes.unchecked.joined(separator: ", ")
        let hint = LocalizedText(
            nl: "zet het brondocument in <gemeente>/sources/ of geef --sources MAP",
            en: "put the document in <municipality>/sources/ or give --sources DIR")
        if checked == 0 {
            return LocalizedText(
                nl: "Citaten niet gecontroleerd: geen brondocumenten gevonden (\(hint.nl)).",
                en: "Quotes not checked: no source documents found (\(hint.en)).")
        }
        return LocalizedText(
            nl: "Citaten gevonden in hun bron (\(checkedText.nl)); niet gecontroleerd, want zonder bron: \(unchecked) (\(hint.nl)).",
            en: "Quotes found in their source (\(checkedText.en)); not checked, for want of a source: \(unchecked) (\(hint.en)).")
    }

    private static func needsImport(plugins: PluginOptions, database: DatabaseOptions) throws -> Bool {
        guard let databaseTime = PluginLoader.modificationTime(of: database.path) else { return true }
        return newestPluginTime(in: plugins.directory).map { $0 > databaseTime } ?? false
    }

    /// When the newest plugin file changed; nil without any.
    private static func newestPluginTime(in directory: String) -> Double? {
        PluginLoader.pluginFiles(in: directory).compactMap(PluginLoader.modificationTime).max()
    }

    static func printDiagnostics(_ diagnostics: [Diagnostic], language: Language) {
        for diagnostic in diagnostics {
            printError(TextSafety.terminalVisible(diagnostic.text(language)))
        }
    }

    /// "1 probleem" / "3 problemen" and their English forms, for the summary lines under the diagnostics.
    static func problemCount(_ count: Int) -> LocalizedText {
        LocalizedText(
            nl: count == 1 ? "1 probleem" : "\(count) problemen", en: count == 1 ? "1 problem" : "\(count) problems")
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
