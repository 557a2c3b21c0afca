import Foundation
import InclusieComparison
import InclusieExport
import InclusieModel
import InclusieReport
import Testing

/// The HTML report: every section there, nothing fetched from the network, all text escaped, every
/// footnote resolving to a quote with its source.
@Suite struct ReportTests {
    static func render(_ catalog: Catalog, scope: ComparisonScope = ComparisonScope()) throws -> String {
        HTMLReport(catalog: catalog, scope: scope, dataVersion: try DataVersion(catalog: catalog, schema: "test-schema")).render()
    }

    static func realCatalog() throws -> Catalog {
        try TestSupport.loadRealPlugins().catalog()
    }

    @Test func everySectionIsThere() throws {
        let catalog = try Self.realCatalog()
        let html = try Self.render(catalog)
        for id in HTMLReport.sectionIDs {
            #expect(html.contains("id=\"\(id)\""), "section \(id)")
        }
        for programme in catalog.programmes {
            #expect(html.contains(programme.sourceFile), "card and footnotes name \(programme.sourceFile)")
        }
        #expect(html.contains("Thema's per programma (heatmap)"))
        #expect(html.contains("class=\"heatmap themes\""))
        #expect(html.contains("Rollen van de gemeente"))
        #expect(html.contains("Begroting per inwoner per jaar"))
        #expect(html.components(separatedBy: "<svg").count - 1 >= 3, "two budget charts and the proposal bar")
        #expect(html.contains("€ 564.000"), "Almere's 2020 budget is in the chart")
        #expect(html.contains("geen eigen begroting"), "a programme without a budget says so rather than showing € 0")
        #expect(html.contains("noemt het onderwerp"), "the proposals' verdicts on the four levels")
        #expect(html.contains("Witte vlekken"))
        #expect(html.contains("Jaccard"), "views without a section of their own appear as tables")
    }

    @Test func cardCountsCitedSourcesApartFromPartners() throws {
        // Almere names 24 organisations; the SCP and the two universities are only cited as sources.
        let html = try Self.render(try Self.realCatalog())
        #expect(html.contains("21 partners, 3 aangehaalde bronnen"))
        // The card lists both by name, each under its own heading.
        let partners = try #require(html.range(of: "<dt>Partners</dt>"))
        let cited = try #require(html.range(of: "<dt>Aangehaalde bronnen</dt>"))
        let scp = try #require(html.range(of: "<li>Sociaal Cultureel Planbureau"))
        let avanti = try #require(html.range(of: "<li>Avanti Almere"))
        #expect(partners.upperBound < avanti.lowerBound && avanti.lowerBound < cited.lowerBound)
        #expect(cited.upperBound < scp.lowerBound, "the SCP is listed as a cited source, not as a partner")
    }

    @Test func reportIsSelfContainedAndPrintable() throws {
        let html = try Self.render(try Self.realCatalog())
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<meta charset=\"UTF-8\""))
        for remote in [#"src="http"#, #"href="http"#, #"src="//"#, #"href="//"#, "url(http", "@import"] {
            #expect(!html.contains(remote), "nothing is fetched: \(remote)")
        }
        #expect(!html.contains("<script"), "no scripts at all")
        #expect(!html.contains("rel=\"stylesheet\""))
        #expect(html.contains("<style>"))
        #expect(html.contains("@page { size: A4 landscape"))
    }

    @Test func allTextIsEscaped() throws {
        var catalog = try Self.realCatalog()
        catalog.programmes[0].title = "<script>alert(\"x\")</script> Café & co"
        catalog.programmes[0].evidence[0].quote = "<img src=x onerror=alert(1)> AT&amp;T"
        catalog.programmes[0].items[0].title = "<b>vet</b> \"quoted\" 'single'"
        let html = try Self.render(catalog)
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("&lt;script&gt;alert(\"x\")&lt;/script&gt; Café &amp; co"))
        #expect(!html.contains("<img src=x"))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt; AT&amp;amp;T"), "a literal entity shows as written")
        #expect(!html.contains("<b>vet</b>"))
        #expect(html.contains("&lt;b&gt;vet&lt;/b&gt;"))
    }

    @Test func everyFootnoteResolvesToAQuoteWithItsSource() throws {
        let catalog = try Self.realCatalog()
        let html = try Self.render(catalog)
        let references = Set(html.matches(of: /href="#fn-(\d+)"/).map { Int($0.output.1)! })
        let targets = html.matches(of: /<li id="fn-(\d+)">/).map { Int($0.output.1)! }
        #expect(!targets.isEmpty)
        #expect(references == Set(targets), "every reference has a footnote and every footnote is referenced")
        #expect(targets == Array(1...targets.count), "numbered in order")
        let sourceFiles = Set(catalog.programmes.map(\.sourceFile))
        for entry in html.split(separator: "<li id=\"fn-").dropFirst() {
            let footnote = String(entry).components(separatedBy: "</li>")[0]
            #expect(footnote.contains("<q>"), "\(footnote.prefix(80))")
            #expect(sourceFiles.contains { footnote.contains("<cite>\($0)</cite>") }, "\(footnote.prefix(80))")
        }
        let almere = try #require(catalog.programme("almere/actieprogramma-2020-2022"))
        #expect(html.contains(almere.evidence[0].quote), "the programme card cites its quote")
    }

    @Test func onlyLimitsTheProgrammesShown() throws {
        let html = try Self.render(try Self.realCatalog(), scope: ComparisonScope(only: ["arnhem"]))
        #expect(html.contains("Inclusief Arnhem"))
        #expect(!html.contains("BIJ1"))
        #expect(html.contains("Geen partijprogramma met een beleidsprogramma van dezelfde gemeente in deze selectie."))
        for id in HTMLReport.sectionIDs {
            #expect(html.contains("id=\"\(id)\""), "section \(id) is there even when empty")
        }
    }

    @Test func englishReport() throws {
        let html = try Self.render(try Self.realCatalog(), scope: ComparisonScope(language: .en))
        #expect(html.contains("<html lang=\"en\">"))
        #expect(html.contains("Themes by programme (heat map)"))
        #expect(html.contains("€564,000"))
        #expect(html.contains("not policy"))
    }

    @Test func reportCommandWritesTheFile() throws {
        let workspace = try TestSupport.temporaryDirectory()
        let out = workspace.appendingPathComponent("rapport.html")
        let arguments = [
            "report", "--out", out.path, "--only", "almere", "--municipalities", TestSupport.municipalities,
            "--db", workspace.appendingPathComponent("report.sqlite").path,
        ]
        let result = try TestSupport.run(arguments)
        #expect(result.status == 0, "\(result.error)")
        let html = try String(contentsOf: out, encoding: .utf8)
        #expect(html.contains("id=\"proposals\""))
        #expect(html.contains("BIJ1"))
        let unknown = try TestSupport.run(["report", "--out", out.path, "--only", "atlantis", "--db", workspace.appendingPathComponent("report.sqlite").path, "--municipalities", TestSupport.municipalities])
        #expect(unknown.status != 0)
        #expect(unknown.error.contains("Geen programma past bij --only atlantis"))
    }
}
