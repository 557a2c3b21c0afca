import InclusieModel

/// The generated source text of one programme, built up while its plugin is generated.
///
/// Every quote the plugin cites is put into the text under its section, so `QuoteChecker` finds all of
/// them. The text is rendered the way a PDF export looks: wrapped lines and typographic apostrophes,
/// which the checker is meant to see through.
struct SourceDocument {
    private var sections: [(path: [String], sentences: [String])] = []
    private var sectionIndex: [[String]: Int] = [:]

    /// Puts `sentence` into the section and returns it as a quote to cite, its heading levels separated by
    /// ` > ` as in the real plugins.
    mutating func quote(_ sentence: String, section path: [String]) -> Evidence {
        add(sentence, to: path)
        return Evidence(quote: sentence, section: path.joined(separator: " > "))
    }

    /// Text that stands in the document without being cited, as most of a real document does.
    mutating func add(_ sentence: String, to path: [String]) {
        if let index = sectionIndex[path] {
            sections[index].sentences.append(sentence)
        } else {
            sectionIndex[path] = sections.count
            sections.append((path, [sentence]))
        }
    }

    /// The document as plain text: a banner, then every heading that changes and its paragraph.
    func render(title: String, banner: String, width: Int = 78) -> String {
        var lines = [title, banner, ""]
        var previous: [String] = []
        for section in sections {
            let shared = zip(previous, section.path).prefix { $0 == $1 }.count
            for heading in section.path.dropFirst(shared) {
                lines += [heading, ""]
            }
            let paragraph = section.sentences.joined(separator: " ").replacingApostrophes()
            lines += Self.wrap(paragraph, width: width) + [""]
            previous = section.path
        }
        return lines.joined(separator: "\n")
    }

    private static func wrap(_ paragraph: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in paragraph.split(separator: " ") {
            if !current.isEmpty && current.count + 1 + word.count > width {
                lines.append(current)
                current = ""
            }
            current += current.isEmpty ? String(word) : " " + word
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}

extension String {
    /// Straight apostrophes as a word processor prints them (’); quotes in the plugin keep the straight ones.
    fileprivate func replacingApostrophes() -> String {
        String(String.UnicodeScalarView(unicodeScalars.map { $0 == "'" ? "\u{2019}" : $0 }))
    }
}
