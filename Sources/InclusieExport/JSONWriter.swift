import Foundation
import InclusieModel

/// Writes any `Encodable` value as the same bytes as `JSONEncoder` with `[.prettyPrinted, .sortedKeys,
/// .withoutEscapingSlashes]`, several times faster: Foundation's encoder was most of a JSON view's time.
///
/// Values are written straight into one byte buffer as they are encoded; no tree is built. An object
/// remembers where each of its entries starts, and only when its keys did not come in order (a struct's
/// declared order often is) are its entries put in order as it closes. The view types declare their
/// `CodingKeys` in sorted order for that reason: reordering the top object of the theme view copied all of
/// its 55 MB twice, at 3,420 municipalities. A nested container or super encoder is closed when its parent
/// writes its next entry or closes, which is how synthesized `encode(to:)` uses them.
public enum JSONWriter {
    public static func encode<Value: Encodable>(_ value: Value) throws -> Data {
        Data(try bytes(value))
    }

    /// The same bytes without copying them into `Data`: a view at 3,420 municipalities is 55 MB of JSON.
    public static func bytes<Value: Encodable>(_ value: Value) throws -> [UInt8] {
        let output = JSONOutput()
        try output.write(value, depth: 0, path: JSONPath(parent: nil, key: nil))
        return output.bytes
    }
}

/// The bytes written so far, shared by every encoder and container of one `encode` call.
///
/// One thread writes into it at a time: when an array is written on several cores, one piece of each wave
/// writes here and the others into outputs of their own, appended here once the wave is done.
final class JSONOutput: @unchecked Sendable {
    /// Every byte goes through here; the run-time exclusivity check of a class property cost more than the
    /// appending.
    @exclusivity(unchecked) var bytes: [UInt8] = []
    /// Scratch space for putting an object's entries in order, reused from object to object.
    @exclusivity(unchecked) var scratch: [UInt8] = []

    /// Whether this output holds a piece of an array written on several threads; inside one, arrays are
    /// written on the piece's own thread.
    let isPiece: Bool

    init(isPiece: Bool = false) {
        self.isPiece = isPiece
        bytes.reserveCapacity(1 << 16)
    }

    /// Writes a value at `depth` (the indentation of its closing bracket). The path is only made for a value
    /// that is not a plain string, number or flag, which most are.
    func write<Value: Encodable>(_ value: Value, depth: Int, path: @autoclosure () -> JSONPath) throws {
        switch value {
        case let text as String: writeString(text)
        case let texts as [String]: writeStrings(texts, depth: depth)
        case let number as Int: writeNumber(number)
        case let flag as Bool: writeFlag(flag)
        case let number as Double: try writeNumber(number, path: path())
        case let handWritten as any JSONHandWritten: handWritten.writeJSON(into: self, depth: depth)
        default:
            if depth <= JSONParallelWriting.deepestLevel, !isPiece, let array = value as? any JSONParallelArray,
                array.count >= JSONParallelWriting.minimumCount, JSONParallelWriting.cores > 1
            {
                try array.writeInParallel(into: self, depth: depth, path: path())
                return
            }
            let encoder = JSONStreamEncoder(output: self, depth: depth, path: path())
            try value.encode(to: encoder)
            encoder.finish()
        }
    }

    func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    func writeFlag(_ flag: Bool) {
        append(flag ? "true" : "false")
    }

    func writeNumber(_ number: Int) {
        bytes.append(contentsOf: String(number).utf8)
    }

    /// A finite number as JSONEncoder writes it: Swift's shortest description, without a trailing ".0".
    func writeNumber<Number: BinaryFloatingPoint & CustomStringConvertible>(_ number: Number, path: JSONPath) throws {
        guard number.isFinite else {
            throw EncodingError.invalidValue(
                number,
                EncodingError.Context(codingPath: path.keys, debugDescription: "Unable to encode \(number) directly in JSON."))
        }
        var text = number.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
    }

