import Foundation
import GRDB
import GRDBSQLite

/// The rows of one query read through SQLite's C interface, for the few tables with 100,000s of rows.
///
/// GRDB's `Row` checks every value's type and goes through a protocol for every column; for the items
/// and their mappings that was most of a `compare` process. Values are read by column number, and a
/// column that may be NULL must be read with an optional accessor.
struct RawRows {
    /// Runs `body` for every row of `sql`, in the order SQLite returns them.
    static func forEach(_ db: Database, sql: String, _ body: (RawRow) throws -> Void) throws {
        let statement = try db.makeStatement(sql: sql)
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else {
                throw DatabaseError(
                    resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
                    sql: sql)
            }
            try body(RawRow(handle: handle))
        }
    }
}

/// The current row of a statement that `RawRows` steps through; valid only inside its `body`.
struct RawRow {
    fileprivate let handle: OpaquePointer

    func int64(_ column: Int32) -> Int64 {
        sqlite3_column_int64(handle, column)
    }

    func int(_ column: Int32) -> Int {
        Int(sqlite3_column_int64(handle, column))
    }

    func isNull(_ column: Int32) -> Bool {
        sqlite3_column_type(handle, column) == SQLITE_NULL
    }

    func optionalInt64(_ column: Int32) -> Int64? {
        isNull(column) ? nil : int64(column)
    }

    /// A text column's value; NULL reads as "".
    func string(_ column: Int32) -> String {
        withBytes(column) { String(decoding: $0, as: UTF8.self) }
    }

    func optionalString(_ column: Int32) -> String? {
        isNull(column) ? nil : string(column)
    }

    /// A text column's value, or `previous` itself when it holds the same text: thousands of rows in a row
    /// name the same programme, status or type, and sharing one string saves making each anew.
    func string(_ column: Int32, reusing previous: String?) -> String {
        withBytes(column) { bytes in
            // memcmp: the generic `elementsEqual` compared byte by byte and was 2 % of a whole `compare`.
            if let previous, previous.utf8.count == bytes.count,
                previous.utf8.withContiguousStorageIfAvailable({ own in
                    own.isEmpty || memcmp(own.baseAddress!, bytes.baseAddress!, own.count) == 0
                }) ?? false
            {
                return previous
            }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// A text column's bytes, without making a `String` of them (for looking up ids shared by many rows).
    func withBytes<Result>(_ column: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        guard let text = sqlite3_column_text(handle, column) else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        return body(UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(handle, column))))
    }
}
