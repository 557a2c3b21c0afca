import Foundation

/// Writes any `Encodable` value as the same bytes as `JSONEncoder` with `[.prettyPrinted, .sortedKeys,
/// .withoutEscapingSlashes]`, several times faster: Foundation's encoder was most of a JSON view's time.
///
/// The value is first encoded into a small tree (objects keep their keys in the order they were encoded) and
/// then written in one pass into a byte buffer, sorting each object's keys as `JSONEncoder` does.
public enum JSONWriter {
    public static func encode<Value: Encodable>(_ value: Value) throws -> Data {
        let root = try JSONTreeEncoder.tree(of: value)
        var output = JSONBytes()
        output.write(root, depth: 0)
        return Data(output.bytes)
    }
}

/// One encoded value. Arrays and objects are references so that containers can fill them after handing them out.
enum JSONNode {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array(JSONArray)
    case object(JSONObject)
}

final class JSONArray {
    var elements: [JSONNode] = []
}

final class JSONObject {
    var keys: [String] = []
    var values: [JSONNode] = []

    /// A key encoded twice is written once, with its last value, as in `JSONEncoder` (see `JSONBytes`).
    func set(_ key: String, _ value: JSONNode) {
        keys.append(key)
        values.append(value)
    }
}

/// The byte writer: `JSONEncoder`'s pretty layout (two spaces, `"key" : value`, empty containers on three lines).
struct JSONBytes {
    var bytes: [UInt8] = []

    init() {
        bytes.reserveCapacity(1 << 16)
    }

    mutating func write(_ node: JSONNode, depth: Int) {
        switch node {
        case .null: bytes.append(contentsOf: "null".utf8)
        case .bool(let value): bytes.append(contentsOf: (value ? "true" : "false").utf8)
        case .number(let text): bytes.append(contentsOf: text.utf8)
        case .string(let text): writeString(text)
        case .array(let array):
            bytes.append(UInt8(ascii: "["))
            bytes.append(UInt8(ascii: "\n"))
            let elements = array.elements
            for index in elements.indices {
                let element = elements[index]
                if index > 0 {
                    bytes.append(UInt8(ascii: ","))
                    bytes.append(UInt8(ascii: "\n"))
                }
                indent(depth + 1)
                write(element, depth: depth + 1)
            }
            bytes.append(UInt8(ascii: "\n"))
            indent(depth)
            bytes.append(UInt8(ascii: "]"))
        case .object(let object):
            bytes.append(UInt8(ascii: "{"))
            bytes.append(UInt8(ascii: "\n"))
            let keys = object.keys
            let values = object.values
            // Most objects come with their keys in order already (a struct's declared order often is).
            let inOrder = zip(keys, keys.dropFirst()).allSatisfy { Self.precedes($0, $1) }
            let order =
                inOrder
                ? Array(keys.indices)
                : keys.indices.sorted { keys[$0] == keys[$1] ? $0 < $1 : Self.precedes(keys[$0], keys[$1]) }
            var written = 0
            for position in order.indices {
                let index = order[position]
                if position + 1 < order.count, keys[order[position + 1]] == keys[index] { continue }
                written += 1
                if written > 1 {
                    bytes.append(UInt8(ascii: ","))
                    bytes.append(UInt8(ascii: "\n"))
                }
                indent(depth + 1)
                writeString(keys[index])
                bytes.append(contentsOf: " : ".utf8)
                write(values[index], depth: depth + 1)
            }
            bytes.append(UInt8(ascii: "\n"))
            indent(depth)
            bytes.append(UInt8(ascii: "}"))
        }
    }

    /// `JSONEncoder`'s `.sortedKeys` order: by UTF-8 bytes.
    static func precedes(_ left: String, _ right: String) -> Bool {
        left.utf8.lexicographicallyPrecedes(right.utf8)
    }

    private mutating func indent(_ depth: Int) {
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: depth * 2))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private mutating func writeString(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var start = 0
            for (index, byte) in utf8.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                start = index + 1
                switch byte {
                case UInt8(ascii: "\""): bytes.append(contentsOf: "\\\"".utf8)
                case UInt8(ascii: "\\"): bytes.append(contentsOf: "\\\\".utf8)
                case 0x08: bytes.append(contentsOf: "\\b".utf8)
                case 0x0C: bytes.append(contentsOf: "\\f".utf8)
                case UInt8(ascii: "\n"): bytes.append(contentsOf: "\\n".utf8)
                case UInt8(ascii: "\r"): bytes.append(contentsOf: "\\r".utf8)
                case UInt8(ascii: "\t"): bytes.append(contentsOf: "\\t".utf8)
                default:
                    bytes.append(contentsOf: "\\u00".utf8)
                    bytes.append(Self.hexDigits[Int(byte >> 4)])
                    bytes.append(Self.hexDigits[Int(byte & 0x0F)])
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }
}

/// Encodes a value into a `JSONNode` tree. Numbers are written as `JSONEncoder` writes them.
final class JSONTreeEncoder: Encoder {
    var codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    var node: JSONNode?

    init(codingPath: [any CodingKey]) {
        self.codingPath = codingPath
    }

    /// The coding path is only built for a value that is not a plain string or number, which most are.
    static func tree<Value: Encodable>(of value: Value, codingPath: @autoclosure () -> [any CodingKey] = []) throws
        -> JSONNode
    {
        switch value {
        case let text as String: return .string(text)
        case let number as Int: return .number(String(number))
        case let flag as Bool: return .bool(flag)
        case let number as Double: return try .number(Self.text(of: number, codingPath: codingPath()))
        default:
            let encoder = JSONTreeEncoder(codingPath: codingPath())
            try value.encode(to: encoder)
            return encoder.node ?? .object(JSONObject())
        }
    }

