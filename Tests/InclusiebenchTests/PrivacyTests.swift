import Foundation
import Testing

/// No civil servant's name may appear in the data or in anything the tool writes.
///
/// The names are those of the contact table in the Arnhem source; they are kept here in reversed form so
/// that this file does not spell them out either.
@Suite struct PrivacyTests {
    static let reversedNames = [
        "kjidnegoH", "kjiwseeH", "negnoD nav", "raanessaW", "nayaK", "nekpoP", "rehcsraaB", "wueeL ed",
        "srepiuK", "nameerV", "jirbeteeH", "seoM", "nenooT", "sjieM", "retseoM", "idiruoM", "namjiN",
        "nesgnillaH", "txniP", "neleiT",
    ]
    static var names: [String] { reversedNames.map { String($0.reversed()) } }

    private func occurrences(in text: String) -> [String] {
        Self.names.filter { name in
            text.range(of: "\\b\(name)\\b", options: [.regularExpression, .caseInsensitive]) != nil
        }
    }

    @Test func theNameListIsTheContactTables() {
        #expect(Self.names.count == 20)
        #expect(Self.names.allSatisfy { $0.first?.isUppercase == true || $0.hasPrefix("van ") || $0.hasPrefix("de ") })
        let lastName = String("txniP".reversed())
        #expect(occurrences(in: "contact: Doeko \(lastName) (cultuur)") == [lastName])
        #expect(occurrences(in: "\(lastName.lowercased())s").isEmpty, "whole words only")
    }

    @Test func pluginFilesHoldNoNames() throws {
        let files = FileManager.default.enumerator(atPath: TestSupport.municipalities)?.compactMap { $0 as? String } ?? []
        #expect(!files.isEmpty)
        for file in files where file.hasSuffix(".yaml") {
            let text = try String(contentsOfFile: TestSupport.municipalities + "/" + file, encoding: .utf8)
            #expect(occurrences(in: text).isEmpty, "\(file)")
        }
    }

    @Test func noOutputHoldsNames() throws {
        let database = try TestSupport.temporaryDirectory().appendingPathComponent("privacy.sqlite").path
        var outputs: [String] = []
        for view in ["themes", "instruments", "roles", "budgets", "proposals", "similarity", "timeline"] {
            for format in ["table", "json", "csv", "markdown"] {
                let result = try TestSupport.run(
                    ["compare", view, "--format", format, "--municipalities", TestSupport.municipalities, "--db", database])
                outputs.append(result.output + result.error)
            }
        }
        #expect(outputs.joined().count > 10_000)
        #expect(occurrences(in: outputs.joined(separator: "\n")).isEmpty)
        let sqliteDump = try String(contentsOfFile: database, encoding: .isoLatin1)
        #expect(occurrences(in: sqliteDump).isEmpty)
    }

    @Test func searchOverTheSourceDocumentsShowsNoNames() throws {
        guard TestSupport.mustReadSources else {
            print("skipped: \(TestSupport.sourcesSkipReason)")
            return
        }
        let database = try TestSupport.temporaryDirectory().appendingPathComponent("privacy-search.sqlite").path
        var outputs: [String] = []
        for words in Self.names + ["discriminatie", "aanspreekpunt", "contactpersoon", "inclusie"] {
            let result = try TestSupport.run([
                "search", words, "--limit", "1000", "--format", "json", "--municipalities", TestSupport.municipalities,
                "--db", database, "--sources", TestSupport.sources,
            ])
            #expect(result.status == 0, "\(result.error)")
            outputs.append(result.output)
        }
        #expect(outputs.joined().contains("\"sourceFile\""))
        #expect(occurrences(in: outputs.joined(separator: "\n")).isEmpty)
    }
}
