import Foundation

/// Finds headings, list items, tables and paragraphs in plain text or Markdown.
///
/// Municipal documents reach us as text pulled out of PDFs and web pages, so the rules look at the shape of
/// lines (numbering, capitals, length, blank lines around them) rather than at any markup.
public struct StructureDetector: Sendable {
    public init() {}

    private enum LineShape {
        case blank
        case heading(level: Int, text: String)
        case listItem(number: String?, text: String)
        case tableRow([String])
        case text(String)
    }

    public func blocks(in document: String) -> [TextBlock] {
        let lines = document.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n")
        var blocks: [TextBlock] = []
        var headings: [(level: Int, text: String)] = []
        var open: (kind: TextBlock.Kind, lines: [String], start: Int)?

        func close() {
            guard let current = open else { return }
            open = nil
            let text = current.lines.joined(separator: " ").trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { return }
            blocks.append(TextBlock(kind: current.kind, text: text, line: current.start, sectionPath: headings.map(\.text)))
        }

        // Menus, captions, page numbers and the like are read as blank lines: they end a block and never start one.
        let noise = PageNoise.lines(lines)
        func isBlank(_ index: Int) -> Bool {
            noise.contains(index) || lines[index].trimmingCharacters(in: .whitespaces).isEmpty
        }
        for (index, raw) in lines.enumerated() {
            let lineNumber = index + 1
            let previousBlank = index == 0 || isBlank(index - 1)
            let nextBlank = index + 1 >= lines.count || isBlank(index + 1)
            if noise.contains(index) {
                close()
                continue
            }
            let next = index + 1 < lines.count ? lines[index + 1].trimmingCharacters(in: .whitespaces) : ""
            // A web page's subheading often has its paragraph right under it, without a blank line between.
            let headsParagraph = previousBlank && !nextBlank && Self.isSubheading(raw, above: next)
            switch shape(of: raw, standsAlone: (previousBlank && nextBlank) || headsParagraph, next: next) {
            case .blank:
                close()
            case .heading(let level, let text):
                close()
                while let last = headings.last, last.level >= level { headings.removeLast() }
                blocks.append(
                    TextBlock(kind: .heading(level: level), text: text, line: lineNumber, sectionPath: headings.map(\.text)))
                headings.append((level, text))
            case .listItem(let number, let text):
                close()
                open = (.listItem(number: number), [text], lineNumber)
            case .tableRow(let cells):
                close()
                blocks.append(
                    TextBlock(
                        kind: .tableRow(cells: cells), text: cells.filter { !$0.isEmpty }.joined(separator: " "),
                        line: lineNumber, sectionPath: headings.map(\.text)))
            case .text(let text):
                // A line under a list item continues it (a multi-line item); otherwise it is part of a paragraph.
                if open != nil {
                    open?.lines.append(text)
                } else {
                    open = (.paragraph, [text], lineNumber)
                }
            }
        }
        close()
        return blocks
    }

    /// - Parameter next: the following line, trimmed: `4.1 Werk` above `4.1.1 …` heads the points under it.
    private func shape(of raw: String, standsAlone: Bool, next: String = "") -> LineShape {
        let line = raw.trimmingCharacters(in: .whitespaces)
        if line.isEmpty { return .blank }
        if raw.contains("\t") {
            let cells = raw.components(separatedBy: "\t").map { $0.trimmingCharacters(in: .whitespaces) }
            // Rows of notes inside a table ("Reguliere subsidies" followed by empty cells) stay in the table.
            if cells.count >= 2 { return .tableRow(cells) }
        }
        if line.hasPrefix("#") {
            let level = line.prefix { $0 == "#" }.count
            let text = line.dropFirst(level).trimmingCharacters(in: .whitespaces)
            if !text.isEmpty && level <= 6 { return .heading(level: level, text: text) }
        }
        if let (number, rest) = numbered(line) {
            let words = rest.split(separator: " ").count
            let endsLikeSentence = rest.last.map { ".,;:".contains($0) } ?? false
            let startsCapital = rest.first?.isUppercase ?? false
            // "2.1 Representatie" is a heading; "1. Bij het aannemen van ambtenaren …" is a list item.
            let headsSubpoints = numbered(next).map { $0.0.hasPrefix(number + ".") } ?? false
            if startsCapital && !endsLikeSentence && words <= 10 && rest.count <= 80 && (standsAlone || headsSubpoints) {
                let level = number.split(separator: ".").count
                return .heading(level: level, text: line)
            }
            return .listItem(number: number, text: rest)
        }
        if let rest = bulleted(line) { return .listItem(number: nil, text: rest) }
        // "Uitvoeringslijn 3: EDUCATIE, …", "Fase 2: Per speerpunt …": the document numbers its own parts by
        // name, so the line heads a part however long it is; under the marked headings, above short lines.
        if standsAlone && line.count <= 150 && line.contains(/^\p{Lu}\p{Ll}+ \d{1,2}(\.\d{1,2})*:\s+\S/) {
            return .heading(level: 6, text: line)
        }
        let letters = line.filter(\.isLetter)
        if standsAlone && letters.count >= 3 && line.count <= 80 && letters.allSatisfy(\.isUppercase) {
            return .heading(level: 1, text: line)
        }
        let words = line.split(separator: " ").count
        let endsLikeSentence = line.last.map { ".,;:!?".contains($0) } ?? false
        if standsAlone && !endsLikeSentence && words <= 8 && line.count <= 60 && (line.first?.isUppercase ?? false) {
            return .heading(level: 7, text: line)
        }
        return .text(line)
    }

    /// "Toegankelijke gebouwen" above "Alle wijkcentra zijn doorgelicht op … rolstoel.": a short capitalised
    /// line without an ending, above a line of running text that ends a sentence.
    static func isSubheading(_ raw: String, above next: String) -> Bool {
        let line = raw.trimmingCharacters(in: .whitespaces)
        guard let first = line.first, first.isUppercase, !raw.contains("\t"), line.count <= 50,
            line.split(separator: " ").count <= 6, let end = line.last, !".,;:!?\"”)".contains(end),
            next.count >= 40, let nextEnd = next.last, ".!?".contains(nextEnd), !next.hasPrefix("-"), !next.hasPrefix("•")
        else { return false }
        return true
    }

    /// `1.`, `1)`, `2.1`, `2.1.` at the start of a line, followed by a space.
    private func numbered(_ line: String) -> (String, String)? {
        var number = ""
        var rest = Substring(line)
        while let first = rest.first, first.isASCII, first.isNumber || first == "." {
            number.append(first)
            rest = rest.dropFirst()
        }
        if rest.first == ")" { rest = rest.dropFirst() }
        guard let digit = number.first, digit.isNumber, number.count <= 8, rest.first == " " else { return nil }
        let trimmedNumber = number.hasSuffix(".") ? String(number.dropLast()) : number
        // A year or an amount at the start of a sentence ("2020 was …") is not a number of a list.
        guard trimmedNumber.split(separator: ".").allSatisfy({ $0.count <= 2 }) else { return nil }
        let text = rest.trimmingCharacters(in: .whitespaces)
        return text.isEmpty ? nil : (trimmedNumber, text)
    }

    private func bulleted(_ line: String) -> String? {
        for marker in ["- ", "* ", "• ", "– ", "· ", "▪ ", "o "] where line.hasPrefix(marker) {
            let text = line.dropFirst(marker.count).trimmingCharacters(in: .whitespaces)
            // "o " only as a bullet when a word follows, not as the start of a sentence.
            if marker == "o " && (text.first?.isLowercase ?? true) { return nil }
            return text.isEmpty ? nil : text
        }
        return nil
    }
}
