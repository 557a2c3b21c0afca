import Foundation
import InclusieModel
@testable import InclusiePlugins
import InclusieSynthetic
import Testing
import Yams

/// The plain YAML reader is only a faster way to the values Yams gives: for every real and synthetic plugin
/// the same programme and the same lines, for everything outside the plain subset Yams itself, and for every
/// mistake Yams' own error.
@Suite struct PlainYAMLTests {
    /// Decodes a programme file both ways, with the adapter its `kind:` names.
    private func bothWays(_ yaml: String, slug: String) throws -> (plain: (Programme, SourceLines), yams: (Programme, SourceLines)) {
        struct KindOnly: Decodable { var kind: String }
        let plainDocument = try YAMLDocument(yaml: yaml)
        let yamsDocument = try YAMLDocument(yaml: yaml, plainSubset: false)
        let kind = try yamsDocument.decode(KindOnly.self).kind
        let adapter = try #require(ProgrammeKinds().adapter(for: kind))
        return (try adapter.read(plainDocument, municipalitySlug: slug), try adapter.read(yamsDocument, municipalitySlug: slug))
    }

    private func programmeFiles(in directory: String) -> [(slug: String, path: String)] {
        PluginLoader.pluginFiles(in: directory).filter {
            !$0.hasSuffix(PluginLoader.municipalityFileName) && !$0.hasSuffix(PluginLoader.taxonomyFileName)
        }.map { (URL(fileURLWithPath: $0).deletingLastPathComponent().lastPathComponent, $0) }
    }

