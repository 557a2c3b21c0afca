/// Makes plugin text harmless in the two plain-text outputs: the terminal and Markdown.
///
/// Plugin text is written by whoever wrote the plugin. In a terminal, an escape sequence in an item title
/// can clear the screen or fake a green "OK", and a bidi override can make text read backwards; in
/// Markdown, `<script>` or `<img onerror=…>` runs as soon as a viewer renders the table.
public enum TextSafety {
    /// The text with every control character and every bidi control shown as a visible stand-in:
    /// `␛` for ESC (the Unicode control pictures for C0), `␡` for DEL, `<U+202E>` for the others.
    public static func terminalVisible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsStandIn) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard needsStandIn(scalar) else {
                result.append(scalar)
                continue
            }
            switch scalar.value {
            case 0x00...0x1F: result.append(Unicode.Scalar(0x2400 + scalar.value)!)
            case 0x7F: result.append("\u{2421}")
            default: result.append(contentsOf: "<U+\(hex(scalar.value))>".unicodeScalars)
            }
        }
        return String(result)
    }

    /// A message of one or more lines for the terminal: each line as `terminalVisible` shows it, the line
    /// breaks kept. Error messages quote paths and names the user typed, and a crafted file name must not
    /// be able to retitle the terminal or clear the screen.
    public static func terminalMessage(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { terminalVisible(String($0)) }
            .joined(separator: "\n")
    }

    /// Text for a Markdown table cell or heading: HTML and Markdown syntax escaped, controls made visible.
    ///
    /// `<`, `>` and `&` become entities (so no tag survives in any renderer); the ASCII punctuation that
    /// starts emphasis, code, links or tables is backslash-escaped, as CommonMark allows for any of it.
    public static func markdownCell(_ text: String) -> String {
        var result = ""
        for character in terminalVisible(text) {
            switch character {
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "&": result += "&amp;"
            case "\\", "`", "*", "_", "[", "]", "|", "~": result += "\\\(character)"
            default: result.append(character)
            }
        }
        return result
    }

    /// Line breaks are kept apart from other controls: callers turn them into spaces or `<br>` first.
    private static func needsStandIn(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
