import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import InclusieReview
import Testing

/// Issue 33: the review's start page drafts an uploaded document for a new or existing municipality;
/// passages become quotes of existing items; the session's changes can be undone.

/// A folder with only the taxonomy, as a first-time user starts.
private struct EmptyFolder {
    let plugins: URL
    let database: String

    init() throws {
        (plugins, database) = try DraftedFolder.taxonomyOnly()
    }

    var server: ReviewServer {
        ReviewServer(workspace: ReviewWorkspace(directory: plugins.path, database: database), port: 80, token: Self.token)
    }

    static let token = String(repeating: "cd", count: 32)

    /// Every file under the folder, with its bytes: what a refused upload must leave as it was.
    func snapshot() -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: plugins.path)
        while let name = enumerator?.nextObject() as? String {
            files[name] = FileManager.default.contents(atPath: plugins.appendingPathComponent(name).path) ?? Data()
        }
        return files
    }
}

/// A multipart body as a browser sends the start page's form.
private func upload(
    _ client: any TestClientProtocol, fileName: String, document: Data, fields: [(String, String)], token: String? = EmptyFolder.token,
    origin: String? = "http://localhost"
) async throws -> (status: HTTPResponse.Status, location: String?, body: String) {
    let boundary = "----inclusiebench\(UUID().uuidString)"
    var body = Data()
    func part(_ name: String, _ value: Data, fileName: String? = nil) {
        body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"".utf8))
        if let fileName { body.append(Data("; filename=\"\(fileName)\"\r\nContent-Type: application/octet-stream".utf8)) }
        body.append(Data("\r\n\r\n".utf8))
        body.append(value)
        body.append(Data("\r\n".utf8))
    }
    if let token { part("token", Data(token.utf8)) }
    part("document", document, fileName: fileName)
    for (name, value) in fields { part(name, Data(value.utf8)) }
    body.append(Data("--\(boundary)--\r\n".utf8))
    var headers: HTTPFields = [.contentType: "multipart/form-data; boundary=\(boundary)"]
    if let origin { headers[.origin] = origin }
    return try await client.execute(uri: "/start", method: .post, headers: headers, body: ByteBuffer(bytes: body)) {
        ($0.status, $0.headers[.location], String(buffer: $0.body))
    }
}

private let havendam: [(String, String)] = [
    ("municipality", "new"), ("new_name", "Havendam"), ("new_slug", "havendam"), ("new_province", "Zeeland"),
    ("new_cbs_code", "GM9901"), ("new_population", "48.200"), ("new_reference_date", "2025-01-01"), ("new_publisher", "CBS"),
    ("kind", ""),
]

private let example = try! Data(contentsOf: URL(fileURLWithPath: DraftedFolder.example))

@Suite struct ReviewStartTests {
    @Test func anUploadedDocumentIsDraftedForANewMunicipalityAndOpened() async throws {
        let folder = try EmptyFolder()
        try await Application(router: folder.server.router()).test(.router) { client in
            let start = try await client.execute(uri: "/", method: .get) { String(buffer: $0.body) }
            #expect(start.contains("enctype=\"multipart/form-data\""))
            #expect(start.contains("name=\"token\" value=\"\(EmptyFolder.token)\""))
            let answer = try await upload(client, fileName: "havendam-actieplan-2025-2027.txt", document: example, fields: havendam)
            #expect(answer.status == .seeOther, "\(answer.body)")
            #expect(answer.location == "/review/havendam/havendam-actieplan-2025-2027.yaml")
            let page = try await client.execute(uri: answer.location ?? "/", method: .get) { String(buffer: $0.body) }
            #expect(page.contains("Havendam wil een stad zijn waar iedereen mee kan doen."))
        }
        let municipality = try String(contentsOf: folder.plugins.appendingPathComponent("havendam/municipality.yaml"), encoding: .utf8)
        #expect(municipality.contains("cbs_code: GM9901"))
        #expect(municipality.contains("count: 48200"))
        #expect(municipality.contains("province: Zeeland"))
        // The draft the page made is the one `draft` makes, marks and all: its count is derived, not assumed.
        let plugin = try String(contentsOf: folder.plugins.appendingPathComponent("havendam/havendam-actieplan-2025-2027.yaml"), encoding: .utf8)
        let cli = try DraftedFolder()
        #expect(plugin == cli.text)
        #expect(FileManager.default.fileExists(atPath: folder.plugins.appendingPathComponent("havendam/sources/havendam-actieplan-2025-2027.txt").path))
        let validated = try TestSupport.run(["validate", "--municipalities", folder.plugins.path])
        #expect(validated.status == 0, "\(validated.error)")
    }

