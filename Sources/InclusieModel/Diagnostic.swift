/// A problem found in a plugin or source file, printed as `path:line: error: message` like a compiler would.
///
/// The one shape every layer reports problems in, so the user always learns the file, the line where known,
/// and what to do about it.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable {
        case error
        case warning
    }

    public var severity: Severity
    /// The file the problem is in, as the user gave it (relative paths stay relative).
    public var file: String
    public var line: Int?
    public var message: String
    /// What to do about it, in a sentence.
    public var fix: String?

    public init(_ severity: Severity = .error, file: String, line: Int? = nil, message: String, fix: String? = nil) {
        self.severity = severity
        self.file = file
        self.line = line
        self.message = message
        self.fix = fix
    }

    public var description: String {
        let location = line.map { "\(file):\($0)" } ?? file
        let advice = fix.map { " — \($0)" } ?? ""
        return "\(location): \(severity.rawValue): \(message)\(advice)"
    }
}

/// Several diagnostics at once: validation reports every problem it finds, not only the first.
public struct Diagnostics: Error, Sendable, CustomStringConvertible {
    public var items: [Diagnostic]

    public init(_ items: [Diagnostic]) {
        self.items = items
    }

    public var description: String {
        items.map(\.description).joined(separator: "\n")
    }
}
