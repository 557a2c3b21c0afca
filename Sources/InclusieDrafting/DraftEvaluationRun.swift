import Foundation
import InclusieModel
import InclusiePlugins

/// Drafts every bundled source and compares each draft with its hand-made plugin, leave-one-programme-out.
public struct DraftEvaluationRun: Sendable {
    private let taxonomy: Taxonomy
    private let terms: TaxonomyTerms
    private let programmes: [Programme]

    public init(taxonomy: Taxonomy, terms: TaxonomyTerms, programmes: [Programme]) {
        self.taxonomy = taxonomy
        self.terms = terms
        self.programmes = programmes
    }

    /// One result per programme whose source is in `sourcesDirectory`; the classifier never sees the programme it drafts.
    public func run(sourcesDirectory: String, language: Language) throws(DraftError) -> [EvaluationResult] {
        var results: [EvaluationResult] = []
        for programme in programmes {
            let path = (sourcesDirectory as NSString).appendingPathComponent(programme.sourceFile)
            guard FileManager.default.fileExists(atPath: path) else { continue }
            let text = try DocumentReader.read(path: path)
            let training = programmes.filter { $0.key != programme.key }
            let drafter = Drafter(suggester: Suggester(taxonomy: taxonomy, terms: terms, training: training))
            let draft = drafter.draft(text: text, kind: programme.kind.id)
            var result = Evaluation.compare(draft: draft, with: programme)
            result.kindGuessed = Drafter.guessKind(text).kind == programme.kind.id
            results.append(result)
        }
        if results.isEmpty {
            throw DraftError(
                file: sourcesDirectory,
                message: LocalizedText(nl: "geen brondocumenten van de plugins gevonden", en: "no source documents of the plugins found"),
                fix: LocalizedText(nl: "geef de map met --sources", en: "give the folder with --sources"))
        }
        return results
    }

    /// The figures as a plain table, one row per programme and one overall.
    public static func table(_ results: [EvaluationResult], language: Language) -> String {
        let header =
            language == .nl
            ? ["programma", "items hand", "concept", "recall", "precisie", "thema top-1", "thema κ", "thema top-3", "status top-1", "status κ", "status top-3", "bedragen", "soort geraden"]
            : ["programme", "hand items", "drafted", "recall", "precision", "theme top-1", "theme κ", "theme top-3", "status top-1", "status κ", "status top-3", "amounts", "kind guessed"]
        func format(_ value: Double) -> String { String(format: "%.2f", value) }
        func row(_ result: EvaluationResult) -> [String] {
            let amounts = result.handAmounts == 0 ? "-" : "\(result.foundAmounts)/\(result.handAmounts)"
            let guessed = result.kindGuessed.map { $0 ? (language == .nl ? "ja" : "yes") : (language == .nl ? "nee" : "no") } ?? "-"
            return [
                result.programme, "\(result.handItems)", "\(result.draftedItems)", format(result.recall), format(result.precision),
                format(result.themeAccuracy), format(result.themeKappa), format(result.themeTop3), format(result.statusAccuracy),
                format(result.statusKappa), format(result.statusTop3), amounts, guessed,
            ]
        }
        let rows = [header] + results.map(row) + [row(EvaluationResult.overall(results))]
        let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { cells in
            cells.enumerated().map { column, cell in
                column == 0 ? cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[column] - cell.count) + cell
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }
}
