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
        try readableStore(plugins: plugins, database: database, language: language).store
            .catalog(parts: parts, programmes: programmes)
    }

    /// The whole catalog from a database opened read-only, imported first when it is missing or stale.
    /// With source folders, their quotes are checked first (without writing), so that nothing is shown
    /// whose quotes are not in their documents.
    static func readOnlyCatalog(
        plugins: PluginOptions, database: DatabaseOptions, language: Language, sources: [String]
    ) throws -> Catalog {
        try prepareForReading(plugins: plugins, database: database, language: language, sources: sources).catalog()
    }

    /// The database ready for a reader that shows quotes: imported when it is missing or stale, otherwise,
    /// with source folders, their quotes checked without writing. `serve` reads it again after every
    /// later import.
    @discardableResult
    static func prepareForReading(plugins: PluginOptions, database: DatabaseOptions, language: Language, sources: [String]) throws -> Store {
        let (store, imported) = try readableStore(plugins: plugins, database: database, language: language, sources: sources)
        if !imported, !sources.isEmpty {
            try checkQuotes(plugins: plugins, language: language, sources: sources)
        }
        return store
    }

    /// The database opened read-only, imported first when it is missing, has an older schema or is older
    /// than a plugin file, which the command then says on standard error: only then does a reader write.
    /// A current database is opened once, for both the check and the read.
    private static func readableStore(
        plugins: PluginOptions, database: DatabaseOptions, language: Language, sources: [String] = []
    ) throws -> (store: Store, imported: Bool) {
        let path = database.path
        let reason: LocalizedText
        if !FileManager.default.fileExists(atPath: path) {
            reason = LocalizedText(nl: "bestond nog niet", en: "did not exist yet")
        } else if let current = try Store.readOnlyIfCurrent(path: path) {
            guard let databaseTime = PluginLoader.modificationTime(of: path),
                let newest = newestPluginTime(in: plugins.directory), newest > databaseTime
            else { return (current, false) }
            reason = LocalizedText(nl: "was ouder dan de plugins", en: "was older than the plugins")
        } else {
            reason = LocalizedText(nl: "had een ouder schema", en: "had an older schema")
        }
        printError(
            LocalizedText(
                nl: "\(path) \(reason.nl): de plugins in \(plugins.directory) worden eerst geïmporteerd.",
                en: "\(path) \(reason.en): importing the plugins in \(plugins.directory) first."
            ).text(language))
        try importPlugins(plugins: plugins, database: database, quiet: true, language: language, sources: sources)
        return (try Store.readOnly(path: path), true)
    }

    /// Checks the plugins' quotes against their source documents, as `validate` does, writing nothing.
    private static func checkQuotes(plugins: PluginOptions, language: Language, sources: [String]) throws {
        let loaded = PluginLoader().load(directory: plugins.directory)
        let diagnostics = loaded.diagnostics + QuoteChecker(sourcesDirectories: sources).run(loaded.programmes).diagnostics
        printDiagnostics(diagnostics, language: language)
        let errors = diagnostics.filter { $0.severity == .error }.count
        guard errors == 0 else {
            printError(
                LocalizedText(
                    nl: "Niets getoond: los eerst de \(problemCount(errors).nl) hierboven op.",
                    en: "Nothing shown: fix the \(problemCount(errors).en) above first."
                ).text(language))
            throw ExitCode.failure
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
    /// The plugins of the municipalities or programmes `only` names (comma-separated), or all when nil;
    /// a name that matches nothing is refused with the names that exist.
    static func selecting(_ only: String?, from loaded: LoadedPlugins, directory: String, language: Language) throws -> LoadedPlugins {
        guard let only else { return loaded }
        let (selected, unmatched) = PluginSelection(list: only).apply(to: loaded, directory: directory)
        if !unmatched.isEmpty {
            let known = (loaded.municipalities.map(\.slug) + loaded.programmes.map(\.programme.key)).joined(separator: ", ")
            throw ValidationError(
                LocalizedText(
                    nl: "Geen gemeente of programma heet \(unmatched.joined(separator: ", ")); bekend zijn: \(known).",
                    en: "No municipality or programme is called \(unmatched.joined(separator: ", ")); known are: \(known)."
                ).text(language))
        }
        return selected
    }

    static func importPlugins(
        plugins: PluginOptions, database: DatabaseOptions, quiet: Bool, language: Language, sources: [String] = [],
        only: String? = nil
    ) throws -> Catalog {
        var loaded = try selecting(only, from: PluginLoader().load(directory: plugins.directory), directory: plugins.directory, language: language)
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
            printStatus(
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

    /// When the newest plugin file changed; nil without any.
    private static func newestPluginTime(in directory: String) -> Double? {
        PluginLoader.pluginFiles(in: directory).compactMap(PluginLoader.modificationTime).max()
    }

    static func printDiagnostics(_ diagnostics: [Diagnostic], language: Language) {
        for diagnostic in diagnostics {
            printError(diagnostic.text(language))
        }
    }

    /// "1 probleem" / "3 problemen" and their English forms, for the summary lines under the diagnostics.
    static func problemCount(_ count: Int) -> LocalizedText {
        LocalizedText(
            nl: count == 1 ? "1 probleem" : "\(count) problemen", en: count == 1 ? "1 problem" : "\(count) problems")
    }

    /// A status line on standard output that repeats paths the user typed: controls shown visibly, as in
    /// `printError`.
    static func printStatus(_ text: String) {
        print(TextSafety.terminalMessage(text))
    }

    /// Every message to standard error passes here, with its control characters made visible.
    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((TextSafety.terminalMessage(text) + "\n").utf8))
    }
}
