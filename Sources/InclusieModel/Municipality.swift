/// A municipality, with the population figures used for per-inhabitant comparisons.
public struct Municipality: Hashable, Codable, Sendable, Identifiable {
    public var slug: String
    public var name: String
    public var province: String?
    public var cbsCode: String?
    public var population: [PopulationFigure]

    public var id: String { slug }

    public init(slug: String, name: String, province: String?, cbsCode: String?, population: [PopulationFigure]) {
        self.slug = slug
        self.name = name
        self.province = province
        self.cbsCode = cbsCode
        self.population = population
    }

    /// The figure nearest to 1 January of `year`; the caller shows its reference date, so a stale figure is visible.
    public func population(nearestTo year: Int) -> PopulationFigure? {
        population.min { lhs, rhs in
            let left = abs(lhs.referenceYear - year)
            let right = abs(rhs.referenceYear - year)
            return left != right ? left < right : lhs.referenceDate > rhs.referenceDate
        }
    }
}

/// A population count as published, with its reference date and where it comes from.
public struct PopulationFigure: Hashable, Codable, Sendable {
    /// ISO date, `YYYY-MM-DD`.
    public var referenceDate: String
    public var count: Int
    public var publisher: String
    public var sourceURL: String?
    public var note: String?

    public init(referenceDate: String, count: Int, publisher: String, sourceURL: String?, note: String?) {
        self.referenceDate = referenceDate
        self.count = count
        self.publisher = publisher
        self.sourceURL = sourceURL
        self.note = note
    }

    public var referenceYear: Int { Int(referenceDate.prefix(4)) ?? 0 }
}
