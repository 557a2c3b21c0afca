/// The site's one stylesheet, served from `/style.css` so the Content-Security-Policy can forbid inline
/// styles. Colours keep a contrast of at least 4.5:1 (WCAG AA); focus is always visible.
enum SiteStyle {
    static let css = """
        :root { color-scheme: light; --ink: #1a1a1a; --muted: #4a4a4a; --link: #1d4ed8; --line: #c8c8c8; --warn: #8a4b00; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); background: #fff; }
        a { color: var(--link); }
        a:focus-visible, button:focus-visible, select:focus-visible, input:focus-visible, [tabindex]:focus-visible {
            outline: 3px solid #b45309; outline-offset: 2px; }
        .skip { position: absolute; left: -999px; top: 0; background: #fff; padding: .5rem; }
        .skip:focus { left: .5rem; }
        header { border-bottom: 1px solid var(--line); padding: .5rem 1rem; display: flex; flex-wrap: wrap; gap: .5rem 2rem; align-items: center; justify-content: space-between; }
        .site-search { display: flex; gap: .25rem; }
        .site-search input { width: 14rem; max-width: 55vw; }
        .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        header ul { list-style: none; display: flex; flex-wrap: wrap; gap: 1rem; margin: 0; padding: 0; }
        header .brand { font-weight: 700; }
        main { padding: 1rem; max-width: 90rem; }
        main:focus { outline: none; }
        footer { border-top: 1px solid var(--line); padding: .5rem 1rem; color: var(--muted); }
        fieldset { border: 1px solid var(--line); display: flex; flex-wrap: wrap; gap: 1rem; align-items: end; min-width: 0; }
        .field { display: flex; flex-direction: column; min-width: 0; max-width: 100%; }
        select { max-width: 100%; }
        select, input, button { font: inherit; padding: .25rem .5rem; }
        .cards { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(min(20rem, 100%), 1fr)); gap: 1rem; }
        .card { border: 1px solid var(--line); border-radius: .5rem; padding: .75rem 1rem; }
        .card.not-policy { border-left: .5rem solid var(--warn); }
        .card h2 { font-size: 1.1rem; margin: 0 0 .25rem; }
        dl { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: .1rem 1rem; margin: .5rem 0; }
        dt { font-weight: 600; }
        dd { margin: 0; min-width: 0; overflow-wrap: anywhere; }
        .mark, .warning { color: var(--warn); font-weight: 600; }
        .mark { margin-right: .5rem; }
        .notice { border: 2px solid var(--warn); padding: .5rem 1rem; color: var(--warn); }
        .tree, .tree ol { padding-left: 1.25rem; }
        .tree article { border-left: 3px solid var(--line); padding-left: .75rem; margin: .75rem 0; }
        .tree h3 { font-size: 1rem; margin: 0; }
        .native-type { color: var(--muted); font-weight: 400; }
        .codes { list-style: none; display: flex; flex-wrap: wrap; gap: .5rem; padding: 0; margin: 0; }
        figure { margin: .5rem 0; }
        blockquote { margin: 0; padding-left: .75rem; border-left: 3px solid var(--link); font-style: italic; }
        blockquote p { margin: 0; }
        figcaption { color: var(--muted); font-size: .875rem; }
        .table-wrap { overflow: auto; max-width: 100%; max-height: 80vh; margin: .5rem 0; }
        table { border-collapse: separate; border-spacing: 0; }
        .table-wrap thead th { position: sticky; top: 0; z-index: 2; }
        .table-wrap tbody th { position: sticky; left: 0; z-index: 1; background: #fff; }
        .table-wrap td { min-width: 6rem; }
        .table-wrap thead th:first-child { left: 0; z-index: 3; }
        .compact-cell { position: relative; display: inline-block; min-width: 2rem; font-weight: 600; }
        .compact-cell .words { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; font-weight: 400; }
        .compact-cell:focus .words, .compact-cell:hover .words { position: static; display: block; width: auto; height: auto;
            overflow: visible; clip: auto; white-space: normal; max-width: 18rem; }
        caption { text-align: left; font-weight: 600; padding: .25rem 0; }
        th, td { border: 0 solid var(--line); border-width: 0 1px 1px 0; padding: .25rem .5rem; vertical-align: top; text-align: left; }
        tr > :first-child { border-left-width: 1px; }
        thead th { border-top-width: 1px; }
        thead th { background: #f0f0f0; }
        .side-by-side { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(22rem, 100%), 1fr)); gap: 1rem; }
        .programme-column { border: 1px solid var(--line); border-radius: .5rem; padding: .5rem 1rem; }
        .search-results { display: grid; grid-template-columns: minmax(12rem, 18rem) 1fr; gap: 2rem; }
        .facet ul { list-style: none; padding: 0; }
        mark { background: #ffe066; color: #000; }
        .where, .note, .empty, .definition { color: var(--muted); }
        .pagination { display: flex; gap: 1rem; margin: 1rem 0; }
        .chart-figure { margin: 1rem 0 1.5rem; }
        .chart-figure > figcaption { color: var(--ink); font-weight: 600; font-size: 1rem; }
        .chart-wrap { overflow-x: auto; max-width: 100%; }
        svg.chart { display: block; font-family: inherit; }
        svg.chart text { font-size: 12px; fill: var(--ink); }
        svg.chart text.group { font-weight: 600; }
        svg.chart text.muted { fill: var(--muted); font-style: italic; }
        svg.chart text.count { font-size: 11px; } svg.chart text.count.on-dark { fill: #fff; }
        svg.chart a:hover rect, svg.chart a:focus rect { stroke: #b45309; stroke-width: 3; }
        svg.chart a:focus { outline: none; }
        .not-stated { font-style: italic; color: var(--muted); }
        .aligned-items { margin: 0; padding-left: 1rem; min-width: 14rem; }
        .aligned-items li { margin-bottom: .5rem; }
        .aligned-items blockquote { font-size: .875rem; }
        .peer-themes { padding-left: 1.25rem; }
        .peer-themes h3 { font-size: 1rem; margin: .75rem 0 .25rem; }
        .breadcrumb, .lead { color: var(--muted); margin: .25rem 0; }
        h1, h2, h3 { overflow-wrap: break-word; hyphens: auto; }
        @media (max-width: 40rem) { .search-results { grid-template-columns: 1fr; } main { padding: .5rem; } h1 { font-size: 1.6rem; } }
        @page { size: A4 landscape; margin: 10mm; }
        @media print {
            header nav, .site-search, .skip, form, .downloads, .cli, .pagination, footer { display: none; }
            body { font-size: 9pt; }
            main { max-width: none; padding: 0; }
            .table-wrap, .chart-wrap { overflow: visible; max-height: none; }
            .table-wrap thead th, .table-wrap tbody th { position: static; }
            thead { display: table-header-group; }
            tr, figure { break-inside: avoid; }
            a { color: inherit; text-decoration: none; }
            svg.chart.heat-map { height: 170mm; width: auto; max-width: 100%; }
        }
        """
}
