import InclusieModel

/// Which items run in which years, per programme: Almere's planning table, and any other item with years.
///
/// Only years the documents name are shown; an item without years is left out rather than spread over
/// the programme's period, so the timeline never claims more than the document says.
public struct ActionTimeline: Codable, Sendable {
    /// One item with the years it is active.
    public struct Row: Codable, Sendable, Hashable {
        public var itemID: String
        /// The document's own word for the item (actie, bestaand beleid, speerpunt …).
        public var nativeType: String
        public var number: String?
        public var title: String
        /// Ascending.
        public var activeYears: [Int]
    }

    public struct ProgrammeRows: Codable, Sendable {
        public var programme: ProgrammeColumn
        /// In the document's order.
        public var rows: [Row]
    }

    /// Every year any row is active in, ascending: the columns of the timeline.
    public var years: [Int]
    /// Only programmes with at least one item that has years.
    public var programmes: [ProgrammeRows]

    public init(catalog: Catalog, scope: ComparisonScope) {
        programmes = scope.programmes(in: catalog).compactMap { programme in
            let rows = programme.items.compactMap { item -> Row? in
                guard !item.years.isEmpty else { return nil }
                return Row(
                    itemID: item.localID, nativeType: item.nativeType.text(scope.language), number: item.number,
                    title: item.title, activeYears: item.years.sorted())
            }
            guard !rows.isEmpty else { return nil }
            return ProgrammeRows(programme: ProgrammeColumn(programme, catalog: catalog, language: scope.language), rows: rows)
        }
        years = Set(programmes.flatMap { $0.rows.flatMap(\.activeYears) }).sorted()
    }
}
