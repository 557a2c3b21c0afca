import InclusiePlugins

/// Writes a `YAMLValue` in the layout `draft` writes and people edit: two spaces per level, list items
/// indented under their key, short id lists on one line, one value per line, never wrapped.
///
/// A small writer over the plain tree rather than Yams' emitter: libyaml writes block lists flush with
/// their key (`key:\n- a`) and wraps long lines, so the first save of a draft or a hand-made plugin would
/// change nearly every line. This one changes only what was edited (a file's comments and folded `>-` texts
/// excepted: they come back as one double-quoted line). Scalars keep the style they were read in: a plain
/// one was valid plain where it stood and stays so, and quoted text goes through `YAMLScalar.doubleQuoted`,
/// the quoting the drafter uses.
public enum YAMLValueWriter {
    public static func yaml(_ value: YAMLValue) -> String {
        var lines: [String] = []
        switch value {
        case .mapping(let entries, flow: false):
            for (index, entry) in entries.enumerated() {
                if index > 0, entry.key != "evidence", case .sequence(let elements, flow: false) = entry.value, !elements.isEmpty {
                    lines.append("")
                }
                lines += self.entry(entry, indent: "")
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

    private static func entry(_ entry: YAMLValue.Entry, indent: String) -> [String] {
        let key = isPlainSafe(entry.key) ? entry.key : YAMLScalar.doubleQuoted(entry.key)
        switch entry.value {
        case .mapping(let entries, flow: false) where !entries.isEmpty:
            return ["\(indent)\(key):"] + entries.flatMap { self.entry($0, indent: indent + "  ") }
        case .sequence(let elements, flow: false) where !elements.isEmpty:
            return ["\(indent)\(key):"] + elements.flatMap { element(of: $0, indent: indent + "  ") }
        default:
            return ["\(indent)\(key): \(inline(entry.value))"]
        }
    }

    /// A list element: `- value`, or a mapping whose first entry stands on the dash's line.
    private static func element(of value: YAMLValue, indent: String) -> [String] {
        switch value {
        case .mapping(let entries, flow: false) where !entries.isEmpty:
            var lines = entries.flatMap { entry($0, indent: indent + "  ") }
            lines[0] = indent + "- " + lines[0].dropFirst(indent.count + 2)
            return lines
        case .sequence(let elements, flow: false) where !elements.isEmpty:
            return ["\(indent)-"] + elements.flatMap { element(of: $0, indent: indent + "  ") }
        default:
            return ["\(indent)- \(inline(value))"]
        }
    }

    /// A value on one line: a scalar, or a collection in flow style.
    private static func inline(_ value: YAMLValue) -> String {
        switch value {
        case .scalar(let text, let quoted):
            return quoted || text.isEmpty ? YAMLScalar.doubleQuoted(text) : text
        case .sequence(let elements, _):
            return "[" + elements.map(inline).joined(separator: ", ") + "]"
        case .mapping(let entries, _):
            guard !entries.isEmpty else { return "{}" }
            let pairs = entries.map { entry in
                (isPlainSafe(entry.key) ? entry.key : YAMLScalar.doubleQuoted(entry.key)) + ": " + inline(entry.value)
            }
            return "{ " + pairs.joined(separator: ", ") + " }"
        }
    }
}
