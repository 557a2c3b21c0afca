import Foundation

/// Writes a `YAMLValue` in the layout `draft` writes and people edit: two spaces per level, list items
/// indented under their key, short id lists on one line, one value per line, never wrapped.
///
/// A small writer over the plain tree rather than Yams' emitter: libyaml writes block lists flush with
/// their key (`key:\n- a`) and wraps long lines, so the first save of a draft or a hand-made plugin would
/// change nearly every line. This one changes only what was edited (a file's comments excepted, and texts
/// in other block styles, which come back double-quoted). Folded `>-` texts are filled again at the
/// hand-made plugins' width. Scalars keep the style they were read in: a plain
/// one was valid plain where it stood and stays so; quoted text is escaped by `doubleQuoted`, the one
/// quoting every plugin writer uses.
public enum YAMLValueWriter {
    /// How a file lays out what YAML leaves free, read from the file so that a save keeps it.
    public struct Layout: Sendable, Equatable {
        /// `key:` then `- item` at the key's own indentation (as libyaml dumps), rather than two spaces in.
        public var indentlessLists: Bool
        /// A blank line before each top-level group of items, as `draft` and most hand-made plugins do.
        public var blankLineBeforeGroups: Bool

        /// The drafter's layout.
        public static let drafter = Layout(indentlessLists: false, blankLineBeforeGroups: true)
        /// The synthetic plugins' layout: the drafter's without blank lines.
        public static let compact = Layout(indentlessLists: false, blankLineBeforeGroups: false)

        /// The layout most of `yaml`'s lists and its blank lines follow.
        public init(of yaml: String) {
            let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
            var indentless = 0
            var indented = 0
            for (index, line) in lines.enumerated() where line.hasSuffix(":") && !line.drop { $0 == " " }.hasPrefix("-") {
                guard let next = lines[(index + 1)...].first(where: { !$0.allSatisfy { $0 == " " } }) else { continue }
                let ownIndent = line.prefix { $0 == " " }.count
                let rest = next.drop { $0 == " " }
                guard rest.hasPrefix("- ") || rest == "-" else { continue }
                if next.prefix(while: { $0 == " " }).count == ownIndent { indentless += 1 } else { indented += 1 }
            }
            indentlessLists = indentless > indented
            blankLineBeforeGroups = lines.dropLast().contains { $0.isEmpty }
        }

        public init(indentlessLists: Bool, blankLineBeforeGroups: Bool) {
            self.indentlessLists = indentlessLists
            self.blankLineBeforeGroups = blankLineBeforeGroups
        }
    }

    /// The file's text: `comments` first, every line of them a `#` line (so no comment can end in YAML),
    /// then the value.
    public static func yaml(_ value: YAMLValue, layout: Layout = .drafter, comments: [String] = []) -> String {
        var lines = comments.flatMap { $0.split(separator: "\n", omittingEmptySubsequences: false) }.map { "# " + $0 }
        switch value {
        case .mapping(let entries, flow: false):
            for (index, entry) in entries.enumerated() {
                // Before each group of items (a list of mappings), not before a list of texts or the evidence.
                if layout.blankLineBeforeGroups, index > 0, entry.key != "evidence", case .sequence(let elements, flow: false) = entry.value,
                    case .mapping = elements.first
                {
                    lines.append("")
                }
                lines += self.entry(entry, indent: "", layout: layout)
            }
        default:
            lines.append(inline(value))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Whether a new text can be written without quotes: an id, a number or a date, which YAML reads back
    /// as the same text in any context.
    public static func isPlainSafe(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.properties.isASCIIHexDigit || ("a"..."z").contains(first) || ("A"..."Z").contains(first)
        else { return false }
        let reserved: Set<String> = ["true", "false", "yes", "no", "on", "off", "null", "y", "n"]
        return !reserved.contains(text.lowercased())
            && text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0) }
    }

    /// The width folded texts are wrapped at, indent included: the hand-made plugins' own.
    static let foldWidth = 100

    /// Whether a text reads back the same from a folded block: one paragraph of words with single spaces,
    /// nothing YAML or a terminal could read otherwise.
    public static func canFold(_ text: String) -> Bool {
        !text.isEmpty && !text.contains("  ") && text.first != " " && text.last != " "
            && text.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F && !(0x80...0x9F).contains($0.value) && $0 != "\u{FEFF}" }
    }

    /// A folded text's lines: words filled greedily up to `foldWidth`, as the hand-made plugins are.
    private static func foldedLines(_ text: String, indent: String) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            if !line.isEmpty, indent.count + line.count + 1 + word.count > foldWidth {
                lines.append(indent + line)
                line = String(word)
            } else {
                line += (line.isEmpty ? "" : " ") + word
            }
        }
        lines.append(indent + line)
        return lines
    }

    private static func entry(_ entry: YAMLValue.Entry, indent: String, layout: Layout) -> [String] {
        let key = isPlainSafe(entry.key) ? entry.key : doubleQuoted(entry.key)
        switch entry.value {
        case .folded(let text) where canFold(text):
            return ["\(indent)\(key): >-"] + foldedLines(text, indent: indent + "  ")
        case .mapping(let entries, flow: false) where !entries.isEmpty:
            return ["\(indent)\(key):"] + entries.flatMap { self.entry($0, indent: indent + "  ", layout: layout) }
        case .sequence(let elements, flow: false) where !elements.isEmpty:
            let listIndent = layout.indentlessLists ? indent : indent + "  "
            return ["\(indent)\(key):"] + elements.flatMap { element(of: $0, indent: listIndent, layout: layout) }
        default:
            return ["\(indent)\(key): \(inline(entry.value))"]
        }
    }

    /// A list element: `- value`, or a mapping whose first entry stands on the dash's line.
    private static func element(of value: YAMLValue, indent: String, layout: Layout) -> [String] {
        switch value {
        case .mapping(let entries, flow: false) where !entries.isEmpty:
            var lines = entries.flatMap { entry($0, indent: indent + "  ", layout: layout) }
            lines[0] = indent + "- " + lines[0].dropFirst(indent.count + 2)
            return lines
        case .sequence(let elements, flow: false) where !elements.isEmpty:
            return ["\(indent)-"] + elements.flatMap { element(of: $0, indent: indent + "  ", layout: layout) }
        default:
            return ["\(indent)- \(inline(value))"]
        }
    }

    /// The text in double quotes with everything YAML or a terminal could misread escaped, so that no
    /// title or quote can turn into YAML syntax and reading it back gives the text unchanged.
    static func doubleQuoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) {
                    result += String(format: "\\x%02X", scalar.value)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// A value on one line: a scalar, or a collection in flow style.
    private static func inline(_ value: YAMLValue) -> String {
        switch value {
        case .scalar(let text, let quoted):
            return quoted || text.isEmpty ? doubleQuoted(text) : text
        case .folded(let text):
            return doubleQuoted(text)
        case .sequence(let elements, _):
            return "[" + elements.map(inline).joined(separator: ", ") + "]"
        case .mapping(let entries, _):
            guard !entries.isEmpty else { return "{}" }
            let pairs = entries.map { entry in
                (isPlainSafe(entry.key) ? entry.key : doubleQuoted(entry.key)) + ": " + inline(entry.value)
            }
            return "{ " + pairs.joined(separator: ", ") + " }"
        }
    }
}
