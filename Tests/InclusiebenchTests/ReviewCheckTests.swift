import Foundation
import InclusieModel
import InclusiePlugins
import InclusieReview
import Testing

/// Issue 33: the review page validates after every change, but reads again only the folder that changed;
/// what it reports must still be what a whole `validate` finds.
@Suite struct ReviewCheckTests {
    /// The bundled municipalities and a draft of the example, in a folder of their own.
    private static func folder() throws -> (plugins: URL, draft: URL, database: String) {
        let folder = try DraftedFolder()
        for name in try FileManager.default.contentsOfDirectory(atPath: TestSupport.municipalities) where name != "taxonomy.yaml" {
            try FileManager.default.copyItem(
                atPath: TestSupport.municipalities + "/" + name, toPath: folder.plugins.appendingPathComponent(name).path)
        }
        return (folder.plugins, folder.plugin, folder.database)
    }

    /// What a whole load with quotes finds: the draft's own problems and the errors of every other file.
    private static func wholeCheck(_ plugins: URL, draft: URL) -> (problems: [Diagnostic], otherErrors: Int) {
        let loaded = PluginLoader().load(directory: plugins.path)
        let diagnostics = loaded.diagnostics + QuoteChecker(sourcesDirectories: []).run(loaded.programmes).diagnostics
        let isDraft = { (diagnostic: Diagnostic) in
            URL(fileURLWithPath: diagnostic.file).standardizedFileURL.path == draft.standardizedFileURL.path
        }
        return (diagnostics.filter(isDraft), diagnostics.filter { !isDraft($0) && $0.severity == .error }.count)
    }

    private static func replace(_ old: String, with new: String, in file: URL) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        try #require(text.contains(old), "\(file.lastPathComponent) has no '\(old)'")
        try text.replacingOccurrences(of: old, with: new).write(to: file, atomically: true, encoding: .utf8)
    }

    /// The start page's list is kept between pages, but a file written since is read again.
    @Test func theListFollowsAFileWrittenSince() throws {
        let (plugins, draft, database) = try Self.folder()
        let workspace = ReviewWorkspace(directory: plugins.path, database: database)
        let marks = { workspace.entries().first { $0.municipality == "havendam" }?.reviewMarks }
        let drafted = try #require(marks())
        #expect(drafted > 1)
        #expect(workspace.entries().count == 6, "the five bundled programme files and the draft")
        let text = try String(contentsOf: draft, encoding: .utf8)
        let range = try #require(text.range(of: "review: suggested\n"))
        try text.replacingCharacters(in: range, with: "").write(to: draft, atomically: true, encoding: .utf8)
        #expect(marks() == drafted - 1)
    }

    @Test func aCheckFindsWhatAWholeValidateFindsAsOtherFoldersChange() throws {
        let (plugins, draft, database) = try Self.folder()
        let workspace = ReviewWorkspace(directory: plugins.path, database: database)
        let file = { try workspace.file(municipality: "havendam", name: draft.lastPathComponent) }

        func expectSame(_ step: String) throws -> Int {
            let check = workspace.check(try file())
            let whole = Self.wholeCheck(plugins, draft: draft)
            #expect(Set(check.problems) == Set(whole.problems), "\(step): the draft's problems")
            #expect(check.problems.count == whole.problems.count, "\(step): the draft's problems")
            #expect(check.otherErrors == whole.otherErrors, "\(step): errors in other files")
            return check.otherErrors
        }

        let asDrafted = try expectSame("as drafted")
        // Another municipality's programme gets an unknown theme: seen although only that folder changed.
        let almere = plugins.appendingPathComponent("almere/actieprogramma-2020-2022.yaml")
        try Self.replace("kind: action-programme", with: "kind: action-programme\nunknown_field: 1", in: almere)
        let afterBreaking = try expectSame("another folder broken")
        #expect(afterBreaking > asDrafted)
        // A copy of a municipality under another slug: an error only the whole folder shows.
        try FileManager.default.copyItem(at: plugins.appendingPathComponent("arnhem"), to: plugins.appendingPathComponent("arnhem-kopie"))
        #expect(try expectSame("a municipality twice") > afterBreaking)
        try FileManager.default.removeItem(at: plugins.appendingPathComponent("arnhem-kopie"))
        try Self.replace("kind: action-programme\nunknown_field: 1", with: "kind: action-programme", in: almere)
        #expect(try expectSame("repaired") == asDrafted)
        // The draft itself: an id its group does not use is its own problem, not another file's.
        try Self.replace("- id: d-3\n", with: "- id: X-3\n", in: draft)
        _ = try expectSame("the draft broken")
        #expect(!workspace.check(try file()).problems.isEmpty)
    }
}
