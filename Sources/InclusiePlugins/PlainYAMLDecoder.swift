import Yams

/// Decodes plugin shapes from a `PlainYAML` tree, giving the values Yams' `YAMLDecoder` gives.
///
/// Only what plugins decode is supported: text, and mappings and lists of it. A scalar type Yams constructs
/// in its own way (numbers, booleans, dates) throws, and so does every mismatch; `YAMLDocument` then
/// decodes the file with Yams, so that every error a user sees is Yams' own, exactly as before. A key is
/// found by comparing text, and the coding path is only put together when someone asks for it.
final class PlainYAMLDecoder: Decoder {
    let node: PlainYAML
    private let parent: PlainYAMLDecoder?
    private let key: (any CodingKey)?

    init(_ node: PlainYAML, parent: PlainYAMLDecoder? = nil, key: (any CodingKey)? = nil) {
        self.node = node
        self.parent = parent
        self.key = key
    }

    var userInfo: [CodingUserInfoKey: Any] { [:] }

    var codingPath: [any CodingKey] {
        var path: [any CodingKey] = []
        var decoder: PlainYAMLDecoder? = self
        while let current = decoder {
            if let key = current.key { path.append(key) }
            decoder = current.parent
        }
        return path.reversed()
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .mapping(let pairs, _) = node else { throw mismatch(Node.Mapping.self) }
        return KeyedDecodingContainer(KeyedContainer<Key>(decoder: self, pairs: pairs))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .sequence(let elements, _) = node else { throw mismatch(Node.Sequence.self) }
        return UnkeyedContainer(decoder: self, elements: elements)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        SingleValueContainer(decoder: self)
    }

    /// Decodes `type` from this decoder's node: text from a scalar, anything else by its own `init(from:)`.
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        if type == String.self {
            guard case .scalar(let text, _, _) = node else { throw mismatch(Node.Scalar.self) }
            return text as! T  // swiftlint:disable:this force_cast
        }
        // Numbers, booleans and the like are made from scalars by Yams' rules; leave them to Yams.
        if type is any ScalarConstructible.Type { throw mismatch(type) }
        return try T(from: self)
    }

    /// What Yams treats as no value: an empty or null-word scalar written without quotes.
    var isNull: Bool {
        guard case .scalar(let text, isPlain: true, _) = node else { return false }
        return text.isEmpty || YAMLSafety.nullWords.contains(text)
    }

    func child(_ node: PlainYAML, key: any CodingKey) -> PlainYAMLDecoder {
        PlainYAMLDecoder(node, parent: self, key: key)
    }

    func mismatch(_ expected: Any.Type) -> DecodingError {
        .typeMismatch(
            expected, .init(codingPath: codingPath, debugDescription: "Expected \(expected) in the plain YAML subset."))
    }
}

extension Decoder {
    /// The line of the YAML node being decoded, whichever decoder reads it.
    var yamlLine: Int? {
        (self as? PlainYAMLDecoder)?.node.line ?? mark?.line
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: PlainYAMLDecoder
    let pairs: [PlainYAML.Pair]

    var codingPath: [any CodingKey] { decoder.codingPath }

    var allKeys: [Key] { pairs.compactMap { Key(stringValue: $0.key) } }

    func contains(_ key: Key) -> Bool {
        value(key) != nil
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        try child(key).isNull
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try child(key).decode(type)
    }

    // The standard library asks for each of these; text is decoded, the others are Yams' to construct.
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try child(key).decode(type) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try child(key).decode(type) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try child(key).decode(type) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try child(key).decode(type) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try child(key).decode(type) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try child(key).decode(type) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try child(key).decode(type) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try child(key).decode(type) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try child(key).decode(type) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try child(key).decode(type) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try child(key).decode(type) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try child(key).decode(type) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try child(key).decode(type) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try child(key).decode(type) }

