import Plot

/// A programme's items against the years they run, as a Gantt-like strip: one line per item, a bar over
/// each run of consecutive years. Only years the document names are drawn, never the programme's period.
///
/// Each bar carries its years in `data-years`, so a test can hold the picture against the view's JSON.
public struct TimelineStrip: Sendable {
    public struct Row: Sendable {
        public var label: String
        /// Ascending.
        public var activeYears: [Int]
        /// Where the item is shown with its quotes; nil in a file without pages.
        public var href: String?

        public init(label: String, activeYears: [Int], href: String? = nil) {
            self.label = label
            self.activeYears = activeYears
            self.href = href
        }
    }

    public var accessibleTitle: String
    /// The columns, ascending.
    public var years: [Int]
    public var rows: [Row]
    public var colour: String

    private let labelWidth = 370
    private let yearWidth = 48
    private let rowHeight = 18
    private let labelLength = 50

    public init(accessibleTitle: String, years: [Int], rows: [Row], colour: String) {
        self.accessibleTitle = accessibleTitle
        self.years = years
        self.rows = rows
        self.colour = colour
    }

    public func svg() -> ChartNode {
        var nodes: [ChartNode] = []
        let top = 20
        for (index, year) in years.enumerated() {
            let x = labelWidth + index * yearWidth
            nodes.append(
                SVG.element("rect", [("x", String(x)), ("y", String(top)), ("width", String(yearWidth)), ("height", String(rows.count * rowHeight)), ("fill", index % 2 == 0 ? "#f4f6f8" : "#ffffff")]))
            nodes.append(SVG.label(String(year), x: x + yearWidth / 2, y: 14, anchor: "middle"))
        }
        for (index, row) in rows.enumerated() {
            let y = top + index * rowHeight
            let label = SVG.element(
                "text", [("x", String(labelWidth - 8)), ("y", String(y + 13)), ("text-anchor", "end")],
                [.plain(SVG.shortened(row.label, to: labelLength)), SVG.title(row.label)])
            nodes.append(row.href.map { SVG.element("a", [("href", $0)], [label]) } ?? label)
            for run in Self.runs(row.activeYears) {
                guard let first = years.firstIndex(of: run.first ?? 0) else { continue }
                nodes.append(
                    SVG.element(
                        "rect",
                        [
                            ("class", "run"), ("x", String(labelWidth + first * yearWidth + 2)), ("y", String(y + 3)),
                            ("width", String(run.count * yearWidth - 4)), ("height", String(rowHeight - 6)), ("rx", "3"), ("fill", colour),
                            ("data-years", run.map(String.init).joined(separator: " ")),
                        ],
                        [SVG.title("\(row.label): \(run.count == 1 ? String(run[0]) : "\(run[0])–\(run[run.count - 1])")")]))
            }
        }
        let width = labelWidth + years.count * yearWidth + 8
        let linked = rows.contains { $0.href != nil }
        return SVG.root(
            width: width, height: top + rows.count * rowHeight + 6, role: linked ? "group" : "img", title: accessibleTitle,
            className: "chart timeline", nodes)
    }

    /// Consecutive years together: [2019, 2020, 2022] gives [[2019, 2020], [2022]].
    static func runs(_ years: [Int]) -> [[Int]] {
        var runs: [[Int]] = []
        for year in years.sorted() {
            if let last = runs.last?.last, year == last + 1 {
                runs[runs.count - 1].append(year)
            } else if runs.last?.last != year {
                runs.append([year])
            }
        }
        return runs
    }
}
