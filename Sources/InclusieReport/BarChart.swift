import InclusieModel
import Plot

/// A horizontal bar chart as inline SVG built from Plot nodes: a group per programme, a bar per year,
/// the amount written at the end of each bar so the chart reads on paper without hovering.
///
/// Bar lengths are computed from cents with integer arithmetic; only the pixel coordinates are numbers
/// the chart makes up, never the amounts.
struct BarChart {
    struct Bar {
        var label: String
        /// Nil when no amount is stated: no bar is drawn, only `valueText`.
        var value: Money?
        var valueText: String
    }

    struct Group {
        var title: String
        var colour: String
        var bars: [Bar]
        /// Shown instead of bars, e.g. why there is no budget.
        var message: String?
    }

    var accessibleTitle: String
    var groups: [Group]

    private let width = 980
    private let labelWidth = 74
    private let barStart = 82
    private let maximumBarLength = 560
    private let rowHeight = 19
    private let barHeight = 13
    private let groupHeading = 22

    init(accessibleTitle: String, groups: [Group]) {
        self.accessibleTitle = accessibleTitle
        self.groups = groups
    }

    func svg() -> BodyNode {
        let largest = groups.flatMap(\.bars).compactMap(\.value?.cents).max() ?? 0
        var nodes: [BodyNode] = [.element(named: "title", nodes: [.plain(accessibleTitle)])]
        var y = 0
        for group in groups {
            y += groupHeading
            nodes.append(
                shape("rect", ["x": "0", "y": String(y - 12), "width": "12", "height": "12", "fill": group.colour]))
            nodes.append(label(group.title, x: 18, y: y, className: "group"))
            if let message = group.message {
                y += rowHeight
                nodes.append(label(message, x: barStart, y: y, className: "muted"))
            }
            for bar in group.bars {
                y += rowHeight
                nodes.append(label(bar.label, x: labelWidth, y: y, anchor: "end"))
                var end = barStart
                if let value = bar.value, largest > 0 {
                    // In full width: a value near `Int.max` cents times the bar length must not trap.
                    let product = max(0, value.cents).multipliedFullWidth(by: maximumBarLength)
                    let length = max(1, largest.dividingFullWidth(product).quotient)
                    end += length
                    nodes.append(
                        .element(
                            named: "rect",
                            nodes: attributes([
                                "x": String(barStart), "y": String(y - barHeight + 2), "width": String(length),
                                "height": String(barHeight), "fill": group.colour,
                            ]) + [.element(named: "title", nodes: [.plain("\(group.title), \(bar.label): \(bar.valueText)")])]))
                }
                nodes.append(label(bar.valueText, x: end + 6, y: y, className: bar.value == nil ? "muted" : nil))
            }
            y += 6
        }
        let height = y + 6
        return .element(
            named: "svg",
            nodes: attributes([
                "viewBox": "0 0 \(width) \(height)", "width": String(width), "height": String(height), "role": "img",
            ]) + nodes)
    }

    private func label(_ text: String, x: Int, y: Int, anchor: String? = nil, className: String? = nil) -> BodyNode {
        var attributes = ["x": String(x), "y": String(y)]
        if let anchor { attributes["text-anchor"] = anchor }
        if let className { attributes["class"] = className }
        return .element(named: "text", nodes: self.attributes(attributes) + [.plain(text)])
    }

    private func shape(_ name: String, _ attributes: [String: String]) -> BodyNode {
        .element(named: name, nodes: self.attributes(attributes))
    }

    /// Attributes in a fixed order, so the same chart always renders to the same bytes.
    private func attributes(_ values: [String: String]) -> [BodyNode] {
        values.sorted { $0.key < $1.key }.map { .attribute(named: $0.key, value: $0.value) }
    }
}
