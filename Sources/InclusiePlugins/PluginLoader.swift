import Foundation
import InclusieModel
import Yams

/// Everything read from a `municipalities/` folder, with every problem found on the way.
public struct LoadedPlugins: Sendable {
    public var taxonomy: Taxonomy?
    public var municipalities: [Municipality]
    public var programmes: [LoadedProgramme]
    public var diagnostics: [Diagnostic]
    /// The term lists of `taxonomy.yaml`, which only drafting uses.
    public var terms = TaxonomyTerms()

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    /// The catalog to import, or all the errors that stand in the way.
    public func catalog() throws(Diagnostics) -> Catalog {
        guard errors.isEmpty, let taxonomy else { throw Diagnostics(errors) }
        return Catalog(taxonomy: taxonomy, municipalities: municipalities, programmes: programmes.map(\.programme))
    }
}

/// Reads the taxonomy and every municipality plugin folder, and checks them against each other.
///
/// Reports every problem it can find in one go rather than stopping at the first, so a user fixing a
/// plugin does not have to run the tool once per mistake.
public struct PluginLoader: Sendable {
    public static let taxonomyFileName = "taxonomy.yaml"
    public static let municipalityFileName = "municipality.yaml"

    private let kinds: ProgrammeKinds

    public init(kinds: ProgrammeKinds = ProgrammeKinds()) {
        self.kinds = kinds
    }

    /// The files a load reads, so callers can tell whether a database is older than its plugins: the
    /// taxonomy and the YAML files directly inside each plugin folder (not what lies in `sources/`).
    ///
    /// Every `compare` asks this before it reads the database, for thousands of folders: they are listed
    /// with the C library's `readdir`, which costs a fraction of `FileManager.contentsOfDirectory`.
    public static func pluginFiles(in directory: String) -> [String] {
        /// `folder/name` without bridging to NSString for each of thousands of names.
        func inside(_ folder: String, _ name: String) -> String {
            folder.hasSuffix("/") ? folder + name : folder + "/" + name
        }
        var files: [String] = []
        for entry in (names(in: directory) ?? []).sorted() {
            let path = inside(directory, entry)
            if entry.hasSuffix(".yaml") || entry.hasSuffix(".yml") {
                files.append(path)
            } else if let names = names(in: path) {
                files += names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map { inside(path, $0) }
            }
        }
        return files
    }

    /// The names in a folder, without `.` and `..`; nil when `path` is no folder that can be read.
    private static func names(in path: String) -> [String]? {
        guard let folder = opendir(path) else { return nil }
        defer { closedir(folder) }
        var names: [String] = []
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// When a file was last changed, in seconds since 1970; nil when it cannot be read. One system call,
    /// because a `compare` asks this of every plugin file before it reads the database.
    public static func modificationTime(of path: String) -> Double? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        #if os(Linux)
            return Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1_000_000_000
        #else
            return Double(info.st_mtimespec.tv_sec) + Double(info.st_mtimespec.tv_nsec) / 1_000_000_000
        #endif
    }

    public func load(directory: String) -> LoadedPlugins {
        var result = taxonomy(in: directory)
        guard result.taxonomy != nil else { return result }
        let (folders, folderProblems) = checkedPluginFolders(in: directory)
        result.diagnostics += folderProblems
        for part in loadFolders(folders, in: directory) {
            result.municipalities += part.municipalities
            result.programmes += part.programmes
            result.diagnostics += part.diagnostics
        }
        result.diagnostics += duplicateMunicipalities(result.municipalities, in: directory)
        if result.municipalities.isEmpty && result.errors.isEmpty {
            result.diagnostics.append(
                Diagnostic(
                    file: directory,
                    message: LocalizedText(
                        nl: "geen mappen met gemeente-plugins gevonden", en: "no municipality plugin folders found"),
                    fix: LocalizedText(
                        nl: "voeg een map <slug>/ toe met municipality.yaml en een programmabestand (zie docs/plugin-format.md)",
                        en: "add a folder <slug>/ with municipality.yaml and a programme file (see docs/plugin-format.md)")))
        }
        if let taxonomy = result.taxonomy {
            result.diagnostics += ProgrammeValidator(taxonomy: taxonomy).validate(result.programmes)
        }
        return result
    }

