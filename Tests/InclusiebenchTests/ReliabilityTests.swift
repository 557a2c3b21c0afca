import Foundation
import GRDB
import InclusieModel
@testable import InclusiePlugins
import InclusieStore
import Testing

/// Issue 29's points on input, reading and messages: each test reproduces what the issue found.
@Suite struct ReliabilityTests {
    let bij1 = "almere/bij1-verkiezingsprogramma-2022.yaml"

    private func load(editing file: String, _ change: (String) -> String) throws -> LoadedPlugins {
        try TestSupport.load(editing: file, change)
    }

    // MARK: Texts in plugins

    @Test(arguments: ["\"Almere\\0 voor iedereen\"", "\"\\e\\e\\e\"", "\"\\x07\""])
    func controlCharactersInATitleAreRefusedAtItsLine(title: String) throws {
        let loaded = try load(editing: bij1) { $0.replacingOccurrences(of: "title: 2. Almere voor iedereen", with: "title: \(title)") }
        let error = try #require(loaded.errors.first { $0.message.en.contains("control character") }, "\(loaded.errors)")
        #expect(error.file.hasSuffix(bij1))
        #expect(error.line == 1 || error.line == 3)
        #expect(error.message.nl.contains("stuurteken"))
    }

    @Test func aTitleOverItsLimitIsRefusedWithTheLimit() throws {
        let long = String(repeating: "lang ", count: 250)
        let loaded = try load(editing: bij1) {
            $0.replacingOccurrences(of: "    title: Een samenleving waarin er ruimte is voor iedereen", with: "    title: \(long)x")
        }
        let error = try #require(loaded.errors.first { $0.message.en.contains("characters long") }, "\(loaded.errors)")
        #expect(error.message.en.contains("at most 1000"))
        #expect(error.line != nil && error.line! > 30)
    }

    @Test func aNoteOverItsLimitIsRefused() throws {
        let loaded = try load(editing: bij1) {
            var text = $0
            let first = text.range(of: "\nnote: >-\n")!
            text.replaceSubrange(first, with: "\nnote: >-\n  \(String(repeating: "x", count: 20_001))\n")
            return text
        }
        #expect(loaded.errors.contains { $0.message.en.contains("'note' is 20") && $0.message.en.contains("at most 20000") }, "\(loaded.errors)")
    }

    @Test func aPluginWithWindowsLineEndsGetsNoTruncationWarning() throws {
        let loaded = try load(editing: bij1) { $0.replacingOccurrences(of: "\n", with: "\r\n") }
        #expect(!loaded.diagnostics.contains { $0.message.en.contains("middle of a line") }, "\(loaded.diagnostics)")
        #expect(loaded.programmes.contains { $0.file.hasSuffix(bij1) })
        #expect(PluginLoader.truncationWarning("a: b\r\nc: d", file: "x.yaml")?.line == 2)
    }

    @Test func aMunicipalityFolderThatLinksElsewhereIsRefused() throws {
        let directory = try TestSupport.copyOfMunicipalities()
        let outside = try TestSupport.temporaryDirectory().appendingPathComponent("elders")
        try FileManager.default.moveItem(at: directory.appendingPathComponent("arnhem"), to: outside)
        try FileManager.default.createSymbolicLink(at: directory.appendingPathComponent("arnhem"), withDestinationURL: outside)
        let loaded = PluginLoader().load(directory: directory.path)
        let error = try #require(loaded.errors.first, "a linked folder was accepted")
        #expect(error.file.hasSuffix("/arnhem"))
        #expect(error.message.en.contains("symbolic link"))
        #expect(!loaded.municipalities.contains { $0.slug == "arnhem" })
    }