    func indent(_ depth: Int) {
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: depth * 2))
    }

    /// Before an entry of a container whose closing bracket stands at `depth`: a comma unless it is the
    /// first, a line break and the entry's indentation. Every way of writing a container goes through this
    /// and `close`, so they all write `JSONEncoder`'s layout.
    func beginEntry(isFirst: Bool, depth: Int) {
        if !isFirst { bytes.append(UInt8(ascii: ",")) }
        bytes.append(UInt8(ascii: "\n"))
        indent(depth + 1)
    }

    /// Closes a container with `bracket`; `JSONEncoder` puts an empty one on three lines.
    func close(_ bracket: UInt8, depth: Int, isEmpty: Bool) {
        if isEmpty { bytes.append(UInt8(ascii: "\n")) }
        bytes.append(UInt8(ascii: "\n"))
        indent(depth)
        bytes.append(bracket)
    }

    /// An array of strings, the most common array in the views (every cell's labels), written without an
    /// encoder and a container for it: the same bytes as `JSONContainer` writes.
    func writeStrings(_ texts: [String], depth: Int) {
        writeArray(texts, depth: depth) { text, _ in writeString(text) }
    }

    /// An array in the pretty layout, each element written by `element` at the depth it is given.
    func writeArray<Element>(_ elements: [Element], depth: Int, element: (Element, Int) -> Void) {
        bytes.append(UInt8(ascii: "["))
        for (index, value) in elements.enumerated() {
            beginEntry(isFirst: index == 0, depth: depth)
            element(value, depth + 1)
        }
        close(UInt8(ascii: "]"), depth: depth, isEmpty: elements.isEmpty)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    func writeString(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var start = 0
            for (index, byte) in utf8.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                start = index + 1
                switch byte {
                case UInt8(ascii: "\""): append("\\\"")
                case UInt8(ascii: "\\"): append("\\\\")
                case 0x08: append("\\b")
                case 0x0C: append("\\f")
                case UInt8(ascii: "\n"): append("\\n")
                case UInt8(ascii: "\r"): append("\\r")
                case UInt8(ascii: "\t"): append("\\t")
                default:
                    append("\\u00")
                    bytes.append(Self.hexDigits[Int(byte >> 4)])
                    bytes.append(Self.hexDigits[Int(byte & 0x0F)])
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }
}

/// A view value written by hand instead of through `Encodable`: for a type with tens or hundreds of
/// thousands of instances in one view (the theme matrix's cells, the proposals and their matches at 3,420
/// municipalities), where the encoder, container and key list made for each cost more than its bytes.
/// It must write what `Encodable` writes; the tests compare its bytes with `JSONEncoder`'s.
protocol JSONHandWritten {
    func writeJSON(into output: JSONOutput, depth: Int)
}

/// Writes one object's entries in the pretty layout, for `JSONHandWritten`. Keys must come in sorted order;
/// an optional text that is nil is left out, as `Encodable` leaves it out.
struct JSONObjectWriter {
    private let output: JSONOutput
    private let depth: Int
    private var isEmpty = true

    init(output: JSONOutput, depth: Int) {
        self.output = output
        self.depth = depth
        output.bytes.append(UInt8(ascii: "{"))
    }

    mutating func text(_ key: StaticString, _ value: String?) {
        guard let value else { return }
        begin(key)
        output.writeString(value)
    }

    mutating func texts(_ key: StaticString, _ values: [String]) {
        begin(key)
        output.writeStrings(values, depth: depth + 1)
    }

    mutating func number(_ key: StaticString, _ value: Int) {
        begin(key)
        output.writeNumber(value)
    }

    mutating func objects<Element: JSONHandWritten>(_ key: StaticString, _ values: [Element]) {
        begin(key)
        output.writeArray(values, depth: depth + 1) { [output] value, depth in value.writeJSON(into: output, depth: depth) }
    }

    func close() {
        output.close(UInt8(ascii: "}"), depth: depth, isEmpty: isEmpty)
    }

    /// The separator, the indentation and the key, which needs no escaping.
    private mutating func begin(_ key: StaticString) {
        output.beginEntry(isFirst: isEmpty, depth: depth)
        isEmpty = false
        output.bytes.append(UInt8(ascii: "\""))
        output.append(key)
        output.append("\" : ")
    }
}

/// Where a value stands, for `codingPath` and error messages; made per nested value, not per field.
/// Never changed once made, so the threads writing one array's elements share their parent's.
final class JSONPath: @unchecked Sendable {
    let parent: JSONPath?
    let key: (any CodingKey)?

    init(parent: JSONPath?, key: (any CodingKey)?) {
        self.parent = parent
        self.key = key
    }

    var keys: [any CodingKey] {
        var keys: [any CodingKey] = []
        var node: JSONPath? = self
        while let current = node {
            if let key = current.key { keys.append(key) }
            node = current.parent
        }
        return keys.reversed()
    }

    func appending(_ key: any CodingKey) -> JSONPath {
        JSONPath(parent: self, key: key)
    }
}

/// An array index as a coding key, for paths inside arrays.
struct JSONIndexKey: CodingKey {
    var intValue: Int?
    var stringValue: String { "Index \(intValue ?? 0)" }
    init(intValue: Int) { self.intValue = intValue }
    init?(stringValue: String) { nil }
}

/// Something still open inside a container, closed before the container's next entry: a nested container
/// or the encoder a `superEncoder` call handed out.
protocol JSONClosable: AnyObject {
    func finish()
}

/// One object or array being written: `JSONEncoder`'s pretty layout (two spaces, `"key" : value`, empty
/// containers on three lines), with the start of each entry kept so that an object can sort its keys.
final class JSONContainer: JSONClosable {
    let output: JSONOutput
    /// The indentation of the closing bracket; entries stand one deeper.
    let depth: Int
    private let isObject: Bool
    /// Where each entry's separator starts, and where its key (or, in an array, its value) starts.
    private struct Entry {
        var key: String
        var separatorStart: Int
        var contentStart: Int
    }
    private var entries: [Entry] = []
    private var open: (any JSONClosable)?
    private var isFinished = false
    var count: Int { entries.count }

    init(output: JSONOutput, depth: Int, isObject: Bool) {
        self.output = output
        self.depth = depth
        self.isObject = isObject
        output.bytes.append(UInt8(ascii: isObject ? "{" : "["))
    }

    /// Starts an entry: its separator, indentation and, in an object, its key.
    func beginEntry(key: String? = nil) {
        closeOpen()
        let separatorStart = output.bytes.count
        output.beginEntry(isFirst: entries.isEmpty, depth: depth)
        entries.append(Entry(key: key ?? "", separatorStart: separatorStart, contentStart: output.bytes.count))
        if let key {
            output.writeString(key)
            output.append(" : ")
        }
    }

    /// Keeps `closable` open until the next entry or the end of this container.
    func keepOpen(_ closable: any JSONClosable) {
        open = closable
    }

    func finish() {
        guard !isFinished else { return }
        isFinished = true
        closeOpen()
        if isObject, !isInOrder { sortEntries() }
        output.close(UInt8(ascii: isObject ? "}" : "]"), depth: depth, isEmpty: entries.isEmpty)
    }

    private func closeOpen() {
        open?.finish()
        open = nil
    }

    /// Rewrites the entries in `.sortedKeys` order; a key written twice keeps its last value, as in `JSONEncoder`.
    private func sortEntries() {
        let regionStart = entries[0].separatorStart
        output.scratch.removeAll(keepingCapacity: true)
        output.scratch.append(contentsOf: output.bytes[regionStart...])
        let end = output.bytes.count - regionStart
        // By key, and a key written twice in the order written. Most objects have a handful of keys, but a
        // dictionary has as many as it holds: for the similarity view's 3,776 theme lists by programme, the
        // insertion sort this was took 15 % of a `compare similarity --format json` process.
        let entries = self.entries
        let order = entries.indices.sorted { left, right in
            let (leftKey, rightKey) = (entries[left].key, entries[right].key)
            return leftKey == rightKey ? left < right : Self.precedes(leftKey, rightKey)
        }
        output.bytes.removeSubrange(regionStart...)
        var written = 0
        for (position, index) in order.enumerated() {
            // A key written twice keeps its last value.
            if position + 1 < order.count, entries[order[position + 1]].key == entries[index].key { continue }
            output.beginEntry(isFirst: written == 0, depth: depth)
            let start = entries[index].contentStart - regionStart
            let stop = index + 1 < count ? entries[index + 1].separatorStart - regionStart : end
            output.bytes.append(contentsOf: output.scratch[start..<stop])
            written += 1
        }
    }

    /// Whether every key comes after the one before it, so that nothing needs sorting (and no key is doubled).
    private var isInOrder: Bool {
        entries.indices.dropFirst().allSatisfy { Self.precedes(entries[$0 - 1].key, entries[$0].key) }
    }

    /// `JSONEncoder`'s `.sortedKeys` order: by UTF-8 bytes.
    static func precedes(_ left: String, _ right: String) -> Bool {
        left.utf8.lexicographicallyPrecedes(right.utf8)
    }
}

/// The encoder each nested value gets; it writes through whichever container the value asks for.
final class JSONStreamEncoder: Encoder, JSONClosable {
    let output: JSONOutput
    let depth: Int
    let path: JSONPath
    var codingPath: [any CodingKey] { path.keys }
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    private var container: JSONContainer?
    private var wroteSingleValue = false
    private var isFinished = false

    init(output: JSONOutput, depth: Int, path: JSONPath) {
        self.output = output
        self.depth = depth
        self.path = path
    }

    private func opened(isObject: Bool) -> JSONContainer {
        if let container { return container }
        let opened = JSONContainer(output: output, depth: depth, isObject: isObject)
        container = opened
        return opened
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(JSONStreamKeyedContainer<Key>(container: opened(isObject: true), path: path))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        JSONStreamUnkeyedContainer(container: opened(isObject: false), path: path)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        JSONStreamSingleValueContainer(encoder: self)
    }

    func markSingleValue() {
        wroteSingleValue = true
    }

    /// Closes what the value opened; a value that encoded nothing is an empty object, as in `JSONEncoder`.
    func finish() {
        guard !isFinished else { return }
        isFinished = true
        if let container {
            container.finish()
        } else if !wroteSingleValue {
            JSONContainer(output: output, depth: depth, isObject: true).finish()
        }
    }
}

struct JSONStreamKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let container: JSONContainer
    let path: JSONPath
    var codingPath: [any CodingKey] { path.keys }
    private var output: JSONOutput { container.output }

    init(container: JSONContainer, path: JSONPath) {
        self.container = container
        self.path = path
    }

    mutating func encodeNil(forKey key: Key) throws {
        container.beginEntry(key: key.stringValue)
        output.append("null")
    }

    mutating func encode(_ value: Bool, forKey key: Key) throws {
        container.beginEntry(key: key.stringValue)
        output.writeFlag(value)
    }

    mutating func encode(_ value: String, forKey key: Key) throws {
        container.beginEntry(key: key.stringValue)
        output.writeString(value)
    }

    mutating func encode(_ value: Int, forKey key: Key) throws {
        container.beginEntry(key: key.stringValue)
        output.writeNumber(value)
    }

    mutating func encode(_ value: Double, forKey key: Key) throws {
        container.beginEntry(key: key.stringValue)
        try output.writeNumber(value, path: path.appending(key))
    }

    mutating func encode(_ value: Float, forKey key: Key) throws {
        container.beginEntry(key: key.stringValue)
        try output.writeNumber(value, path: path.appending(key))
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        container.beginEntry(key: key.stringValue)
        try output.write(value, depth: container.depth + 1, path: path.appending(key))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        container.beginEntry(key: key.stringValue)
        let nested = JSONContainer(output: output, depth: container.depth + 1, isObject: true)
        container.keepOpen(nested)
        return KeyedEncodingContainer(JSONStreamKeyedContainer<NestedKey>(container: nested, path: path.appending(key)))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        container.beginEntry(key: key.stringValue)
        let nested = JSONContainer(output: output, depth: container.depth + 1, isObject: false)
        container.keepOpen(nested)
        return JSONStreamUnkeyedContainer(container: nested, path: path.appending(key))
    }

    mutating func superEncoder() -> any Encoder {
        superEncoder(forKey: Key(stringValue: "super")!)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        container.beginEntry(key: key.stringValue)
        let encoder = JSONStreamEncoder(output: output, depth: container.depth + 1, path: path.appending(key))
        container.keepOpen(encoder)
        return encoder
    }
}

