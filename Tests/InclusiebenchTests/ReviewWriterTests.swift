import Foundation
import InclusiePlugins
import InclusieReview
import Testing

/// Issue 33: the review writes a plugin back in the drafter's layout, changing only what was edited.

/// A folder with the taxonomy and a draft of the fictional example document, as `draft` writes it.
struct DraftedFolder {
    let plugins: URL
    let plugin: URL
    let database: String

    static let example = TestSupport.repositoryRoot.appendingPathComponent("docs/examples/havendam-actieplan-2025-2027.txt").path

    init() throws {
        (plugins, database) = try Self.taxonomyOnly()
        let drafted = try TestSupport.run(["draft", Self.example, "--municipality", "havendam", "--municipalities", plugins.path])
        try #require(drafted.status == 0, "\(drafted.error)")
        plugin = plugins.appendingPathComponent("havendam/havendam-actieplan-2025-2027.yaml")
    }

    /// A fresh plugin folder holding only the bundled taxonomy, as a first-time user starts, and a
    /// database path beside it.
    static func taxonomyOnly() throws -> (plugins: URL, database: String) {
        let workspace = try TestSupport.temporaryDirectory()
        let plugins = workspace.appendingPathComponent("municipalities")
        try FileManager.default.createDirectory(at: plugins, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: TestSupport.municipalities + "/taxonomy.yaml", toPath: plugins.appendingPathComponent("taxonomy.yaml").path)
        return (plugins, workspace.appendingPathComponent("review.sqlite").path)
    }

    var text: String { (try? String(contentsOf: plugin, encoding: .utf8)) ?? "" }

    /// What `validate` finds in the folder, by message: a change in the review must add none.
    var problems: Set<String> { Self.problems(in: plugins) }

    static func problems(in folder: URL) -> Set<String> {
        let loaded = PluginLoader().load(directory: folder.path)
        return Set((loaded.diagnostics + QuoteChecker(sourcesDirectories: []).run(loaded.programmes).diagnostics).map(\.message.en))
    }

    /// The review marks in the file, counted as `draft` and `validate` count them.
    var marks: Int { text.split(separator: "\n").filter { $0.trimmingCharacters(in: .whitespaces) == "review: suggested" }.count }
}

@Suite struct ReviewWriterTests {
    /// The writer changes nothing a draft says and writes it in the drafter's own layout: an unedited draft
    /// comes back byte for byte, less its two comment lines.
    @Test func anUneditedDraftIsWrittenBackAsTheDrafterWroteIt() throws {
        let folder = try DraftedFolder()
        let text = folder.text
        let written = YAMLValueWriter.yaml(try YAMLValue(yaml: text))
        let withoutComments = text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("#") }.joined(separator: "\n")
        #expect(written == withoutComments)
    }

    /// A draft with more than one group of items (a party's preamble and sections) comes back the same too:
    /// `draft` and the review write through one writer, so the blank lines before groups agree.
    @Test func aDraftWithSeveralGroupsIsWrittenBackAsTheDrafterWroteIt() throws {
        let (plugins, _) = try DraftedFolder.taxonomyOnly()
        let document = TestSupport.repositoryRoot.appendingPathComponent("docs/examples/devset/partij-genummerd.txt").path
        let drafted = try TestSupport.run(
            ["draft", document, "--municipality", "partij", "--kind", "party-programme", "--municipalities", plugins.path])
        try #require(drafted.status == 0, "\(drafted.error)")
        let folder = plugins.appendingPathComponent("partij")
        let file = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasSuffix(".yaml") && $0 != "municipality.yaml" })
        let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
        #expect(text.contains("\npreamble:") && text.contains("\n\nsections:"))
        let withoutComments = text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("#") }.joined(separator: "\n")
        #expect(YAMLValueWriter.yaml(try YAMLValue(yaml: text)) == withoutComments)
    }

    /// Every bundled plugin means the same after writing in its own layout, writing it again changes no
    /// byte, and a save keeps most lines of a hand-made file as they were.
    @Test func everyBundledPluginKeepsItsMeaningAndTheLayoutIsStable() throws {
        for file in PluginLoader.pluginFiles(in: TestSupport.municipalities) {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            let value = try YAMLValue(yaml: text)
            let layout = YAMLValueWriter.Layout(of: text)
            let written = YAMLValueWriter.yaml(value, layout: layout)
            let again = try YAMLValue(yaml: written)
            #expect(again.meaning == value.meaning, "\(file)")
            #expect(YAMLValueWriter.yaml(again, layout: YAMLValueWriter.Layout(of: written)) == written, "\(file)")
            // Programme files, which the review writes: at least 90 % of their distinct lines stay (6 December
            // 2026: 466 of 472, 344 of 352, 292 of 310 and more; what changes is comments and re-filled notes).
            guard !file.hasSuffix("/municipality.yaml"), !file.hasSuffix("/taxonomy.yaml") else { continue }
            let lines = Set(text.split(separator: "\n"))
            #expect(Double(lines.intersection(Set(written.split(separator: "\n"))).count) >= 0.9 * Double(lines.count), "\(file)")
        }
    }

    /// A comment is written as comment lines only: a line break in one cannot start YAML of its own.
    @Test func aCommentWithALineBreakStaysAComment() throws {
        let written = YAMLValueWriter.yaml(.fields(["id": .text("x")]), comments: ["first\nreview: done", "second"])
        #expect(written.hasPrefix("# first\n# review: done\n# second\n"))
        #expect(try YAMLValue(yaml: written)["review"] == nil)
    }

    @Test func aPathWithDotsOrSlashesNamesNoItem() {
        #expect(ReviewUnit.isWellFormed(["execution_lines", "d-1"]))
        #expect(!ReviewUnit.isWellFormed(["execution_lines", ".."]))
        #expect(!ReviewUnit.isWellFormed(["..", "..", "etc"]))
        #expect(!ReviewUnit.isWellFormed(["execution_lines", "d-1/../x"]))
        #expect(!ReviewUnit.isWellFormed(["execution_lines"]))
    }
}
