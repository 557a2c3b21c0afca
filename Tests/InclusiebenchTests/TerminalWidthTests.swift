import Foundation
import InclusieComparison
import InclusieExport
import InclusieModel
import Testing

/// `compare` in a terminal fits the window; piped, it writes what it always wrote.
@Suite struct TerminalWidthTests {
    /// The lines of a rendered table that belong to the grid: headings, rule and rows.
    private func gridLines(_ text: String) -> [Substring] {
        text.split(separator: "\n").filter { $0.contains("│") || $0.contains("┼") }
    }

    @Test func theThemeMatrixFitsEightyColumns() throws {
        let catalog = try TestSupport.loadRealPlugins().catalog()
        let table = try #require(CoverageMatrix(facet: .theme, catalog: catalog, scope: ComparisonScope()).mainTable(catalog: catalog, language: .nl))
        let full = TerminalRenderer.render(table, language: .nl)
        #expect(gridLines(full).contains { $0.count > 80 }, "the full table is wider than 80 columns, or this test tests nothing")
        let fitted = TerminalRenderer.render(table, language: .nl, fitting: 80)
        let lines = gridLines(fitted)
        #expect(lines.count >= table.rows.count + 2)
        #expect(lines.allSatisfy { $0.count <= 80 }, "\(lines.filter { $0.count > 80 }.first ?? "")")
        // Shortened cells say so, and every theme still has its line.
        #expect(fitted.contains("…"))
        #expect(TerminalRenderer.render(table, language: .nl, fitting: 10_000) == full)
    }

    @Test func pipedOutputIsTheSameWithOrWithoutWide() throws {
        let database = try TestSupport.temporaryDirectory().appendingPathComponent("width.sqlite").path
        let arguments = ["compare", "themes", "--municipalities", TestSupport.municipalities, "--db", database]
        let plain = try TestSupport.run(arguments)
        let wide = try TestSupport.run(arguments + ["--wide"])
        #expect(plain.status == 0, "\(plain.error)")
        #expect(plain.output == wide.output)
        #expect(gridLines(plain.output).contains { $0.count > 80 })
    }

    /// Under a real terminal (a pseudo-terminal made by `script`) the table fits COLUMNS; `--wide` does not.
    @Test func aTerminalGetsATableThatFits() throws {
        let script = "/usr/bin/script"
        guard FileManager.default.isExecutableFile(atPath: script) else {
            print("skipped: \(script) (util-linux) is not installed, so no pseudo-terminal can be made")
            return
        }
        let database = try TestSupport.temporaryDirectory().appendingPathComponent("tty.sqlite").path
        let command = "COLUMNS=80 '\(TestSupport.executable.path)' compare themes --municipalities '\(TestSupport.municipalities)' --db '\(database)'"
        let fitted = try TestSupport.runTool(script, ["-qec", command, "/dev/null"])
        #expect(fitted.status == 0, "\(fitted.error)")
        let lines = gridLines(fitted.output.replacingOccurrences(of: "\r", with: ""))
        #expect(lines.count > 40)
        #expect(lines.allSatisfy { $0.count <= 80 })
        let wide = try TestSupport.runTool(script, ["-qec", command + " --wide", "/dev/null"])
        #expect(gridLines(wide.output.replacingOccurrences(of: "\r", with: "")).contains { $0.count > 80 })
    }
}
