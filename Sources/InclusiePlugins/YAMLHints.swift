import Foundation
import InclusieModel
import Yams

/// Plain-language readings of the mistakes newcomers make most, each with what to write instead.
///
/// The YAML parser speaks of "block mappings" and "flow sequences", and a decoding error names the type
/// it wanted; neither tells a policy advisor which character to add. These recognise the common cases
/// from the parser's problem and the text around it, and fall back to the general message otherwise.
extension YAMLDiagnostics {
    /// A syntax error from the parser in plain Dutch and English, at the line where the mistake starts.
    static func plainSyntaxDiagnostic(
        problem: String, context: YamlError.Context?, mark: Mark, file: String, yaml: String
    ) -> Diagnostic? {
        let inside = context?.text ?? ""
        // A quote left open swallows the lines after it, and the parser only trips further down: name the
        // line where the quote was opened.
        if let opened = unclosedQuoteLine(before: mark.line, in: yaml) {
            return Diagnostic(
                file: file, line: opened,
                message: LocalizedText(
                    nl: "YAML-opmaakfout: een tekst die met een aanhalingsteken begint, wordt op deze regel niet gesloten",
                    en: "YAML syntax error: a text that starts with a quotation mark is not closed on this line (parser: \(problem))"),
                fix: LocalizedText(
                    nl: "zet hetzelfde aanhalingsteken aan het eind van de tekst; staat er een ' in een tekst tussen '…', schrijf die dan dubbel ('')",
                    en: "put the same quotation mark at the end of the text; a ' inside '…' is written twice ('')"))
        }
        func diagnostic(line: Int = mark.line, _ nl: String, _ en: String, fix: (nl: String, en: String)) -> Diagnostic {
            Diagnostic(
                file: file, line: line,
                message: LocalizedText(nl: "YAML-opmaakfout: \(nl)", en: "YAML syntax error: \(en) (parser: \(problem))"),
                fix: LocalizedText(nl: fix.nl, en: fix.en))
        }
        switch problem {
        case "did not find expected key":
            return diagnostic(
                "het inspringen klopt niet: deze regel staat niet recht onder de sleutels van het blok waar hij bij hoort",
                "wrong indentation: this line does not line up with the keys of the block it belongs to",
                fix: (
                    "laat de regel met evenveel spaties beginnen als de sleutels erboven (tel de spaties; gebruik geen tabs)",
                    "start the line with as many spaces as the keys above it (count the spaces; no tabs)"
                ))
        case "did not find expected '-' indicator":
            return diagnostic(
                "in deze lijst mist een '-' aan het begin van een regel, of de regel springt anders in dan de regels met '-' erboven",
                "a line in this list lacks its '-', or is indented differently from the '-' lines above it",
                fix: (
                    "begin elk nieuw onderdeel van de lijst met '- ' recht onder de vorige '- ', en laat de velden van een onderdeel inspringen tot onder de eerste letter na '- '",
                    "start each entry of the list with '- ' right under the previous '- ', and indent an entry's fields to the first letter after '- '"
                ))
        case "did not find expected ',' or ']'":
            return diagnostic(
                line: context?.mark.line ?? mark.line, "een lijst die met '[' begint, wordt niet gesloten met ']'",
                "a list opened with '[' is not closed with ']'",
                fix: (
                    "zet ']' aan het eind van de lijst, met komma's tussen de waarden: [a, b, c]",
                    "put ']' at the end of the list, with commas between the values: [a, b, c]"
                ))
        case "did not find expected ',' or '}'":
            return diagnostic(
                line: context?.mark.line ?? mark.line, "een blok dat met '{' begint, wordt niet gesloten met '}'",
                "a mapping opened with '{' is not closed with '}'",
                fix: (
                    "zet '}' aan het eind, met komma's tussen de paren: { from: 2020, to: 2022 }",
                    "put '}' at the end, with commas between the pairs: { from: 2020, to: 2022 }"
                ))
        case "found unexpected end of stream" where inside.contains("quoted scalar"),
            "found unexpected document indicator" where inside.contains("quoted scalar"):
            return diagnostic(
                line: context?.mark.line ?? mark.line, "een tekst die met een aanhalingsteken begint, wordt nergens gesloten",
                "a text that starts with a quotation mark is never closed",
                fix: (
                    "zet hetzelfde aanhalingsteken aan het eind van de tekst; staat er een ' in een tekst tussen '…', schrijf die dan dubbel ('')",
                    "put the same quotation mark at the end of the text; a ' inside '…' is written twice ('')"
                ))
        case "mapping values are not allowed in this context":
            return diagnostic(
                "op deze regel staat ': ' midden in een waarde, of een sleutel springt verder in dan de regel erboven",
                "this line has ': ' inside a value, or a key indented deeper than the line above",
                fix: (
                    "zet een tekst met ': ' tussen dubbele aanhalingstekens (\"…\"), of laat de sleutel even ver inspringen als de sleutels erboven",
                    "put a text containing ': ' between double quotes (\"…\"), or indent the key like the keys above it"
                ))
        case "found character that cannot start any token", "found a tab character that violates indentation":
            return diagnostic(
                "deze regel begint met een teken dat hier niet mag, meestal een tab",
                "this line starts with a character that cannot stand here, usually a tab",
                fix: (
                    "spring in met spaties in plaats van tabs, en zet een tekst die met @ of ` begint tussen aanhalingstekens",
                    "indent with spaces instead of tabs, and quote a text that starts with @ or `"
                ))
        case "could not find expected ':'":
            return diagnostic(
                line: context?.mark.line ?? mark.line, "na een sleutel mist de ':'",
                "a key lacks its ':'",
                fix: (
                    "schrijf 'sleutel: waarde'; loopt een tekst door op de volgende regel, laat die dan verder inspringen",
                    "write 'key: value'; a text that continues on the next line must be indented further"
                ))
        case "block sequence entries are not allowed in this context":
            return diagnostic(
                "een '- ' staat op een plek waar geen lijst kan beginnen",
                "a '- ' stands where no list can start",
                fix: (
                    "zet de lijst op de regels onder zijn sleutel ('evidence:' en daaronder '- quote: …'), verder ingesprongen dan die sleutel",
                    "put the list on the lines under its key ('evidence:' then '- quote: …'), indented further than the key"
                ))
        default:
            return nil
        }
    }

