import Foundation

/// JSON output: stable key order and readable indentation, so exports diff cleanly.
public enum JSONRendering {
    /// The bytes of `JSONEncoder` with `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`, written by `JSONWriter`.
    public static func encode<Value: Encodable>(_ value: Value) throws -> Data {
        try JSONWriter.encode(value)
    }

    /// The same bytes, for writing straight to a file or standard output without a copy.
    public static func bytes<Value: Encodable>(_ value: Value) throws -> [UInt8] {
        try JSONWriter.bytes(value)
    }
}
