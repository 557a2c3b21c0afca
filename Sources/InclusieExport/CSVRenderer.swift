import CSV
import Dispatch
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
        var output = Data(dialect.byteOrderMark ? [0xEF, 0xBB, 0xBF] : [])
        output.append(try lines([header.map(neutralise)], dialect: dialect))
        // A large table is written in two halves on two cores; each half is a run of whole lines, so the
        // bytes are the same as writing it in one go.
        let isLarge = rows.count >= 2 && rows.count * header.count >= 10_000
        let halves = isLarge ? [rows[..<(rows.count / 2)], rows[(rows.count / 2)...]] : [rows[...]]
        let written = WrittenHalves(count: halves.count)
        DispatchQueue.concurrentPerform(iterations: halves.count) { index in
            written.store(
                Result { try lines(halves[index].map { $0.map { field($0, dialect: dialect) } }, dialect: dialect) },
                at: index)
        }
        for half in written.results {
            output.append(try half.get())
        }
        return output
    }

    /// Rows as CSV lines, each ending in CRLF, written by CSV.swift.
    private static func lines(_ rows: [[String]], dialect: CSVDialect) throws -> Data {
        let stream = MemoryOutputStream()
        stream.open()
        let writer = try CSVWriter(stream: stream, delimiter: dialect.delimiter, newline: .crlf)
        for row in rows {
            try writer.write(row: row)
        }
        // CSV.swift ends the last row without a line break; an empty field on a new row writes that break.
        if !rows.isEmpty {
            writer.beginNewRow()
            try writer.write(field: "")
        }
        writer.stream.close()
        return Data(stream.bytes)
    }

    static func field(_ cell: TableCell, dialect: CSVDialect) -> String {
        switch cell {
        case .text(let text): neutralise(text)
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
        guard let first = text.unicodeScalars.first else { return text }
        return ["=", "+", "-", "@", "\t", "\r", "\n"].contains(first) ? "'" + text : text
    }
}

/// An output stream that appends to a byte buffer in Swift.
///
/// CSV.swift writes one byte per call; Foundation's memory stream on Linux costs far more per call than
/// the byte itself, which made CSV the slowest part of every view for 342 municipalities.
final class MemoryOutputStream: OutputStream {
    private(set) var bytes: [UInt8] = []
    private var status: Stream.Status = .notOpen

    init() {
        super.init(toMemory: ())
    }

    required init(toMemory: ()) {
        super.init(toMemory: ())
    }

    override var streamStatus: Stream.Status { status }
    override var hasSpaceAvailable: Bool { true }
    override func open() { status = .open }
    override func close() { status = .closed }

    override func write(_ buffer: UnsafePointer<UInt8>, maxLength length: Int) -> Int {
        if length == 1 {
            bytes.append(buffer.pointee)
        } else {
            bytes.append(contentsOf: UnsafeBufferPointer(start: buffer, count: length))
        }
        return length
    }
}

/// The results of writing parts of a table in parallel, one slot per part.
private final class WrittenHalves: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<Data, any Error>]

    init(count: Int) {
        slots = Array(repeating: .success(Data()), count: count)
    }

    func store(_ result: Result<Data, any Error>, at index: Int) {
        lock.withLock { slots[index] = result }
    }

    var results: [Result<Data, any Error>] { lock.withLock { slots } }
}
