import Yams

/// A plugin file parsed once into a YAML tree, then decoded from as often as needed.
///
/// A file in the plain subset plugins are written in is composed and decoded by `PlainYAML` and
/// `PlainYAMLDecoder`, which do in far less time what Yams does for them. Everything else, and every
/// decoding that fails, goes through Yams exactly as `YAMLDecoder` does (merge keys as the only implicit
/// tag): so a value is the same either way, and every error a user sees is the one Yams gives.
struct YAMLDocument {
    private let yaml: String
    private let tree: Tree

    private enum Tree {
        case plain(PlainYAML)
        /// The parser is kept alive while decoding: nodes refer to their anchors only weakly, as in `YAMLDecoder`.
        case yams(Parser, Node)
    }

    /// The resolver `YAMLDecoder` parses with: merge keys, and every other plain scalar a string.
    private static let mergeKeysOnly = Resolver.basic.appending(.merge)

    /// A plugin file as its user wrote it: refused with `YAMLSafety`'s diagnostic when it holds an unsafe
    /// construct, which only a file outside the plain subset can (composing it refuses them all); so most
    /// files are read by libyaml once, not twice.
    static func checked(yaml: String, file: String) throws -> YAMLDocument {
        if let plain = PlainYAML.compose(yaml) {
            return YAMLDocument(yaml: yaml, tree: .plain(plain))
        }
        if let problem = YAMLSafety.problem(in: yaml, file: file) { throw problem }
        return try YAMLDocument(yaml: yaml, plainSubset: false)
    }

    private init(yaml: String, tree: Tree) {
        self.yaml = yaml
        self.tree = tree
    }

    /// For text `YAMLSafety` has already checked. `plainSubset: false` reads with Yams alone, as the tests
    /// do to compare the two.
    init(yaml: String, plainSubset: Bool = true) throws {
        self.yaml = yaml
        if plainSubset, let plain = PlainYAML.compose(yaml) {
            tree = .plain(plain)
        } else {
            let (parser, root) = try Self.parsedByYams(yaml)
            tree = .yams(parser, root)
        }
    }

    private static func parsedByYams(_ yaml: String) throws -> (Parser, Node) {
        do {
            let parser = try Parser(yaml: yaml, resolver: mergeKeysOnly, encoding: .default)
            return (parser, try parser.singleRoot() ?? "")
        } catch {
            throw asDecoderThrowsIt(error)
        }
    }

    /// The line of a top-level key, for checks made after decoding.
    func line(ofKey key: String) -> Int? {
        switch tree {
        case .plain(let root): root.line(ofKey: key)
        case .yams(_, let root): root.mapping?.first { $0.key.string == key }?.key.mark?.line
        }
    }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        switch tree {
        case .plain(let root):
            do {
                return try PlainYAMLDecoder(root).decode(type)
            } catch {
                // Yams decides what is wrong and says so, as it did before the plain decoder existed.
                let (parser, root) = try Self.parsedByYams(yaml)
                return try Self.decode(type, parser: parser, root: root)
            }
        case .yams(let parser, let root):
            return try Self.decode(type, parser: parser, root: root)
        }
    }

    private static func decode<T: Decodable>(_ type: T.Type, parser: Parser, root: Node) throws -> T {
        do {
            return try withExtendedLifetime(parser) { try YAMLDecoder().decode(type, from: root) }
        } catch {
            throw asDecoderThrowsIt(error)
        }
    }

    /// Decoding errors as they are; anything else wrapped as "not valid YAML", exactly as `YAMLDecoder` does.
    private static func asDecoderThrowsIt(_ error: any Error) -> any Error {
        if error is DecodingError { return error }
        return DecodingError.dataCorrupted(
            .init(codingPath: [], debugDescription: "The given data was not valid YAML.", underlyingError: error))
    }
}
