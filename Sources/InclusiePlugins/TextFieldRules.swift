import Foundation
import InclusieModel

/// What every text of a plugin may hold, and how long it may be.
///
/// A text is read by people in a table, a page or a spreadsheet cell, and searched: a control character
/// (a NUL cut the stored text short; ESC and friends are invisible) says nothing a reader could see, and a
/// megabyte title makes every page that shows it slow. The limits are far above what a document's own
/// heading, sentence or paragraph needs (the bundled plugins' longest: a note of 1,157 characters).
enum TextFieldRules {
    /// The longest text of each sort, in characters.
    enum Limit: Int {
        case name = 300
        case title = 1_000
        case quote = 2_000
        case text = 20_000
    }

    /// Every text of a programme with the line it stands near, the name users write in YAML and its limit.
    static func fields(of loaded: LoadedProgramme) -> [(line: Int?, key: String, text: String, limit: Limit)] {
        let programme = loaded.programme
        var fields: [(line: Int?, key: String, text: String, limit: Limit)] = [
            (1, "title", programme.title, .title), (1, "label", programme.label, .name),
            (1, "author", programme.author.name, .name),
        ]
        func add(_ line: Int?, _ key: String, _ text: String?, _ limit: Limit) {
            if let text { fields.append((line, key, text, limit)) }
        }
        func add(_ line: Int?, evidence: [Evidence]) {
            for quote in evidence {
                add(line, "quote", quote.quote, .quote)
                add(line, "section", quote.section, .title)
            }
        }
        add(1, "note", programme.note, .text)
        add(1, evidence: programme.evidence)
        for item in programme.items {
            let line = loaded.lines.item(item.localID)
            add(line, "title", item.title, .title)
            add(line, "number", item.number, .name)
            add(line, "description", item.description, .text)
            add(line, "owner", item.owner, .name)
            add(line, "note", item.note, .text)
            for contact in item.contactPoints {
                add(line, "unit", contact.unit, .name)
                add(line, "department", contact.department, .name)
            }
            add(line, evidence: item.evidence)
        }
        for partner in programme.partners {
            let line = loaded.lines.partner(partner.localID)
            add(line, "name", partner.name, .name)
            add(line, "description", partner.description, .text)
            add(line, evidence: partner.evidence)
        }
        for budgetLine in programme.budget.lines {
            let line = loaded.lines.budgetLine(budgetLine.localID)
            add(line, "label", budgetLine.label, .title)
            add(line, "block", budgetLine.block, .title)
            add(line, "note", budgetLine.note, .text)
            add(line, evidence: budgetLine.evidence)
        }
        if case .none(let reason, let evidence) = programme.budget {
            add(loaded.lines.budget, "reason", reason, .text)
            add(loaded.lines.budget, evidence: evidence)
        }
        return fields
    }

    /// The texts of a municipality file; its problems are reported at the file's first line.
    static func fields(of municipality: Municipality) -> [(key: String, text: String, limit: Limit)] {
        var fields: [(key: String, text: String, limit: Limit)] = [("name", municipality.name, .name)]
        if let province = municipality.province { fields.append(("province", province, .name)) }
        for figure in municipality.population {
            fields.append(("publisher", figure.publisher, .name))
            if let note = figure.note { fields.append(("note", note, .text)) }
        }
        return fields
    }

    /// What is wrong with one text, as a message and a fix; nil when it is fine.
    static func problem(key: String, text: String, limit: Limit) -> (message: LocalizedText, fix: LocalizedText)? {
        if let control = text.unicodeScalars.first(where: isForbiddenControl) {
            let code = String(format: "U+%04X", control.value)
            return (
                LocalizedText(
                    nl: "'\(key)' bevat een onzichtbaar stuurteken (\(code))",
                    en: "'\(key)' holds an invisible control character (\(code))"),
                LocalizedText(
                    nl: "schrijf de tekst zoals hij in het document staat, zonder escapes als \\0 of \\e",
                    en: "write the text as the document has it, without escapes such as \\0 or \\e"))
        }
        let length = text.count
        guard length <= limit.rawValue else {
            return (
                LocalizedText(
                    nl: "'\(key)' is \(length) tekens lang; er passen er hoogstens \(limit.rawValue)",
                    en: "'\(key)' is \(length) characters long; at most \(limit.rawValue) fit"),
                LocalizedText(
                    nl: "kort het in tot de woorden van het document die het onderdeel dragen; de hele tekst hoort in het brondocument",
                    en: "shorten it to the document's words that carry the item; the whole text belongs in the source document"))
        }
        return nil
    }

    /// C0 and C1 controls and DEL; tab and line breaks are text.
    private static func isForbiddenControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false
        case 0x00...0x1F, 0x7F...0x9F: true
        default: false
        }
    }
}
