import Foundation
import Testing

/// `draft` never destroys data (issue 29, point 1): the real command, end to end, on a copy of the bundled
/// municipalities, against each target and document the issue found it writing over or accepting.
@Suite struct DraftSafetyTests {
    let workspace: URL
    let plugins: URL

    init() throws {
        workspace = try TestSupport.temporaryDirectory()
        plugins = workspace.appendingPathComponent("municipalities")
        try FileManager.default.copyItem(atPath: TestSupport.municipalities, toPath: plugins.path)
    }

    /// A short action plan in our own words, saved as `name` in the workspace.
    private func document(_ name: String, _ text: String? = nil) throws -> String {
        let url = workspace.appendingPathComponent(name)
        let plan = """
            # Plan ontmoeten in Havendam 2026-2027

            ## 1. Buurthuizen

            We gaan de buurthuizen van Havendam ook op zondag openen. We onderzoeken of een spreekuur voor nieuwkomers helpt.

            """
        try Data((text ?? plan).utf8).write(to: url)
        return url.path
    }

    private func draft(_ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
        try TestSupport.run(["draft"] + arguments + ["--municipalities", plugins.path], in: workspace)
    }

    private func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    /// A curated source under `<slug>/sources/` is kept: another text of the same name is refused without
    /// `--force` (and nothing else is written); the very same bytes are kept as they are and the draft goes on.
    @Test func aCuratedSourceIsNeverReplacedWithoutForce() throws {
        let sources = plugins.appendingPathComponent("almere/sources")
        try FileManager.default.createDirectory(at: sources, withIntermediateDirectories: true)
        let curated = sources.appendingPathComponent("plan-ontmoeten.txt").path
        try Data("Een zorgvuldig nagekeken bron van veertig pagina's.\n".utf8).write(to: URL(fileURLWithPath: curated))
        let before = try bytes(curated)

        let refused = try draft([try document("plan-ontmoeten.txt"), "--municipality", "almere"])
        #expect(refused.status != 0)
        #expect(refused.error.contains("plan-ontmoeten.txt bestaat al met een andere inhoud"), "\(refused.error)")
        #expect(refused.error.contains("--force"))
        #expect(try bytes(curated) == before)
        #expect(!FileManager.default.fileExists(atPath: plugins.appendingPathComponent("almere/plan-ontmoeten.yaml").path))

        let english = try draft([try document("plan-ontmoeten.txt"), "--municipality", "almere", "--lang", "en"])
        #expect(english.error.contains("already exists with other contents and is not replaced — it is the source of another document"))

        // The very text of the saved source: nothing to write, so the draft is made and the source kept.
        let plan = try document("plan-ontmoeten.md")
        try bytes(plan).write(to: URL(fileURLWithPath: curated))
        let same = try bytes(curated)
        let modified = try FileManager.default.attributesOfItem(atPath: curated)[.modificationDate] as? Date
        let drafted = try draft([plan, "--municipality", "almere"])
        #expect(drafted.status == 0, "\(drafted.error)")
        #expect(try bytes(curated) == same)
        #expect(try FileManager.default.attributesOfItem(atPath: curated)[.modificationDate] as? Date == modified)
        #expect(FileManager.default.fileExists(atPath: plugins.appendingPathComponent("almere/plan-ontmoeten.yaml").path))

        let other = try document("plan-ontmoeten.txt", "# Plan ontmoeten, herzien\n\nWe gaan elke maand een buurtmaaltijd houden.\n")
        let forced = try draft([other, "--municipality", "almere", "--force"])
        #expect(forced.status == 0, "--force replaces a regular file: \(forced.error)")
        #expect(try bytes(curated) == bytes(other))
    }

    /// No text goes through a link: not a `sources/` folder that is one, not a source file that is one
    /// (here to a database), not even with `--force`.
    @Test func nothingIsWrittenThroughALink() throws {
        let elsewhere = workspace.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let folder = plugins.appendingPathComponent("havendam")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("sources").path, withDestinationPath: elsewhere.path)
        let linkedFolder = try draft([try document("plan.md"), "--municipality", "havendam", "--force"])
        #expect(linkedFolder.status != 0)
        #expect(linkedFolder.error.contains("havendam/sources is een symbolische koppeling"), "\(linkedFolder.error)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("plan.yaml").path))