    /// The first line up to `line` whose value opens a quotation mark it does not close on that line.
    /// (Plugins write long texts with `>-`, so a quoted text over several lines is a mistake in practice.)
    static func unclosedQuoteLine(before line: Int, in yaml: String) -> Int? {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        let last = min(line, lines.count)
        guard last > 0 else { return nil }
        for index in 0..<last {
            var text = Substring(lines[index].drop { $0 == " " })
            if text.hasPrefix("#") { continue }
            if text.hasPrefix("- ") { text = text.dropFirst(2).drop { $0 == " " } }
            if let colon = text.range(of: ": ") { text = text[colon.upperBound...].drop { $0 == " " } }
            guard let quote = text.first, quote == "\"" || quote == "'" else { continue }
            let body = text.dropFirst()
            let closed =
                quote == "'"
                ? body.replacingOccurrences(of: "''", with: "").contains("'")
                : body.replacingOccurrences(of: "\\\"", with: "").contains("\"")
            if !closed { return index + 1 }
        }
        return nil
    }

    /// A key twice in one mapping: almost always a block that slid one level out (its indentation), not a
    /// real duplicate, so the advice points at the second occurrence's indentation.
    static func duplicateKeyDiagnostic(keys: [String], mark: Mark, file: String, yaml: String) -> Diagnostic {
        let listed = keys.map { "'\($0)'" }.joined(separator: ", ")
        let key = keys.first ?? ""
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        let column = max(0, mark.column - 1)
        let second = lines.indices.dropFirst(mark.line).first { index in
            let line = Array(lines[index])
            guard line.count > column, line[..<column].allSatisfy({ $0 == " " || $0 == "-" }) else { return false }
            return String(line[column...]).hasPrefix(key + ":")
        }.map { $0 + 1 }
        let place = second.map { (nl: " (regel \(mark.line) en regel \($0))", en: " (lines \(mark.line) and \($0))") } ?? (nl: "", en: "")
        return Diagnostic(
            file: file, line: second ?? mark.line,
            message: LocalizedText(
                nl: "\(listed) staat twee keer in hetzelfde blok\(place.nl)",
                en: "\(listed) appears twice in one mapping\(place.en)"),
            fix: LocalizedText(
                nl: "meestal is een blok een niveau te ver naar links geschoven: laat '\(key):' op de tweede plek even ver inspringen als de andere sleutels van het onderdeel waar het bij hoort; alleen als het echt dubbel is, voeg de twee samen",
                en: "usually a block slid one level to the left: indent the second '\(key):' like the other keys of the part it belongs to; only if it is a real duplicate, merge the two"))
    }

    /// A value the decoder could not read, when it has a shape newcomers write often: a span of years
    /// (`period: 2019-2022`, `years: [2019-2022]`) or an amount in words (`1,7 miljoen`).
    static func typeHint(at path: [any CodingKey], in yaml: String, file: String) -> Diagnostic? {
        guard let last = path.last, let node = node(at: path, in: yaml), let text = node.scalar?.string,
            let line = node.mark?.line
        else { return nil }
        let span = yearSpan(text)
        if last.stringValue == "period", let span {
            return Diagnostic(
                file: file, line: line,
                message: LocalizedText(
                    nl: "'period: \(text)' is geen periode in de vorm die plugins gebruiken",
                    en: "'period: \(text)' is not a period in the form plugins use"),
                fix: LocalizedText(
                    nl: "schrijf 'period: { from: \(span.from), to: \(span.to) }'",
                    en: "write 'period: { from: \(span.from), to: \(span.to) }'"))
        }
        if last.intValue != nil, path.dropLast().last?.stringValue == "years", let span {
            let years = (span.from...max(span.from, min(span.to, span.from + 20))).map(String.init).joined(separator: ", ")
            return Diagnostic(
                file: file, line: line,
                message: LocalizedText(
                    nl: "'\(text)' in 'years:' is een reeks jaren, geen jaar",
                    en: "'\(text)' in 'years:' is a span of years, not a year"),
                fix: LocalizedText(
                    nl: "noem elk jaar apart: 'years: [\(years)]' (voor de looptijd van het hele programma: 'period: { from: \(span.from), to: \(span.to) }')",
                    en: "list every year: 'years: [\(years)]' (for the whole programme's span: 'period: { from: \(span.from), to: \(span.to) }')"))
        }
        return nil
    }

