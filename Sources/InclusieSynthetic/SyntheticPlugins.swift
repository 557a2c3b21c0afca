import Foundation
import InclusieModel

/// Generates synthetic municipality plugins, for benchmarks and tests at the scale of all 342 municipalities.
///
/// The plugins are real plugin folders in every programme kind's native shape, using only ids from the
/// taxonomy it is given, with a generated source text per programme so that every quote can be checked.
/// One seed always gives the same files. Every name is "Synthetisch …": nothing can pass for a real
/// municipality, organisation or person.
public struct SyntheticPlugins: Sendable {
    /// Percentage of municipalities with a policy programme that also get a party programme.
    public static let partyProgrammeShare = 15

    public let taxonomy: Taxonomy
    public let seed: UInt64

    public init(taxonomy: Taxonomy, seed: UInt64 = 342) {
        precondition(
            !taxonomy.themes.isEmpty && !taxonomy.instruments.isEmpty && !taxonomy.roles.isEmpty
                && !taxonomy.targetGroups.isEmpty && !taxonomy.itemStatuses.isEmpty,
            "synthetic plugins draw from every facet of the taxonomy; none may be empty")
        self.taxonomy = taxonomy
        self.seed = seed
    }

    /// The files of municipality `number` (1-based), without touching the disk.
    public func plugin(number: Int) -> SyntheticPlugin {
        let municipality = SyntheticMunicipality(number: number)
        let (municipalityYAML, kinds) = municipality.draw(seed: seed)
        let programmes = kinds.enumerated().map { index, kind in
            var generator = ProgrammeGenerator(
                municipality: municipality, programme: index, kind: kind, seed: seed, taxonomy: taxonomy)
            return generator.generate()
        }
        return SyntheticPlugin(slug: municipality.slug, municipalityYAML: municipalityYAML, programmes: programmes)
    }

    /// Writes municipalities 1…`count` as plugin folders, their source texts, and a copy of the taxonomy.
    ///
    /// - Parameters:
    ///   - municipalitiesDirectory: becomes a `municipalities/` folder that `PluginLoader` can load.
    ///   - sourcesDirectory: where the source texts go; check quotes with `QuoteChecker` against it.
    ///   - taxonomyFile: the `taxonomy.yaml` this generator's taxonomy was read from; copied as is.
    @discardableResult
    public func write(
        count: Int, municipalitiesDirectory: URL, sourcesDirectory: URL, taxonomyFile: URL
    ) throws -> SyntheticSummary {
        let manager = FileManager.default
        try manager.createDirectory(at: municipalitiesDirectory, withIntermediateDirectories: true)
        try manager.createDirectory(at: sourcesDirectory, withIntermediateDirectories: true)
        let taxonomyCopy = municipalitiesDirectory.appendingPathComponent("taxonomy.yaml")
        if manager.fileExists(atPath: taxonomyCopy.path) { try manager.removeItem(at: taxonomyCopy) }
        try manager.copyItem(at: taxonomyFile, to: taxonomyCopy)
        var summary = SyntheticSummary()
        for index in 0..<max(0, count) {
            let plugin = plugin(number: index + 1)
            let folder = municipalitiesDirectory.appendingPathComponent(plugin.slug)
            try manager.createDirectory(at: folder, withIntermediateDirectories: true)
            var files = [(folder.appendingPathComponent("municipality.yaml"), plugin.municipalityYAML)]
            for programme in plugin.programmes {
                files.append((folder.appendingPathComponent(programme.fileName), programme.yaml))
                files.append((sourcesDirectory.appendingPathComponent(programme.sourceFileName), programme.sourceText))
                summary.programmes += 1
                summary.items += programme.itemCount
                summary.quotes += programme.quoteCount
            }
            for (url, text) in files {
                let data = Data(text.utf8)
                try data.write(to: url)
                summary.bytes += data.count
            }
            summary.municipalities += 1
        }
        return summary
    }
}

/// The generated files of one municipality.
public struct SyntheticPlugin: Sendable, Hashable {
    /// The folder name, e.g. `synthetisch-017`.
    public var slug: String
    public var municipalityYAML: String
    /// One programme, or a policy programme and a party programme.
    public var programmes: [SyntheticProgramme]
}

/// One programme's plugin file and the source text its quotes come from.
public struct SyntheticProgramme: Sendable, Hashable {
    /// The programme kind, e.g. `change-programme`.
    public var kind: String
    /// The plugin file's name in the municipality's folder.
    public var fileName: String
    public var yaml: String
    /// The file name that the programme's `source:` names.
    public var sourceFileName: String
    public var sourceText: String
    /// Items in the programme, children included: always 20 to 80.
    public var itemCount: Int
    public var quoteCount: Int
}

/// What a `write` produced, for a benchmark to print.
public struct SyntheticSummary: Sendable, Hashable {
    public var municipalities = 0
    public var programmes = 0
    public var items = 0
    public var quotes = 0
    /// Bytes of YAML and source text written (the taxonomy copy not included).
    public var bytes = 0
}
