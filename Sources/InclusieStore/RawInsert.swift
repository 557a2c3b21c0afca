import GRDB
import GRDBSQLite

/// A value an import binds straight to a statement through SQLite's C interface.
///
/// GRDB turns every argument into a `DatabaseValue` and checks the arguments against the statement before
/// binding them; importing 3,420 municipalities binds some ten million values, and that work was most of
/// the import. The values are stored as GRDB stores them (a `Bool` as 0 or 1, `nil` as NULL), so the
/// database holds the same rows.
protocol RawBindable {
    func append(to values: inout RawValues)
}

/// The values of one statement's parameters, in order, kept without a box or an allocation per value.
///
/// Texts are copied into one buffer and bound from there without SQLite copying them again: a copy of
/// its own, one allocation per text, was a tenth of the import.
struct RawValues {
    private enum Value {
        case null
        case integer(Int64)
        case text(Range<Int>)
    }

    private var values: [Value] = []
    private var bytes: [UInt8] = []

    var count: Int { values.count }

    mutating func appendNull() {
        values.append(.null)
    }

    mutating func append(_ integer: Int64) {
        values.append(.integer(integer))
    }

    mutating func append(_ text: String) {
        let start = bytes.count
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
        values.append(.text(start..<bytes.count))
    }

    mutating func removeAll() {
        values.removeAll(keepingCapacity: true)
        bytes.removeAll(keepingCapacity: true)
    }

    /// Binds the values to `statement`, one for each `?`, runs it once and resets it.
    ///
    /// The texts are bound as `SQLITE_STATIC`: SQLite reads them from this buffer, which stays put until
    /// the statement has run. The bindings are cleared before the buffer is let go, so no statement ever
    /// holds an address that is no longer ours.
    func execute(_ statement: Statement) throws {
        let handle = statement.sqliteStatement
        precondition(Int(sqlite3_bind_parameter_count(handle)) == values.count, "a value for every parameter")
        try bytes.withUnsafeBufferPointer { buffer in
            defer {
                sqlite3_reset(handle)
                sqlite3_clear_bindings(handle)
            }
            for (offset, value) in values.enumerated() {
                let index = Int32(offset + 1)
                let code: Int32
                switch value {
                case .null:
                    code = sqlite3_bind_null(handle, index)
                case .integer(let integer):
                    code = sqlite3_bind_int64(handle, index, integer)
                case .text(let range):
                    // A buffer of nothing but empty texts may have no address, and nil would bind NULL, not ''.
                    guard let base = buffer.baseAddress else {
                        code = sqlite3_bind_text(handle, index, "", 0, copiedBySQLite)
                        break
                    }
                    code = (base + range.lowerBound).withMemoryRebound(to: CChar.self, capacity: range.count) {
                        sqlite3_bind_text(handle, index, $0, Int32(range.count), readInPlaceBySQLite)
                    }
                }
                guard code == SQLITE_OK else { throw statement.rawError(code) }
            }
            let code = sqlite3_step(handle)
            guard code == SQLITE_DONE else { throw statement.rawError(code) }
        }
    }
}

/// SQLite copies the bytes of a bound text before the call returns.
private let copiedBySQLite = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
/// SQLite reads the bytes of a bound text where they are, until the binding is cleared.
private let readInPlaceBySQLite = unsafeBitCast(0, to: sqlite3_destructor_type.self)

extension Int64: RawBindable {
    func append(to values: inout RawValues) { values.append(self) }
}

extension Int: RawBindable {
    func append(to values: inout RawValues) { values.append(Int64(self)) }
}

extension Bool: RawBindable {
    func append(to values: inout RawValues) { values.append(self ? 1 : 0) }
}

extension String: RawBindable {
    func append(to values: inout RawValues) { values.append(self) }
}

extension Optional: RawBindable where Wrapped: RawBindable {
    func append(to values: inout RawValues) {
        switch self {
        case .some(let value): value.append(to: &values)
        case .none: values.appendNull()
        }
    }
}

extension EvidenceRecord.Subject: RawBindable {
    func append(to values: inout RawValues) { values.append(rawValue) }
}

extension RawValues {
    /// Appends one row's values, each of its own type: no array and no box per row.
    mutating func append<each Value: RawBindable>(row: repeat each Value) {
        repeat (each row).append(to: &self)
    }
}

extension Statement {
    fileprivate func rawError(_ code: Int32) -> DatabaseError {
        DatabaseError(
            resultCode: ResultCode(rawValue: code),
            message: String(cString: sqlite3_errmsg(sqlite3_db_handle(sqliteStatement))), sql: sql)
    }
}