    /// One plugin folder read and checked on its own, with the taxonomy: what a whole load finds in that
    /// folder's files, for every check of a programme stays inside its municipality (ids and labels are
    /// unique per municipality). The review app checks the folder it changes this way, not all of them.
    /// What only the whole folder shows is `checkedPluginFolders` and `duplicateMunicipalities`. With
    /// `taxonomy` given (read for an earlier folder), `taxonomy.yaml` is not read again.
    public func load(directory: String, folder: String, taxonomy given: Taxonomy? = nil) -> LoadedPlugins {
        var result = given.map { LoadedPlugins(taxonomy: $0, municipalities: [], programmes: [], diagnostics: []) } ?? taxonomy(in: directory)
        guard let taxonomy = result.taxonomy else { return result }
        loadFolder(slug: folder, path: join(directory, folder), into: &result)
        result.diagnostics += ProgrammeValidator(taxonomy: taxonomy).validate(result.programmes)
        return result
    }

    /// The taxonomy, or the problem that stops every load.
    private func taxonomy(in directory: String) -> LoadedPlugins {
        var result = LoadedPlugins(taxonomy: nil, municipalities: [], programmes: [], diagnostics: [])
        let taxonomyPath = join(directory, Self.taxonomyFileName)
        guard let taxonomyText = readCheckedText(taxonomyPath, into: &result.diagnostics) else { return result }
        do {
            result.taxonomy = try TaxonomyReader.read(yaml: taxonomyText)
            result.terms = try TaxonomyReader.readTerms(yaml: taxonomyText)
        } catch {
            result.diagnostics.append(YAMLDiagnostics.diagnostic(for: error, file: taxonomyPath, yaml: taxonomyText))
        }
        return result
    }

    /// The folders that are plugins, and a word on every folder that is not read: a folder name is the
    /// municipality's slug, so one that breaks the slug rule is an error, and a hidden one is mentioned.
    public func checkedPluginFolders(in directory: String) -> ([String], [Diagnostic]) {
        let manager = FileManager.default
        let entries = (try? manager.contentsOfDirectory(atPath: directory)) ?? []
        let folders = entries.filter { entry in
            var isDirectory: ObjCBool = false
            return manager.fileExists(atPath: join(directory, entry), isDirectory: &isDirectory) && isDirectory.boolValue
        }.sorted()
        var problems: [Diagnostic] = []
        let linked = Set(folders.filter { isSymbolicLink(join(directory, $0)) })
        for folder in linked.sorted() {
            problems.append(
                Diagnostic(
                    file: join(directory, folder),
                    message: LocalizedText(
                        nl: "deze pluginmap is een symbolische koppeling naar een andere plek",
                        en: "this plugin folder is a symbolic link to another place"),
                    fix: LocalizedText(
                        nl: "zet de map zelf in \(directory) (kopieer of verplaats haar), zodat alles wat wordt ingelezen op één plek staat",
                        en: "put the folder itself in \(directory) (copy or move it), so that everything read is in one place")))
        }
        for folder in folders where folder.hasPrefix(".") {
            problems.append(
                Diagnostic(
                    .warning, file: join(directory, folder),
                    message: LocalizedText(
                        nl: "verborgen map overgeslagen (de naam begint met een punt)",
                        en: "hidden folder skipped (its name starts with a dot)"),
                    fix: LocalizedText(
                        nl: "is het een gemeente, geef de map dan de slug als naam, zonder punt",
                        en: "if it is a municipality, name the folder by its slug, without the dot")))
        }
        for folder in folders where !folder.hasPrefix(".") && !SlugRule.isValid(folder) {
            problems.append(
                Diagnostic(
                    file: join(directory, folder),
                    message: LocalizedText(
                        nl: "de mapnaam '\(folder)' is geen geldige slug", en: "the folder name '\(folder)' is not a valid slug"),
                    fix: LocalizedText(nl: "hernoem de map; \(SlugRule.advice.nl)", en: "rename the folder; \(SlugRule.advice.en)")))
        }
        return (folders.filter { !$0.hasPrefix(".") && SlugRule.isValid($0) && !linked.contains($0) }, problems)
    }

