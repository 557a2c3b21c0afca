import InclusieModel

/// Two to four programmes next to each other, their items aligned by theme, each item with its quote:
/// "what does each of these do about discrimination reporting, in its own words?"
///
/// Only themes at least one of the programmes names are rows, in the taxonomy's order; a programme's
/// empty list in a row means it does not name the theme, which is not the same as doing nothing about it.
public struct SideBySide: Codable, Sendable {
    /// How many programmes fit side by side on a screen and in a spreadsheet.
    public static let programmeCounts = 2...4

    public struct Item: Codable, Sendable, Hashable {
        public var itemID: String
        /// The document's own word for the item (actie, speerpunt …).
        public var nativeType: String
        public var label: String
        /// The theme is the item's first (primary) theme.
        public var isPrimary: Bool
        /// The first quote the item is modelled from, and the section it stands in.
        public var quote: String?
        public var section: String?
    }

    public struct Row: Codable, Sendable {
        public var themeID: String
        public var themeLabel: String
        public var domain: String?
        /// One list per programme, in the order of `programmes`: primary mappings first, then document order.
        public var items: [[Item]]
    }

    public var programmes: [ProgrammeColumn]
    public var rows: [Row]
    /// Programmes in scope beyond the first four, left out; empty when all fit.
    public var leftOut: [String]

    /// The first four programmes in scope, side by side.
    public init(catalog: Catalog, scope: ComparisonScope) {
        let language = scope.language
        let inScope = scope.programmes(in: catalog)
        let shown = Array(inScope.prefix(Self.programmeCounts.upperBound))
        leftOut = inScope.dropFirst(shown.count).map(\.key)
        programmes = shown.map { ProgrammeColumn($0, catalog: catalog, language: language) }
        rows = catalog.taxonomy.themes.compactMap { theme -> Row? in
            let items = shown.map { programme -> [Item] in
                let primary = programme.items.filter { $0.themes.first == theme.id }
                let secondary = programme.items.filter { $0.themes.dropFirst().contains(theme.id) }
                return (primary + secondary).map { item in
                    Item(
                        itemID: item.localID, nativeType: item.nativeType.text(language), label: item.displayLabel,
                        isPrimary: item.themes.first == theme.id, quote: item.evidence.first?.quote, section: item.evidence.first?.section)
                }
            }
            guard items.contains(where: { !$0.isEmpty }) else { return nil }
            return Row(
                themeID: theme.id, themeLabel: theme.label.text(language),
                domain: theme.domainID.flatMap { catalog.taxonomy.domain($0)?.label.text(language) }, items: items)
        }
    }
}
