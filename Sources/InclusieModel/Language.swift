/// The languages user-facing text comes in: Dutch by default, English on request.
public enum Language: String, CaseIterable, Codable, Sendable {
    case nl
    case en
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
