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
            return syntaxDiagnostic(yamlError, file: file)
        }
        guard let decodingError = error as? DecodingError else {
            return Diagnostic(file: file, message: "could not be read: \(error)")
        }
        switch decodingError {
        case .keyNotFound(let key, let context):
            let place = describe(context.codingPath)
            return Diagnostic(
                file: file, line: line(of: context.codingPath, in: yaml),
                message: "'\(key.stringValue)' is missing\(place.isEmpty ? "" : " in \(place)")",
                fix: "add '\(key.stringValue):' (see docs/plugin-format.md)")
        case .typeMismatch(let type, let context):
            return Diagnostic(
                file: file, line: line(of: context.codingPath, in: yaml),
                message: "'\(describe(context.codingPath))' should be \(expectation(type))",
                fix: "correct the value (see docs/plugin-format.md)")
        case .valueNotFound(let type, let context):
            return Diagnostic(
                file: file, line: line(of: context.codingPath, in: yaml),
                message: "'\(describe(context.codingPath))' is empty",
                fix: "fill in \(expectation(type))")
        case .dataCorrupted(let context):
            if let underlying = context.underlyingError as? YamlError {
                return syntaxDiagnostic(underlying, file: file)
            }
            if let problem = context.underlyingError as? PluginProblem {
                return Diagnostic(file: file, line: problem.line, message: problem.message, fix: problem.fix)
            }
            if let underlying = context.underlyingError as? DecodingError {
                return diagnostic(for: underlying, file: file, yaml: yaml)
            }
            let place = describe(context.codingPath)
            return Diagnostic(
                file: file, line: line(of: context.codingPath, in: yaml),
                message: (place.isEmpty ? "" : "\(place): ") + context.debugDescription)
        @unknown default:
            return Diagnostic(file: file, message: "could not be read: \(decodingError)")
        }
    }

    private static func syntaxDiagnostic(_ error: YamlError, file: String) -> Diagnostic {
        let fix = "check indentation, and put text that contains ': ' or starts with a quote between double quotes"
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let detail = context.map { "\(problem) (\($0.text))" } ?? problem
            return Diagnostic(file: file, line: mark.line, message: "YAML syntax error: \(detail)", fix: fix)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return Diagnostic(
                file: file, line: context.mark.line,
                message: "the key(s) \(duplicates.joined(separator: ", ")) appear twice in one mapping",
                fix: "keep one of each")
        default:
            return Diagnostic(file: file, message: "YAML could not be read: \(error)", fix: fix)
        }
    }

    /// A coding path as the user reads it in the file: `budget > lines > 2 > amounts > 2023`.
    static func describe(_ path: [any CodingKey]) -> String {
        path.map { key in key.intValue.map { String($0 + 1) } ?? key.stringValue }.joined(separator: " > ")
    }

    private static func expectation(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type: "a whole number"
        case is String.Type: "text"
        case is [Any].Type: "a list (lines starting with '- ')"
        default:
            String(describing: type).contains("Array") ? "a list (lines starting with '- ')" : "a mapping (key: value lines)"
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