struct JSONStreamUnkeyedContainer: UnkeyedEncodingContainer {
    let container: JSONContainer
    let path: JSONPath
    var codingPath: [any CodingKey] { path.keys }
    var count: Int { container.count }
    private var output: JSONOutput { container.output }

    init(container: JSONContainer, path: JSONPath) {
        self.container = container
        self.path = path
    }

    private func elementPath() -> JSONPath {
        path.appending(JSONIndexKey(intValue: container.count - 1))
    }

    mutating func encodeNil() throws {
        container.beginEntry()
        output.append("null")
    }

    mutating func encode(_ value: Bool) throws {
        container.beginEntry()
        output.writeFlag(value)
    }

    mutating func encode(_ value: String) throws {
        container.beginEntry()
        output.writeString(value)
    }

    mutating func encode(_ value: Int) throws {
        container.beginEntry()
        output.writeNumber(value)
    }

    mutating func encode(_ value: Double) throws {
        container.beginEntry()
        try output.writeNumber(value, path: path)
    }

    mutating func encode(_ value: Float) throws {
        container.beginEntry()
        try output.writeNumber(value, path: path)
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        container.beginEntry()
        try output.write(value, depth: container.depth + 1, path: elementPath())
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        container.beginEntry()
        let nested = JSONContainer(output: output, depth: container.depth + 1, isObject: true)
        container.keepOpen(nested)
        return KeyedEncodingContainer(JSONStreamKeyedContainer<NestedKey>(container: nested, path: elementPath()))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        container.beginEntry()
        let nested = JSONContainer(output: output, depth: container.depth + 1, isObject: false)
        container.keepOpen(nested)
        return JSONStreamUnkeyedContainer(container: nested, path: elementPath())
    }

