import Plot

/// What the report, the site, the review and every chart are made of: a piece of an HTML body (an inline
/// `<svg>` is one too).
public typealias BodyNode = Node<HTML.BodyContext>

/// An attribute value with every character that could end it or start markup escaped: Plot writes
/// attribute values as they are, and many of ours (names, titles, search words) come from the data or
/// the user.
public func attributeEscaped(_ value: String) -> String {
    var escaped = ""
    for character in value {
        switch character {
        case "&": escaped += "&amp;"
        case "<": escaped += "&lt;"
        case ">": escaped += "&gt;"
        case "\"": escaped += "&quot;"
        case "'": escaped += "&#39;"
        default: escaped.append(character)
        }
    }
    return escaped
}

extension Node {
    /// Text from the data, shown exactly as written.
    ///
    /// Plot escapes `<` and `>` but leaves anything that already looks like an entity alone, so a quote
    /// containing a literal `&amp;` would show as `&`. Escaping every `&` first makes Plot see only
    /// complete entities, and the reader sees the text as the document wrote it.
    public static func plain(_ text: String) -> Node {
        .text(text.replacingOccurrences(of: "&", with: "&amp;"))
    }
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
