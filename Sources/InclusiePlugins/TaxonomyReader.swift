import InclusieModel
import Yams

/// Reads `municipalities/taxonomy.yaml` into the model's `Taxonomy`.
enum TaxonomyReader {
    private struct Entry: Decodable {
        var id: String
        var nl: String
        var en: String
        var definition: String
        /// Word stems that suggest this entry when drafting a plugin from a document.
        var terms: [String]?
    }

    private struct Domain: Decodable {
        var domain: String
        var nl: String
        var en: String
        var definition: String
        var themes: [Entry]
    }

    private struct File: Decodable {
        var themes: [Domain]
        var instruments: [Entry]
        var roles: [Entry]
        var targetGroups: [Entry]
        var itemStatuses: [Entry]

        enum CodingKeys: String, CodingKey {
            case themes, instruments, roles
            case targetGroups = "target_groups"
            case itemStatuses = "item_statuses"
        }
    }

    /// The term lists of every entry, by facet and id; entries without `terms:` have none.
    static func readTerms(yaml: String) throws -> TaxonomyTerms {
        let file = try YAMLDecoder().decode(File.self, from: yaml)
        func terms(_ list: [Entry]) -> [String: [String]] {
            Dictionary(list.map { ($0.id, $0.terms ?? []) }, uniquingKeysWith: { first, _ in first })
        }
        return TaxonomyTerms(byFacet: [
            .theme: terms(file.themes.flatMap(\.themes)), .instrument: terms(file.instruments),
            .role: terms(file.roles), .targetGroup: terms(file.targetGroups), .itemStatus: terms(file.itemStatuses),
        ])
    }

    static func read(yaml: String) throws -> Taxonomy {
        let file = try YAMLDecoder().decode(File.self, from: yaml)
        func entries(_ list: [Entry], domain: String? = nil) -> [TaxonomyEntry] {
            list.map {
                TaxonomyEntry(id: $0.id, label: LocalizedText(nl: $0.nl, en: $0.en), definition: $0.definition, domainID: domain)
            }
        }
        return Taxonomy(
            domains: file.themes.map {
                TaxonomyEntry(id: $0.domain, label: LocalizedText(nl: $0.nl, en: $0.en), definition: $0.definition)
            },
            themes: file.themes.flatMap { entries($0.themes, domain: $0.domain) },
            instruments: entries(file.instruments), roles: entries(file.roles),
            targetGroups: entries(file.targetGroups), itemStatuses: entries(file.itemStatuses))
    }
}

/// The term lists of `taxonomy.yaml`: general policy words (Dutch and English stems) per entry.
///
/// Kept apart from `Taxonomy` because only drafting uses them; the database and the views never do.
public struct TaxonomyTerms: Sendable, Hashable {
    public var byFacet: [TaxonomyFacet: [String: [String]]]

    public init(byFacet: [TaxonomyFacet: [String: [String]]] = [:]) {
        self.byFacet = byFacet
    }

    public func terms(_ id: String, in facet: TaxonomyFacet) -> [String] {
        byFacet[facet]?[id] ?? []
    }

    /// Reads the term lists from the text of a `taxonomy.yaml`.
    public static func read(yaml: String) throws -> TaxonomyTerms {
        try TaxonomyReader.readTerms(yaml: yaml)
    }
}

/// Reads a `municipality.yaml`.
///
/// Unknown keys are refused by the keys each shape's `CodingKeys` lists, so a field added to a shape is
/// known without a second list to keep; blank names, dates that are not ISO dates and implausible counts
/// are refused here, at their line, before the database could refuse them without one.
public enum MunicipalityReader {
    private struct Figure: Decodable {
        var referenceDate: String
        var count: Int
        var publisher: String
        var sourceURL: String?
        var note: String?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case referenceDate = "reference_date"
            case count, publisher, note
            case sourceURL = "source_url"
        }

        init(from decoder: any Decoder) throws {
            try rejectUnknownKeys(in: decoder, allowed: Set(CodingKeys.allCases.map(\.stringValue)))
            let container = try decoder.container(keyedBy: CodingKeys.self)
            referenceDate = try container.decode(ISODate.self, forKey: .referenceDate).text
            count = try container.decode(DecimalInt.self, forKey: .count).value
            guard (1...PluginLimits.maximumPopulation).contains(count) else {
                throw dataCorrupted(
                    at: decoder.codingPath + [CodingKeys.count],
                    LocalizedText(
                        nl: "\(count) inwoners kan niet; schrijf het aantal uit de bron, tussen 1 en \(Language.nl.grouped(PluginLimits.maximumPopulation))",
                        en: "\(count) inhabitants cannot be; write the count from the source, between 1 and \(Language.en.grouped(PluginLimits.maximumPopulation))"))
            }
            publisher = try requiredText(container, .publisher, at: decoder.codingPath)
            sourceURL = try container.decodeIfPresent(String.self, forKey: .sourceURL)
            note = try container.decodeIfPresent(String.self, forKey: .note)
        }
    }

    private struct File: Decodable {
        var slug: String
        var name: String
        var province: String?
        var cbsCode: String?
        var population: [Figure]?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case slug, name, province, population
            case cbsCode = "cbs_code"
        }

        init(from decoder: any Decoder) throws {
            try rejectUnknownKeys(in: decoder, allowed: Set(CodingKeys.allCases.map(\.stringValue)))
            let container = try decoder.container(keyedBy: CodingKeys.self)
            slug = try container.decode(String.self, forKey: .slug)
            guard SlugRule.isValid(slug) else {
                throw dataCorrupted(
                    at: decoder.codingPath + [CodingKeys.slug],
                    LocalizedText(
                        nl: "slug '\(slug)' mag niet; \(SlugRule.advice.nl)", en: "slug '\(slug)' is not allowed; \(SlugRule.advice.en)"))
            }
            name = try requiredText(container, .name, at: decoder.codingPath)
            province = try container.decodeIfPresent(String.self, forKey: .province)
            cbsCode = try container.decodeIfPresent(String.self, forKey: .cbsCode)
            population = try container.decodeIfPresent([Figure].self, forKey: .population)
        }
    }

    public static func read(yaml: String) throws -> Municipality {
        let file = try YAMLDocument(yaml: yaml).decode(File.self)
        return Municipality(
            slug: file.slug, name: file.name, province: file.province, cbsCode: file.cbsCode,
            population: (file.population ?? []).map {
                PopulationFigure(
                    referenceDate: $0.referenceDate, count: $0.count, publisher: $0.publisher, sourceURL: $0.sourceURL,
                    note: $0.note)
            })
    }
}

/// A text that must say something: empty, blank and `~`/`null` are refused at the key's line.
func requiredText<Key: CodingKey>(
    _ container: KeyedDecodingContainer<Key>, _ key: Key, at path: @autoclosure () -> [any CodingKey]
) throws -> String {
    let text = try container.decode(String.self, forKey: key)
    if isBlank(text) {
        throw dataCorrupted(
            at: path() + [key],
            LocalizedText(
                nl: "'\(key.stringValue)' is leeg; vul het in met de tekst uit de bron",
                en: "'\(key.stringValue)' is empty; fill it in with the text from the source"))
    }
    return text
}
