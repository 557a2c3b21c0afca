import Plot

/// What the report, the site, the review and every chart are made of: a piece of an HTML body (an inline
/// `<svg>` is one too).
public typealias BodyNode = Node<HTML.BodyContext>

/// An attribute value with every character that could end it or start markup escaped: Plot writes
/// attribute values as they are, and many of ours (names, titles, search words) come from the data or
/// the user.
public func attributeEscaped(_ value: String) -> String {
    markupEscaped(value, quotes: true)
}

/// Text with `&`, `<` and `>` escaped, every `&` taken literally: what Plot's text escaping gives after
/// every `&` was escaped first, in one pass over the text, where Plot builds a string per character.
public func textEscaped(_ text: String) -> String {
    markupEscaped(text, quotes: false)
}

extension Node {
    /// Text from the data, shown exactly as written, even what looks like an entity (Plot's own text
    /// escaping keeps `&amp;` as an entity, so a quote holding it would show `&`).
    public static func plain(_ text: String) -> Node {
        .raw(textEscaped(text))
    }
}

private func markupEscaped(_ value: String, quotes: Bool) -> String {
    let needsEscaping = value.utf8.contains { byte in
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"): true
        case UInt8(ascii: "\""), UInt8(ascii: "'"): quotes
        default: false
        }
    }
    guard needsEscaping else { return value }
    var escaped = ""
    escaped.reserveCapacity(value.utf8.count + 32)
    for scalar in value.unicodeScalars {
        switch scalar {
        case "&": escaped += "&amp;"
        case "<": escaped += "&lt;"
        case ">": escaped += "&gt;"
        case "\"" where quotes: escaped += "&quot;"
        case "'" where quotes: escaped += "&#39;"
        default: escaped.unicodeScalars.append(scalar)
        }
    }
    return escaped
}

/// An element of any name, with its attributes escaped and in the order given (the same page always
/// renders to the same bytes): Plot's typed contexts cannot express every nesting HTML and SVG allow (a
/// list item holding a form, a figure in a list, a chart's shapes), and it writes attributes raw.
public func tag(_ name: String, _ attributes: [(String, String)] = [], _ children: BodyNode...) -> BodyNode {
    tag(name, attributes, children: children)
}

public func tag(_ name: String, _ attributes: [(String, String)] = [], children: [BodyNode]) -> BodyNode {
    // An empty value is kept: `<option value="">` must not turn into an option whose value is its label.
    .element(named: name, nodes: attributes.map { .attribute(named: $0.0, value: attributeEscaped($0.1), ignoreIfValueIsEmpty: false) } + children)
}

/// An element without content, such as `input`.
public func voidTag(_ name: String, _ attributes: [(String, String)]) -> BodyNode {
    .selfClosedElement(
        named: name,
        attributes: attributes.map { Attribute<HTML.BodyContext>(name: $0.0, value: attributeEscaped($0.1), ignoreIfValueIsEmpty: false) })
}