    /// `{ 2020: 1,7 miljoen }` in a flow mapping: YAML splits at the comma into `2020: 1` and a key
    /// `7 miljoen` without a value, and the year check then blames `7 miljoen`.
    static func splitAmountHint(at path: [any CodingKey], in yaml: String, file: String) -> Diagnostic? {
        guard path.count >= 2, path[path.count - 2].stringValue == "amounts",
            let mapping = node(at: Array(path.dropLast()), in: yaml)?.mapping,
            let index = Array(mapping).firstIndex(where: { $0.key.string == path.last?.stringValue }), index > 0
        else { return nil }
        let pair = Array(mapping)[index]
        let previous = Array(mapping)[index - 1]
        guard pair.value.scalar?.string.isEmpty ?? false, let whole = previous.value.scalar?.string,
            whole.allSatisfy({ $0.isNumber }), let year = previous.key.string, let rest = pair.key.string
        else { return nil }
        let written = "\(whole),\(rest)"
        let euros = euros(in: written).map { "\(year): \($0)" } ?? "\(year): 1700000"
        return Diagnostic(
            file: file, line: pair.key.mark?.line ?? previous.key.mark?.line,
            message: LocalizedText(
                nl: "'\(year): \(written)' is bij de komma in tweeën gesplitst: tussen { } leest YAML een komma als het begin van een nieuw paar",
                en: "'\(year): \(written)' was split at the comma: between { } YAML reads a comma as the start of a new pair"),
            fix: LocalizedText(
                nl: "schrijf het bedrag in hele euro's, zonder komma en zonder 'miljoen': '\(euros)' (of met een punt voor centen: 1700000.50)",
                en: "write the amount in whole euros, without a comma or 'miljoen': '\(euros)' (or with a point for cents: 1700000.50)"))
    }

    /// `2020: 1,7 miljoen` (or `undated_amount: 1,7 miljoen`) outside braces: the amount in words, with the
    /// digits to write instead.
    static func wordAmountHint(at path: [any CodingKey], in yaml: String, file: String, message: LocalizedText) -> Diagnostic? {
        guard let last = path.last?.stringValue,
            last == "undated_amount" || (path.count >= 2 && path[path.count - 2].stringValue == "amounts"),
            let node = node(at: path, in: yaml), let text = node.scalar?.string, let euros = euros(in: text)
        else { return nil }
        return Diagnostic(
            file: file, line: node.mark?.line, message: message,
            fix: LocalizedText(
                nl: "schrijf '\(last): \(euros)' (hele euro's, zonder punt, komma of 'miljoen')",
                en: "write '\(last): \(euros)' (whole euros, without a point, comma or 'miljoen')"))
    }

    /// An amount a person writes in words, as whole euros: "1,7 miljoen" is 1700000, "40 duizend" 40000.
    static func euros(in text: String) -> String? {
        let words = text.lowercased().replacingOccurrences(of: "€", with: "").split(separator: " ")
        guard let number = words.first, let factorWord = words.dropFirst().first else { return nil }
        let factors: [String: Decimal] = ["miljoen": 1_000_000, "mln": 1_000_000, "mln.": 1_000_000, "duizend": 1_000]
        guard let factor = factors[String(factorWord)],
            let value = Decimal(string: number.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: "."))
        else { return nil }
        return NSDecimalNumber(decimal: value * factor).stringValue
    }

    private static func yearSpan(_ text: String) -> (from: Int, to: Int)? {
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == "–" || $0 == "—" || $0 == "/" })
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, let from = Int(parts[0]), let to = Int(parts[1]), parts.allSatisfy({ $0.count == 4 }) else {
            return nil
        }
        return (from, to)
    }

    /// The YAML node a coding path leads to, if the file composes.
    static func node(at path: [any CodingKey], in yaml: String) -> Node? {
        guard var node = try? Yams.compose(yaml: yaml) else { return nil }
        for key in path {
            if let mapping = node.mapping, let pair = mapping.first(where: { $0.key.string == key.stringValue }) {
                node = pair.value
            } else if let sequence = node.sequence, let index = key.intValue, index < sequence.count {
                node = sequence[index]
            } else {
                return nil
            }
        }
        return node
    }
}
