import Foundation
import InclusieModel

/// Checks that every evidence quote occurs in its source document, and warns about item quotes that pin
/// down little (`WeakQuoteCheck`).
///
/// Differences that copying from a PDF or a word processor introduces are ignored: white space and line
/// breaks, and typographic versus straight quotes. Everything else must match, spelling errors included.
///
/// A programme's source is looked up in the folder `sources/` next to its plugin file first, then in each
/// folder given to the checker, in order: so a user's own municipality can carry its document with it,
/// and the bundled ones can still be checked against a shared folder. Each source is read, normalised and
/// indexed once, however many quotes cite it.
public struct QuoteChecker: Sendable {
    /// The folder beside a plugin's files that holds its source documents.
    public static let pluginSourcesFolder = "sources"

    private let sourcesDirectories: [String]

    public init(sourcesDirectories: [String]) {
        self.sourcesDirectories = sourcesDirectories
    }

    public init(sourcesDirectory: String) {
        self.init(sourcesDirectories: [sourcesDirectory])
    }

    /// What a check found, and which programmes it could not check for want of a source.
    public struct Outcome: Sendable {
        public var diagnostics: [Diagnostic] = []
        /// Keys of the programmes whose quotes were checked.
        public var checked: [String] = []
        /// Keys of the programmes with no source in any folder; only possible when no folder was given.
        public var unchecked: [String] = []
    }

    public func check(_ programmes: [LoadedProgramme]) -> [Diagnostic] {
        run(programmes).diagnostics
    }

    public func run(_ programmes: [LoadedProgramme]) -> Outcome {
        // First, in order, where each programme's source is; then each source is read, indexed and checked
        // against all its programmes on its own core; last, everything is put together in programme order.
        var located: [Located] = []
        var programmesBySource: [String: [Int]] = [:]
        var sourceOrder: [String] = []
        for (index, loaded) in programmes.enumerated() {
            let place = locate(loaded)
            if case .found(let path) = place {
                if programmesBySource[path] == nil { sourceOrder.append(path) }
                programmesBySource[path, default: []].append(index)
            }
            located.append(place)
        }
        let sources = sourceOrder
        let programmesOfSource = programmesBySource
        let checks = ParallelResults<[(programme: Int, check: SourceCheck)]>.compute(count: sources.count) { sourceNumber in
            let path = sources[sourceNumber]
            let index = FileManager.default.contents(atPath: path)
                .flatMap { String(data: $0, encoding: .utf8) }.map(SourceIndex.init(text:))
            return (programmesOfSource[path] ?? []).map { number in
                let loaded = programmes[number]
                guard let index else { return (number, .unreadable(Self.unreadable(path, for: loaded))) }
                return (number, .checked(check(loaded, against: index) + WeakQuoteCheck.check(loaded, against: index)))
            }
        }
        var checkOf: [Int: SourceCheck] = [:]
        for (number, check) in checks.joined() {
            checkOf[number] = check
        }
        var outcome = Outcome()
        for (number, place) in located.enumerated() {
            switch place {
            case .skipped: continue
            case .unchecked: outcome.unchecked.append(programmes[number].programme.key)
            case .problem(let diagnostic): outcome.diagnostics.append(diagnostic)
            case .found:
                switch checkOf[number] {
                case .unreadable(let diagnostic)?:
                    outcome.diagnostics.append(diagnostic)
                case .checked(let diagnostics)?:
                    outcome.checked.append(programmes[number].programme.key)
                    outcome.diagnostics += diagnostics
                case nil:
                    continue
                }
            }
        }
        return outcome
    }

    /// What checking one programme against its source found.
    private enum SourceCheck {
        case unreadable(Diagnostic)
        case checked([Diagnostic])
    }

    /// Where a programme's source document stands, or why it is not checked.
    private enum Located {
        /// A source that is no plain name inside its folder: the validator reports it, and it is never read.
        case skipped
        /// No folder to look in.
        case unchecked
        case problem(Diagnostic)
        case found(path: String)
    }

