import Foundation
import InclusieModel

/// Where a draft goes: the plugin file, the text it was drafted from (its source), and a municipality file.
public struct DraftFiles: Sendable {
    public var pluginPath: String
    /// The folder next to the plugin that holds the text used, so every quote can be checked against it.
    public var sourcesDirectory: String
    public var sourceFile: String
    public var programmeID: String
    public var municipality: String
    /// The folder of all plugins, which holds the taxonomy.
    public var pluginsDirectory: String
    /// Whether the user chose the plugin's place with `--out`.
    private var outGiven: Bool

    public var sourcePath: String { (sourcesDirectory as NSString).appendingPathComponent(sourceFile) }
    private var folder: String { (pluginPath as NSString).deletingLastPathComponent }

    public init(source: String, municipality: String, pluginsDirectory: String, out: String?) {
        let base = ((source as NSString).lastPathComponent as NSString).deletingPathExtension
        programmeID = Self.slug(base)
        // A PDF's text is saved as .txt: the plugin's source is what was read, not the PDF.
        sourceFile = programmeID + ".txt"
        self.municipality = municipality
        self.pluginsDirectory = pluginsDirectory
        outGiven = out != nil
        pluginPath = out ?? ((pluginsDirectory as NSString).appendingPathComponent(municipality) as NSString)
            .appendingPathComponent(programmeID + ".yaml")
        sourcesDirectory = (((out ?? pluginPath) as NSString).deletingLastPathComponent as NSString)
            .appendingPathComponent("sources")
    }

    public static func isSlug(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 60 && text.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }
            && !text.hasPrefix("-") && !text.hasSuffix("-")
    }

    /// Lower-case ASCII letters and digits with dashes, from a file name.
    public static func slug(_ text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        var slug = ""
        for character in folded {
            if character.isASCII && (character.isLetter || character.isNumber) {
                slug.append(character)
            } else if !slug.isEmpty && slug.last != "-" {
                slug.append("-")
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug.isEmpty ? "concept" : String(slug.prefix(60))
    }

    public static func today() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date())
    }

    /// The municipality's name from its plugin if it has one, else its slug with a capital.
    public func municipalityName(existing: [Municipality]) -> String {
        existing.first { $0.slug == municipality }?.name ?? municipality.prefix(1).uppercased() + municipality.dropFirst()
    }

    /// Refuses, before anything is read or drafted, what `write` would refuse without knowing the text: a
    /// protected or existing plugin target, and folders that are links.
    public func checkTargets(force: Bool, database: String, document: String) throws(OutputFile.Refusal) {
        try checkFolders()
        try OutputFile.checkTarget(
            pluginPath, protecting: [database], alsoProtecting: protectedFiles(document: document),
            existing: force ? .replace : .keepUnlessIdentical(advice: Self.pluginAdvice))
        try OutputFile.checkTarget(sourcePath, protecting: [database], alsoProtecting: otherFiles)
    }

    /// Writes the source text, the plugin, and `municipality.yaml` when the folder has none; returns the
    /// paths written.
    ///
    /// Every file goes through `OutputFile`, as `report` and `export` write theirs: never the database, the
    /// taxonomy, the document itself or any SQLite file, never a device, FIFO or folder, never through a link
    /// (the target, the municipality folder or its `sources/`). Without `force` no existing file is replaced:
    /// a source with the same text is kept as it is; with other text it is refused, for it may be a curated
    /// document of another programme (a 6 KB excerpt once replaced a 39 KB source). When a later file is
    /// refused, the files this call created are removed again.
    @discardableResult
    public func write(plugin: String, text: String, force: Bool, database: String, document: String) throws(OutputFile.Refusal) -> [String] {
        let protected = protectedFiles(document: document)
        try checkFolders()
        try OutputFile.checkTarget(
            sourcePath, protecting: [database], alsoProtecting: otherFiles,
            existing: force ? .replace : .keepUnlessIdentical(advice: Self.sourceAdvice), data: Data(text.utf8))
        try OutputFile.checkTarget(
            pluginPath, protecting: [database], alsoProtecting: protected,
            existing: force ? .replace : .keepUnlessIdentical(advice: Self.pluginAdvice))
        do {
            try FileManager.default.createDirectory(atPath: sourcesDirectory, withIntermediateDirectories: true)
        } catch {
            throw OutputFile.Refusal(
                message: LocalizedText(
                    nl: "\(sourcesDirectory): kon de map niet maken — controleer of de map erboven bestaat en schrijfbaar is",
                    en: "\(sourcesDirectory): could not create the folder — check that the folder above exists and is writable"))
        }
        // Checked again now that the folders exist: one may have been made a link in the meantime.
        try checkFolders()
        var created: [String] = []
        do {
            let source = try OutputFile.write(
                Data(text.utf8), to: sourcePath, protecting: [database], alsoProtecting: otherFiles,
                existing: force ? .replace : .keepUnlessIdentical(advice: Self.sourceAdvice))
            if source == .written { created.append(sourcePath) }
            try OutputFile.write(
                Data(plugin.utf8), to: pluginPath, protecting: [database], alsoProtecting: protected,
                existing: force ? .replace : .keepUnlessIdentical(advice: Self.pluginAdvice))
            created.append(pluginPath)
            var status = stat()
            if lstat(municipalityFile, &status) != 0 {
                let name = municipality.prefix(1).uppercased() + municipality.dropFirst()
                let yaml = "# Aangemaakt door inclusiebench draft; vul provincie, CBS-code en inwonertal aan.\nslug: \(municipality)\nname: \(name)\n"
                try OutputFile.write(
                    Data(yaml.utf8), to: municipalityFile, protecting: [database], alsoProtecting: otherFiles,
                    existing: .keepUnlessIdentical(advice: Self.pluginAdvice))
                created.append(municipalityFile)
            }
        } catch {
            // Only a fresh file is taken back; one replaced with --force is gone either way.
            if !force { for path in created { unlink(path) } }
            throw error
        }
        return created
    }

    private var municipalityFile: String { (folder as NSString).appendingPathComponent("municipality.yaml") }

    /// Files no plugin replaces, even with `--force`: the taxonomy, the municipality's own file, the document.
    private func protectedFiles(document: String) -> [OutputFile.ProtectedFile] {
        otherFiles + [
            .document(document),
            OutputFile.ProtectedFile(path: municipalityFile, name: LocalizedText(nl: "het gemeentebestand", en: "the municipality file")),
        ]
    }

    /// Files neither the source text nor a new `municipality.yaml` replaces. The document itself may already
    /// be its own source (a text put in `sources/` first): with the same bytes it is kept.
    private var otherFiles: [OutputFile.ProtectedFile] {
        [.taxonomy((pluginsDirectory as NSString).appendingPathComponent("taxonomy.yaml"))]
    }

    /// The folders a draft writes in must be real folders: the municipality's (unless `--out` names another
    /// place) and the `sources/` folder beside the plugin.
    private func checkFolders() throws(OutputFile.Refusal) {
        if !outGiven { try OutputFile.checkFolder(folder) }
        try OutputFile.checkFolder(sourcesDirectory)
    }

    private static let pluginAdvice = LocalizedText(
        nl: "kies een ander --out, of gebruik --force om het te vervangen", en: "choose another --out, or use --force to replace it")

    private static let sourceAdvice = LocalizedText(
        nl: "het is de bron van een ander document met dezelfde naam: geef het document een andere naam of kies een ander --out, of gebruik --force om de bron te vervangen",
        en: "it is the source of another document with the same name: rename the document or choose another --out, or use --force to replace the source")
}
