import Foundation
import InclusieModel

/// The two CSV dialects: what Dutch Excel and CBS StatLine downloads use, and plain RFC 4180.
public enum CSVDialect: String, CaseIterable, Sendable {
    case excelNL = "excel-nl"
    case rfc4180

    var delimiter: String { self == .excelNL ? ";" : "," }
    var delimiterByte: UInt8 { self == .excelNL ? UInt8(ascii: ";") : UInt8(ascii: ",") }
    var decimalSeparator: String { self == .excelNL ? "," : "." }
    /// Excel only reads a CSV as UTF-8 when it starts with a byte order mark.
    var byteOrderMark: Bool { self == .excelNL }
}

/// Writes tables as CSV, with money in euros and formula injection neutralised.
///
/// Fields are written straight into a byte buffer: a field is quoted when it holds a double quote, the
/// delimiter, CR or LF, and a double quote inside it is doubled (RFC 4180); lines end in CRLF.
///
/// Not through CSV.swift's `CSVWriter`, although it writes the same bytes for ordinary text (the tests
/// use it as their reference): it decides on quoting by `Character`, so a delimiter or a double quote
/// followed by a combining mark (`;\u{301}`) is written unquoted and splits or breaks the row in a
/// spreadsheet; and it hands the stream one byte at a time, seconds for a few megabytes.
public enum CSVRenderer {
    public static func render(_ table: ResultTable, dialect: CSVDialect) throws -> Data {
        try render(header: table.columns, rows: table.rows, dialect: dialect)
    }

    public static func render(header: [String], rows: [[TableCell]], dialect: CSVDialect) throws -> Data {
        var writer = CSVLineWriter(dialect: dialect)
        writer.bytes.reserveCapacity(64 * rows.count + 64)
        writer.writeHeader(header, byteOrderMark: dialect.byteOrderMark)
        for row in rows {
            writer.write(row)
        }
        return Data(writer.bytes)
    }

    static func field(_ cell: TableCell, dialect: CSVDialect) -> String {
        switch cell {
        case .text(let text), .markedText(let text, _): neutralise(text)
        case .integer(let value): String(value)
        case .money(let money): money.plainEuros(decimalSeparator: dialect.decimalSeparator)
        case .decimal(let value): TableCell.decimal(value, separator: dialect.decimalSeparator)
        case .empty: ""
        }
    }

    /// OWASP CSV injection: text that a spreadsheet would run as a formula gets a leading apostrophe.
    ///
    /// Only text cells pass through here; numbers, negative ones included, are written as numbers.
    static func neutralise(_ text: String) -> String {
        // The first byte decides: each of these characters is one byte in UTF-8, and no other
        // character's encoding starts with one of them.
        switch text.utf8.first {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D, 0x0A: "'" + text
        default: text
        }
    }
}

/// CSV lines appended to a byte buffer, so that a long table can also be written a row at a time.
public struct CSVLineWriter: Sendable {
    public var bytes: [UInt8] = []
    private let dialect: CSVDialect

    public init(dialect: CSVDialect) {
        self.dialect = dialect
    }

    /// The header line, after a byte order mark when the dialect wants one.
    public mutating func writeHeader(_ columns: [String], byteOrderMark: Bool) {
        if byteOrderMark { bytes += [0xEF, 0xBB, 0xBF] }
        for (index, column) in columns.enumerated() {
            if index > 0 { bytes.append(dialect.delimiterByte) }
            append(CSVRenderer.neutralise(column))
        }
        endLine()
    }

    public mutating func write(_ row: [TableCell]) {
        for (index, cell) in row.enumerated() {
            if index > 0 { bytes.append(dialect.delimiterByte) }
            switch cell {
            case .empty: break
            case .integer(let value): append(String(value))
            default: append(CSVRenderer.field(cell, dialect: dialect))
            }
        }
        endLine()
    }

    private mutating func endLine() {
        bytes.append(0x0D)
        bytes.append(0x0A)
    }

    private mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            let delimiter = dialect.delimiterByte
            guard utf8.contains(where: { $0 == 0x22 || $0 == delimiter || $0 == 0x0D || $0 == 0x0A }) else {
                bytes.append(contentsOf: utf8)
                return
            }
            bytes.append(0x22)
            for byte in utf8 {
                if byte == 0x22 { bytes.append(0x22) }
                bytes.append(byte)
            }
            bytes.append(0x22)
        }
    }
}