    mutating func superEncoder() -> any Encoder {
        container.beginEntry()
        let encoder = JSONStreamEncoder(output: output, depth: container.depth + 1, path: elementPath())
        container.keepOpen(encoder)
        return encoder
    }
}

struct JSONStreamSingleValueContainer: SingleValueEncodingContainer {
    let encoder: JSONStreamEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }
    private var output: JSONOutput { encoder.output }

    mutating func encodeNil() throws {
        encoder.markSingleValue()
        output.append("null")
    }

    mutating func encode(_ value: Bool) throws {
        encoder.markSingleValue()
        output.writeFlag(value)
    }

    mutating func encode(_ value: String) throws {
        encoder.markSingleValue()
        output.writeString(value)
    }

    mutating func encode(_ value: Int) throws {
        encoder.markSingleValue()
        output.writeNumber(value)
    }

    mutating func encode(_ value: Double) throws {
        encoder.markSingleValue()
        try output.writeNumber(value, path: encoder.path)
    }

    mutating func encode(_ value: Float) throws {
        encoder.markSingleValue()
        try output.writeNumber(value, path: encoder.path)
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        encoder.markSingleValue()
        try output.write(value, depth: encoder.depth, path: encoder.path)
    }
}

/// The large arrays of a view (its rows, profiles and peers: tens of megabytes at 3,420 municipalities)
/// are written on all cores: their elements are independent, and each is written at a known depth, so
/// pieces written side by side and put together in order are the bytes of writing them one after the other.
enum JSONParallelWriting {
    /// Only arrays this near the top, where the views keep their large ones; deeper values are not checked.
    static let deepestLevel = 1
    /// Fewer elements than this are written on one thread.
    static let minimumCount = 16
    static var cores: Int { ProcessInfo.processInfo.activeProcessorCount }
}

