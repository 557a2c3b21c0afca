import Foundation
import InclusieModel
import InclusiePlugins
import InclusieStore

/// The `--municipalities` folder a review works in: which plugins it holds, what is wrong with them, and
/// the import that finishes a review.
///
/// A request names a plugin by municipality and file name, and those are looked up in the folder's own
/// listing: no text from a request is ever joined into a path.
public struct ReviewWorkspace: Sendable {
    public let directory: String
    /// Where "Klaar" imports, as `import --db` does.
    public let database: String
    /// What the last check found in each folder, and each file's entry on the start page, kept while their
    /// files are unchanged; shared by every copy of this workspace.
    let folderOutcomes = StampedCache<FolderOutcome>()
    let listedEntries = StampedCache<Entry>()

    /// One folder's share of a whole check: its municipality for the checks across folders, and how many
    /// errors its files have (quotes included).
    struct FolderOutcome: Sendable {
        var municipalities: [Municipality]
        var errors: Int
    }

    public init(directory: String, database: String) {
        self.directory = directory
        self.database = database
    }

    /// A programme file in the folder, with how many review marks it still has.
    public struct Entry: Sendable, Equatable {
        public var municipality: String
        public var name: String
        public var title: String
        /// Parts still marked `review: suggested`; nil when the file could not be read.
        public var reviewMarks: Int?
    }

    var taxonomyPath: String { (directory as NSString).appendingPathComponent(PluginLoader.taxonomyFileName) }

    /// Every programme file in a plugin folder, drafts (with review marks) first. Folders that are links
    /// and hidden ones are left out, as the loader leaves them out; so are files that are links.
    /// Each file is read again only when it changed since the last listing, and on all cores.
    public func entries() -> [Entry] {
        let found = files()
        let entries = ParallelResults.compute(count: found.count) { index in
            let (municipality, name, path) = found[index]
            let stamp = FileStamp(path: path, name: name).map { [$0] } ?? []
            return listedEntries.value(for: path, stamp: stamp) {
                let file = try? PluginFile(municipality: municipality, name: name, path: path)
                return Entry(
                    municipality: municipality, name: name, title: file?.value["title"]?.string ?? name,
                    reviewMarks: file.map { ReviewUnit.units(in: $0.value).filter(\.isSuggestion).count })
            }
        }
        return entries.sorted { left, right in
            let leftDraft = (left.reviewMarks ?? 1) > 0
            let rightDraft = (right.reviewMarks ?? 1) > 0
            if leftDraft != rightDraft { return leftDraft }
            return (left.municipality, left.name) < (right.municipality, right.name)
        }
    }

    /// The programme files in the folder's listing, by name only: nothing is read.
    private func files() -> [(municipality: String, name: String, path: String)] {
        names(in: directory).filter { isFolder(join(directory, $0)) }.flatMap { folder in
            names(in: join(directory, folder)).filter { name in
                name.hasSuffix(".yaml") && name != PluginLoader.municipalityFileName && isRegularFile(join(join(directory, folder), name))
            }.map { (folder, $0, join(join(directory, folder), $0)) }
        }
    }

    /// The plugin file a request names, when the folder's listing has one by that name; only that file is read.
    public func file(municipality: String, name: String) throws(ReviewError) -> PluginFile {
        guard let found = files().first(where: { $0.municipality == municipality && $0.name == name }) else {
            throw ReviewError(
                LocalizedText(
                    nl: "er is geen programmabestand met die naam in \(directory)", en: "there is no programme file by that name in \(directory)"))
        }
        return try PluginFile(municipality: found.municipality, name: found.name, path: found.path)
    }

    /// What `validate` finds, quotes included: the problems of `file`, and how many errors the other files have.
    public struct Check: Sendable {
        public var problems: [Diagnostic]
        public var otherErrors: Int
        public var taxonomy: Taxonomy?
        public var errors: [Diagnostic] { problems.filter { $0.severity == .error } }
    }

