import Foundation
import HTTPTypes
import InclusieModel

/// A request the site refuses, with the status and a sentence in the user's language on what is allowed.
struct PageError: Error {
    var status: HTTPResponse.Status
    var message: LocalizedText
}

/// The query string of a page request, checked against the parameters that page takes.
///
/// Every page names its parameters; anything else (an unknown name, a name given twice, a control
/// character, an unreadable percent escape, a value too long) is refused with a 400 page that lists what
/// is allowed, so a URL always means exactly one view.
struct PageQuery: Sendable {
    private(set) var values: [String: String]
    let language: Language

    static let maximumValueLength = 500

    init(rawQuery: String?, allowed: [String]) throws(PageError) {
        var values: [String: String] = [:]
        let allowedNames = allowed + ["lang"]
        let allowedList = allowedNames.joined(separator: ", ")
        for pair in (rawQuery ?? "").split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]), let value = Self.decode(parts.count > 1 ? parts[1] : "") else {
                throw PageError(
                    status: .badRequest,
                    message: LocalizedText(
                        nl: "De adresregel bevat een onleesbaar teken; toegestaan zijn de parameters \(allowedList).",
                        en: "The address contains an unreadable character; the parameters allowed are \(allowedList)."))
            }
            guard allowedNames.contains(name) else {
                throw PageError(
                    status: .badRequest,
                    message: LocalizedText(
                        nl: "Onbekende parameter '\(Self.shown(name))'; deze pagina kent: \(allowedList).",
                        en: "Unknown parameter '\(Self.shown(name))'; this page takes: \(allowedList)."))
            }
            guard values[name] == nil else {
                throw PageError(
                    status: .badRequest,
                    message: LocalizedText(
                        nl: "De parameter '\(name)' staat er twee keer in; geef hem één keer (meerdere waarden met komma's).",
                        en: "The parameter '\(name)' is given twice; give it once (several values with commas)."))
            }
            guard value.count <= Self.maximumValueLength, !value.unicodeScalars.contains(where: Self.isControl) else {
                throw PageError(
                    status: .badRequest,
                    message: LocalizedText(
                        nl: "De waarde van '\(name)' is te lang of bevat een stuurteken; gebruik gewone tekst van hoogstens \(Self.maximumValueLength) tekens.",
                        en: "The value of '\(name)' is too long or holds a control character; use plain text of at most \(Self.maximumValueLength) characters."))
            }
            values[name] = value
        }
        switch values["lang"] {
        case nil, "nl": language = .nl
        case "en": language = .en
        default:
            throw PageError(
                status: .badRequest,
                message: LocalizedText(
                    nl: "Onbekende taal '\(Self.shown(values["lang"] ?? ""))'; kies lang=nl of lang=en.",
                    en: "Unknown language '\(Self.shown(values["lang"] ?? ""))'; choose lang=nl or lang=en."))
        }
        self.values = values
    }

    /// No parameters but the language: for pages made after a request was refused.
    init(language: Language) {
        self.language = language
        values = language == .en ? ["lang": "en"] : [:]
    }

    /// A value, with an empty one (as an unselected form field sends) read as not given.
    subscript(name: String) -> String? {
        guard let value = values[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        return value
    }

    /// The page number, 1 when not given; refused when it is not a whole number from 1 to `last`.
    func page(last: Int) throws(PageError) -> Int {
        guard let text = self["page"] else { return 1 }
        guard let page = Int(text), page >= 1, page <= max(1, last) else {
            throw PageError(
                status: .badRequest,
                message: LocalizedText(
                    nl: "Pagina '\(Self.shown(text))' bestaat niet; kies een pagina van 1 tot en met \(max(1, last)).",
                    en: "Page '\(Self.shown(text))' does not exist; choose a page from 1 to \(max(1, last))."))
        }
        return page
    }

    /// A value that must be one of `choices`; nil when not given.
    func choice(_ name: String, among choices: [String]) throws(PageError) -> String? {
        guard let value = self[name] else { return nil }
        guard choices.contains(value) else {
            throw PageError(
                status: .badRequest,
                message: LocalizedText(
                    nl: "Onbekende waarde '\(Self.shown(value))' voor \(name); kies uit: \(choices.joined(separator: ", ")).",
                    en: "Unknown value '\(Self.shown(value))' for \(name); choose from: \(choices.joined(separator: ", "))."))
        }
        return value
    }

    /// The same query with some values changed (nil removes one); for links that keep the other filters.
    func with(_ changes: [String: String?]) -> [String: String] {
        var result = values
        for (name, value) in changes { result[name] = value }
        return result.filter { !$0.value.isEmpty }
    }

    /// `+` is a space in a form's query string; every other byte must be plain or a valid percent escape.
    private static func decode(_ part: Substring) -> String? {
        part.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value) || scalar.properties.generalCategory == .format
    }

    /// A user's value quoted in a message: cut short, so an error page never echoes a whole attack back.
    private static func shown(_ text: String) -> String {
        text.count > 40 ? String(text.prefix(40)) + "…" : text
    }
}

/// The ASCII letters, digits and `-._~,`: what a query value keeps as it is. Made once, not for each of
/// the dozens of links a page makes.
private let unreservedInQuery = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~,")

/// A URL made from a path and query values, percent-encoded so no value can break out of an attribute.
func url(_ path: String, _ values: [String: String] = [:]) -> String {
    guard !values.isEmpty else { return path }
    let query = values.sorted { $0.key < $1.key }.map { name, value in
        "\(name)=\(value.addingPercentEncoding(withAllowedCharacters: unreservedInQuery) ?? "")"
    }
    return path + "?" + query.joined(separator: "&")
}
