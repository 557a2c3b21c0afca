import Foundation
@testable import InclusieComparison
import InclusieExport
import InclusieModel
import InclusiePlugins
import InclusieSynthetic
import Testing

/// `JSONWriter` replaced Foundation's `JSONEncoder` for speed; its bytes must stay `JSONEncoder`'s, the reference here.
@Suite struct JSONWriterTests {
    private func reference<Value: Encodable>(_ value: Value) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    private func expectEveryViewAsJSONEncoderWritesIt(_ catalog: Catalog) throws {
        for view in ViewName.allCases {
            for language in Language.allCases {
                let built = view.build(catalog: catalog, scope: ComparisonScope(language: language))
                let written = try JSONRendering.encode(built)
                let expected = try reference(built)
                #expect(written == expected, "\(view.rawValue) in \(language.rawValue)")
            }
        }
    }

    @Test func everyViewOnTheBundledMunicipalities() throws {
        try expectEveryViewAsJSONEncoderWritesIt(try TestSupport.loadRealPlugins().catalog())
    }

    @Test func everyViewOnSyntheticMunicipalities() throws {
        try expectEveryViewAsJSONEncoderWritesIt(try TestSupport.syntheticCatalog())
    }

    /// The types written by hand, with what the views' data may not happen to hold: every optional text
    /// missing and present, empty lists, and text that must be escaped. Also as elements of an array,
    /// one level deeper.
    @Test func handWrittenTypesAreTheBytesOfJSONEncoder() throws {
        let awkward = "quote \" backslash \\ newline \n tab \t é € \u{01}"
        let matches = [
            ProposalCoverage.Match(
                itemID: "a", itemLabel: awkward, itemNativeType: "actie", itemStatus: "commitment", itemStatusLabel: "toegezegd",
                strength: .covered, reason: .primaryThemeAndTargetGroup, sharedThemeIDs: ["werk"], sharedTargetGroupIDs: [],
                quote: awkward, section: "§ 2"),
            ProposalCoverage.Match(
                itemID: "b", itemLabel: "", itemNativeType: "", itemStatus: "", itemStatusLabel: "", strength: .partlyCovered,
                reason: .primaryThemeOnly, sharedThemeIDs: [], sharedTargetGroupIDs: ["x", "y"], quote: nil, section: nil),
        ]
        let proposals = [
            ProposalCoverage.Proposal(
                proposalID: "p1", number: "1", sectionNumber: "2", sectionTitle: awkward, title: awkward, primaryThemeID: "werk",
                primaryThemeLabel: "Werk", secondaryThemeIDs: ["a", "b"], targetGroupIDs: [], verdict: .covered,
                verdictLabel: "gedekt", quote: awkward, matches: matches),
            ProposalCoverage.Proposal(
                proposalID: "p2", number: nil, sectionNumber: nil, sectionTitle: nil, title: "", primaryThemeID: nil,
                primaryThemeLabel: nil, secondaryThemeIDs: [], targetGroupIDs: ["z"], verdict: .notCovered, verdictLabel: "",
                quote: nil, matches: []),
        ]
        let cells = [
            CoverageMatrix.Cell(programme: awkward, localLabels: [awkward, ""], count: 2, primaryCount: 1),
            CoverageMatrix.Cell(programme: "", localLabels: [], count: 0, primaryCount: 0),
        ]
        #expect(try JSONRendering.encode(matches) == (try reference(matches)))
        #expect(try JSONRendering.encode(proposals) == (try reference(proposals)))
        #expect(try JSONRendering.encode(cells) == (try reference(cells)))
        #expect(try JSONRendering.encode(["deeper": cells]) == (try reference(["deeper": cells])))
    }

    /// The view types list their keys in sorted order (`CodingKeys`), so that the writer reorders nothing; a
    /// stored property left out of such a list would silently go missing from the JSON. Every stored
    /// property with a value must be a key of its object, and every key a stored property.
    @Test func everyStoredPropertyOfEveryViewIsInItsJSON() throws {
        let catalog = try TestSupport.syntheticCatalog()
        for view in ViewName.allCases {
            let built = view.build(catalog: catalog, scope: ComparisonScope())
            let json = try JSONSerialization.jsonObject(with: try JSONRendering.encode(built), options: [.fragmentsAllowed])
            var checked = 0
            expectProperties(of: built, areTheKeysOf: json, at: view.rawValue, checked: &checked)
            #expect(checked > 10, "\(view.rawValue): some objects were compared")
        }
    }