        let database = workspace.appendingPathComponent("test.sqlite").path
        #expect(try TestSupport.run(["import", "--municipalities", TestSupport.municipalities, "--db", database]).status == 0)
        let before = try bytes(database)
        try FileManager.default.removeItem(atPath: folder.appendingPathComponent("sources").path)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sources"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("sources/plan.txt").path, withDestinationPath: database)
        for force in [[], ["--force"]] {
            let linkedFile = try draft([try document("plan.md"), "--municipality", "havendam"] + force)
            #expect(linkedFile.status != 0)
            #expect(linkedFile.error.contains("sources/plan.txt is een symbolische koppeling"), "\(linkedFile.error)")
            #expect(try bytes(database) == before)
        }
    }

    /// `--out` never names the database (given with `--db`, or the default in the current folder, or any
    /// SQLite file), the taxonomy, the document itself, a device, a FIFO or a folder, even with `--force`.
    @Test func evenWithForceTheDatabaseTaxonomyDevicesAndFoldersAreRefused() throws {
        let database = workspace.appendingPathComponent("inclusiebench.sqlite").path
        #expect(try TestSupport.run(["import", "--municipalities", TestSupport.municipalities, "--db", database]).status == 0)
        let fifo = workspace.appendingPathComponent("fifo").path
        #expect(mkfifo(fifo, 0o644) == 0)
        let other = workspace.appendingPathComponent("andere.sqlite").path
        try FileManager.default.copyItem(atPath: database, toPath: other)
        let taxonomy = plugins.appendingPathComponent("taxonomy.yaml").path
        let plan = try document("plan.md")
        let cases: [(out: String, extra: [String], says: String)] = [
            (database, ["--db", database], "is de database zelf; die wordt niet overschreven, ook niet met --force"),
            ("inclusiebench.sqlite", [], "is de database zelf"),
            (other, [], "is een SQLite-database"),
            (taxonomy, [], "is de taxonomie; die wordt niet overschreven"),
            (plan, [], "is het brondocument zelf"),
            ("/dev/null", [], "/dev/null is een apparaat"),
            (fifo, [], "is geen gewoon bestand"),
            (plugins.appendingPathComponent("almere").path, [], "is een map"),
        ]
        let watched = [database, other, taxonomy, plan]
        let before = try watched.map(bytes)
        for (out, extra, says) in cases {
            let result = try draft([plan, "--municipality", "havendam", "--out", out, "--force"] + extra)
            #expect(result.status != 0, "\(out)")
            #expect(result.error.contains(says), "\(out): \(result.error)")
        }
        #expect(try watched.map(bytes) == before)
        #expect(!FileManager.default.fileExists(atPath: "/dev/sources"))
        #expect(!FileManager.default.fileExists(atPath: workspace.appendingPathComponent("sources").path))
        let english = try draft([plan, "--municipality", "havendam", "--out", taxonomy, "--force", "--lang", "en"])
        #expect(english.error.contains("is the taxonomy, which is never overwritten, not even with --force — choose another file with --out"))
    }

    /// An empty, blank, letterless, binary or non-regular document, or one too large, is refused with a
    /// message and a non-zero exit, and nothing is written (no municipality folder appears).
    @Test func documentsWithoutTextOrTooLargeAreRefusedAndNothingIsWritten() throws {
        let fifo = workspace.appendingPathComponent("wacht.txt").path
        #expect(mkfifo(fifo, 0o644) == 0)
        let large = workspace.appendingPathComponent("groot.txt")
        try Data(repeating: UInt8(ascii: "a"), count: 5_000_001).write(to: large)
        let largePDF = workspace.appendingPathComponent("groot.pdf")
        FileManager.default.createFile(atPath: largePDF.path, contents: Data("%PDF-1.4\n".utf8))
        let handle = try FileHandle(forWritingTo: largePDF)
        try handle.truncate(atOffset: 20_000_001)
        try handle.close()
        let cases: [(path: String, says: String)] = [
            (try document("leeg.txt", ""), "het document bevat geen tekst"),
            (try document("wit.txt", "  \n\t\n\n   \n"), "het document bevat geen tekst"),
            (try document("cijfers.txt", "2026 — 12,5 % — 3.000\n"), "het document bevat geen tekst"),
            (try document("binair.txt", "Tekst\u{0}\u{1}\u{2}met nullen"), "dit lijkt een binair bestand"),
            (try document("los.txt", "Inhoud\n"), "geen onderdeel gevonden"),
            (fifo, "dit is geen gewoon bestand"),
            (workspace.path, "dit is geen gewoon bestand"),
            (large.path, "deze tekst is groter dan de grens van 5 MB"),
            (largePDF.path, "deze PDF is groter dan de grens van 20 MB"),
        ]
        for (path, says) in cases {
            let result = try draft([path, "--municipality", "havendam"])
            #expect(result.status != 0, "\(path)")
            #expect(result.error.contains(says), "\(path): \(result.error)")
            #expect(!result.output.contains("0 onderdelen"))
        }
        #expect(!FileManager.default.fileExists(atPath: plugins.appendingPathComponent("havendam").path))
        let english = try draft([try document("leeg.txt", ""), "--municipality", "havendam", "--lang", "en"])
        #expect(english.error.contains("leeg.txt: error: the document holds no text (it is empty or has no letters)"))
    }
}
