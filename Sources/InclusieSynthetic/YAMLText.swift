import InclusiePlugins
/// Writes plugin YAML line by line, in the layout hand-written plugins use.
///
/// Free text is always double-quoted and escaped, so no generated title can turn into YAML syntax
/// (a colon, a leading quote, a `#`); ids are written plain, as they are in the real plugins.
struct YAMLText {
    private(set) var text = ""

    /// `key: value` with the value written as is (ids, numbers, flow lists).
    mutating func plain(_ indent: Int, _ key: String, _ value: String) {
        line(indent, "\(key): \(value)")
    }

    /// `key: "text"`.
    mutating func string(_ indent: Int, _ key: String, _ value: String) {
        line(indent, "\(key): \(YAMLScalar.doubleQuoted(value))")
    }

    /// `key: [a, b]` for a list of ids.
    mutating func ids(_ indent: Int, _ key: String, _ ids: [String]) {
        line(indent, "\(key): [\(ids.joined(separator: ", "))]")
    }

    /// `key:` opening a nested mapping or list.
    mutating func open(_ indent: Int, _ key: String) {
        line(indent, "\(key):")
    }

    mutating func line(_ indent: Int, _ content: String) {
        text += String(repeating: " ", count: indent) + content + "\n"
    }

    /// `evidence:` with its quotes and sections.
    mutating func evidence(_ indent: Int, _ quotes: [Quote]) {
        open(indent, "evidence")
        for quote in quotes {
            string(indent + 2, "- quote", quote.text)
            string(indent + 4, "section", quote.section)
        }
    }

}