    private func locate(_ loaded: LoadedProgramme) -> Located {
        let programme = loaded.programme
        guard Self.isConfinedName(programme.sourceFile) else { return .skipped }
        let folders = folders(for: loaded)
        guard !folders.isEmpty else { return .unchecked }
        let found: (folder: String, path: String)?
        do {
            found = try locate(programme.sourceFile, in: folders)
        } catch {
            return .problem(
                Self.sourceProblem(
                    loaded,
                    LocalizedText(
                        nl: "bron '\(programme.sourceFile)' is een koppeling naar een bestand buiten \(error.folder)",
                        en: "source '\(programme.sourceFile)' links to a file outside \(error.folder)"),
                    fix: LocalizedText(
                        nl: "zet het brondocument zelf in de bronnenmap, niet een snelkoppeling ernaar",
                        en: "put the document itself in the sources folder, not a link to it")))
        }
        guard let found else {
            let searched = folders.joined(separator: ", ")
            return .problem(
                Self.sourceProblem(
                    loaded,
                    LocalizedText(
                        nl: "bron '\(programme.sourceFile)' niet gevonden in \(searched)",
                        en: "source '\(programme.sourceFile)' not found in \(searched)"),
                    fix: LocalizedText(
                        nl: "controleer of 'source:' de bestandsnaam van het document noemt, en zet het document in \(Self.pluginFolder(of: loaded)) of geef de map met --sources",
                        en: "check 'source:' names the document's file, and put the document in \(Self.pluginFolder(of: loaded)) or give its folder with --sources")))
        }
        return .found(path: found.path)
    }

    private static func unreadable(_ path: String, for loaded: LoadedProgramme) -> Diagnostic {
        sourceProblem(
            loaded,
            LocalizedText(nl: "bron \(path) is niet leesbaar als UTF-8-tekst", en: "source \(path) cannot be read as UTF-8 text"),
            fix: LocalizedText(
                nl: "sla het document op als platte tekst in UTF-8 (.txt)", en: "save the document as plain UTF-8 text (.txt)"))
    }

    /// A problem with a programme's source document, reported at its `source:` line.
    private static func sourceProblem(_ loaded: LoadedProgramme, _ message: LocalizedText, fix: LocalizedText) -> Diagnostic {
        Diagnostic(file: loaded.file, line: loaded.lines.source, message: message, fix: fix)
    }

    /// Every quote of one programme that its source lacks, each at the quote's own line.
    private func check(_ loaded: LoadedProgramme, against index: SourceIndex) -> [Diagnostic] {
        let programme = loaded.programme
        var diagnostics: [Diagnostic] = []
        /// Reports every quote of `evidence` the source lacks; `what` names its owner in Dutch and English.
        /// Both names are only made for a quote that is missing.
        func check(_ evidence: [Evidence], part: @autoclosure () -> String, what: @autoclosure () -> LocalizedText) {
            for (number, quote) in evidence.map(\.quote).enumerated() where !index.contains(quote) {
                let what = what()
                var nearest = LocalizedText(nl: "", en: "")
                if let passage = index.closestPassage(to: quote) {
                    let differences = passage.describe()
                    nearest = LocalizedText(
                        nl: "; het dichtst erbij staat in de bron «\(passage.text)»" + (differences.nl.isEmpty ? "" : " (\(differences.nl))"),
                        en: "; the closest passage in the source is «\(passage.text)»" + (differences.en.isEmpty ? "" : " (\(differences.en))"))
                }
                diagnostics.append(
                    Diagnostic(
                        file: loaded.file, line: loaded.lines.quote(number, of: part()),
                        message: LocalizedText(
                            nl: "citaat van \(what.nl) niet gevonden in \(programme.sourceFile): «\(quote)»\(nearest.nl)",
                            en: "quote of \(what.en) not found in \(programme.sourceFile): «\(quote)»\(nearest.en)"),
                        fix: LocalizedText(
                            nl: "neem de woorden precies over uit de bron (ook de spelling)",
                            en: "copy the words exactly from the source (spelling included)")))
            }
        }
        check(programme.evidence, part: "programme", what: LocalizedText(nl: "het programma", en: "the programme"))
        for item in programme.items {
            check(
                item.evidence, part: "item:\(item.localID)",
                what: LocalizedText(nl: "onderdeel '\(item.localID)'", en: "item '\(item.localID)'"))
        }
        for partner in programme.partners {
            check(
                partner.evidence, part: "partner:\(partner.localID)",
                what: LocalizedText(nl: "partner '\(partner.localID)'", en: "partner '\(partner.localID)'"))
        }
        switch programme.budget {
        case .lines(let lines, _, let evidence):
            check(evidence, part: "budget", what: LocalizedText(nl: "de begroting", en: "the budget"))
            for line in lines {
                check(
                    line.evidence, part: "budget:\(line.localID)",
                    what: LocalizedText(nl: "begrotingsregel '\(line.localID)'", en: "budget line '\(line.localID)'"))
            }
        case .none(_, let evidence):
            check(
                evidence, part: "budget",
                what: LocalizedText(nl: "de vermelding dat er geen begroting is", en: "the budget statement"))
        case .unknown:
            break
        }
        return diagnostics
    }

