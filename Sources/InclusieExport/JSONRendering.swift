import Foundation
import InclusieModel

/// JSON output: Foundation's `JSONEncoder` with sorted keys and indentation, so that a view's JSON is the
/// same bytes from run to run and exports diff cleanly; slashes are left alone because the views hold
/// paths and keys such as `almere/actieprogramma-2020-2022`.
public enum JSONRendering {
    public static func encode<Value: Encodable>(_ value: Value) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    /// The same bytes as `encode(value)`, with the elements of the named top-level arrays encoded one at a
    /// time on every core and put in their place in the rest, which is encoded with those arrays empty.
    ///
    /// Encoding is the larger part of a large view's JSON, and its rows do not depend on each other.
    public static func encode<Value: Encodable>(_ value: Value, inParts parts: [JSONPart<Value>]) throws -> Data {
        var rest = value
        for part in parts { part.empty(&rest) }
        var json = try encode(rest)
        for part in parts {
            let elements = try part.encodeElements(value)
            guard !elements.isEmpty else { continue }
            // A top-level key stands two spaces in; an empty array is written as `[`, an empty line and `]`.
            let emptyArray = Data("\n  \"\(part.key)\" : [\n\n  ]".utf8)
            guard let place = json.range(of: emptyArray) else {
                preconditionFailure("\(part.key) is not a top-level array of \(Value.self)")
            }
            var filled = Data("\n  \"\(part.key)\" : [\n".utf8)
            for (index, element) in elements.enumerated() {
                if index > 0 { filled.append(contentsOf: ",\n".utf8) }
                filled.append(element)
            }
            filled.append(contentsOf: "\n  ]".utf8)
            json.replaceSubrange(place, with: filled)
        }
        return json
    }

    /// `json` as it stands inside a top-level array: every line four spaces further in, but for the empty line
    /// JSONEncoder writes inside an empty array. Strings in JSON hold no line breaks of their own (they are
    /// written `\n`), so every line break is one of the layout's.
    fileprivate static func indentedAsElement(_ json: Data) -> Data {
        let newline = UInt8(ascii: "\n")
        let indent = Array("    ".utf8)
        var indented: [UInt8] = []
        indented.reserveCapacity(json.count + json.count / 4)
        var atLineStart = true
        for byte in json {
            if atLineStart && byte != newline { indented.append(contentsOf: indent) }
            indented.append(byte)
            atLineStart = byte == newline
        }
        return Data(indented)
    }
}

/// A top-level array of a view that `JSONRendering.encode(_:inParts:)` encodes element by element.
public struct JSONPart<Value>: Sendable {
    /// The array's key in the JSON.
    let key: String
    let empty: @Sendable (inout Value) -> Void
    let encodeElements: @Sendable (Value) throws -> [Data]

    public init<Element: Encodable & Sendable>(_ key: String, _ array: WritableKeyPath<Value, [Element]> & Sendable) {
        self.key = key
        empty = { $0[keyPath: array] = [] }
        encodeElements = { value in
            let elements = value[keyPath: array]
            return try ParallelResults.compute(count: elements.count) { index in
                Result { JSONRendering.indentedAsElement(try JSONRendering.encode(elements[index])) }
            }.map { try $0.get() }
        }
    }
}
