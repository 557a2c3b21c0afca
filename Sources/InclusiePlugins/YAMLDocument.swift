import Yams

/// A plugin file parsed once into a YAML node tree, then decoded from as often as needed.
///
/// `YAMLDecoder.decode(_:from: String)` parses the whole file on every call, and reading a programme
/// decodes twice (its `kind:` first, to pick the adapter, then the whole shape). Parsing the way the
/// decoder does (merge keys as the only implicit tag) and throwing what it throws keeps every diagnostic
/// as it was.
struct YAMLDocument {
    /// The resolver `YAMLDecoder` parses with: merge keys, and every other plain scalar a string.
    private static let mergeKeysOnly = Resolver.basic.appending(.merge)

    /// Kept alive while decoding: nodes refer to their anchors only weakly, as in `YAMLDecoder`.
    private let parser: Parser
    private let root: Node

    init(yaml: String) throws {
        do {
            parser = try Parser(yaml: yaml, resolver: Self.mergeKeysOnly, encoding: .default)
            root = try parser.singleRoot() ?? ""
        } catch {
            throw Self.asDecoderThrowsIt(error)
        }
    }

    /// The line of a top-level key, for checks made after decoding.
    func line(ofKey key: String) -> Int? {
        root.mapping?.first { $0.key.string == key }?.key.mark?.line
    }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        do {
            return try withExtendedLifetime(parser) { try YAMLDecoder().decode(type, from: root) }
        } catch {
            throw Self.asDecoderThrowsIt(error)
        }
    }

    /// Decoding errors as they are; anything else wrapped as "not valid YAML", exactly as `YAMLDecoder` does.
    private static func asDecoderThrowsIt(_ error: any Error) -> any Error {
        if error is DecodingError { return error }
        return DecodingError.dataCorrupted(
            .init(codingPath: [], debugDescription: "The given data was not valid YAML.", underlyingError: error))
    }
}
