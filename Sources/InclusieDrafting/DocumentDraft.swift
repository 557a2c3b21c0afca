import InclusieModel
import InclusiePlugins

/// A document's text drafted into the text of a plugin file, as `draft` and the review's start page both
/// make it: one place that picks the training items, the drafter and the writer.
public struct DocumentDraft: Sendable {
    public var draft: DraftProgramme
    /// The plugin file's text, every suggestion marked `review: suggested`.
    public var plugin: String

    /// Drafts `text` for the place `files` names; refuses a document with nothing to quote, whose plugin
    /// `validate` would refuse. The programme drafted from this very source never trains the classifier.
    public init(text: String, kind: String?, files: DraftFiles, loaded: LoadedPlugins, taxonomy: Taxonomy, document: String) throws(DraftError) {
        let training = Suggester.reviewedItems(of: loaded.programmes).filter { $0.sourceFile != files.sourceFile }
        let drafter = Drafter(suggester: Suggester(taxonomy: taxonomy, terms: loaded.terms, training: training))
        draft = drafter.draft(text: text, kind: kind)
        guard !draft.items.isEmpty else { throw DraftError.nothingToQuote(document) }
        let writer = DraftWriter(
            programmeID: files.programmeID, municipalityName: files.municipalityName(existing: loaded.municipalities),
            sourceFile: files.sourceFile, date: DraftFiles.today())
        plugin = writer.yaml(draft)
    }
}
