import Plot

/// One bar per programme, split into categories (the municipality's roles) in proportion to their counts:
/// the shape of a profile, so two programmes of very different length can be compared.
///
/// Each segment carries its count in `data-value`, so a test can hold the picture against the view's JSON.
public struct StackedBarChart: Sendable {
    public struct Category: Sendable {
        public var label: String
        public var colour: String

        public init(label: String, colour: String) {
            self.label = label
            self.colour = colour
        }
    }

    public struct Bar: Sendable {
        public var title: String
        /// One count per category, in the order of `categories`.
        public var counts: [Int]
        /// Shown instead of a bar when every count is 0, e.g. "no item names a role".
        public var emptyMessage: String

        public init(title: String, counts: [Int], emptyMessage: String) {
            self.title = title
            self.counts = counts
            self.emptyMessage = emptyMessage
        }
    }

    public var accessibleTitle: String
    public var categories: [Category]
    public var bars: [Bar]
    public var width: Int

    private let rowHeight = 26
    private let barHeight = 16
    private let legendColumnWidth = 380

    public init(accessibleTitle: String, categories: [Category], bars: [Bar], width: Int = 760) {
        self.accessibleTitle = accessibleTitle
        self.categories = categories
        self.bars = bars
        self.width = width
    }

    public func svg() -> BodyNode {
        var nodes: [BodyNode] = []
        // The legend above the bars, a few categories per line.
        let perLine = max(1, width / legendColumnWidth)
        for (index, category) in categories.enumerated() {
            let x = (index % perLine) * legendColumnWidth
            let y = (index / perLine) * 20 + 4
            nodes.append(tag("rect", [("x", String(x)), ("y", String(y)), ("width", "12"), ("height", "12"), ("fill", category.colour)]))
            nodes.append(SVG.label(SVG.shortened(category.label, to: 52), x: x + 18, y: y + 11, className: "legend"))
        }
        var y = ((categories.count + perLine - 1) / perLine) * 20 + 14
        let barLength = width - 10
        for bar in bars {
            y += 16
            nodes.append(SVG.label(bar.title, x: 0, y: y, className: "group"))
            y += 6
            let total = bar.counts.reduce(0) { $0 + max(0, $1) }
            guard total > 0 else {
                y += 14
                nodes.append(SVG.label(bar.emptyMessage, x: 0, y: y, className: "muted"))
                y += rowHeight - barHeight
                continue
            }
            var x = 0
            var drawn = 0
            for (index, count) in bar.counts.enumerated() where count > 0 && index < categories.count {
                drawn += count
                // The end of each segment from the running total, so the rounding never adds up past the bar.
                let end = SVG.length(drawn, of: total, in: barLength)
                let category = categories[index]
                let percent = (count * 1000 / total + 5) / 10
                nodes.append(
                    tag(
                        "rect",
                        [
                            ("class", "segment"), ("x", String(x)), ("y", String(y)), ("width", String(max(1, end - x))),
                            ("height", String(barHeight)), ("fill", category.colour), ("stroke", "#ffffff"), ("data-value", String(count)),
                        ],
                        children: [SVG.title("\(bar.title) — \(category.label): \(count) (\(percent) %)")]))
                x = end
            }
            y += rowHeight
        }
        return SVG.root(width: width, height: y + 4, role: "img", title: accessibleTitle, className: "chart stacked", nodes)
    }
}
