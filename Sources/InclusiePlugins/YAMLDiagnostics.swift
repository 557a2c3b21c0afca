import InclusieModel
import Yams

/// The one place that turns YAML and decoding errors into `Diagnostic`s a policy advisor can act on.
///
/// Yams reports syntax errors with a line; decoding errors only carry a coding path, so the path is
/// followed through the composed YAML tree to find the line it points at.
enum YAMLDiagnostics {
    static func diagnostic(for error: any Error, file: String, yaml: String) -> Diagnostic {
        if let problem = error as? PluginProblem {
            return Diagnostic(file: file, line: problem.line, message: problem.message, fix: problem.fix)
        }
        if let yamlError = error as? YamlError {
            return syntaxDiagnostic(yamlError, file: file, yaml: yaml)
        }
        guard let decodingError = error as? DecodingError else {
            return Diagnostic(
                file: file, message: LocalizedText(nl: "kon niet worden gelezen: \(error)", en: "could not be read: \(error)"))
        }
        switch decodingError {
        case .keyNotFound(let key, let context):
            let place = describe(context.codingPath)
            return Diagnostic(
                file: file, line: line(of: context.codingPath, in: yaml),
                message: LocalizedText(
                    nl: "'\(key.stringValue)' ontbreekt\(place.isEmpty ? "" : " in \(place)")",
                    en: "'\(key.stringValue)' is missing\(place.isEmpty ? "" : " in \(place)")"),
                fix: LocalizedText(
                    nl: "voeg '\(key.stringValue):' toe (zie docs/plugin-format.md)",
                    en: "add '\(key.stringValue):' (see docs/plugin-format.md)"))
        case .typeMismatch(let type, let context):
            if let hint = typeHint(at: context.codingPath, in: yaml, file: file) { return hint }
            let place = describe(context.codingPath)
            let expected = expectation(type)
            return Diagnostic(
                file: file, line: line(of: context.codingPath, in: yaml),
                message: LocalizedText(nl: "'\(place)' moet \(expected.nl) zijn", en: "'\(place)' should be \(expected.en)"),
                fix: LocalizedText(
                    nl: "verbeter de waarde (zie docs/plugin-format.md)", en: "correct the value (see docs/plugin-format.md)"))
        case .valueNotFound(let type, let context):
            let place = describe(context.codingPath)
            let expected = expectation(type)
            return Diagnostic(
                file: file, line: line(of: context.codingPath, in: yaml),
                message: LocalizedText(nl: "'\(place)' is leeg", en: "'\(place)' is empty"),
                fix: LocalizedText(nl: "vul \(expected.nl) in", en: "fill in \(expected.en)"))
        case .dataCorrupted(let context):
            if let underlying = context.underlyingError as? YamlError {
                return syntaxDiagnostic(underlying, file: file, yaml: yaml)
            }
            if let problem = context.underlyingError as? PluginProblem {
                return Diagnostic(file: file, line: problem.line, message: problem.message, fix: problem.fix)
            }
            if let underlying = context.underlyingError as? DecodingError {
                return diagnostic(for: underlying, file: file, yaml: yaml)
            }
            if let hint = splitAmountHint(at: context.codingPath, in: yaml, file: file) { return hint }
            // Years are read as decimal text, so a span such as `years: [2019-2022]` arrives here, not as a type mismatch.
            if let hint = typeHint(at: context.codingPath, in: yaml, file: file) { return hint }
            let place = describe(context.codingPath)
            let prefix = place.isEmpty ? "" : "\(place): "
            let message =
                if let localized = context.underlyingError as? LocalizedDecodingMessage {
                    LocalizedText(nl: prefix + localized.message.nl, en: prefix + localized.message.en)
                } else {
                    LocalizedText(
                        nl: prefix + "kon niet worden gelezen (\(context.debugDescription))", en: prefix + context.debugDescription)
                }
            if let hint = wordAmountHint(at: context.codingPath, in: yaml, file: file, message: message) { return hint }
            return Diagnostic(file: file, line: line(of: context.codingPath, in: yaml), message: message)
        @unknown default:
            return Diagnostic(
                file: file,
                message: LocalizedText(nl: "kon niet worden gelezen: \(decodingError)", en: "could not be read: \(decodingError)"))
        }
    }

    private static func syntaxDiagnostic(_ error: YamlError, file: String, yaml: String) -> Diagnostic {
        let fix = LocalizedText(
            nl: "controleer het inspringen, en zet tekst die ': ' bevat of met een aanhalingsteken begint tussen dubbele aanhalingstekens",
            en: "check indentation, and put text that contains ': ' or starts with a quote between double quotes")
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            if let plain = plainSyntaxDiagnostic(problem: problem, context: context, mark: mark, file: file, yaml: yaml) {
                return plain
            }
            // The detail comes from the YAML parser, in English only; the sentence around it is translated.
            let detail = context.map { "\(problem) (\($0.text))" } ?? problem
            return Diagnostic(
                file: file, line: mark.line,
                message: LocalizedText(nl: "YAML-opmaakfout: \(detail)", en: "YAML syntax error: \(detail)"), fix: fix)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return duplicateKeyDiagnostic(keys: duplicates, mark: context.mark, file: file, yaml: yaml)
        default:
            return Diagnostic(
                file: file,
                message: LocalizedText(nl: "YAML kon niet worden gelezen: \(error)", en: "YAML could not be read: \(error)"),
                fix: fix)
        }
    }

    /// A coding path as the user reads it in the file: `budget > lines > 2 > amounts > 2023`.
    static func describe(_ path: [any CodingKey]) -> String {
        path.map { key in key.intValue.map { String($0 + 1) } ?? key.stringValue }.joined(separator: " > ")
    }

    private static func expectation(_ type: Any.Type) -> LocalizedText {
        let list = LocalizedText(nl: "een lijst (regels die beginnen met '- ')", en: "a list (lines starting with '- ')")
        let mapping = LocalizedText(nl: "een blok met regels 'sleutel: waarde'", en: "a mapping (key: value lines)")
        return switch type {
        case is Int.Type: LocalizedText(nl: "een geheel getal", en: "a whole number")
        case is String.Type: LocalizedText(nl: "tekst", en: "text")
        case is [Any].Type: list
        default: String(describing: type).contains("Array") ? list : mapping
        }
    }

    /// The line of the YAML node a coding path leads to, or of the deepest node on the way that exists.
    static func line(of path: [any CodingKey], in yaml: String) -> Int? {
        guard var node = try? Yams.compose(yaml: yaml) else { return nil }
        var line = node.mark?.line
        for key in path {
            if let mapping = node.mapping {
                guard let pair = mapping.first(where: { $0.key.string == key.stringValue }) else { break }
                line = pair.key.mark?.line ?? line
                node = pair.value
            } else if let sequence = node.sequence, let index = key.intValue, index < sequence.count {
                node = sequence[index]
                line = node.mark?.line ?? line
            } else {
                break
            }
        }
        return line
    }
}
