import Foundation

/// JSON output: stable key order and readable indentation, so exports diff cleanly.
public enum JSONRendering {
    /// The bytes of `JSONEncoder` with `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`, written by `JSONWriter`.
    public static func encode<Value: Encodable>(_ value: Value) throws -> Data {
        try JSONWriter.encode(value)
    }
}
