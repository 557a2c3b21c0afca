import Crypto
import Foundation
import InclusieModel
import InclusiePlugins

/// One programme file in the review, as it was read: its bytes, their digest and their tree.
///
/// A change is written only over the bytes it was made against: the page carries the digest it was shown
/// (`version`), and a save whose file has other bytes by then (an editor saved it, another tab wrote it) is
/// refused instead of overwriting that work.
public struct PluginFile: Sendable {
    /// The municipality's slug: the folder the file stands in.
    public let municipality: String
    /// The file's name in that folder.
    public let name: String
    public let path: String
    public let bytes: Data
    /// The SHA-256 of `bytes`, in hex.
    public let version: String
    public let value: YAMLValue
    /// The file's own list indentation and blank lines, which a save keeps.
    public let layout: YAMLValueWriter.Layout

    /// Plugin files are a few hundred KB at most (the largest bundled one is 90 KB).
    static let maximumBytes = 4 << 20

    /// Reads a plugin file; refuses a link, anything but a regular file, and a file too large to be a plugin.
    public init(municipality: String, name: String, path: String) throws(ReviewError) {
        var status = stat()
        guard lstat(path, &status) == 0 else {
            throw ReviewError(LocalizedText(nl: "\(name) bestaat niet (meer)", en: "\(name) does not exist (any more)"))
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            throw ReviewError(
                LocalizedText(
                    nl: "\(name) is geen gewoon bestand (een symbolische koppeling?); de review opent en schrijft alleen gewone bestanden",
                    en: "\(name) is not a regular file (a symbolic link?); the review only opens and writes regular files"))
        }
        guard status.st_size <= Self.maximumBytes, let bytes = FileManager.default.contents(atPath: path) else {
            throw ReviewError(LocalizedText(nl: "\(name) is te groot of niet leesbaar", en: "\(name) is too large or not readable"))
        }
        guard var text = String(data: bytes, encoding: .utf8) else {
            throw ReviewError(
                LocalizedText(nl: "\(name) is geen UTF-8-tekst; sla het op als UTF-8", en: "\(name) is not UTF-8 text; save it as UTF-8"))
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        self.municipality = municipality
        self.name = name
        self.path = path
        self.bytes = bytes
        version = Self.digest(bytes)
        value = try YAMLValue(yaml: text)
        layout = YAMLValueWriter.Layout(of: text)
    }

    public static func digest(_ bytes: Data) -> String {
        SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }

    /// Whether the file has comment lines, which a save does not keep.
    public var hasComments: Bool {
        String(decoding: bytes, as: UTF8.self).split(separator: "\n").contains { $0.drop { $0 == " " }.hasPrefix("#") }
    }

    /// The file as the review's history knows it: `municipality/name`.
    var key: String { "\(municipality)/\(name)" }

    /// The `key` of the programme in this file (`slug/id`), as `serve` addresses its page.
    public var programmeKey: String? { value["id"]?.string.map { "\(municipality)/\($0)" } }

    /// Writes `value` in place of this file, atomically, when the file on disk still has the bytes this was
    /// read with; returns the file as written, read back.
    ///
    /// The text is read back before it is put in place and must mean exactly `value`: a writer slip can never
    /// turn a review into a different plugin. `OutputFile` writes a temporary file in the same folder and
    /// renames it over the old one, never through a link and never over the taxonomy.
    public func saving(_ value: YAMLValue, taxonomy: String) throws(ReviewError) -> PluginFile {
        let text = YAMLValueWriter.yaml(value, layout: layout)
        guard let reread = try? YAMLValue(yaml: text), reread.meaning == value.meaning else {
            throw ReviewError(
                LocalizedText(
                    nl: "deze wijziging kon niet als geldige YAML worden geschreven; er is niets opgeslagen",
                    en: "this change could not be written as valid YAML; nothing was saved"))
        }
        return try replacing(with: Data(text.utf8), taxonomy: taxonomy)
    }

    /// Puts other bytes in place of this file, whole: an earlier version (an undo), or a new draft of its
    /// source in another kind. On the same terms as `saving`: only over the bytes this was read with,
    /// atomically, and only when they are a plugin's YAML.
    func replacing(with bytes: Data, taxonomy: String) throws(ReviewError) -> PluginFile {
        guard (try? YAMLValue(yaml: String(decoding: bytes, as: UTF8.self))) != nil else {
            throw ReviewError(LocalizedText(nl: "de nieuwe versie is geen geldige YAML", en: "the new version is not valid YAML"))
        }
        guard FileManager.default.contents(atPath: path).map(Self.digest) == version else { throw Self.changedOnDisk(name) }
        do {
            try OutputFile.write(bytes, to: path, alsoProtecting: [.taxonomy(taxonomy)], existing: .replace)
        } catch {
            throw ReviewError(error.message)
        }
        return try PluginFile(municipality: municipality, name: name, path: path)
    }

    static func changedOnDisk(_ name: String) -> ReviewError {
        ReviewError(
            LocalizedText(
                nl: "\(name) is op de schijf veranderd sinds deze pagina werd geopend; er is niets overschreven. Laad de pagina opnieuw en doe de wijziging nog eens.",
                en: "\(name) changed on disk since this page was opened; nothing was overwritten. Reload the page and make the change again."))
    }
}
