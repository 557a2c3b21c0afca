import Foundation
import InclusieModel
@testable import InclusiePlugins
import Testing

/// Every kind of bad input a user can make: each must name the file (and line, where known), say what to
/// fix, and leave an existing database exactly as it was.
@Suite struct BadInputTests {
    let bij1 = "almere/bij1-verkiezingsprogramma-2022.yaml"
    let amstelveen = "amstelveen/nota-diversiteit-en-inclusie-2023.yaml"

    /// Copies the real plugins, applies `change` to one file, and loads the result.
    private func load(editing file: String, _ change: (String) -> String) throws -> (LoadedPlugins, URL) {
        let directory = try TestSupport.copyOfMunicipalities()
        let path = directory.appendingPathComponent(file)
        let text = try String(contentsOf: path, encoding: .utf8)
        let changed = change(text)
        try #require(changed != text, "the edit did not change \(file)")
        try changed.write(to: path, atomically: true, encoding: .utf8)
        return (PluginLoader().load(directory: directory.path), directory)
    }

    /// The 1-based line of the first line in the real plugin file that starts with `prefix` (after indentation),
    /// so the expected line numbers follow the data when it is edited.
    private func line(in file: String, startingWith prefix: String, occurrence: Int = 1) throws -> Int {
        let text = try String(contentsOfFile: TestSupport.municipalities + "/" + file, encoding: .utf8)
        let matches = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .filter { $0.element.drop { $0 == " " }.hasPrefix(prefix) }.map { $0.offset + 1 }
        return try #require(matches.count >= occurrence ? matches[occurrence - 1] : nil, "no line '\(prefix)' in \(file)")
    }

    private func onlyError(_ loaded: LoadedPlugins) throws -> Diagnostic {
        try #require(loaded.errors.count == 1, "\(loaded.errors)")
        return loaded.errors[0]
    }

    @Test func yamlSyntaxErrorNamesFileAndLine() throws {
        let (loaded, _) = try load(editing: bij1) { $0.replacingOccurrences(of: "  - id: pre-2\n", with: "  - id: pre-2\n   bad: [unclosed\n") }
        let error = try onlyError(loaded)
        #expect(error.file.hasSuffix(bij1))
        #expect(error.message.en.contains("YAML syntax error"))
        #expect(error.line != nil)
        #expect(error.fix != nil)
    }

    @Test func unknownKindListsTheKnownOnes() throws {
        let (loaded, _) = try load(editing: bij1) { $0.replacingOccurrences(of: "kind: party-programme", with: "kind: manifesto") }
        let error = try onlyError(loaded)
        #expect(error.line == 1)
        #expect(error.message.en == "unknown kind 'manifesto'")
        #expect(error.fix?.en.contains("party-programme") == true)
        #expect(error.fix?.nl.contains("party-programme") == true)
    }

    @Test func idNotInTaxonomyPointsAtTheItem() throws {
        let (loaded, _) = try load(editing: bij1) {
            $0.replacingOccurrences(of: "themes: [safety, anti-discrimination-policy, lgbti-acceptance]", with: "themes: [safety, anti-racism, lgbti-acceptance]")
        }
        let error = try onlyError(loaded)
        #expect(error.message.en.contains("'anti-racism' is not a theme in taxonomy.yaml"))
        #expect(error.message.nl == "'anti-racism' is geen thema in taxonomy.yaml (onderdeel 'pre-2')")
        #expect(error.line == (try line(in: bij1, startingWith: "- id: pre-2")))
    }

    @Test func sameThemeTwiceIsReportedNotLeftForTheDatabase() throws {
        let (loaded, _) = try load(editing: bij1) {
            $0.replacingOccurrences(of: "themes: [safety, anti-discrimination-policy, lgbti-acceptance]", with: "themes: [safety, safety, lgbti-acceptance]")
        }
        let error = try onlyError(loaded)
        #expect(error.message.en == "'safety' is listed twice under themes (item 'pre-2')")
    }

