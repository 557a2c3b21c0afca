import InclusieExport
import InclusieModel
import Plot

// Plot has a `Language` and a `TableCell` of its own; in this module the names mean ours.
typealias Language = InclusieModel.Language
typealias TableCell = InclusieExport.TableCell

/// A phrase in both user languages, picked at render time.
func phrase(_ nl: String, _ en: String, _ language: Language) -> String {
    language == .nl ? nl : en
}

typealias BodyNode = Node<HTML.BodyContext>

extension Node {
    /// Text from the data, shown exactly as written.
    ///
    /// Plot escapes `<` and `>` but leaves anything that already looks like an entity alone, so a quote
    /// containing a literal `&amp;` would show as `&`. Escaping every `&` first makes Plot see only
    /// complete entities, and the reader sees the text as the document wrote it.
    static func plain(_ text: String) -> Node {
        .text(text.replacingOccurrences(of: "&", with: "&amp;"))
    }
}

/// An element id made only of ASCII letters, digits and hyphens, because Plot writes attribute values
/// as they are: nothing from the data may reach an attribute unfiltered.
func elementID(_ parts: String...) -> String {
    var id = ""
    for scalar in parts.joined(separator: "-").lowercased().unicodeScalars {
        if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
            id.unicodeScalars.append(scalar)
        } else if id.last != "-" {
            id.append("-")
        }
    }
    return id
}
