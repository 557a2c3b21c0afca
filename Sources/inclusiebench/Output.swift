import Foundation
import InclusieExport

/// Writes a view in the format the user asked for.
enum Output {
    static func write<View: Encodable>(_ view: View, tables: [ResultTable], options: ViewOptions) throws {
        switch options.format {
        case .table:
            print(tables.map { TerminalRenderer.render($0, language: options.lang) }.joined(separator: "\n"), terminator: "")
        case .markdown:
            print(tables.map { MarkdownRenderer.render($0, language: options.lang) }.joined(separator: "\n"), terminator: "")
        case .csv:
            // One CSV holds one table: the main one. `inclusiebench export` writes every table to its own file.
            if let table = tables.first {
                FileHandle.standardOutput.write(try CSVRenderer.render(table, dialect: options.dialect))
            }
        case .json:
            FileHandle.standardOutput.write(try JSONRendering.encode(view))
            print()
        }
    }
}