    /// The same checks as `validate`, quotes included, over the whole folder: `file`'s own folder is read
    /// again, every other folder only when one of its files changed since the last check (`folderOutcomes`),
    /// so a change costs one municipality, not all of them. The outcome is what a whole `validate` finds,
    /// for every check of a programme stays inside its municipality's folder.
    public func check(_ file: PluginFile) -> Check {
        let loader = PluginLoader()
        let (folders, folderProblems) = loader.checkedPluginFolders(in: directory)
        // Taken before the taxonomy is read, so that a change while reading makes the next check read it again.
        let taxonomyStamp = FileStamp(path: taxonomyPath, name: PluginLoader.taxonomyFileName).map { [$0] } ?? []
        let own = folders.contains(file.municipality) ? checked(folder: file.municipality, loader: loader) : nil
        guard own?.loaded.taxonomy != nil else {
            let loaded = loader.load(directory: directory)
            return Check(problems: [], otherErrors: loaded.errors.count, taxonomy: loaded.taxonomy)
        }
        let others = ParallelResults.compute(count: folders.count) { index -> FolderOutcome? in
            guard folders[index] != file.municipality else { return nil }
            let path = join(directory, folders[index])
            return folderOutcomes.value(for: folders[index], stamp: FileStamp.folder(path) + taxonomyStamp) {
                let folder = checked(folder: folders[index], loader: loader, taxonomy: own?.loaded.taxonomy)
                return FolderOutcome(
                    municipalities: folder.loaded.municipalities, errors: folder.diagnostics.filter { $0.severity == .error }.count)
            }
        }
        var municipalities: [Municipality] = []
        var otherErrors = folderProblems.filter { $0.severity == .error }.count
        for (folder, outcome) in zip(folders, others) {
            if let outcome {
                municipalities += outcome.municipalities
                otherErrors += outcome.errors
            } else if let own, folder == file.municipality {
                municipalities += own.loaded.municipalities
                otherErrors += own.diagnostics.filter { !isSameFile($0.file, file.path) && $0.severity == .error }.count
            }
        }
        otherErrors += loader.duplicateMunicipalities(municipalities, in: directory).filter { $0.severity == .error }.count
        let problems = own?.diagnostics.filter { isSameFile($0.file, file.path) } ?? []
        return Check(problems: problems, otherErrors: otherErrors, taxonomy: own?.loaded.taxonomy)
    }

    /// One plugin folder read and validated on its own, quotes included.
    private func checked(folder: String, loader: PluginLoader, taxonomy: Taxonomy? = nil) -> (loaded: LoadedPlugins, diagnostics: [Diagnostic]) {
        let loaded = loader.load(directory: directory, folder: folder, taxonomy: taxonomy)
        return (loaded, loaded.diagnostics + QuoteChecker(sourcesDirectories: []).run(loaded.programmes).diagnostics)
    }

    /// The text of the programme's source document, from its plugin folder's `sources/`, as `validate` finds it.
    public func sourceText(of file: PluginFile) -> String? {
        guard let source = file.value["source"]?.string else { return nil }
        return QuoteChecker(sourcesDirectories: []).sourceText(named: source, pluginDirectory: join(directory, file.municipality))
    }

    /// Imports the whole folder in one transaction, as `import` does, once `file` has no review mark left
    /// and nothing in the folder fails validation; the database is left as it was otherwise.
    public func finish(_ file: PluginFile) throws(ReviewError) -> Catalog {
        let marks = ReviewUnit.units(in: file.value).filter(\.isSuggestion).count
        guard marks == 0 else {
            throw ReviewError(
                LocalizedText(
                    nl: "er zijn nog \(marks) onderdelen niet nagekeken; accepteer, wijzig of verwijder ze eerst",
                    en: "\(marks) parts are not reviewed yet; accept, change or remove them first"))
        }
        var loaded = PluginLoader().load(directory: directory)
        loaded.diagnostics += QuoteChecker(sourcesDirectories: []).run(loaded.programmes).diagnostics
        let catalog: Catalog
        do {
            catalog = try loaded.catalog()
        } catch {
            throw ReviewError(
                LocalizedText(
                    nl: "niets geïmporteerd: de plugins hebben nog \(error.items.count) problemen (zie de lijst)",
                    en: "nothing imported: the plugins still have \(error.items.count) problems (see the list)"))
        }
        do {
            try Store(path: database).replaceAll(with: catalog)
        } catch {
            throw ReviewError(
                LocalizedText(nl: "niets geïmporteerd: \(database): \(error)", en: "nothing imported: \(database): \(error)"))
        }
        return catalog
    }

    private func isSameFile(_ left: String, _ right: String) -> Bool {
        URL(fileURLWithPath: left).standardizedFileURL.path == URL(fileURLWithPath: right).standardizedFileURL.path
    }

    func names(in path: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    func isFolder(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR
    }

    func isRegularFile(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFREG
    }

    func join(_ directory: String, _ name: String) -> String { (directory as NSString).appendingPathComponent(name) }
}