    /// A finite number as JSONEncoder writes it: Swift's shortest description, without a trailing ".0".
    static func text<Number: BinaryFloatingPoint & CustomStringConvertible>(
        of number: Number, codingPath: [any CodingKey]
    ) throws -> String {
        guard number.isFinite else {
            throw EncodingError.invalidValue(
                number, EncodingError.Context(codingPath: codingPath, debugDescription: "Unable to encode \(number) directly in JSON."))
        }
        var text = number.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let object: JSONObject
        if case .object(let existing)? = node {
            object = existing
        } else {
            object = JSONObject()
            node = .object(object)
        }
        return KeyedEncodingContainer(JSONKeyedContainer<Key>(object: object, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let array: JSONArray
        if case .array(let existing)? = node {
            array = existing
        } else {
            array = JSONArray()
            node = .array(array)
        }
        return JSONUnkeyedContainer(array: array, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        JSONSingleValueContainer(encoder: self)
    }
}

struct JSONKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let object: JSONObject
    var codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws { object.set(key.stringValue, .null) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { object.set(key.stringValue, .bool(value)) }
    mutating func encode(_ value: String, forKey key: Key) throws { object.set(key.stringValue, .string(value)) }
    mutating func encode(_ value: Int, forKey key: Key) throws { object.set(key.stringValue, .number(String(value))) }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        object.set(key.stringValue, .number(try JSONTreeEncoder.text(of: value, codingPath: codingPath + [key])))
    }
    mutating func encode(_ value: Float, forKey key: Key) throws {
        object.set(key.stringValue, .number(try JSONTreeEncoder.text(of: value, codingPath: codingPath + [key])))
    }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        object.set(key.stringValue, try JSONTreeEncoder.tree(of: value, codingPath: codingPath + [key]))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        let nested = JSONObject()
        object.set(key.stringValue, .object(nested))
        return KeyedEncodingContainer(JSONKeyedContainer<NestedKey>(object: nested, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested = JSONArray()
        object.set(key.stringValue, .array(nested))
        return JSONUnkeyedContainer(array: nested, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder { superEncoder(forKey: Key(stringValue: "super")!) }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        JSONReferencingEncoder(codingPath: codingPath + [key]) { [object] node in object.set(key.stringValue, node) }
    }
}

struct JSONUnkeyedContainer: UnkeyedEncodingContainer {
    let array: JSONArray
    var codingPath: [any CodingKey]
    var count: Int { array.elements.count }

    mutating func encodeNil() throws { array.elements.append(.null) }
    mutating func encode(_ value: Bool) throws { array.elements.append(.bool(value)) }
    mutating func encode(_ value: String) throws { array.elements.append(.string(value)) }
    mutating func encode(_ value: Int) throws { array.elements.append(.number(String(value))) }
    mutating func encode(_ value: Double) throws {
        array.elements.append(.number(try JSONTreeEncoder.text(of: value, codingPath: codingPath)))
    }
    mutating func encode(_ value: Float) throws {
        array.elements.append(.number(try JSONTreeEncoder.text(of: value, codingPath: codingPath)))
    }
    mutating func encode<T: Encodable>(_ value: T) throws {
        array.elements.append(try JSONTreeEncoder.tree(of: value, codingPath: codingPath))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let nested = JSONObject()
        array.elements.append(.object(nested))
        return KeyedEncodingContainer(JSONKeyedContainer<NestedKey>(object: nested, codingPath: codingPath))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = JSONArray()
        array.elements.append(.array(nested))
        return JSONUnkeyedContainer(array: nested, codingPath: codingPath)
    }

    mutating func superEncoder() -> any Encoder {
        let index = array.elements.count
        array.elements.append(.object(JSONObject()))
        return JSONReferencingEncoder(codingPath: codingPath) { [array] node in array.elements[index] = node }
    }
}

struct JSONSingleValueContainer: SingleValueEncodingContainer {
    let encoder: JSONTreeEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    mutating func encodeNil() throws { encoder.node = .null }
    mutating func encode(_ value: Bool) throws { encoder.node = .bool(value) }
    mutating func encode(_ value: String) throws { encoder.node = .string(value) }
    mutating func encode(_ value: Int) throws { encoder.node = .number(String(value)) }
    mutating func encode(_ value: Double) throws { encoder.node = .number(try JSONTreeEncoder.text(of: value, codingPath: codingPath)) }
    mutating func encode(_ value: Float) throws { encoder.node = .number(try JSONTreeEncoder.text(of: value, codingPath: codingPath)) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        encoder.node = try JSONTreeEncoder.tree(of: value, codingPath: codingPath)
    }
}

/// The encoder a `superEncoder` call hands out: what it encodes is stored in its parent when it is released.
final class JSONReferencingEncoder: Encoder {
    let inner: JSONTreeEncoder
    let store: (JSONNode) -> Void
    var codingPath: [any CodingKey] { inner.codingPath }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(codingPath: [any CodingKey], store: @escaping (JSONNode) -> Void) {
        inner = JSONTreeEncoder(codingPath: codingPath)
        self.store = store
    }

    deinit { store(inner.node ?? .object(JSONObject())) }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> { inner.container(keyedBy: type) }
    func unkeyedContainer() -> any UnkeyedEncodingContainer { inner.unkeyedContainer() }
    func singleValueContainer() -> any SingleValueEncodingContainer { inner.singleValueContainer() }
}
