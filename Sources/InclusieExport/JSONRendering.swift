import Foundation

/// JSON output: Foundation's `JSONEncoder` with sorted keys and indentation, so that a view's JSON is the
/// same bytes from run to run and exports diff cleanly; slashes are left alone because the views hold
/// paths and keys such as `almere/actieprogramma-2020-2022`.
public enum JSONRendering {
    public static func encode<Value: Encodable>(_ value: Value) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }
}