    @Test func aSecondUploadForAnExistingMunicipalityReplacesNothing() async throws {
        let folder = try EmptyFolder()
        try await Application(router: folder.server.router()).test(.router) { client in
            #expect(try await upload(client, fileName: "havendam-actieplan-2025-2027.txt", document: example, fields: havendam).status == .seeOther)
            let start = try await client.execute(uri: "/", method: .get) { String(buffer: $0.body) }
            #expect(start.contains("<option value=\"havendam\">havendam</option>"), "the new municipality can be picked")
            let before = folder.snapshot()
            // The same municipality made again, and the same document again: both refused, nothing touched.
            let again = try await upload(client, fileName: "other.txt", document: example, fields: havendam)
            #expect(again.status == .unprocessableContent)
            #expect(again.body.contains("er is al een map havendam"))
            let same = try await upload(
                client, fileName: "havendam-actieplan-2025-2027.txt", document: Data("Iets anders. Een regel.\n".utf8), fields: [("municipality", "havendam")])
            #expect(same.status == .unprocessableContent)
            #expect(same.body.contains("er is al een programmabestand"))
            #expect(folder.snapshot() == before)
            // A second document for the municipality that exists: a second plugin beside the first.
            let second = try await upload(client, fileName: "Nota Samen 2026.md", document: example, fields: [("municipality", "havendam")])
            #expect(second.status == .seeOther, "\(second.body)")
            #expect(second.location == "/review/havendam/nota-samen-2026.yaml")
        }
    }

