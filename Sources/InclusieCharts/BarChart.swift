import InclusieModel
import Plot

/// A horizontal bar chart of amounts: a group per programme, a bar per year or period, the amount written
/// at the end of each bar so the chart reads on paper without hovering.
///
/// An amount that is not stated has no bar, only its words ("niet vermeld"): a missing figure must never
/// look like € 0. Bar lengths are computed from cents with integer arithmetic; only the pixel coordinates
/// are numbers the chart makes up, never the amounts. Each bar carries its cents in `data-value`, so a
/// test can hold the picture against the view's JSON.
public struct BarChart: Sendable {
    public struct Bar: Sendable {
        public var label: String
        /// Nil when no amount is stated: no bar is drawn, only `valueText`.
        public var value: Money?
        public var valueText: String

        public init(label: String, value: Money?, valueText: String) {
            self.label = label
            self.value = value
            self.valueText = valueText
        }
    }

    public struct Group: Sendable {
        public var title: String
        public var colour: String
        public var bars: [Bar]
        /// Shown instead of bars, e.g. why there is no budget.
        public var message: String?

        public init(title: String, colour: String, bars: [Bar], message: String? = nil) {
            self.title = title
            self.colour = colour
            self.bars = bars
            self.message = message
        }
    }

    public var accessibleTitle: String
    public var groups: [Group]
    /// The width the chart is drawn at; it scales down with the page.
    public var width: Int

    private var labelWidth: Int { 74 }
    private var barStart: Int { 82 }
    /// Room after the longest bar for its amount and words such as "+ niet vermeld (indicatief)".
    private var maximumBarLength: Int { max(120, width - barStart - 340) }
    private let rowHeight = 19
    private let barHeight = 13
    private let groupHeading = 22

    public init(accessibleTitle: String, groups: [Group], width: Int = 980) {
        self.accessibleTitle = accessibleTitle
        self.groups = groups
        self.width = width
    }

    public func svg() -> BodyNode {
        let largest = groups.flatMap(\.bars).compactMap(\.value?.cents).max() ?? 0
        var nodes: [BodyNode] = []
        var y = 0
        for group in groups {
            y += groupHeading
            nodes.append(tag("rect", [("x", "0"), ("y", String(y - 12)), ("width", "12"), ("height", "12"), ("fill", group.colour)]))
            nodes.append(SVG.label(group.title, x: 18, y: y, className: "group"))
            if let message = group.message {
                y += rowHeight
                nodes.append(SVG.label(message, x: barStart, y: y, className: "muted"))
            }
            for bar in group.bars {
                y += rowHeight
                nodes.append(SVG.label(bar.label, x: labelWidth, y: y, anchor: "end"))
                var end = barStart
                if let value = bar.value {
                    let length = SVG.length(value.cents, of: largest, in: maximumBarLength)
                    end += length
                    nodes.append(
                        tag(
                            "rect",
                            [
                                ("class", "bar"), ("x", String(barStart)), ("y", String(y - barHeight + 2)), ("width", String(length)),
                                ("height", String(barHeight)), ("fill", group.colour), ("data-value", String(value.cents)),
                            ],
                            children: [SVG.title("\(group.title), \(bar.label): \(bar.valueText)")]))
                }
                nodes.append(SVG.label(bar.valueText, x: end + 6, y: y, className: bar.value == nil ? "muted" : nil))
            }
            y += 6
        }
        return SVG.root(width: width, height: y + 6, role: "img", title: accessibleTitle, className: "chart bars", nodes)
    }
}