    private func isSymbolicLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }

    /// Two folders for one municipality (a copy under another slug) would show its programmes twice in
    /// every view: the same CBS code or the same name is refused in the second folder.
    public func duplicateMunicipalities(_ municipalities: [Municipality], in directory: String) -> [Diagnostic] {
        var byName: [String: String] = [:]
        var byCode: [String: String] = [:]
        var problems: [Diagnostic] = []
        for municipality in municipalities {
            let file = join(join(directory, municipality.slug), Self.municipalityFileName)
            let nameKey = municipality.name.lowercased().trimmingCharacters(in: .whitespaces)
            let earlier = municipality.cbsCode.flatMap { byCode[$0] } ?? byName[nameKey]
            if let earlier {
                problems.append(
                    Diagnostic(
                        file: file, line: 1,
                        message: LocalizedText(
                            nl: "de gemeente '\(municipality.name)' staat ook in de map \(earlier) (zelfde naam of CBS-code)",
                            en: "the municipality '\(municipality.name)' is also in the folder \(earlier) (same name or CBS code)"),
                        fix: LocalizedText(
                            nl: "houd één map per gemeente; zet al haar programma's in die map en verwijder de andere",
                            en: "keep one folder per municipality; put all its programmes in that folder and remove the other")))
                continue
            }
            byName[nameKey] = municipality.slug
            if let code = municipality.cbsCode { byCode[code] = municipality.slug }
        }
        return problems
    }

    /// Reads the plugin folders on all cores: with hundreds of municipalities, decoding YAML is most of the
    /// time a load takes. Folders do not depend on each other and their results are put together in folder
    /// order, so the outcome is exactly that of reading them one after the other.
    private func loadFolders(_ folders: [String], in directory: String) -> [LoadedPlugins] {
        ParallelResults.compute(count: folders.count) { index in
            var part = LoadedPlugins(taxonomy: nil, municipalities: [], programmes: [], diagnostics: [])
            loadFolder(slug: folders[index], path: join(directory, folders[index]), into: &part)
            return part
        }
    }

    private func loadFolder(slug: String, path: String, into result: inout LoadedPlugins) {
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [])
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        let municipalityPath = join(path, Self.municipalityFileName)
        if !files.contains(Self.municipalityFileName) {
            result.diagnostics.append(
                Diagnostic(
                    file: path,
                    message: LocalizedText(
                        nl: "deze pluginmap heeft geen \(Self.municipalityFileName)",
                        en: "this plugin folder has no \(Self.municipalityFileName)"),
                    fix: LocalizedText(
                        nl: "voeg \(Self.municipalityFileName) toe met slug, name en population (zie docs/plugin-format.md)",
                        en: "add \(Self.municipalityFileName) with slug, name and population (see docs/plugin-format.md)")))
        } else if let text = readCheckedText(municipalityPath, into: &result.diagnostics),
            Placeholders.noneLeft(in: text, file: municipalityPath, into: &result.diagnostics)
        {
            do {
                let municipality = try MunicipalityReader.read(yaml: text)
                if municipality.slug != slug {
                    result.diagnostics.append(
                        Diagnostic(
                            file: municipalityPath, line: 1,
                            message: LocalizedText(
                                nl: "slug '\(municipality.slug)' verschilt van de mapnaam '\(slug)'",
                                en: "slug '\(municipality.slug)' differs from the folder name '\(slug)'"),
                            fix: LocalizedText(nl: "maak ze gelijk", en: "make them the same")))
                }
                for field in TextFieldRules.fields(of: municipality) {
                    if let problem = TextFieldRules.problem(key: field.key, text: field.text, limit: field.limit) {
                        result.diagnostics.append(
                            Diagnostic(file: municipalityPath, line: 1, message: problem.message, fix: problem.fix))
                    }
                }
                result.municipalities.append(municipality)
            } catch {
                result.diagnostics.append(YAMLDiagnostics.diagnostic(for: error, file: municipalityPath, yaml: text))
            }
        }
        let programmeFiles = files.filter { $0 != Self.municipalityFileName }
        if programmeFiles.isEmpty {
            result.diagnostics.append(
                Diagnostic(
                    file: path,
                    message: LocalizedText(
                        nl: "deze pluginmap heeft geen programmabestand", en: "this plugin folder has no programme file"),
                    fix: LocalizedText(
                        nl: "voeg een YAML-bestand met het programma toe dat begint met 'kind:' (zie docs/plugin-format.md)",
                        en: "add a YAML file with the programme, starting with 'kind:' (see docs/plugin-format.md)")))
        }
        for file in programmeFiles {
            let filePath = join(path, file)
            guard let text = readText(filePath, into: &result.diagnostics),
                Placeholders.noneLeft(in: text, file: filePath, into: &result.diagnostics)
            else { continue }
            if let warning = Self.truncationWarning(text, file: filePath) { result.diagnostics.append(warning) }
            do {
                let document = try YAMLDocument.checked(yaml: text, file: filePath)
                let adapter = try adapter(for: document, yaml: text, file: filePath)
                let (programme, lines) = try adapter.read(document, municipalitySlug: slug)
                result.programmes.append(LoadedProgramme(programme: programme, file: filePath, lines: lines))
            } catch let diagnostic as Diagnostic {
                result.diagnostics.append(diagnostic)
            } catch {
                result.diagnostics.append(YAMLDiagnostics.diagnostic(for: error, file: filePath, yaml: text))
            }
        }
    }

    private func adapter(for document: YAMLDocument, yaml: String, file: String) throws -> any ProgrammeAdapter {
        struct KindOnly: Decodable { var kind: String? }
        let known = kinds.all.map(\.id).joined(separator: ", ")
        guard let kind = try document.decode(KindOnly.self).kind else {
            throw Diagnostic(
                file: file, line: 1,
                message: LocalizedText(
                    nl: "het programmabestand zegt niet welke soort programma het is",
                    en: "the programme file does not say its kind"),
                fix: LocalizedText(nl: "begin het met 'kind:' en een van: \(known)", en: "start it with 'kind:' and one of: \(known)"))
        }
        guard let adapter = kinds.adapter(for: kind) else {
            throw Diagnostic(
                file: file, line: YAMLDiagnostics.line(of: [AnyKey(stringValue: "kind")], in: yaml),
                message: LocalizedText(nl: "onbekende soort programma '\(kind)' bij 'kind:'", en: "unknown kind '\(kind)'"),
                fix: LocalizedText(nl: "gebruik een van: \(known)", en: "use one of: \(known)"))
        }
        return adapter
    }

    /// A programme file that does not end with a line break was most likely cut off (a copy or download
    /// that stopped half-way still parses, with the items after the cut silently missing).
    ///
    /// Bytes, not characters: in a file with Windows line ends, "\r\n" is one `Character`, which
    /// `hasSuffix("\n")` does not see.
    static func truncationWarning(_ text: String, file: String) -> Diagnostic? {
        guard let last = text.utf8.last, last != UInt8(ascii: "\n") else { return nil }
        let lastLine = text.utf8.count(where: { $0 == UInt8(ascii: "\n") }) + 1
        return Diagnostic(
            .warning, file: file, line: lastLine,
            message: LocalizedText(
                nl: "het bestand eindigt midden in een regel; is het afgekapt?",
                en: "the file ends in the middle of a line; was it cut off?"),
            fix: LocalizedText(
                nl: "vergelijk het einde met de bron en vul aan wat ontbreekt; eindig het bestand met een regeleinde",
                en: "compare the end with the source and add what is missing; end the file with a line break"))
    }

    /// Reads a small file as UTF-8 text checked by `YAMLSafety`; programme files are checked as they are
    /// composed (`YAMLDocument.checked`).
    private func readCheckedText(_ path: String, into diagnostics: inout [Diagnostic]) -> String? {
        guard let text = readText(path, into: &diagnostics) else { return nil }
        if let problem = YAMLSafety.problem(in: text, file: path) {
            diagnostics.append(problem)
            return nil
        }
        return text
    }

    /// Reads a file as UTF-8 text; anything else is reported, because quotes must match the sources exactly.
    private func readText(_ path: String, into diagnostics: inout [Diagnostic]) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else {
            diagnostics.append(
                Diagnostic(
                    file: path,
                    message: LocalizedText(nl: "bestand niet gevonden of niet leesbaar", en: "file not found or not readable"),
                    fix: LocalizedText(nl: "controleer het pad", en: "check the path")))
            return nil
        }
        guard var text = String(data: data, encoding: .utf8) else {
            let place = YAMLSafety.firstInvalidUTF8(in: data)
            diagnostics.append(
                Diagnostic(
                    file: path, line: place?.line,
                    message: place.map {
                        LocalizedText(
                            nl: "dit bestand is geen UTF-8-tekst (eerste onleesbare byte in kolom \($0.column))",
                            en: "this file is not UTF-8 text (first unreadable byte at column \($0.column))")
                    } ?? LocalizedText(nl: "dit bestand is geen UTF-8-tekst", en: "this file is not UTF-8 text"),
                    fix: LocalizedText(
                        nl: "sla het op als UTF-8 (in de meeste editors: Opslaan als… > Codering: UTF-8)",
                        en: "save it as UTF-8 (in most editors: Save as… > Encoding: UTF-8)")))
            return nil
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return text
    }

    private func join(_ directory: String, _ name: String) -> String {
        (directory as NSString).appendingPathComponent(name)
    }
}