    @Test func actionUnderTwoLinesWithTheSameInstrumentGetsItOnce() throws {
        let (loaded, _) = try load(editing: "almere/actieprogramma-2020-2022.yaml") {
            // Execution line 3 now works through the same instrument as line 1; actions under both take it once.
            $0.replacingOccurrences(of: "    instruments: [education-expertise]\n", with: "    instruments: [visibility-awareness]\n")
        }
        #expect(loaded.errors.isEmpty, "\(loaded.errors)")
        let almere = try loaded.programme("almere/actieprogramma-2020-2022")
        for action in almere.items(ofType: "actie") {
            #expect(Set(action.instruments).count == action.instruments.count, "\(action.localID): \(action.instruments)")
        }
    }

    @Test func duplicateItemIdsAreReported() throws {
        let (loaded, _) = try load(editing: bij1) { $0.replacingOccurrences(of: "id: p-2.1-2\n", with: "id: p-2.1-1\n") }
        let error = try onlyError(loaded)
        let first = try line(in: bij1, startingWith: "- id: p-2.1-1")
        #expect(error.message.en == "item id 'p-2.1-1' is used more than once (first on line \(first))")
        #expect(error.line == (try line(in: bij1, startingWith: "- id: p-2.1-2")))
    }

    @Test(arguments: [("-50000", "is negative"), ("vijftigduizend", "is not a number"), ("50.000,00", "is not a number")])
    func badBudgetAmountSaysWhatIsWrong(amount: String, reason: String) throws {
        let (loaded, _) = try load(editing: amstelveen) { $0.replacingOccurrences(of: "2023: 50000\n", with: "2023: \(amount)\n") }
        let error = try onlyError(loaded)
        #expect(error.message.en.contains("the amount '\(amount)' for 2023 \(reason)"))
        #expect(error.line == (try line(in: amstelveen, startingWith: "2023: 50000")))
    }

    @Test func yearThatIsNotAYear() throws {
        let (loaded, _) = try load(editing: amstelveen) { $0.replacingOccurrences(of: "2024: 100000\n", with: "volgend jaar: 100000\n") }
        let error = try onlyError(loaded)
        #expect(error.message.en.contains("'volgend jaar' is not a year"))
        #expect(error.line == (try line(in: amstelveen, startingWith: "2024: 100000")))
    }

    @Test func itemYearThatIsNotANumber() throws {
        let (loaded, _) = try load(editing: bij1) {
            $0.replacingOccurrences(of: "  - id: pre-2\n", with: "  - id: pre-2\n    years: [2022, binnenkort]\n")
        }
        let error = try onlyError(loaded)
        #expect(error.message.en.contains("'binnenkort' is not a whole number"))
        #expect(error.line == (try line(in: bij1, startingWith: "- id: pre-2")) + 1)
    }

    @Test func misspelledKeyIsNotSilentlyIgnored() throws {
        let (loaded, _) = try load(editing: bij1) { $0.replacingOccurrences(of: "    themes: [safety,", with: "    themse: [safety,") }
        let error = try onlyError(loaded)
        #expect(error.message.en.contains("unknown key 'themse'"))
        #expect(error.line == (try line(in: bij1, startingWith: "themes: [safety, anti-discrimination-policy")))
    }

    @Test(.enabled(if: TestSupport.mustReadSources, TestSupport.sourcesSkipReason))
    func quoteNotInSourceIsFound() throws {
        try #require(TestSupport.sourcesAvailable, "CI is set, but ../shared/sources is missing")
        let (loaded, _) = try load(editing: bij1) {
            $0.replacingOccurrences(of: "quote: Almere BIJ1 wil een samenleving waarin er ruimte is voor iedereen.", with: "quote: Almere BIJ1 wil een stad waarin er ruimte is voor iedereen.")
        }
        #expect(loaded.errors.isEmpty)
        let problems = QuoteChecker(sourcesDirectory: TestSupport.sources).check(loaded.programmes)
        #expect(!problems.isEmpty)
        #expect(problems.allSatisfy { $0.file.hasSuffix(bij1) && $0.message.en.contains("not found in almere-bij1") })
        for problem in problems {
            expectBilingual(problem)
        }
    }