    /// The folders to look for a programme's source in: its plugin's `sources/` when there is one, then
    /// the folders given.
    /// The text of a programme's source document, found where `run` would look for it, for search.
    ///
    /// `pluginDirectory` is the programme's plugin folder (`municipalities/<slug>`). Nil when the
    /// document is in no folder, is no plain file name, leads outside its folder or is not UTF-8 text.
    public func sourceText(named sourceFile: String, pluginDirectory: String) -> String? {
        guard Self.isConfinedName(sourceFile) else { return nil }
        let own = (pluginDirectory as NSString).appendingPathComponent(Self.pluginSourcesFolder)
        guard let found = try? locate(sourceFile, in: folders(own: own)) else { return nil }
        return FileManager.default.contents(atPath: found.path).flatMap { String(data: $0, encoding: .utf8) }
    }

    private func folders(for loaded: LoadedProgramme) -> [String] {
        folders(own: Self.pluginFolder(of: loaded))
    }

    private func folders(own: String) -> [String] {
        var isDirectory: ObjCBool = false
        let hasOwn = FileManager.default.fileExists(atPath: own, isDirectory: &isDirectory) && isDirectory.boolValue
        return (hasOwn ? [own] : []) + sourcesDirectories.filter { $0 != own }
    }

    private static func pluginFolder(of loaded: LoadedProgramme) -> String {
        ((loaded.file as NSString).deletingLastPathComponent as NSString).appendingPathComponent(pluginSourcesFolder)
    }

    /// A source that a folder holds, but that is a link to a file outside it.
    private struct EscapingLink: Error {
        var folder: String
    }

    /// The first folder that has the file, refusing a file that resolves to a place outside its folder.
    private func locate(_ name: String, in folders: [String]) throws(EscapingLink) -> (folder: String, path: String)? {
        for folder in folders {
            let path = (folder as NSString).appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
                continue
            }
            let resolvedFolder = URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
            let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
            guard resolved.hasPrefix(resolvedFolder + "/") else { throw EscapingLink(folder: folder) }
            return (folder, path)
        }
        return nil
    }

    /// Whether `source:` names a file inside the sources folder: a plain name, or a relative path without
    /// `..`, so that no plugin can make the tool read (and leak through which quotes match) another file.
    public static func isConfinedName(_ source: String) -> Bool {
        let parts = source.split(separator: "/", omittingEmptySubsequences: false)
        return !source.isEmpty && !source.hasPrefix("/") && !source.hasPrefix("~") && !source.contains("\\")
            && !source.contains("\0") && parts.allSatisfy { !$0.isEmpty && $0 != ".." && $0 != "." }
    }

    /// Folds typographic quotes to straight ones and every run of white space to one space, in Unicode's
    /// composed form (NFC), so that equal text is equal bytes.
    ///
    /// Every source and every quote passes here, so it walks Unicode scalars with a shortcut for ASCII
    /// rather than grapheme clusters. Only text with a scalar that composition can change is composed by
    /// Foundation: Dutch letters with accents (below U+0300), dashes, the euro sign and the like are
    /// composed already, in any order (Unicode's NFC quick check says "yes" for each of them).
    public static func normalise(_ text: String) -> String {
        var folded: [UInt8] = []
        folded.reserveCapacity(text.utf8.count)
        var spaceOwed = false
        var isComposed = true
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let isSpace = value < 0x80 ? value == 0x20 || (0x09...0x0D).contains(value) : scalar.properties.isWhitespace
            if isSpace {
                spaceOwed = !folded.isEmpty
                continue
            }
            if spaceOwed {
                folded.append(0x20)
                spaceOwed = false
            }
            switch value {
            case 0..<0x80: folded.append(UInt8(value))
            case 0x2018, 0x2019, 0x201A, 0x2032: folded.append(UInt8(ascii: "'"))
            case 0x201C, 0x201D, 0x201E, 0x2033: folded.append(UInt8(ascii: "\""))
            default:
                if value >= 0x300 && !(0x2002...0x20CF).contains(value) { isComposed = false }
                folded.append(contentsOf: scalar.utf8)
            }
        }
        let result = String(decoding: folded, as: UTF8.self)
        return isComposed ? result : result.precomposedStringWithCanonicalMapping
    }

    /// The words of a normalised text: split at its single spaces, as bytes, since a word is compared
    /// byte for byte and grapheme clusters would only cost time. Read from the text's own buffer: splitting
    /// its `utf8` view made a substring and a string of each, the largest part of indexing a source.
    static func words(ofNormalised text: String) -> [String] {
        var text = text
        return text.withUTF8 { bytes in
            var words: [String] = []
            var start = 0
            for end in 0...bytes.count where end == bytes.count || bytes[end] == UInt8(ascii: " ") {
                if end > start {
                    words.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
                }
                start = end + 1
            }
            return words
        }
    }
}
