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

    public var sourcePath: String { (sourcesDirectory as NSString).appendingPathComponent(sourceFile) }
    private var folder: String { (pluginPath as NSString).deletingLastPathComponent }

    public init(source: String, municipality: String, pluginsDirectory: String, out: String?) {
        let base = ((source as NSString).lastPathComponent as NSString).deletingPathExtension
        programmeID = Self.slug(base)
        // A PDF's text is saved as .txt: the plugin's source is what was read, not the PDF.
        sourceFile = programmeID + ".txt"
        self.municipality = municipality
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
    static func slug(_ text: String) -> String {
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

    /// Writes the plugin, the source text, and `municipality.yaml` when the folder has none.
    public func write(plugin: String, text: String, force: Bool) throws(DraftError) {
        let manager = FileManager.default
        if manager.fileExists(atPath: pluginPath) && !force {
            throw DraftError(
                file: pluginPath, message: LocalizedText(nl: "dit bestand bestaat al", en: "this file already exists"),
                fix: LocalizedText(
                    nl: "kies een ander --out, of gebruik --force om het te overschrijven",
                    en: "choose another --out, or use --force to overwrite it"))
        }
        do {
            try manager.createDirectory(atPath: sourcesDirectory, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: sourcePath))
            try Data(plugin.utf8).write(to: URL(fileURLWithPath: pluginPath))
            let municipalityFile = (folder as NSString).appendingPathComponent("municipality.yaml")
            if !manager.fileExists(atPath: municipalityFile) {
                let name = municipality.prefix(1).uppercased() + municipality.dropFirst()
                let yaml = "# Aangemaakt door inclusiebench draft; vul provincie, CBS-code en inwonertal aan.\nslug: \(municipality)\nname: \(name)\n"
                try Data(yaml.utf8).write(to: URL(fileURLWithPath: municipalityFile))
            }
        } catch {
            throw DraftError(
                file: pluginPath, message: LocalizedText(nl: "kon het concept niet schrijven", en: "could not write the draft"),
                fix: LocalizedText(nl: "controleer of de map bestaat en schrijfbaar is", en: "check that the folder exists and is writable"))
        }
    }
}