    @Test func quoteComparisonIgnoresLayoutAndTypographicQuotes() {
        let source = QuoteChecker.normalise("de ‘superdiversiteit’\n  is  voor ons")
        #expect(source.contains(QuoteChecker.normalise("de 'superdiversiteit' is voor ons")))
        #expect(!source.contains(QuoteChecker.normalise("de superdiversiteit is voor ons")))
    }

    /// A PDF may give "é" as e plus a combining accent; the quote matches either way. Text that is composed
    /// already (Dutch letters, dashes, the euro sign) keeps its bytes without Foundation composing it.
    @Test func quoteComparisonIgnoresHowAccentsAreEncoded() {
        let decomposed = "Wij zijn e\u{301}e\u{301}n gemeente"
        #expect(QuoteChecker.normalise(decomposed).unicodeScalars.count == "Wij zijn één gemeente".unicodeScalars.count)
        #expect(Array(QuoteChecker.normalise(decomposed).utf8) == Array("Wij zijn één gemeente".utf8))
        #expect(SourceIndex(text: decomposed).contains("één gemeente"))
        #expect(SourceIndex(text: "Wij zijn één gemeente").contains("e\u{301}e\u{301}n gemeente"))
        let composed = "Één café – € 5.000 … naïef"
        #expect(Array(QuoteChecker.normalise(composed).utf8) == Array(composed.utf8))
    }

    @Test func pluginFolderWithoutProgrammeFile() throws {
        let directory = try TestSupport.copyOfMunicipalities()
        let zwolle = directory.appendingPathComponent("zwolle")
        try FileManager.default.createDirectory(at: zwolle, withIntermediateDirectories: true)
        try "slug: zwolle\nname: Zwolle\n".write(to: zwolle.appendingPathComponent("municipality.yaml"), atomically: true, encoding: .utf8)
        let error = try onlyError(PluginLoader().load(directory: directory.path))
        #expect(error.file.hasSuffix("zwolle"))
        #expect(error.message.en == "this plugin folder has no programme file")
    }

    @Test func fileThatIsNotUTF8() throws {
        let directory = try TestSupport.copyOfMunicipalities()
        let path = directory.appendingPathComponent(bij1)
        // "# café" as a Latin-1 editor would save it: the é is the single byte E9, which UTF-8 does not allow.
        var bytes = try Data(contentsOf: path)
        bytes.append(contentsOf: [0x23, 0x20, 0x63, 0x61, 0x66, 0xE9, 0x0A])
        try bytes.write(to: path)
        let error = try onlyError(PluginLoader().load(directory: directory.path))
        #expect(error.file.hasSuffix(bij1))
        #expect(error.message.en == "this file is not UTF-8 text (first unreadable byte at column 6)")
        let lineCount = try String(contentsOfFile: TestSupport.municipalities + "/" + bij1, encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).count
        #expect(error.line == lineCount)
    }

    @Test func diagnosticsPrintLikeACompilerInDutchByDefault() {
        let diagnostic = Diagnostic(
            file: "municipalities/x/y.yaml", line: 12,
            message: LocalizedText(nl: "'z' is geen thema", en: "'z' is not a theme"),
            fix: LocalizedText(nl: "gebruik een id", en: "use an id"))
        #expect(diagnostic.description == "municipalities/x/y.yaml:12: fout: 'z' is geen thema — gebruik een id")
        #expect(diagnostic.text(.nl) == diagnostic.description)
        #expect(diagnostic.text(.en) == "municipalities/x/y.yaml:12: error: 'z' is not a theme — use an id")
        let warning = Diagnostic(.warning, file: "a.yaml", message: LocalizedText(nl: "let op", en: "mind"))
        #expect(warning.text(.nl) == "a.yaml: waarschuwing: let op")
        #expect(warning.text(.en) == "a.yaml: warning: mind")
    }