    @Test func hostileUploadsAreRefusedAndWriteNothing() async throws {
        let folder = try EmptyFolder()
        let before = folder.snapshot()
        try await Application(router: folder.server.router()).test(.router) { client in
            let name = "plan.txt"
            #expect(try await upload(client, fileName: name, document: example, fields: havendam, token: nil).status == .forbidden)
            #expect(try await upload(client, fileName: name, document: example, fields: havendam, token: "cd").status == .forbidden)
            #expect(try await upload(client, fileName: name, document: example, fields: havendam, origin: "http://evil.example").status == .forbidden)
            // Not text or PDF: a program, bytes with NUL, a ".pdf" that is not one, a PDF called .txt.
            let exe = try await upload(client, fileName: "plan.exe", document: example, fields: havendam)
            #expect(exe.status == .unprocessableContent)
            #expect(exe.body.contains(".txt-, .md- of .pdf-bestand"))
            #expect(try await upload(client, fileName: name, document: Data([0x50, 0x4B, 0x03, 0x04, 0, 0, 0x41]), fields: havendam).status == .unprocessableContent)
            #expect(try await upload(client, fileName: "plan.pdf", document: example, fields: havendam).status == .unprocessableContent)
            #expect(try await upload(client, fileName: name, document: Data("%PDF-1.4 nothing".utf8), fields: havendam).status == .unprocessableContent)
            // Larger than any PDF `draft` reads: refused while reading, before any of it is kept.
            let huge = Data(repeating: 0x61, count: ReviewServerLimits.maximumUploadBytes + 1)
            #expect(try await upload(client, fileName: name, document: huge, fields: havendam).status == .contentTooLarge)
            // Paths where a slug or a municipality from the list belongs.
            var dotted = havendam
            dotted[2] = ("new_slug", "../../etc")
            let slug = try await upload(client, fileName: name, document: example, fields: dotted)
            #expect(slug.status == .unprocessableContent)
            #expect(slug.body.contains("slug"))
            #expect(try await upload(client, fileName: name, document: example, fields: [("municipality", "../")]).status == .unprocessableContent)
            #expect(try await upload(client, fileName: name, document: example, fields: [("municipality", "taxonomy.yaml")]).status == .unprocessableContent)
            // Every field of a new municipality is checked, and all problems are named at once.
            var wrong = havendam
            wrong[3] = ("new_province", "Atlantis")
            wrong[4] = ("new_cbs_code", "0363")
            wrong[5] = ("new_population", "veel")
            wrong[6] = ("new_reference_date", "1 januari")
            let fields = try await upload(client, fileName: name, document: example, fields: wrong)
            #expect(fields.status == .unprocessableContent)
            for word in ["provincies", "CBS-code", "inwonertal", "peildatum"] { #expect(fields.body.contains(word), "\(word)") }
            // A text without letters drafts nothing, and the new municipality is not left behind.
            #expect(try await upload(client, fileName: name, document: Data("1 2 3\n".utf8), fields: havendam).status == .unprocessableContent)
            // Not multipart at all.
            let plain = try await client.execute(
                uri: "/start", method: .post, headers: [.contentType: "application/x-www-form-urlencoded", .origin: "http://localhost"],
                body: ByteBuffer(string: "token=\(EmptyFolder.token)"))
            #expect(plain.status == .forbidden)
        }
        #expect(folder.snapshot() == before)
    }

    /// A PDF is read through pdftotext, as `draft` reads it; its text is kept as the source.
    @Test(.enabled(if: DraftFromPDFTests.pdftotextInstalled, "pdftotext (poppler-utils) is not installed here"))
    func anUploadedPDFIsReadAsDraftReadsIt() async throws {
        let folder = try EmptyFolder()
        let pdf = DraftFromPDFTests.pdf(lines: ["Actieplan Proefdam 2026", "", "1. Discriminatie", "", "We openen een meldpunt voor discriminatie in de wijk."])
        try await Application(router: folder.server.router()).test(.router) { client in
            let answer = try await upload(client, fileName: "Proefdam plan.pdf", document: pdf, fields: havendam)
            #expect(answer.status == .seeOther, "\(answer.body)")
            #expect(answer.location == "/review/havendam/proefdam-plan.yaml")
        }
        let source = try String(contentsOf: folder.plugins.appendingPathComponent("havendam/sources/proefdam-plan.txt"), encoding: .utf8)
        #expect(source.contains("We openen een meldpunt voor discriminatie in de wijk."))
        #expect(!FileManager.default.fileExists(atPath: folder.plugins.appendingPathComponent("havendam/sources/proefdam-plan.pdf").path))
    }

    @Test func aFileNameWithAPathBecomesASlugInsideTheMunicipality() async throws {
        let folder = try EmptyFolder()
        try await Application(router: folder.server.router()).test(.router) { client in
            let answer = try await upload(client, fileName: "../../taxonomy.txt", document: example, fields: havendam)
            #expect(answer.status == .seeOther, "\(answer.body)")
            #expect(answer.location == "/review/havendam/taxonomy.yaml")
        }
        let taxonomy = try String(contentsOf: folder.plugins.appendingPathComponent("taxonomy.yaml"), encoding: .utf8)
        #expect(taxonomy == (try String(contentsOfFile: TestSupport.municipalities + "/taxonomy.yaml", encoding: .utf8)))
    }
}

/// The review's limits, as the tests need them.
private enum ReviewServerLimits {
    static let maximumUploadBytes = 20_000_000 + 64 * 1024
}
