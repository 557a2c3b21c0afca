/// The languages user-facing text comes in: Dutch by default, English on request.
public enum Language: String, CaseIterable, Codable, Sendable {
    case nl
    case en
}

extension Language {
    /// A whole number with thousands grouped as this language writes them: 214.715 in Dutch, 214,715 in English.
    public func grouped(_ value: Int) -> String {
        var digits = String(value.magnitude)
        var groups: [String] = []
        while digits.count > 3 {
            groups.insert(String(digits.suffix(3)), at: 0)
            digits.removeLast(3)
        }
        groups.insert(digits, at: 0)
        return (value < 0 ? "-" : "") + groups.joined(separator: self == .nl ? "." : ",")
    }
}

/// A label in both user languages; the taxonomy and all output labels are stored this way.
public struct LocalizedText: Hashable, Codable, Sendable {
    public var nl: String
    public var en: String

    public init(nl: String, en: String) {
        self.nl = nl
        self.en = en
    }

    public func text(_ language: Language) -> String {
        switch language {
        case .nl: nl
        case .en: en
        }
    }
}
