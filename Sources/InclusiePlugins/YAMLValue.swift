import InclusieModel

/// A plugin file as a plain tree of values, in the order it was written: what `draft`, the synthetic plugins and
/// the review build and `YAMLValueWriter` writes, so that every plugin writer quotes and lays out alike.
///
/// Plugins are written in a plain subset of YAML (no anchors, aliases or tags; `validate` refuses them), so
/// three cases hold all of it. Each scalar remembers whether it was written plain or quoted, and each
/// collection whether it was written in flow style (`[a, b]`, `{ from: 2025 }`), so that writing the tree
/// back changes only what was edited.
public indirect enum YAMLValue: Equatable, Sendable {
    case scalar(String, quoted: Bool)
    /// A text written as a folded block (`>-`) over several lines, as hand-made plugins write long notes;
    /// written back folded at the same width, so an unchanged note keeps its lines.
    case folded(String)
    case mapping([Entry], flow: Bool)
    case sequence([YAMLValue], flow: Bool)

    public struct Entry: Equatable, Sendable {
        public var key: String
        public var value: YAMLValue
        /// The line the key stands on in the file it was read from (from 1); 0 for an entry made by an edit.
        public var line: Int

        public init(key: String, value: YAMLValue, line: Int = 0) {
            self.key = key
            self.value = value
            self.line = line
        }

        /// Entries are the same when key and value are: the line is where it was read, not what it is.
        public static func == (left: Entry, right: Entry) -> Bool { left.key == right.key && left.value == right.value }
    }

    /// A text written plain when it is an id or a number, quoted otherwise.
    public static func text(_ text: String) -> YAMLValue { .scalar(text, quoted: !YAMLValueWriter.isPlainSafe(text)) }

    /// A short list of ids, written on one line as the drafter and the hand-made plugins do.
    public static func idList(_ ids: [String]) -> YAMLValue { .sequence(ids.map(YAMLValue.text), flow: true) }

    /// Free text (a title, a quote, a note), always double-quoted, so that no text can turn into YAML syntax.
    public static func quoted(_ text: String) -> YAMLValue { .scalar(text, quoted: true) }

    /// A mapping of `fields` in their order, leaving out each that is nil.
    public static func fields(_ fields: KeyValuePairs<String, YAMLValue?>, flow: Bool = false) -> YAMLValue {
        .mapping(fields.compactMap { key, value in value.map { Entry(key: key, value: $0) } }, flow: flow)
    }

    /// A list of `evidence`: each quote with the section it stands under.
    public static func evidence(_ quotes: [Evidence]) -> YAMLValue {
        .sequence(quotes.map { .fields(["quote": .quoted($0.quote), "section": .quoted($0.section)]) }, flow: false)
    }

    /// The value under `key` in a mapping; nil in any other value.
    public subscript(key: String) -> YAMLValue? {
        guard case .mapping(let entries, _) = self else { return nil }
        return entries.first { $0.key == key }?.value
    }

    /// A mapping's entries; empty for any other value.
    public var entries: [Entry] {
        if case .mapping(let entries, _) = self { return entries }
        return []
    }

    /// A sequence's elements; empty for any other value.
    public var elements: [YAMLValue] {
        if case .sequence(let elements, _) = self { return elements }
        return []
    }

    /// A scalar's text; nil for a collection.
    public var string: String? {
        if case .scalar(let text, _) = self { return text }
        if case .folded(let text) = self { return text }
        return nil
    }

    /// Sets `key` in a mapping: replaced where it stands, or added at the end.
    public mutating func set(_ key: String, to value: YAMLValue) {
        guard case .mapping(var entries, let flow) = self else { return }
        if let index = entries.firstIndex(where: { $0.key == key }) {
            entries[index].value = value
        } else {
            entries.append(Entry(key: key, value: value))
        }
        self = .mapping(entries, flow: flow)
    }

    /// Sets `key` right before the entry `before` when it is new (so fields keep the house order).
    public mutating func set(_ key: String, to value: YAMLValue, before: [String]) {
        guard case .mapping(var entries, let flow) = self else { return }
        if let index = entries.firstIndex(where: { $0.key == key }) {
            entries[index].value = value
        } else if let index = entries.firstIndex(where: { before.contains($0.key) }) {
            entries.insert(Entry(key: key, value: value), at: index)
        } else {
            entries.append(Entry(key: key, value: value))
        }
        self = .mapping(entries, flow: flow)
    }

    /// Removes `key` from a mapping.
    public mutating func remove(_ key: String) {
        guard case .mapping(let entries, let flow) = self else { return }
        self = .mapping(entries.filter { $0.key != key }, flow: flow)
    }
}

extension Money {
    /// Euros as plugins write them: digits, with two decimals only when there are cents.
    public var pluginEuros: String { cents % 100 == 0 ? String(cents / 100) : plainEuros(decimalSeparator: ".") }
}
