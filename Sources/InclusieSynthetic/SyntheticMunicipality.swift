import InclusieModel
import InclusiePlugins

/// Who a synthetic municipality is: a number, and the obviously synthetic slug and name made from it.
struct SyntheticMunicipality: Sendable {
    let number: Int

    var slug: String { "synthetisch-\(Vocabulary.padded(number))" }
    var name: String { "Synthetisch \(Vocabulary.padded(number))" }

    /// The municipality's `municipality.yaml` and the kinds of its programmes, drawn from its own stream.
    ///
    /// Every municipality has one programme. Some with a policy programme also have a party's election
    /// programme, as Almere has BIJ1's: without such pairs the proposals view would have nothing to compare.
    func draw(seed: UInt64) -> (municipalityYAML: String, kinds: [SyntheticKind]) {
        var random = SplitMix64(seed: SplitMix64.stream(seed: seed, number, 0))
        let province = random.pick(Vocabulary.provinces)
        // Most municipalities are small; a few are cities.
        var count = random.int(in: 900...60_000) * (random.chance(15) ? random.int(in: 2...14) : 1)
        var population: [YAMLValue] = []
        for year in random.int(in: 2019...2021)...2022 {
            population.append(
                .fields([
                    "reference_date": .text("\(year)-01-01"),
                    "count": .text(String(count)),
                    "publisher": .quoted("Synthetisch (geen CBS-cijfer)"),
                    "note": .quoted("generated figure, not a population count"),
                ]))
            count += count * random.int(in: -5...15) / 1000
        }
        let file = YAMLValueWriter.yaml(
            .fields(["slug": .text(slug), "name": .quoted(name), "province": .quoted(province), "population": .sequence(population, flow: false)]),
            layout: .compact, comments: ["Synthetic municipality for the inclusiebench benchmark (seed \(seed)); not a real place."])
        let kind = SyntheticKind.allCases[random.weightedIndex(SyntheticKind.allCases.map(\.share))]
        let withParty = kind.isMunicipalPolicy && random.chance(SyntheticPlugins.partyProgrammeShare)
        return (file, withParty ? [kind, .partyProgramme] : [kind])
    }
}
