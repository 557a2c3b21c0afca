import Foundation
import InclusieExport
import InclusieModel

/// Writes a view in the format the user asked for.
enum Output {
    /// Writes the view, then ends the process with success without letting the view and the catalog go:
    /// freeing 100,000s of items one by one is work nobody waits for, and the system takes a process's
    /// memory back at once.
    static func writeAndExit(_ view: any TabularView, catalog: Catalog, options: ViewOptions) throws -> Never {
        try write(view, catalog: catalog, options: options)
        withExtendedLifetime((view, catalog)) {
            exit(EXIT_SUCCESS)
        }
    }

    private static func write(_ view: any TabularView, catalog: Catalog, options: ViewOptions) throws {
        // JSON is the view itself: its tables are not built for it.
        var tables: [ResultTable] { view.tables(catalog: catalog, language: options.lang) }
        switch options.format {
        case .table:
            let width = options.wide ? nil : terminalWidth()
            print(tables.map { TerminalRenderer.render($0, language: options.lang, fitting: width) }.joined(separator: "\n"), terminator: "")
        case .markdown:
            print(tables.map { MarkdownRenderer.render($0, language: options.lang) }.joined(separator: "\n"), terminator: "")
        case .csv:
            // One CSV holds one table: the main one. `inclusiebench export` writes every table to its own file.
            if let table = view.mainTable(catalog: catalog, language: options.lang) {
                FileHandle.standardOutput.write(try CSVRenderer.render(table, dialect: options.dialect))
            }
        case .json:
            try FileHandle.standardOutput.write(contentsOf: try view.json())
            print()
        }
    }

    /// The width of the terminal standard output is, from `COLUMNS` or else the terminal itself; nil when
    /// standard output is a pipe or a file, so what a script or an export reads never changes.
    static func terminalWidth() -> Int? {
        guard isatty(STDOUT_FILENO) == 1 else { return nil }
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
        var size = winsize()
        let asked = withUnsafeMutablePointer(to: &size) { ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), $0) }
        return asked == 0 && size.ws_col > 0 ? Int(size.ws_col) : nil
    }
}
