import CSV
import Foundation
import InclusieModel

/// The two CSV dialects: what Dutch Excel and CBS StatLine downloads use, and plain RFC 4180.
public enum CSVDialect: String, CaseIterable, Sendable {
    case excelNL = "excel-nl"
    case rfc4180

    var delimiter: String { self == .excelNL ? ";" : "," }
    var decimalSeparator: String { self == .excelNL ? "," : "." }
    /// Excel only reads a CSV as UTF-8 when it starts with a byte order mark.
    var byteOrderMark: Bool { self == .excelNL }
}

/// Writes tables as CSV through CSV.swift, with money in euros and formula injection neutralised.
public enum CSVRenderer {
    public static func render(_ table: ResultTable, dialect: CSVDialect) throws -> Data {
        try render(header: table.columns, rows: table.rows, dialect: dialect)
    }

    public static func render(header: [String], rows: [[TableCell]], dialect: CSVDialect) throws -> Data {
        let stream = OutputStream(toMemory: ())
        stream.open()
        if dialect.byteOrderMark {
            let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
            guard stream.write(bom, maxLength: bom.count) == bom.count else { throw CSVError.cannotWriteStream }
        }
        let writer = try CSVWriter(stream: stream, delimiter: dialect.delimiter, newline: .crlf)
        try writer.write(row: header.map(neutralise))
        for row in rows {
            try writer.write(row: row.map { field($0, dialect: dialect) })
        }
        // CSV.swift ends the last row without a line break; an empty field on a new row writes that break.
        writer.beginNewRow()
        try writer.write(field: "")
        writer.stream.close()
        return stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
    }

    static func field(_ cell: TableCell, dialect: CSVDialect) -> String {
        switch cell {
        case .text(let text): neutralise(text)
        case .integer(let value): String(value)
        case .money(let money): money.plainEuros(decimalSeparator: dialect.decimalSeparator)
        case .decimal(let value): value.replacingOccurrences(of: ".", with: dialect.decimalSeparator)
        case .empty: ""
        }
    }

    /// OWASP CSV injection: text that a spreadsheet would run as a formula gets a leading apostrophe.
    ///
    /// Only text cells pass through here; numbers, negative ones included, are written as numbers.
    static func neutralise(_ text: String) -> String {
        guard let first = text.unicodeScalars.first else { return text }
        return ["=", "+", "-", "@", "\t", "\r", "\n"].contains(first) ? "'" + text : text
    }
}
