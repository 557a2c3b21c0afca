import InclusieModel
import InclusiePlugins
import Yams

/// The review's side of the plugin tree: reading a file with Yams, keeping each value's style, and the
/// edits the review makes.
extension YAMLValue {
    /// Reads `yaml`; refuses, in both languages, what falls outside the plain subset plugins are written in.
    public init(yaml: String) throws(ReviewError) {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            throw ReviewError(
                LocalizedText(
                    nl: "het bestand is geen geldige YAML; herstel het eerst (inclusiebench validate zegt waar)",
                    en: "the file is not valid YAML; repair it first (inclusiebench validate says where)"))
        }
        guard let root else {
            throw ReviewError(LocalizedText(nl: "het bestand is leeg", en: "the file is empty"))
        }
        self = try Self.value(root, depth: 0, lines: yaml.split(separator: "\n", omittingEmptySubsequences: false))
    }

    /// Whether a collection node starts with `[` or `{` in the text. Yams reads a collection's style from
    /// its end event, not its start event (Parser.loadSequence, loadMapping), so the style it gives is
    /// always "any"; the node's mark is right, and the text says which it is.
    private static func isFlow(_ node: Node, lines: [Substring]) -> Bool {
        guard let mark = node.mark, mark.line >= 1, mark.line <= lines.count else { return false }
        let scalars = Array(lines[mark.line - 1].unicodeScalars)
        guard mark.column >= 1, mark.column <= scalars.count else { return false }
        return scalars[mark.column - 1] == "[" || scalars[mark.column - 1] == "{"
    }

    private static func value(_ node: Node, depth: Int, lines: [Substring]) throws(ReviewError) -> YAMLValue {
        guard depth < 64, node.anchor == nil else { throw notPlain }
        switch node {
        case .scalar(let scalar):
            if scalar.style == .folded, YAMLValueWriter.canFold(scalar.string) { return .folded(scalar.string) }
            return .scalar(scalar.string, quoted: scalar.style != .plain)
        case .mapping(let mapping):
            var entries: [Entry] = []
            for (key, value) in mapping {
                guard case .scalar(let keyScalar) = key else { throw notPlain }
                entries.append(
                    Entry(key: keyScalar.string, value: try Self.value(value, depth: depth + 1, lines: lines), line: key.mark?.line ?? 0))
            }
            return .mapping(entries, flow: isFlow(node, lines: lines))
        case .sequence(let sequence):
            var elements: [YAMLValue] = []
            for element in sequence { elements.append(try Self.value(element, depth: depth + 1, lines: lines)) }
            return .sequence(elements, flow: isFlow(node, lines: lines))
        case .alias:
            throw notPlain
        }
    }

    private static var notPlain: ReviewError {
        ReviewError(
            LocalizedText(
                nl: "het bestand gebruikt YAML-onderdelen die plugins niet gebruiken (ankers, verwijzingen of tags); herstel het eerst (inclusiebench validate zegt waar)",
                en: "the file uses YAML features plugins do not use (anchors, aliases or tags); repair it first (inclusiebench validate says where)"))
    }

    /// The first line of this value in the file it was read from: its first key's; nil when unknown.
    public var firstLine: Int? {
        switch self {
        case .scalar, .folded: nil
        case .mapping(let entries, _): entries.first.map(\.line).flatMap { $0 > 0 ? $0 : nil }
        case .sequence(let elements, _): elements.lazy.compactMap(\.firstLine).first
        }
    }

    /// The last line any key inside this value stands on.
    public var lastLine: Int? {
        switch self {
        case .scalar, .folded: nil
        case .mapping(let entries, _): entries.compactMap { entry in max(entry.line, entry.value.lastLine ?? 0) }.max()
        case .sequence(let elements, _): elements.compactMap(\.lastLine).max()
        }
    }
}

/// Why the review could not do what was asked, in both languages.
public struct ReviewError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: LocalizedText

    public init(_ message: LocalizedText) {
        self.message = message
    }

    public var description: String { message.nl }
}

extension YAMLValue {
    /// The value with every style mark cleared: what it means, for comparing a written file with its tree.
    public var meaning: YAMLValue {
        switch self {
        case .scalar(let text, _), .folded(let text): .scalar(text, quoted: false)
        case .mapping(let entries, _): .mapping(entries.map { Entry(key: $0.key, value: $0.value.meaning) }, flow: false)
        case .sequence(let elements, _): .sequence(elements.map(\.meaning), flow: false)
        }
    }

    /// The value at `path`: a mapping is entered by key, a sequence by the `id` of one of its mappings.
    public func value(at path: [String]) -> YAMLValue? {
        guard let first = path.first else { return self }
        switch self {
        case .mapping: return self[first]?.value(at: Array(path.dropFirst()))
        case .sequence(let elements, _): return elements.first { $0["id"]?.string == first }?.value(at: Array(path.dropFirst()))
        case .scalar, .folded: return nil
        }
    }

    /// Changes the value at `path` in place; false when there is none.
    @discardableResult
    public mutating func update(at path: [String], _ change: (inout YAMLValue) -> Void) -> Bool {
        guard let first = path.first else {
            change(&self)
            return true
        }
        let rest = Array(path.dropFirst())
        switch self {
        case .mapping(var entries, let flow):
            guard let index = entries.firstIndex(where: { $0.key == first }) else { return false }
            let found = entries[index].value.update(at: rest, change)
            self = .mapping(entries, flow: flow)
            return found
        case .sequence(var elements, let flow):
            guard let index = elements.firstIndex(where: { $0["id"]?.string == first }) else { return false }
            let found = elements[index].update(at: rest, change)
            self = .sequence(elements, flow: flow)
            return found
        case .scalar, .folded:
            return false
        }
    }

    /// Removes the element of a sequence that `path` names (its last step is the element's `id`); false
    /// when there is none. A list left empty is removed with its key, as a plugin leaves out an empty group.
    @discardableResult
    public mutating func removeElement(at path: [String]) -> Bool {
        guard path.count >= 2, let id = path.last else { return false }
        let listPath = Array(path.dropLast())
        var removed = false
        update(at: listPath) { list in
            guard case .sequence(let elements, let flow) = list else { return }
            let kept = elements.filter { $0["id"]?.string != id }
            removed = kept.count < elements.count
            list = .sequence(kept, flow: flow)
        }
        if removed, value(at: listPath)?.elements.isEmpty == true, let key = listPath.last {
            update(at: Array(listPath.dropLast())) { $0.remove(key) }
        }
        return removed
    }
}
