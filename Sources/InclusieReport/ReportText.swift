import InclusieExport
import InclusieModel
import Plot

// Plot has a `Language` and a `TableCell` of its own; in this module the names mean ours.
typealias Language = InclusieModel.Language
typealias TableCell = InclusieExport.TableCell