    func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type, forKey key: Key
    ) throws -> KeyedDecodingContainer<NestedKey> {
        try child(key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try child(key).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { throw decoder.mismatch(Node.Mapping.self) }

    func superDecoder(forKey key: Key) throws -> any Decoder { try child(key) }

    private func value(_ key: Key) -> PlainYAML? {
        let name = key.stringValue
        return pairs.first { $0.key == name }?.value
    }

    private func child(_ key: Key) throws -> PlainYAMLDecoder {
        guard let value = value(key) else {
            throw DecodingError.keyNotFound(
                key, .init(codingPath: codingPath, debugDescription: "No value associated with key \(key.stringValue)."))
        }
        return decoder.child(value, key: key)
    }
}

private struct UnkeyedContainer: UnkeyedDecodingContainer {
    let decoder: PlainYAMLDecoder
    let elements: [PlainYAML]
    private(set) var currentIndex = 0

    init(decoder: PlainYAMLDecoder, elements: [PlainYAML]) {
        self.decoder = decoder
        self.elements = elements
    }

    var codingPath: [any CodingKey] { decoder.codingPath }
    var count: Int? { elements.count }
    var isAtEnd: Bool { currentIndex >= elements.count }

    mutating func decodeNil() throws -> Bool {
        let isNull = try current().isNull
        if isNull { currentIndex += 1 }
        return isNull
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try advancing { try $0.decode(type) }
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try advancing { try $0.decode(type) } }
    mutating func decode(_ type: String.Type) throws -> String { try advancing { try $0.decode(type) } }
    mutating func decode(_ type: Double.Type) throws -> Double { try advancing { try $0.decode(type) } }
    mutating func decode(_ type: Float.Type) throws -> Float { try advancing { try $0.decode(type) } }
    mutating func decode(_ type: Int.Type) throws -> Int { try advancing { try $0.decode(type) } }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try advancing { try $0.decode(type) } }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try advancing { try $0.decode(type) } }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try advancing { try $0.decode(type) } }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try advancing { try $0.decode(type) } }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try advancing { try $0.decode(type) } }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try advancing { try $0.decode(type) } }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try advancing { try $0.decode(type) } }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try advancing { try $0.decode(type) } }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try advancing { try $0.decode(type) } }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try advancing { try $0.container(keyedBy: type) }
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try advancing { try $0.unkeyedContainer() }
    }

    mutating func superDecoder() throws -> any Decoder {
        try advancing { $0 }
    }

    /// Reads the element at the current index with `read`, then moves to the next one.
    private mutating func advancing<Result>(_ read: (PlainYAMLDecoder) throws -> Result) throws -> Result {
        let result = try read(current())
        currentIndex += 1
        return result
    }

    private func current() throws -> PlainYAMLDecoder {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(
                Any.self, .init(codingPath: codingPath, debugDescription: "Unkeyed container is at end."))
        }
        return decoder.child(elements[currentIndex], key: IndexKey(intValue: currentIndex))
    }
}

private struct SingleValueContainer: SingleValueDecodingContainer {
    let decoder: PlainYAMLDecoder

    var codingPath: [any CodingKey] { decoder.codingPath }

    func decodeNil() -> Bool { decoder.isNull }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try decoder.decode(type)
    }

    func decode(_ type: Bool.Type) throws -> Bool { try decoder.decode(type) }
    func decode(_ type: String.Type) throws -> String { try decoder.decode(type) }
    func decode(_ type: Double.Type) throws -> Double { try decoder.decode(type) }
    func decode(_ type: Float.Type) throws -> Float { try decoder.decode(type) }
    func decode(_ type: Int.Type) throws -> Int { try decoder.decode(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try decoder.decode(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try decoder.decode(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try decoder.decode(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try decoder.decode(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try decoder.decode(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try decoder.decode(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try decoder.decode(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try decoder.decode(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try decoder.decode(type) }
}

/// A position in a list, as a coding key.
private struct IndexKey: CodingKey {
    let intValue: Int?
    var stringValue: String { intValue.map(String.init) ?? "" }

    init(intValue: Int) { self.intValue = intValue }
    init?(stringValue: String) { nil }
}