    @Test func everyBundledAndSyntheticProgrammeReadsTheSameBothWays() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let taxonomy = try #require(PluginLoader().load(directory: TestSupport.municipalities).taxonomy)
        let synthetic = directory.appendingPathComponent("municipalities")
        try SyntheticPlugins(taxonomy: taxonomy, seed: 5).write(
            count: 12, municipalitiesDirectory: synthetic, sourcesDirectory: directory.appendingPathComponent("sources"),
            taxonomyFile: URL(fileURLWithPath: TestSupport.municipalities).appendingPathComponent("taxonomy.yaml"))
        let files = programmeFiles(in: TestSupport.municipalities) + programmeFiles(in: synthetic.path)
        #expect(files.count >= 5 + 12)
        for (slug, path) in files {
            let yaml = try String(contentsOfFile: path, encoding: .utf8)
            #expect(PlainYAML.compose(yaml) != nil, "\(path) is plain YAML and should not need Yams")
            let read = try bothWays(yaml, slug: slug)
            #expect(read.plain.0 == read.yams.0, "\(path): the programme differs")
            #expect(read.plain.1 == read.yams.1, "\(path): the lines differ")
        }
    }

    @Test func whatIsNotPlainIsLeftToYams() {
        for yaml in [
            "a: 1\na: 2\n",  // a duplicate key: Yams reports it
            "base: &b {x: 1}\nother: *b\n",  // anchors and aliases
            "<<: {x: 1}\ny: 2\n",  // a merge key
            "n: !!int 3\n",  // a tag
            "? [a, b]\n: c\n",  // a key that is not text
            "a: 1\n---\nb: 2\n",  // two documents
            "a: [1, 2\n",  // a syntax error
            "",  // nothing at all
            "a: ~\n", "null: x\n",  // plain null words, which YAMLSafety explains
            manyKeys + "k3: again\n",  // a duplicate among more keys than are compared one by one
        ] {
            #expect(PlainYAML.compose(yaml) == nil, "\(yaml.debugDescription) should be read by Yams")
        }
        #expect(PlainYAML.compose("a: b\n") != nil)
        #expect(PlainYAML.compose(manyKeys + "k21: last\n") != nil)
        #expect(PlainYAML.compose("a: \"~\"\n") != nil)
    }

    /// Twenty keys, more than a mapping compares without a set.
    private let manyKeys = (1...20).map { "k\($0): v\n" }.joined()

    /// A plugin file is checked for unsafe YAML as it is composed: what composing refuses goes through
    /// `YAMLSafety`, whose message names the line. (That a composed file is not scanned again is what the
    /// benchmark measures, not something a test can see.)
    @Test func unsafeYAMLInAPluginFileIsRefusedWithItsLine() throws {
        for (yaml, line, words) in [
            ("a: 1\nbase: &b {x: 1}\nother: *b\n", 2, "anchors"),
            ("a: 1\nn: !!int 3\n", 2, "tags"),
            ("a: 1\nb: ~\n", 2, "no value"),
            (String(repeating: "[", count: 70) + String(repeating: "]", count: 70) + "\n", 1, "deeper"),
        ] {
            let diagnostic = #expect(throws: Diagnostic.self) { try YAMLDocument.checked(yaml: yaml, file: "f.yaml") }
            #expect(diagnostic?.line == line, "\(yaml.debugDescription)")
            #expect(diagnostic?.message.en.contains(words) == true, "\(diagnostic?.message.en ?? "")")
        }
        struct Shape: Decodable { var a: String }
        #expect(try YAMLDocument.checked(yaml: "a: \"~\"\n", file: "f.yaml").decode(Shape.self).a == "~")
        // Outside the plain subset but safe (a merge key): Yams reads it.
        #expect(try YAMLDocument.checked(yaml: "<<: {a: x}\ny: z\n", file: "f.yaml").decode(Shape.self).a == "x")
    }

    @Test func plainValuesKeepTheirTextStyleAndLines() throws {
        let yaml = """
            title: "Iedereen: doet mee"
            empty:
            quoted: ''
            list:
              - id: een
                note: |
                  twee regels
                  tekst
            """
        let root = try #require(PlainYAML.compose(yaml))
        #expect(root.line(ofKey: "list") == 4)
        struct Shape: Decodable {
            struct Entry: Decodable {
                var id: String
                var note: String
            }
            var title: String
            var empty: String?
            var quoted: String?
            var list: [Entry]
        }
        let plain = try YAMLDocument(yaml: yaml).decode(Shape.self)
        let yams = try YAMLDocument(yaml: yaml, plainSubset: false).decode(Shape.self)
        #expect(plain.title == "Iedereen: doet mee")
        // An empty plain value is no value, as in Yams; an empty quoted one is an empty text.
        #expect(plain.empty == nil && yams.empty == nil)
        #expect(plain.quoted == "" && yams.quoted == "")
        #expect(plain.list.map(\.note) == ["twee regels\ntekst"])
        #expect(plain.list.map(\.note) == yams.list.map(\.note))
    }

    /// Items are decoded from the plain tree through `Decodable`, the one list of their fields: it reads
    /// every shape an item may take and refuses every mistake.
    @Test func itemsAreReadAndRefusedByTheirDecodableFields() throws {
        let readable = [
            "id: a\ntitle: T\n",
            "id: a\ntitle: T\nnumber:\ndescription: ''\nstatus: planned\nowner: Team\nnote: |\n  twee\n  regels\n",
            "id: a\ntitle: T\nthemes:\nroles: [x, '']\ninstruments: [y]\ntarget_groups: [z]\nrelated: [b]\n",
            "id: a\ntitle: T\nyears: [2021, '2022', -1]\npartners: [p]\ncited_sources: [c]\n",
            "id: a\ntitle: T\nreview: suggested\nsuggested_by: [woord]\n",
            "id: a\ntitle: T\nreview:\n",
            "id: a\ntitle: T\nevidence:\n  - quote: q\n    section: s\n  - quote: r\n    section: t\n",
            "id: a\ntitle: T\nevidence:\ncontact_points:\n",
            "id: a\ntitle: T\ncontact_points:\n  - unit: U\n    department:\n  - unit: V\n    department: W\n",
            "title: T\nactivities: []\nid: a\n",
        ]
        let refused = [
            "id: a\n", "title: T\n", "id: a\ntitle: '  '\n", "id: ''\ntitle: T\n", "id: [a]\ntitle: T\n",
            "id: a\ntitle: T\nthemse: [x]\n", "id: a\ntitle: T\nthemes: x\n", "id: a\ntitle: T\nthemes: ''\n",
            "id: a\ntitle: T\nthemes: [[x]]\n", "id: a\ntitle: T\nyears: [20x1]\n", "id: a\ntitle: T\nyears: 2021\n",
            "id: a\ntitle: T\nreview: done\n", "id: a\ntitle: T\nnote: [x]\n", "id: a\ntitle: T\nnumber: {a: b}\n",
            "id: a\ntitle: T\nevidence:\n  - quote: q\n", "id: a\ntitle: T\nevidence:\n  - quote: q\n    section: ' '\n",
            "id: a\ntitle: T\nevidence:\n  - quote: q\n    section: s\n    page: '3'\n", "id: a\ntitle: T\nevidence: [q]\n",
            "id: a\ntitle: T\ncontact_points:\n  - unit: U\n    name: Jan\n", "id: a\ntitle: T\ncontact_points:\n  - department: D\n",
            "- id: a\n  title: T\n",
        ]
        for (yaml, shouldRead) in readable.map({ ($0, true) }) + refused.map({ ($0, false) }) {
            let node = try #require(PlainYAML.compose(yaml), "\(yaml.debugDescription) is plain")
            let decoded = try? NativeItem(from: PlainYAMLDecoder(node), extraKeys: ["activities"])
            #expect((decoded != nil) == shouldRead, "\(yaml.debugDescription): Decodable should \(shouldRead ? "read" : "refuse") it")
        }
    }

    @Test func aMistakeGetsYamsOwnMessageAndLine() throws {
        let bundled = try #require(programmeFiles(in: TestSupport.municipalities).first { $0.path.contains("amstelveen") })
        let original = try String(contentsOfFile: bundled.path, encoding: .utf8)
        // A title that is a list, a year that is a mapping: each is a mismatch the decoder must not paper over.
        for (from, to) in [("\ntitle: ", "\ntitle:\n  - "), ("period: { from: 2023", "period: { from: {a: 1}")] {
            let broken = original.replacingOccurrences(of: from, with: to)
            #expect(broken != original)
            func diagnostic(_ plainSubset: Bool) -> String {
                do {
                    let document = try YAMLDocument(yaml: broken, plainSubset: plainSubset)
                    _ = try ProgrammeKinds().adapter(for: "policy-note")!.read(document, municipalitySlug: bundled.slug)
                    return "no error"
                } catch {
                    return YAMLDiagnostics.diagnostic(for: error, file: "f.yaml", yaml: broken).description
                }
            }
            #expect(diagnostic(true) != "no error")
            #expect(diagnostic(true) == diagnostic(false))
        }
    }
}
