/// A problem found in a plugin or source file, printed as `path:line: fout: bericht — oplossing` like a
/// compiler would, in Dutch by default and in English on request.
///
/// The one shape every layer reports problems in, so the user always learns the file, the line where known,
/// and what to do about it. Message and fix carry both languages, so the layer that finds a problem need not
/// know which language the user asked for; only the command that prints it does.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable {
        case error
        case warning

        /// The word printed between location and message, as a compiler prints `error:`.
        public func word(_ language: Language) -> String {
            switch self {
            case .error: LocalizedText(nl: "fout", en: "error").text(language)
            case .warning: LocalizedText(nl: "waarschuwing", en: "warning").text(language)
            }
        }
    }

    public var severity: Severity
    /// The file the problem is in, as the user gave it (relative paths stay relative).
    public var file: String
    public var line: Int?
    public var message: LocalizedText
    /// What to do about it, in a sentence.
    public var fix: LocalizedText?

    public init(
        _ severity: Severity = .error, file: String, line: Int? = nil, message: LocalizedText, fix: LocalizedText? = nil
    ) {
        self.severity = severity
        self.file = file
        self.line = line
        self.message = message
        self.fix = fix
    }

    /// The diagnostic as one line in the given language: `path:line: fout: bericht — oplossing`.
    public func text(_ language: Language) -> String {
        let location = line.map { "\(file):\($0)" } ?? file
        let advice = fix.map { " — \($0.text(language))" } ?? ""
        return "\(location): \(severity.word(language)): \(message.text(language))\(advice)"
    }

    /// The Dutch rendering, because Dutch is the default language of everything the user reads.
    public var description: String { text(.nl) }
}

/// Several diagnostics at once: validation reports every problem it finds, not only the first.
public struct Diagnostics: Error, Sendable, CustomStringConvertible {
    public var items: [Diagnostic]

    public init(_ items: [Diagnostic]) {
        self.items = items
    }

    /// One line per diagnostic, in the given language.
    public func text(_ language: Language) -> String {
        items.map { $0.text(language) }.joined(separator: "\n")
    }

    public var description: String { text(.nl) }
}
