import Plot

/// What every chart returns: an inline `<svg>` element that the report and the site put in their pages.
public typealias ChartNode = Node<HTML.BodyContext>

/// An attribute value with every character that could end it or start markup escaped: Plot writes
/// attribute values as they are, and many of ours (names, titles, search words) come from the data or
/// the user. The site's own elements use it too.
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

/// The few pieces every chart draws with, written so that text from the data stays text.
///
/// Plot writes attribute values as they are and keeps what looks like an entity in text, so both are
/// escaped here: a programme or theme name can hold `&`, `<` or a quote.
enum SVG {
    static func escaped(_ value: String) -> String { attributeEscaped(value) }

    /// An element with its attributes in the order given, so the same chart always renders to the same bytes.
    static func element(_ name: String, _ attributes: [(String, String)], _ children: [ChartNode] = []) -> ChartNode {
        .element(
            named: name,
            nodes: attributes.map { .attribute(named: $0.0, value: escaped($0.1), ignoreIfValueIsEmpty: false) } + children)
    }

    /// The tooltip and accessible name of the shape it is put in.
    static func title(_ value: String) -> ChartNode {
        .element(named: "title", nodes: [.plain(value)])
    }

    static func label(_ value: String, x: Int, y: Int, anchor: String? = nil, className: String? = nil) -> ChartNode {
        var attributes = [("x", String(x)), ("y", String(y))]
        if let anchor { attributes.append(("text-anchor", anchor)) }
        if let className { attributes.append(("class", className)) }
        return element("text", attributes, [.plain(value)])
    }

    /// `value` cut to `limit` characters with an ellipsis; the whole text goes into a `<title>`.
    static func shortened(_ value: String, to limit: Int) -> String {
        value.count > limit ? String(value.prefix(limit - 1)) + "…" : value
    }

    /// The root element. `role` is `img` for a picture whose parts are not links, `group` otherwise: a
    /// picture's parts cannot be focused, so a chart with links must not call itself one.
    static func root(width: Int, height: Int, role: String, title: String, className: String, _ children: [ChartNode]) -> ChartNode {
        element(
            "svg",
            [
                ("viewBox", "0 0 \(width) \(height)"), ("width", String(width)), ("height", String(height)), ("role", role),
                ("aria-label", title), ("class", className),
            ],
            [SVG.title(title)] + children)
    }

    /// `value / largest × length` in whole pixels, at least 1 for any positive value; computed in full
    /// width so a value near `Int.max` cannot trap.
    static func length(_ value: Int, of largest: Int, in length: Int) -> Int {
        guard largest > 0, value > 0 else { return 0 }
        let product = value.multipliedFullWidth(by: length)
        return max(1, largest.dividingFullWidth(product).quotient)
    }
}

/// The colours the charts share, chosen for a contrast of at least 3:1 against white for every bar.
public enum ChartPalette {
    /// Heat map fills, from "not mentioned" to "mentioned by many items".
    public static let heatLevels = ["#ffffff", "#e3f1ec", "#b9dccf", "#86c2ad", "#2f7a63"]

    /// One colour per programme, in the order of the comparison.
    public static let programmeColours = ["#1f6f8b", "#c2571a", "#5b7f1f", "#7b4f9d", "#a07d10", "#2f5fb3", "#b23a5a", "#3c7d6e"]

    /// One colour per category of a stacked bar (the roles), in the taxonomy's order.
    public static let categoryColours = [
        "#1f6f8b", "#c2571a", "#5b7f1f", "#7b4f9d", "#a07d10", "#2f5fb3", "#b23a5a", "#3c7d6e", "#6b5b3e", "#555f6d",
    ]

    /// 0 for none, then 1, 2–3, 4–7 and 8 or more items.
    public static func heatLevel(_ count: Int) -> Int {
        switch count {
        case ...0: 0
        case 1: 1
        case 2...3: 2
        case 4...7: 3
        default: 4
        }
    }

    public static func programmeColour(_ index: Int) -> String {
        programmeColours[index % programmeColours.count]
    }
}
