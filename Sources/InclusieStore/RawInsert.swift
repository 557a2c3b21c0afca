import GRDB
import GRDBSQLite

/// A value an import binds straight to a statement through SQLite's C interface.
///
/// GRDB turns every argument into a `DatabaseValue` and checks the arguments against the statement before
/// binding them; importing 3,420 municipalities binds some ten million values, and that work was most of
/// the import. The values are stored as GRDB stores them (a `Bool` as 0 or 1, `nil` as NULL), so the
/// database holds the same rows.
protocol RawBindable {
    func bind(to statement: OpaquePointer, at index: Int32) -> Int32
}

/// SQLite copies the bytes of a bound text before the call returns.
private let copiedBySQLite = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

extension Int64: RawBindable {
    func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        sqlite3_bind_int64(statement, index, self)
    }
}

extension Int: RawBindable {
    func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        sqlite3_bind_int64(statement, index, Int64(self))
    }
}

extension Bool: RawBindable {
    func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        sqlite3_bind_int64(statement, index, self ? 1 : 0)
    }
}

extension String: RawBindable {
    func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        var text = self
        return text.withUTF8 { bytes in
            // An empty buffer may have no address, and a nil address would bind NULL instead of ''.
            guard let address = bytes.baseAddress, !bytes.isEmpty else {
                return sqlite3_bind_text(statement, index, "", 0, copiedBySQLite)
            }
            return address.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                sqlite3_bind_text(statement, index, $0, Int32(bytes.count), copiedBySQLite)
            }
        }
    }
}

extension Optional: RawBindable where Wrapped: RawBindable {
    func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        switch self {
        case .some(let value): value.bind(to: statement, at: index)
        case .none: sqlite3_bind_null(statement, index)
        }
    }
}

extension EvidenceRecord.Subject: RawBindable {
    func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        rawValue.bind(to: statement, at: index)
    }
}

extension Database {
    /// Runs the cached statement `sql` once with `values` bound in order, one for each `?`.
    func executeRaw(_ sql: String, _ values: [any RawBindable]) throws {
        let statement = try cachedStatement(sql: sql)
        let handle = statement.sqliteStatement
        precondition(Int(sqlite3_bind_parameter_count(handle)) == values.count, "a value for every parameter")
        defer {
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
        }
        for (offset, value) in values.enumerated() {
            let code = value.bind(to: handle, at: Int32(offset + 1))
            guard code == SQLITE_OK else { throw rawError(code, sql: sql) }
        }
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE else { throw rawError(code, sql: sql) }
    }

    private func rawError(_ code: Int32, sql: String) -> DatabaseError {
        DatabaseError(
            resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqliteConnection)), sql: sql)
    }
}
