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
