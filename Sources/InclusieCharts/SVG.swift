import Plot

/// The few pieces every chart draws with besides `tag` and `plain`.
enum SVG {
    /// The tooltip and accessible name of the shape it is put in.
    static func title(_ value: String) -> BodyNode {
        .element(named: "title", nodes: [.plain(value)])
    }

    static func label(_ value: String, x: Int, y: Int, anchor: String? = nil, className: String? = nil) -> BodyNode {
        var attributes = [("x", String(x)), ("y", String(y))]
        if let anchor { attributes.append(("text-anchor", anchor)) }
        if let className { attributes.append(("class", className)) }
        return tag("text", attributes, .plain(value))
    }

    /// `value` cut to `limit` characters with an ellipsis; the whole text goes into a `<title>`.
    static func shortened(_ value: String, to limit: Int) -> String {
        value.count > limit ? String(value.prefix(limit - 1)) + "…" : value
    }

    /// The root element. `role` is `img` for a picture whose parts are not links, `group` otherwise: a
    /// picture's parts cannot be focused, so a chart with links must not call itself one.
    static func root(width: Int, height: Int, role: String, title: String, className: String, _ children: [BodyNode]) -> BodyNode {
        tag(
            "svg",
            [
                ("viewBox", "0 0 \(width) \(height)"), ("width", String(width)), ("height", String(height)), ("role", role),
                ("aria-label", title), ("class", className),
            ],
            children: [SVG.title(title)] + children)
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
