import CSV
import Foundation
import InclusieComparison
@testable import InclusieExport
import InclusieModel
import InclusiePlugins
import InclusieStore
import InclusieSynthetic
import Testing

/// `compare` reads only the parts of the catalog its view needs. Whatever it leaves out, every view must
/// come out the same to the byte as from the whole catalog, which is what the web server and `export` use.
@Suite struct LeanReadTests {
    /// Every table of every view as CSV in both dialects and as JSON, in Dutch and English.
    private func renderings(_ view: ViewName, catalog: Catalog) throws -> [Data] {
        var result: [Data] = []
        for language in Language.allCases {
            let built = view.build(catalog: catalog, scope: ComparisonScope(language: language))
            result.append(try JSONRendering.encode(built))
            for table in built.tables(catalog: catalog, language: language) {
                for dialect in CSVDialect.allCases {
                    result.append(try CSVRenderer.render(table, dialect: dialect))
                }
            }
        }
        return result
    }

    /// In memory and from a file (a pool of connections in WAL mode), the lean reads must give the same views.
    private func expectLeanEqualsWhole(_ catalog: Catalog) throws {
        let file = try TestSupport.temporaryDirectory().appendingPathComponent("lean.sqlite").path
        for (store, kind) in [(try Store.inMemory(), "in memory"), (try Store(path: file), "from a file")] {
            try store.replaceAll(with: catalog)
            #expect(try store.catalog(parts: .all) == catalog, "the whole catalog read \(kind)")
            for view in ViewName.allCases {
                let lean = try store.catalog(parts: view.parts, programmes: view.programmes)
                let whole = try renderings(view, catalog: catalog)
                let fromLean = try renderings(view, catalog: lean)
                #expect(whole.count == fromLean.count)
                for (index, (expected, actual)) in zip(whole, fromLean).enumerated() {
                    #expect(expected == actual, "\(view.rawValue), rendering \(index) differs when read lean \(kind)")
                }
            }
        }
    }

    @Test func everyViewIsTheSameFromTheLeanReadOnTheBundledMunicipalities() throws {
        try expectLeanEqualsWhole(try TestSupport.loadRealPlugins().catalog())
    }

    @Test func everyViewIsTheSameFromTheLeanReadOnSyntheticMunicipalities() throws {
        let catalog = try TestSupport.syntheticCatalog()
        #expect(catalog.programmes.contains { $0.author.type == .party }, "the proposals view has something to compare")
        try expectLeanEqualsWhole(catalog)
    }

    @Test func aLeanReadLeavesOutWhatItWasNotAskedFor() throws {
        let store = try Store.inMemory()
        try store.replaceAll(with: try TestSupport.loadRealPlugins().catalog())
        let lean = try store.catalog(parts: [.items, .itemThemes])
        let items = lean.programmes.flatMap(\.items)
        #expect(!items.isEmpty)
        #expect(items.allSatisfy { $0.evidence.isEmpty && $0.years.isEmpty && $0.description == nil })
        #expect(items.allSatisfy { $0.instruments.isEmpty && $0.roles.isEmpty && $0.targetGroups.isEmpty })
        #expect(items.contains { !$0.themes.isEmpty })
        #expect(lean.programmes.allSatisfy { $0.partners.isEmpty && $0.evidence.isEmpty })
        #expect(try store.catalog(parts: [.budgets]).programmes.allSatisfy { $0.items.isEmpty })
    }

    /// The proposals view reads only the municipalities where a party wrote a programme, and all of them.
    @Test func theProposalsViewReadsOnlyMunicipalitiesWithAPartyProgramme() throws {
        let catalog = try TestSupport.syntheticCatalog()
        let store = try Store.inMemory()
        try store.replaceAll(with: catalog)
        let lean = try store.catalog(parts: .all, programmes: .municipalitiesWithPartyProgrammes)
        let withParty = Set(catalog.programmes.filter { $0.author.type == .party }.map(\.municipalitySlug))
        #expect(!withParty.isEmpty && withParty.count < catalog.municipalities.count)
        #expect(lean.programmes == catalog.programmes.filter { withParty.contains($0.municipalitySlug) })
        #expect(lean.municipalities == catalog.municipalities)
    }

    /// Side by side reads only the programmes `--only` names, by municipality or key; a name with a quote
    /// is a name, not SQL.
    @Test func sideBySideReadsOnlyTheNamedProgrammes() throws {
        let catalog = try TestSupport.syntheticCatalog()
        let store = try Store.inMemory()
        try store.replaceAll(with: catalog)
        let first = try #require(catalog.programmes.first)
        let other = try #require(catalog.programmes.first { $0.municipalitySlug != first.municipalitySlug })
        let names: Set<String> = [first.municipalitySlug, other.key, "x') OR 1=1 --", "o'neill"]
        let lean = try store.catalog(parts: ViewName.sideBySide.parts, programmes: .named(names))
        let expected = catalog.programmes.filter { $0.municipalitySlug == first.municipalitySlug || $0.key == other.key }
        #expect(lean.programmes.map(\.key) == expected.map(\.key))
        #expect(lean.municipalities.map(\.slug) == catalog.municipalities.map(\.slug))
        #expect(try store.catalog(programmes: .named([])).programmes.isEmpty)
        // The view over the lean catalog is the view over the whole one.
        let scope = ComparisonScope(only: names, language: .nl)
        let whole = try JSONRendering.encode(ViewName.sideBySide.build(catalog: catalog, scope: scope))
        let read = try JSONRendering.encode(ViewName.sideBySide.build(catalog: lean, scope: scope))
        #expect(whole == read)
    }

    /// The byte writer against CSV.swift's writer, which wrote every CSV before it, on text that needs quoting.
    @Test func csvIsWrittenAsCSVSwiftWroteIt() throws {
        let awkward = [
            "plain", "", "één; twee", "a,b", "zei \"ja\"", "\"", "regel\neen", "cr\rlf", "crlf\r\ntwee", "€ 1.000,50",
            "=SUM(A1)", "-5", "@home", "tab\tin", "emoji 🇳🇱", "  spaties  ",
        ]
        for dialect in CSVDialect.allCases {
            let header = ["kolom", "getal"]
            let rows = awkward.enumerated().map { index, text -> [TableCell] in [.text(text), .integer(index - 3)] }
            let written = try CSVRenderer.render(header: header, rows: rows, dialect: dialect)

            let stream = OutputStream(toMemory: ())
            stream.open()
            let writer = try CSVWriter(stream: stream, delimiter: dialect == .excelNL ? ";" : ",", newline: .crlf)
            for row in [header] + rows.map({ $0.map { CSVRenderer.field($0, dialect: dialect) } }) {
                try writer.write(row: row)
            }
            writer.beginNewRow()
            try writer.write(field: "")
            stream.close()
            let reference = try #require(stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data)
            let bom = dialect == .excelNL ? Data([0xEF, 0xBB, 0xBF]) : Data()
            #expect(written == bom + reference, "\(dialect.rawValue)")
        }
    }
}
