import Foundation
import InclusieComparison
import InclusieExport
import InclusieModel
import Testing

/// The views' JSON as `compare --format json`, the export and the site's downloads give it.
@Suite struct ViewJSONTests {
    /// A stored property of a view type that is missing from its JSON would be a silent loss: every stored
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

    /// Whoever reads a view's JSON back (the view types are `Codable`) gets the same view: decoding it and
    /// encoding it again gives the same bytes, in both languages.
    @Test func everyViewReadsBackFromItsJSON() throws {
        let catalog = try TestSupport.loadRealPlugins().catalog()
        for view in ViewName.allCases {
            for language in Language.allCases {
                let built = view.build(catalog: catalog, scope: ComparisonScope(language: language))
                let json = try JSONRendering.encode(built)
                let type = try #require(Swift.type(of: built) as? any Decodable.Type, "\(view.rawValue) is Decodable")
                let decoded = try #require(try JSONDecoder().decode(type, from: json) as? any Encodable)
                #expect(try JSONRendering.encode(decoded) == json, "\(view.rawValue) in \(language.rawValue)")
            }
        }
    }

    /// A view's JSON encoded in parts (its large arrays element by element, in parallel) is the same bytes as
    /// the whole view through one encoder: for the bundled programmes and a synthetic set, in both languages,
    /// with empty arrays among the elements.
    @Test func everyViewInPartsIsTheSameBytesAsWhole() throws {
        let catalogs = [try TestSupport.loadRealPlugins().catalog(), try TestSupport.syntheticCatalog()]
        var viewsInParts = 0
        for catalog in catalogs {
            for view in ViewName.allCases {
                for language in Language.allCases {
                    let built = view.build(catalog: catalog, scope: ComparisonScope(language: language))
                    #expect(try built.json() == JSONRendering.encode(built), "\(view.rawValue) in \(language.rawValue)")
                    if partCount(of: built) > 0 { viewsInParts += 1 }
                }
            }
        }
        #expect(viewsInParts >= 12, "the large views are encoded in parts")
    }

    private func partCount<View: TabularView>(of _: View) -> Int { View.jsonParts.count }

    /// The layout the exports and downloads promise: sorted keys, two-space indentation, slashes as they are.
    @Test func keysAreSortedAndSlashesLeftAlone() throws {
        let json = try JSONRendering.encode(["c": [1], "almere/actieprogramma": [2], "b": [] as [Int]])
        #expect(
            String(decoding: json, as: UTF8.self)
                == "{\n  \"almere/actieprogramma\" : [\n    2\n  ],\n  \"b\" : [\n\n  ],\n  \"c\" : [\n    1\n  ]\n}")
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
}