    /// The edits the tests above make to a plugin file, each as file, text to find and its replacement.
    static let brokenEdits: [(file: String, find: String, replace: String)] = [
        ("almere/bij1-verkiezingsprogramma-2022.yaml", "  - id: pre-2\n", "  - id: pre-2\n   bad: [unclosed\n"),
        ("almere/bij1-verkiezingsprogramma-2022.yaml", "kind: party-programme", "kind: manifesto"),
        ("almere/bij1-verkiezingsprogramma-2022.yaml", "[safety, anti-discrimination-policy, lgbti-acceptance]", "[safety, anti-racism, lgbti-acceptance]"),
        ("almere/bij1-verkiezingsprogramma-2022.yaml", "[safety, anti-discrimination-policy, lgbti-acceptance]", "[safety, safety, lgbti-acceptance]"),
        ("almere/bij1-verkiezingsprogramma-2022.yaml", "id: p-2.1-2\n", "id: p-2.1-1\n"),
        ("almere/bij1-verkiezingsprogramma-2022.yaml", "  - id: pre-2\n", "  - id: pre-2\n    years: [2022, binnenkort]\n"),
        ("almere/bij1-verkiezingsprogramma-2022.yaml", "    themes: [safety,", "    themse: [safety,"),
        ("amstelveen/nota-diversiteit-en-inclusie-2023.yaml", "2023: 50000\n", "2023: -50000\n"),
        ("amstelveen/nota-diversiteit-en-inclusie-2023.yaml", "2023: 50000\n", "2023: 50.000,00\n"),
        ("amstelveen/nota-diversiteit-en-inclusie-2023.yaml", "2024: 100000\n", "volgend jaar: 100000\n"),
        ("arnhem/veranderprogramma-inclusie-2018.yaml", "kind: change-programme", "kind: verandering"),
    ]

    /// Every diagnostic must read as its own sentence in both languages: a Dutch message that is just the
    /// English one would mean a translation was forgotten.
    @Test(arguments: brokenEdits.indices)
    func everyDiagnosticHasDutchAndEnglish(edit index: Int) throws {
        let edit = Self.brokenEdits[index]
        let (loaded, _) = try load(editing: edit.file) { $0.replacingOccurrences(of: edit.find, with: edit.replace) }
        try #require(!loaded.errors.isEmpty)
        for diagnostic in loaded.errors {
            expectBilingual(diagnostic)
        }
    }

    @Test func folderAndEncodingDiagnosticsHaveDutchAndEnglish() throws {
        let directory = try TestSupport.copyOfMunicipalities()
        let zwolle = directory.appendingPathComponent("zwolle")
        try FileManager.default.createDirectory(at: zwolle, withIntermediateDirectories: true)
        let bytes: [UInt8] = [0x23, 0x20, 0x63, 0x61, 0x66, 0xE9, 0x0A]
        try Data(bytes).write(to: zwolle.appendingPathComponent("programma.yaml"))
        let loaded = PluginLoader().load(directory: directory.path)
        #expect(loaded.errors.count == 2, "\(loaded.errors)")
        for diagnostic in loaded.errors {
            expectBilingual(diagnostic)
        }
    }

    private func expectBilingual(_ diagnostic: Diagnostic, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!diagnostic.message.nl.isEmpty, sourceLocation: sourceLocation)
        #expect(!diagnostic.message.en.isEmpty, sourceLocation: sourceLocation)
        #expect(diagnostic.message.nl != diagnostic.message.en, "\(diagnostic.message)", sourceLocation: sourceLocation)
        if let fix = diagnostic.fix {
            #expect(!fix.nl.isEmpty && !fix.en.isEmpty, sourceLocation: sourceLocation)
            #expect(fix.nl != fix.en, "\(fix)", sourceLocation: sourceLocation)
        }
        #expect(diagnostic.text(.nl).contains(": fout: "), sourceLocation: sourceLocation)
        #expect(diagnostic.text(.en).contains(": error: "), sourceLocation: sourceLocation)
    }
}