    private func expectProperties(of value: Any, areTheKeysOf json: Any, at path: String, checked: inout Int) {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            if let wrapped = mirror.children.first?.value {
                expectProperties(of: wrapped, areTheKeysOf: json, at: path, checked: &checked)
            }
        case .collection:
            guard let elements = json as? [Any] else { return }
            for (index, (element, jsonElement)) in zip(mirror.children.map(\.value), elements).enumerated().prefix(50) {
                expectProperties(of: element, areTheKeysOf: jsonElement, at: "\(path)[\(index)]", checked: &checked)
            }
        case .struct:
            // A struct written as something else than an object (a single value) has no keys to compare.
            guard let object = json as? [String: Any] else { return }
            checked += 1
            let stored = mirror.children.filter { child in
                let inner = Mirror(reflecting: child.value)
                return inner.displayStyle != .optional || !inner.children.isEmpty
            }
            let labels = Set(stored.compactMap(\.label))
            #expect(labels == Set(object.keys), "\(path): stored properties \(labels.sorted()), keys \(object.keys.sorted())")
            for child in stored {
                guard let label = child.label, let inner = object[label] else { continue }
                expectProperties(of: child.value, areTheKeysOf: inner, at: "\(path).\(label)", checked: &checked)
            }
        default:
            return
        }
    }

    /// A view's rows and profiles from 16 elements on are written in pieces on all cores and put together in
    /// order; the bytes must be those of one thread, also for an array at the top and for piece boundaries
    /// that fall anywhere.
    @Test func arraysWrittenOnSeveralCoresAreTheBytesOfOneThread() throws {
        let catalog = try TestSupport.syntheticCatalog()
        let matrix = CoverageMatrix(facet: .theme, catalog: catalog, scope: ComparisonScope(language: .nl))
        #expect(matrix.profiles.count >= 16 && matrix.rows.count >= 16, "too few elements to be written in pieces")
        #expect(try JSONRendering.encode(matrix) == (try reference(matrix)))
        for count in [16, 17, 31, matrix.profiles.count] {
            let profiles = Array(matrix.profiles.prefix(count))
            #expect(try JSONRendering.encode(profiles) == (try reference(profiles)), "\(count) profiles")
        }
        let nested = ["rows": matrix.rows]
        #expect(try JSONRendering.encode(nested) == (try reference(nested)))
    }

    private struct Awkward: Encodable {
        var text: String
        var numbers: [Double]
        var counts: [Int]
        var nothing: String?
        var empty: [String]
        var emptyObject: [String: Int]
        var byKey: [String: [String]]
        var flags: [Bool]
    }

    /// Escapes, numbers, empty containers and key order, where a hand-written writer most easily differs.
    @Test func awkwardValues() throws {
        let value = Awkward(
            text: "quote \" backslash \\ slash / tab \t newline \n return \r \u{08} \u{0C} \u{01} \u{1F} é € 😀 \u{2028}",
            numbers: [0, 1, -1, 0.5, 1.0 / 3, 1e-7, 1e21, 123_456_789.25, -0.0],
            counts: [0, -42, Int.max, Int.min], nothing: nil, empty: [], emptyObject: [:],
            byKey: ["b": ["x"], "B": [], "a10": ["y"], "a9": [], "Zeta": ["z"], "ä": [], "_x": []],
            flags: [true, false])
        #expect(try JSONRendering.encode(value) == (try reference(value)))
        #expect(try JSONRendering.encode([value, value]) == (try reference([value, value])))
        // Arrays of strings take a path of their own, at the top as well as inside other values.
        for texts in [[], ["één", "quote \" and \\"], [""]] as [[String]] {
            #expect(try JSONRendering.encode(texts) == (try reference(texts)))
            #expect(try JSONRendering.encode([texts, texts]) == (try reference([texts, texts])))
        }
    }

    private struct KeyTwice: Encodable {
        enum Key: String, CodingKey { case b, a }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(1, forKey: .b)
            try container.encode(2, forKey: .a)
            try container.encode(3, forKey: .b)
        }
    }

    @Test func aKeyEncodedTwiceKeepsItsLastValue() throws {
        #expect(try JSONRendering.encode(KeyTwice()) == (try reference(KeyTwice())))
    }

    /// A dictionary's keys come in hash order, and there can be thousands of them (the similarity view's
    /// theme lists by programme).
    @Test func aDictionaryWithManyKeysIsWrittenInKeyOrder() throws {
        var byKey: [String: [String]] = [:]
        for number in 0..<600 {
            byKey["gemeente-\(number)/programma"] = ["t\(number % 7)"]
            byKey["Gemeente-\(number)"] = []
            byKey["ä-\(number)"] = ["x"]
        }
        #expect(try JSONRendering.encode(byKey) == (try reference(byKey)))
        #expect(try JSONRendering.encode(["nested": byKey]) == (try reference(["nested": byKey])))
    }

    @Test func aNumberJSONCannotHoldIsRefused() {
        #expect(throws: EncodingError.self) { try JSONRendering.encode([Double.nan]) }
    }
}
