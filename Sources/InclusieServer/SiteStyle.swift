/// The site's one stylesheet, served from `/style.css` so the Content-Security-Policy can forbid inline
/// styles. Colours keep a contrast of at least 4.5:1 (WCAG AA); focus is always visible.
public enum SiteStyle {
    public static let css = """
        :root { color-scheme: light; --ink: #1a1a1a; --muted: #4a4a4a; --link: #1d4ed8; --line: #c8c8c8; --warn: #8a4b00; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); background: #fff; }
        a { color: var(--link); }
        a:focus-visible, button:focus-visible, select:focus-visible, input:focus-visible, [tabindex]:focus-visible {
            outline: 3px solid #b45309; outline-offset: 2px; }
        .skip { position: absolute; left: -999px; top: 0; background: #fff; padding: .5rem; }
        .skip:focus { left: .5rem; }
        header { border-bottom: 1px solid var(--line); padding: .5rem 1rem; }
        header ul { list-style: none; display: flex; flex-wrap: wrap; gap: 1rem; margin: 0; padding: 0; }
        header .brand { font-weight: 700; }
        main { padding: 1rem; max-width: 90rem; }
        main:focus { outline: none; }
        footer { border-top: 1px solid var(--line); padding: .5rem 1rem; color: var(--muted); }
        fieldset { border: 1px solid var(--line); display: flex; flex-wrap: wrap; gap: 1rem; align-items: end; }
        .field { display: flex; flex-direction: column; }
        select, input, button { font: inherit; padding: .25rem .5rem; }
        .cards { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(20rem, 1fr)); gap: 1rem; }
        .card { border: 1px solid var(--line); border-radius: .5rem; padding: .75rem 1rem; }
        .card.not-policy { border-left: .5rem solid var(--warn); }
        .card h2 { font-size: 1.1rem; margin: 0 0 .25rem; }
        dl { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; margin: .5rem 0; }
        dt { font-weight: 600; }
        dd { margin: 0; }
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
        .table-wrap { overflow-x: auto; max-width: 100%; }
        table { border-collapse: collapse; margin: .5rem 0; }
        caption { text-align: left; font-weight: 600; padding: .25rem 0; }
        th, td { border: 1px solid var(--line); padding: .25rem .5rem; vertical-align: top; text-align: left; }
        thead th { background: #f0f0f0; }
        .side-by-side { display: grid; grid-template-columns: repeat(auto-fill, minmax(22rem, 1fr)); gap: 1rem; }
        .programme-column { border: 1px solid var(--line); border-radius: .5rem; padding: .5rem 1rem; }
        .search-results { display: grid; grid-template-columns: minmax(12rem, 18rem) 1fr; gap: 2rem; }
        .facet ul { list-style: none; padding: 0; }
        mark { background: #ffe066; color: #000; }
        .where, .note, .empty, .definition { color: var(--muted); }
        .pagination { display: flex; gap: 1rem; margin: 1rem 0; }
        @media (max-width: 40rem) { .search-results { grid-template-columns: 1fr; } }
        """
}
