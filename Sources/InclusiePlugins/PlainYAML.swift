import CYaml

/// A YAML document as plugins write it, composed straight from libyaml's events: scalars, mappings with
/// text keys and sequences, each with its line.
///
/// Yams composes a richer tree (tags resolved by regular expression for every scalar, anchors, merge keys)
/// and looks up each key by comparing nodes; for thousands of plugin files that was most of a load. Plugins
/// need none of it. Whatever falls outside this plain subset (an anchor, an alias, a tag, a plain null word,
/// nesting deeper than `YAMLSafety.maximumDepth`, a merge key, a key that is not text, a duplicate key, a
/// syntax error, more than one document) is not composed here: `compose` returns nil, and the caller checks
/// the file with `YAMLSafety` and reads it with Yams, which stays the reference for every value and every
/// message. So a file this composes needs no separate safety scan.
///
/// Not `indirect`: mappings and sequences hold their children in arrays already, so a node needs no box of
/// its own, and composing allocates once less per node.
enum PlainYAML {
    case scalar(String, isPlain: Bool, line: Int)
    case mapping([Pair], line: Int)
    case sequence([PlainYAML], line: Int)

    /// A mapping's entry; the key's own line is where a message about the entry points.
    typealias Pair = (key: String, keyLine: Int, value: PlainYAML)

    /// The line the node starts on, from 1, as Yams' `Mark` counts.
    var line: Int {
        switch self {
        case .scalar(_, _, let line), .mapping(_, let line), .sequence(_, let line): line
        }
    }

    /// The one document of `yaml` in the plain subset; nil when it is anything else.
    static func compose(_ yaml: String) -> PlainYAML? {
        var text = yaml
        return text.withUTF8 { bytes in
            // An empty file is Yams' to read (as an empty text); libyaml wants an input address.
            guard !bytes.isEmpty, let events = EventReader(bytes) else { return nil }
            guard events.next() == YAML_STREAM_START_EVENT, events.next() == YAML_DOCUMENT_START_EVENT,
                let first = events.next(), let root = events.node(startingWith: first, depth: 1),
                events.next() == YAML_DOCUMENT_END_EVENT, events.next() == YAML_STREAM_END_EVENT
            else { return nil }
            return root
        }
    }

    /// The line of `key` in a mapping; nil in any other node, or when the mapping lacks the key.
    func line(ofKey key: String) -> Int? {
        guard case .mapping(let pairs, _) = self else { return nil }
        return pairs.first { $0.key == key }?.keyLine
    }
}

/// Reads libyaml's events one at a time and composes nodes from them, refusing what is not plain.
///
/// Valid only while the bytes it reads from are: `compose` uses it inside `withUTF8`.
private final class EventReader {
    private var parser = yaml_parser_t()
    private var event = yaml_event_t()
    private var hasEvent = false

    init?(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
    }

    deinit {
        if hasEvent { yaml_event_delete(&event) }
        yaml_parser_delete(&parser)
    }

    /// Moves to the next event and returns its type; nil when libyaml reports an error.
    func next() -> yaml_event_type_t? {
        if hasEvent { yaml_event_delete(&event) }
        hasEvent = yaml_parser_parse(&parser, &event) == 1
        return hasEvent ? event.type : nil
    }

    /// The node whose first event, of type `type`, was just read. `depth` is bounded as in `YAMLSafety`,
    /// since composing recurses once per level.
    func node(startingWith type: yaml_event_type_t, depth: Int) -> PlainYAML? {
        guard depth <= YAMLSafety.maximumDepth else { return nil }
        let line = Int(event.start_mark.line) + 1
        switch type {
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            guard scalar.anchor == nil, scalar.tag == nil, let value = Self.text(scalar.value, count: scalar.length) else {
                return nil
            }
            let isPlain = scalar.style == YAML_PLAIN_SCALAR_STYLE
            // `YAMLSafety` refuses a plain null word with its own message.
            guard !(isPlain && YAMLSafety.nullWords.contains(value)) else { return nil }
            return .scalar(value, isPlain: isPlain, line: line)
        case YAML_SEQUENCE_START_EVENT:
            guard event.data.sequence_start.anchor == nil, event.data.sequence_start.tag == nil else { return nil }
            var elements: [PlainYAML] = []
            while let next = next(), next != YAML_SEQUENCE_END_EVENT {
                guard let element = node(startingWith: next, depth: depth + 1) else { return nil }
                elements.append(element)
            }
            return hasEvent ? .sequence(elements, line: line) : nil
        case YAML_MAPPING_START_EVENT:
            guard event.data.mapping_start.anchor == nil, event.data.mapping_start.tag == nil else { return nil }
            var pairs: [PlainYAML.Pair] = []
            var keys = MappingKeys()
            while let next = next(), next != YAML_MAPPING_END_EVENT {
                // A merge key means something other than its text, and a duplicate key is Yams' to report.
                guard case .scalar(let key, let isPlain, let keyLine) = node(startingWith: next, depth: depth + 1),
                    !(isPlain && key == "<<"), keys.isNew(key, after: pairs),
                    let valueType = self.next(), let value = node(startingWith: valueType, depth: depth + 1)
                else { return nil }
                pairs.append((key, keyLine, value))
            }
            return hasEvent ? .mapping(pairs, line: line) : nil
        default:
            return nil
        }
    }

    /// UTF-8 text as Yams makes it; nil for a value that starts with a byte order mark, which Foundation's
    /// decoding, used by Yams, may treat differently.
    private static func text(_ bytes: UnsafeMutablePointer<UInt8>?, count: Int) -> String? {
        guard let bytes else { return count == 0 ? "" : nil }
        let buffer = UnsafeBufferPointer(start: bytes, count: count)
        if count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { return nil }
        return String(decoding: buffer, as: UTF8.self)
    }
}

/// The keys of one mapping as it is composed, to find a duplicate. Most mappings have a handful of keys,
/// which are compared with the pairs read so far; a set is only made for a mapping with many, so that a
/// long one still costs linear time.
private struct MappingKeys {
    private static let compared = 16
    private var set: Set<String>?

    /// Whether `key` is new to the mapping whose pairs so far are `pairs`; once a set is kept, adds it there.
    mutating func isNew(_ key: String, after pairs: [PlainYAML.Pair]) -> Bool {
        if set == nil {
            guard pairs.count >= Self.compared else { return !pairs.contains { $0.key == key } }
            set = Set(pairs.map(\.key))
        }
        return set!.insert(key).inserted
    }
}
