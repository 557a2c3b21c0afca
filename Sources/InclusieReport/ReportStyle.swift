import InclusieCharts

/// The report's inline stylesheet: readable on screen, printed on A4 landscape, no fonts or files fetched.
///
/// Static text with no data in it, which is why it may go into the page unescaped.
enum ReportStyle {
    /// Background colours of the heat map's table: the same as the heat map picture's.
    static let heatLevels = ChartPalette.heatLevels

    static let css = """
        :root { --ink: #1d2733; --muted: #5b6673; --rule: #cfd6de; --accent: #1f6f8b; --input: #8a5a00; }
        * { box-sizing: border-box; }
        html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        body { font-family: "DejaVu Sans", "Segoe UI", Arial, sans-serif; color: var(--ink); margin: 0 auto;
               max-width: 1500px; padding: 16px 24px; font-size: 13px; line-height: 1.4; }
        h1 { font-size: 24px; margin: 0 0 4px; }
        h2 { font-size: 19px; border-bottom: 2px solid var(--accent); padding-bottom: 3px; margin: 28px 0 10px; }
        h3 { font-size: 15px; margin: 16px 0 6px; }
        p.lead { color: var(--muted); margin: 2px 0 8px; }
        p.note, .notes li { color: var(--muted); font-size: 11.5px; }
        nav.contents ol { columns: 3; margin: 6px 0; }
        sup.fn { font-size: 9px; color: var(--accent); line-height: 1; }
        sup.fn a { color: inherit; text-decoration: none; white-space: nowrap; }
        .badge { display: inline-block; border-radius: 3px; padding: 0 5px; font-size: 11px; border: 1px solid var(--rule); }
        .badge.policy { background: #e4eff6; border-color: #9cc0d6; }
        .badge.not-policy { background: #fbeed3; border-color: #d9b66a; color: var(--input); }
        .badge.partial { background: #eeeeee; border-style: dashed; }
        .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(280px, 1fr)); gap: 10px; }
        .card { border: 1px solid var(--rule); border-left: 6px solid var(--accent); border-radius: 4px; padding: 8px 10px; break-inside: avoid; }
        .card.not-policy { border-left-color: #d9a441; background: #fffaf0; }
        .card h3 { margin: 0 0 6px; font-size: 14px; }
        .card dl { display: grid; grid-template-columns: 88px 1fr; gap: 2px 8px; margin: 0; }
        .card dt { color: var(--muted); }
        .card dd { margin: 0; min-width: 0; overflow-wrap: anywhere; }
        .card ul.partners { margin: 0; padding-left: 1.1em; }
        table { border-collapse: collapse; width: 100%; margin: 6px 0 10px; }
        th, td { border: 1px solid var(--rule); padding: 3px 5px; vertical-align: top; text-align: left; }
        thead th { background: #eef2f5; font-size: 12px; }
        thead { display: table-header-group; }
        tr { break-inside: avoid; }
        td.number, th.number { text-align: right; white-space: nowrap; }
        table.heatmap { table-layout: fixed; }
        table.heatmap thead th:first-child { width: 14%; }
        table.heatmap.themes thead th:last-child { width: 7%; }
        table.heatmap td { font-size: 11px; overflow-wrap: break-word; }
        table.heatmap tr { break-inside: auto; }
        table.heatmap td.count { text-align: center; font-weight: bold; }
        table.heatmap tr.domain th { background: #f6f8fa; font-size: 12px; }
        table.heatmap th.programme.not-policy { background: #fbeed3; }
        table.heatmap ul { margin: 0; padding-left: 14px; }
        .heat-0 { background: \(heatLevels[0]); } .heat-1 { background: \(heatLevels[1]); }
        .heat-2 { background: \(heatLevels[2]); } .heat-3 { background: \(heatLevels[3]); }
        .heat-4 { background: \(heatLevels[4]); color: #fff; } .heat-4 sup.fn { color: #fff; }
        .legend { display: flex; flex-wrap: wrap; gap: 10px; align-items: center; font-size: 11.5px; color: var(--muted); margin: 4px 0; }
        .legend .swatch { display: inline-block; width: 14px; height: 14px; border: 1px solid var(--rule); vertical-align: middle; margin-right: 3px; }
        .side-by-side { display: grid; grid-template-columns: 1fr 1fr; gap: 18px; }
        .side-by-side > div { min-width: 0; }
        .side-by-side table { table-layout: fixed; }
        .side-by-side table.heatmap thead th:first-child { width: 28%; }
        .side-by-side th, .side-by-side td { overflow-wrap: break-word; }
        .side-by-side thead th { font-size: 10px; }
        td.tally { text-align: right; }
        td.tally .figure { display: block; font-weight: bold; white-space: nowrap; }
        figure { margin: 8px 0 14px; break-inside: avoid; }
        figcaption { font-weight: bold; margin-bottom: 4px; }
        svg { max-width: 100%; height: auto; font-family: inherit; }
        svg text { font-size: 12px; fill: var(--ink); }
        svg text.group { font-weight: bold; }
        svg text.muted { fill: var(--muted); font-style: italic; }
        svg text.count { font-size: 11px; } svg text.count.on-dark { fill: #fff; }
        svg.heat-map text.group { font-size: 12px; }
        .verdict { font-weight: bold; white-space: nowrap; }
        .verdict.same-measure { color: #1d5e2e; } .verdict.commits-to-subject { color: #2b7a3d; }
        .verdict.mentions-subject { color: #9a6a00; } .verdict.not-found { color: #a33a2a; }
        q.match-quote mark { background: #ffe066; color: #000; }
        ol.sources { font-size: 11.5px; columns: 2; column-gap: 28px; }
        ol.sources li { break-inside: avoid; margin-bottom: 3px; }
        ol.sources q { font-style: italic; }
        footer { margin-top: 24px; border-top: 1px solid var(--rule); padding-top: 8px; color: var(--muted); font-size: 11.5px; }
        @page { size: A4 landscape; margin: 10mm; }
        @media print {
            body { max-width: none; padding: 0; font-size: 9pt; }
            table.heatmap td, ol.sources { font-size: 7.5pt; }
            nav.contents { display: none; }
            section.report-section { break-before: page; }
            h2, h3 { break-after: avoid; }
            a { color: inherit; text-decoration: none; }
            /* A picture cannot break across pages: the heat map is scaled to one A4 landscape page. */
            svg.heat-map { height: 170mm; width: auto; max-width: 100%; }
        }
        """
}