    @Test func twoFoldersForOneMunicipalityAreRefused() throws {
        let directory = try TestSupport.copyOfMunicipalities()
        let copy = directory.appendingPathComponent("arnhem-kopie")
        try FileManager.default.copyItem(at: directory.appendingPathComponent("arnhem"), to: copy)
        let file = copy.appendingPathComponent("municipality.yaml")
        let text = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "slug: arnhem", with: "slug: arnhem-kopie")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let loaded = PluginLoader().load(directory: directory.path)
        let error = try #require(loaded.errors.first { $0.message.en.contains("is also in the folder") }, "\(loaded.errors)")
        #expect(error.file.hasSuffix("arnhem/municipality.yaml") || error.file.hasSuffix("arnhem-kopie/municipality.yaml"))
        #expect(throws: Diagnostics.self) { try loaded.catalog() }
    }

    // MARK: Reading never writes

    /// A folder with the municipalities and a database imported from them.
    private func importedFolder() throws -> (folder: URL, database: String) {
        let folder = try TestSupport.temporaryDirectory()
        try FileManager.default.copyItem(atPath: TestSupport.municipalities, toPath: folder.appendingPathComponent("municipalities").path)
        let result = try TestSupport.run(["import", "--db", "data.sqlite"], in: folder)
        try #require(result.status == 0, "\(result.error)")
        return (folder, folder.appendingPathComponent("data.sqlite").path)
    }

    private func schemaVersion(_ path: String) throws -> Int {
        var configuration = Configuration()
        configuration.readonly = true
        return try DatabaseQueue(path: path, configuration: configuration).read { try Int.fetchOne($0, sql: "PRAGMA schema_version") ?? -1 }
    }

    @Test func readingCommandsLeaveTheDatabaseByteForByte() throws {
        let (folder, database) = try importedFolder()
        let before = try Data(contentsOf: URL(fileURLWithPath: database))
        let version = try schemaVersion(database)
        for arguments in [
            ["compare", "themes"], ["compare", "budgets", "--format", "json"], ["report", "--out", "r.html"],
            ["export", "--out", "csv"], ["search", "racisme"], ["schema"],
        ] {
            let result = try TestSupport.run(arguments + ["--db", "data.sqlite"], in: folder)
            #expect(result.status == 0, "\(arguments): \(result.error)")
            #expect(!result.error.contains("importing"), "\(arguments) imported: \(result.error)")
        }
        #expect(try schemaVersion(database) == version)
        #expect(try Data(contentsOf: URL(fileURLWithPath: database)) == before)
    }

    @Test func aStaleDatabaseIsImportedAndTheCommandSaysSo() throws {
        let (folder, _) = try importedFolder()
        let plugin = folder.appendingPathComponent("municipalities/arnhem/municipality.yaml")
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(60)], ofItemAtPath: plugin.path)
        let result = try TestSupport.run(["compare", "roles", "--db", "data.sqlite", "--lang", "en"], in: folder)
        #expect(result.status == 0, "\(result.error)")
        #expect(result.error.contains("was older than the plugins: importing"))
    }

    /// As the issue found it: a database in a folder nobody may write, read by a user who is not root.
    @Test(.enabled(if: getuid() == 0, "needs root to run the command as another user (setpriv)"))
    func aReadOnlyDatabaseInAReadOnlyFolderIsReadByAnotherUser() throws {
        let (folder, _) = try importedFolder()
        let manager = FileManager.default
        var path = folder
        while path.path != "/" {
            let mode = try #require(manager.attributesOfItem(atPath: path.path)[.posixPermissions] as? Int)
            try manager.setAttributes([.posixPermissions: mode | 0o055], ofItemAtPath: path.path)
            path.deleteLastPathComponent()
        }
        let chmod = try TestSupport.runTool("/bin/chmod", ["-R", "a+rX,a-w", folder.path])
        try #require(chmod.status == 0)
        defer { _ = try? TestSupport.runTool("/bin/chmod", ["-R", "u+w", folder.path]) }
        let result = try TestSupport.runTool(
            "/usr/bin/setpriv",
            ["--reuid=nobody", "--regid=nogroup", "--clear-groups", TestSupport.executable.path, "compare", "themes", "--db", "data.sqlite"],
            in: folder)
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("Almere"))
        #expect(!manager.fileExists(atPath: folder.appendingPathComponent("data.sqlite-shm").path))
    }

    // MARK: Messages

    @Test(arguments: [
        ["report", "--out", "/nonexistent-\u{1B}]0;pwned\u{07}/r.html"],
        ["compare", "themes", "--format", "\u{1B}[2Jtable"],
        ["compare", "themes", "--only", "\u{1B}[31mnergens"],
    ])
    func messagesShowControlCharactersInWhatTheUserTyped(arguments: [String]) throws {
        let (folder, _) = try importedFolder()
        let result = try TestSupport.run(arguments + ["--db", "data.sqlite"], in: folder)
        #expect(result.status != 0)
        #expect(!result.error.utf8.contains(0x1B), "\(result.error)")
        #expect(!result.error.utf8.contains(0x07))
        #expect(result.error.contains("␛"), "\(result.error)")
    }

    @Test func statusLinesShowControlCharactersInAPathTheUserGave() throws {
        let (folder, _) = try importedFolder()
        let result = try TestSupport.run(["report", "--out", "rapport\u{1B}]0;pwned\u{07}.html", "--db", "data.sqlite"], in: folder)
        #expect(result.status == 0, "\(result.error)")
        #expect(!result.output.utf8.contains(0x1B), "\(result.output)")
        #expect(result.output.contains("rapport␛]0;pwned␇.html"))
    }
}
