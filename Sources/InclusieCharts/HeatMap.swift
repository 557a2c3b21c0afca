import Plot

/// Entries (themes) × programmes as a grid of coloured cells: the darker, the more of the programme's
/// items touch the entry. The report and the site draw it with this one type.
///
/// Each cell's words (the programme's own item labels) are its tooltip and accessible name; a cell with a
/// link is focusable and leads to the items and their quotes. Each cell carries its count in
/// `data-count`, so a test can hold the picture against the view's JSON.
public struct HeatMap: Sendable {
    public struct Cell: Sendable {
        public var count: Int
        /// The tooltip: who, what, and the programme's own words.
        public var description: String
        /// Where the items behind the cell are shown with their quotes; nil in a file without pages.
        public var href: String?

        public init(count: Int, description: String, href: String? = nil) {
            self.count = count
            self.description = description
            self.href = href
        }
    }

    public struct Row: Sendable {
        public var label: String
        /// The heading rows are grouped under (a theme's domain); a new heading starts when it changes.
        public var group: String?
        public var cells: [Cell]

        public init(label: String, group: String?, cells: [Cell]) {
            self.label = label
            self.group = group
            self.cells = cells
        }
    }

    public var accessibleTitle: String
    public var columns: [String]
    public var rows: [Row]

    private let labelWidth = 290
    private let cellWidth = 40
    private let cellHeight = 20
    private let headerHeight = 150
    private let columnTitleLength = 30
    private let rowLabelLength = 42

    public init(accessibleTitle: String, columns: [String], rows: [Row]) {
        self.accessibleTitle = accessibleTitle
        self.columns = columns
        self.rows = rows
    }

    public func svg() -> ChartNode {
        var nodes: [ChartNode] = []
        // Column titles slanted upwards from the top of each column, so many programmes fit side by side.
        for (index, title) in columns.enumerated() {
            let x = labelWidth + index * cellWidth + cellWidth / 2
            let y = headerHeight - 6
            nodes.append(
                SVG.element(
                    "text", [("x", String(x)), ("y", String(y)), ("transform", "rotate(-45 \(x) \(y))"), ("class", "column")],
                    [.plain(SVG.shortened(title, to: columnTitleLength)), SVG.title(title)]))
        }
        var y = headerHeight
        var currentGroup: String?
        let gridWidth = columns.count * cellWidth
        for row in rows {
            if let group = row.group, group != currentGroup {
                currentGroup = group
                y += 6
                nodes.append(SVG.label(SVG.shortened(group, to: rowLabelLength + 20), x: 0, y: y + 14, className: "group"))
                y += cellHeight
            }
            nodes.append(
                SVG.element(
                    "text", [("x", String(labelWidth - 8)), ("y", String(y + 14)), ("text-anchor", "end")],
                    [.plain(SVG.shortened(row.label, to: rowLabelLength)), SVG.title(row.label)]))
            for (index, cell) in row.cells.enumerated() {
                let level = ChartPalette.heatLevel(cell.count)
                let x = labelWidth + index * cellWidth
                var shapes: [ChartNode] = [
                    SVG.title(cell.description),
                    SVG.element(
                        "rect",
                        [
                            ("class", "cell heat-\(level)"), ("x", String(x + 1)), ("y", String(y + 1)), ("width", String(cellWidth - 2)),
                            ("height", String(cellHeight - 2)), ("fill", ChartPalette.heatLevels[level]), ("stroke", "#c8c8c8"),
                            ("data-count", String(cell.count)),
                        ]),
                ]
                if cell.count > 0 {
                    shapes.append(
                        SVG.element(
                            "text",
                            [
                                ("x", String(x + cellWidth / 2)), ("y", String(y + 14)), ("text-anchor", "middle"),
                                ("class", level >= 4 ? "count on-dark" : "count"),
                            ],
                            [.plain(String(cell.count))]))
                }
                if let href = cell.href, cell.count > 0 {
                    nodes.append(SVG.element("a", [("href", href), ("class", "cell-link")], shapes))
                } else {
                    nodes.append(SVG.element("g", [], shapes))
                }
            }
            y += cellHeight
        }
        let width = labelWidth + gridWidth + 150
        let linked = rows.contains { $0.cells.contains { $0.href != nil && $0.count > 0 } }
        return SVG.root(
            width: width, height: y + 8, role: linked ? "group" : "img", title: accessibleTitle, className: "chart heat-map", nodes)
    }
}
