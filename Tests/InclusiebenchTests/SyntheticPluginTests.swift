import Foundation
import InclusieModel
import InclusiePlugins
import InclusieStore
import InclusieSynthetic
import Testing

/// Synthetic plugins are real plugins: they load without a single diagnostic, every quote is in its
/// generated source, and they survive the store. Timings are the benchmark's business, not the tests'.
@Suite struct SyntheticPluginTests {
    let taxonomy: Taxonomy
    let taxonomyFile = URL(fileURLWithPath: TestSupport.municipalities).appendingPathComponent("taxonomy.yaml")

    init() throws {
        taxonomy = try #require(PluginLoader().load(directory: TestSupport.municipalities).taxonomy)
    }

    @Test func generatedPluginsLoadCleanlyQuoteTheirSourcesAndImport() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let municipalities = directory.appendingPathComponent("municipalities")
        let sources = directory.appendingPathComponent("sources")
        let summary = try SyntheticPlugins(taxonomy: taxonomy, seed: 7).write(
            count: 5, municipalitiesDirectory: municipalities, sourcesDirectory: sources, taxonomyFile: taxonomyFile)
        #expect(summary.municipalities == 5)
        #expect(summary.programmes >= 5)

        let loaded = PluginLoader().load(directory: municipalities.path)
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        #expect(loaded.municipalities.map(\.slug) == (1...5).map { "synthetisch-00\($0)" })
        #expect(loaded.programmes.count == summary.programmes)
        for programme in loaded.programmes.map(\.programme) {
            #expect((20...80).contains(programme.items.count), "\(programme.key) has \(programme.items.count) items")
        }
        #expect(loaded.programmes.map(\.programme.items.count).reduce(0, +) == summary.items)
        // Synthetic sources repeat their sentences, so weak-quote warnings are expected; no quote may be missing.
        let problems = QuoteChecker(sourcesDirectory: sources.path).check(loaded.programmes).filter { $0.severity == .error }
        #expect(problems.isEmpty, "\(problems)")

        let catalog = try loaded.catalog()
        let store = try Store.inMemory()
        try store.replaceAll(with: catalog)
        #expect(try store.catalog() == catalog)
        let itemsPerProgramme = try store.rows(
            "SELECT programme_key, count(*) AS items FROM local_item GROUP BY programme_key")
        #expect(itemsPerProgramme.count == summary.programmes)
        for row in itemsPerProgramme {
            #expect((20...80).contains(Int(row["items"] ?? "") ?? 0), "\(row)")
        }
        #expect(try store.rows("SELECT count(*) AS quotes FROM evidence").first?["quotes"] == String(summary.quotes))
    }

    @Test func theSameSeedGivesTheSameFiles() {
        let first = SyntheticPlugins(taxonomy: taxonomy, seed: 42)
        let again = SyntheticPlugins(taxonomy: taxonomy, seed: 42)
        let other = SyntheticPlugins(taxonomy: taxonomy, seed: 43)
        #expect(first.plugin(number: 12) == again.plugin(number: 12))
        #expect(first.plugin(number: 12) != other.plugin(number: 12))
        #expect(first.plugin(number: 12) != first.plugin(number: 13))
    }

    /// Over many municipalities, every kind and every kind of budget occurs: a benchmark of one shape proves little.
    @Test func pluginsSpreadOverKindsAndBudgets() {
        let plugins = (1...60).map(SyntheticPlugins(taxonomy: taxonomy).plugin(number:))
        let kinds = Set(plugins.flatMap(\.programmes).map(\.kind))
        #expect(kinds == ["action-programme", "policy-note", "change-programme", "workshop", "party-programme"])
        // Some municipalities have a party programme next to their own, so the proposals view has pairs.
        #expect(plugins.contains { $0.programmes.map(\.kind).contains("party-programme") && $0.programmes.count == 2 })
        let programmes = plugins.flatMap(\.programmes).map(\.yaml)
        #expect(programmes.contains { $0.contains("\n  none: ") }, "some programmes say they have no budget")
        #expect(programmes.contains { $0.contains("\n  lines:\n") }, "some programmes have a budget table")
        #expect(programmes.contains { $0.contains(": not-stated\n") }, "some amounts are named but not stated")
        #expect(programmes.contains { $0.contains("precision: indicative") })
        #expect(programmes.contains { $0.contains("precision: exact") })
        #expect(plugins.flatMap(\.programmes).allSatisfy { (20...80).contains($0.itemCount) })
    }

    /// Nothing generated can pass for a real municipality, organisation, party or person.
    @Test func everyNameIsObviouslySynthetic() {
        for plugin in (1...30).map(SyntheticPlugins(taxonomy: taxonomy).plugin(number:)) {
            let names = ([plugin.municipalityYAML] + plugin.programmes.map(\.yaml)).joined().split(separator: "\n")
                .filter { $0.trimmingCharacters(in: .whitespaces).hasPrefix("name: ") }
            #expect(!names.isEmpty)
            for name in names {
                #expect(name.contains("Synthetisch"), "\(plugin.slug): \(name)")
            }
            #expect(plugin.programmes.allSatisfy { $0.sourceText.contains("SYNTHETISCH DOCUMENT") })
        }
    }
}
