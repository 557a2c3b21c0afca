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