/// A value that may be written on another thread while its neighbours in an array are written: a view's
/// own value type, whose encoding reads nothing but itself.
protocol JSONIndependentElement: Encodable, Sendable {}

/// An array whose elements may be written on several threads at once.
protocol JSONParallelArray {
    var count: Int { get }
    func writeInParallel(into output: JSONOutput, depth: Int, path: JSONPath) throws
}

extension Array: JSONParallelArray where Element: JSONIndependentElement {
    /// Writes the array as `JSONContainer` would, in waves of one piece per core: the first piece of a wave
    /// straight into the output, each other one into a buffer of its own that is appended after it. Only
    /// those few buffers are in memory next to the output (at 3,420 municipalities the output is 55 MB).
    func writeInParallel(into output: JSONOutput, depth: Int, path: JSONPath) throws {
        let cores = JSONParallelWriting.cores
        let pieceSize = Swift.max(1, count / (cores * 8))
        output.bytes.append(UInt8(ascii: "["))
        var waveStart = 0
        while waveStart < count {
            let starts = [Int](stride(from: waveStart, to: Swift.min(count, waveStart + cores * pieceSize), by: pieceSize))
            let pieces = ParallelResults<Result<[UInt8], any Error>>.compute(count: starts.count) { piece in
                // Only this piece writes into the output until the wave is over; each other one has its own.
                let written = piece == 0 ? output : JSONOutput(isPiece: true)
                let start = starts[piece]
                return Result {
                    for index in start..<Swift.min(count, start + pieceSize) {
                        written.beginEntry(isFirst: index == 0, depth: depth)
                        try written.write(self[index], depth: depth + 1, path: path.appending(JSONIndexKey(intValue: index)))
                    }
                    return piece == 0 ? [] : written.bytes
                }
            }
            for piece in pieces {
                output.bytes.append(contentsOf: try piece.get())
            }
            waveStart += cores * pieceSize
        }
        output.close(UInt8(ascii: "]"), depth: depth, isEmpty: isEmpty)
    }
}
