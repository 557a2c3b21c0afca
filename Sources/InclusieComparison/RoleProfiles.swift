import InclusieModel

/// The municipality's roles per programme: how its items spread over the canonical roles, next to the
/// programme's own role words (Arnhem's sturen, samenwerken, stimuleren; Almere's bewaken, stelling nemen …).
///
/// Shares are counted over the items that name at least one role, so a programme that says little about
/// roles is not made to look like one that plays none.
public struct RoleProfiles: Codable, Sendable {
    /// How many items of one programme map to one canonical role.
    public struct RoleShare: Codable, Sendable, Hashable {
        public var roleID: String
        public var roleLabel: String
        /// Items mapped to this role in any position.
        public var itemCount: Int
        /// Items that have this role as their first (primary) role.
        public var primaryItemCount: Int
        /// `itemCount / itemsWithAnyRoleCount`, rounded half up to three decimals; nil when no item names a role.
        public var shareOfItemsWithAnyRole: Double?
    }

    /// An item the document itself presents as a role of the municipality, in its own words.
    public struct OwnRoleWord: Codable, Sendable, Hashable {
        public var itemID: String
        /// The document's words for the role.
        public var title: String
        public var description: String?
        /// The canonical roles the item maps to; primary first.
        public var roleIDs: [String]
        public var roleLabels: [String]
    }

    public struct Profile: Codable, Sendable {
        public var programme: ProgrammeColumn
        /// All items in scope, with or without a role.
        public var itemCount: Int
        /// Items that name at least one role: the denominator of every share.
        public var itemsWithAnyRoleCount: Int
        /// One entry per canonical role, in taxonomy order; roles no item names have a count of 0.
        public var roles: [RoleShare]
        /// Items whose native type is `rol`: the programme's own role words.
        public var ownRoleWords: [OwnRoleWord]
    }

    public var profiles: [Profile]

    public init(catalog: Catalog, scope: ComparisonScope) {
        let language = scope.language
        let taxonomy = catalog.taxonomy
        let rolePositions = Dictionary(
            taxonomy.roles.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        profiles = scope.programmes(in: catalog).map { programme in
            let tally = Self.tally(programme.items, rolePositions: rolePositions)
            let shares = taxonomy.roles.indices.map { position -> RoleShare in
                let role = taxonomy.roles[position]
                return RoleShare(
                    roleID: role.id, roleLabel: role.label.text(language), itemCount: tally.items[position],
                    primaryItemCount: tally.primaryItems[position],
                    shareOfItemsWithAnyRole: Ratio(tally.items[position], of: tally.itemsWithAnyRole).value(places: 3))
            }
            let ownWords = programme.items.filter { $0.nativeType.nl == Self.nativeRoleType }.map { item in
                OwnRoleWord(
                    itemID: item.localID, title: item.title, description: item.description, roleIDs: item.roles,
                    roleLabels: item.roles.map { taxonomy.label($0, in: .role, language) })
            }
            return Profile(
                programme: ProgrammeColumn(programme, catalog: catalog, language: language),
                itemCount: programme.items.count, itemsWithAnyRoleCount: tally.itemsWithAnyRole, roles: shares,
                ownRoleWords: ownWords)
        }
    }

    /// The native item type under which programmes state the municipality's roles in their own words.
    public static let nativeRoleType = "rol"

    /// Per role (by position in the taxonomy): the items naming it at all and the items naming it first.
    private struct Tally {
        var items: [Int]
        var primaryItems: [Int]
        var itemsWithAnyRole = 0
    }

    /// Counted in one pass over the items, read in place: asking every item about every role copied
    /// every item a dozen times, which for thousands of programmes was most of the view.
    private static func tally(_ items: [LocalItem], rolePositions: [String: Int]) -> Tally {
        var tally = Tally(
            items: Array(repeating: 0, count: rolePositions.count), primaryItems: Array(repeating: 0, count: rolePositions.count))
        items.withUnsafeBufferPointer { items in
            for index in items.indices where !items[index].roles.isEmpty {
                let roles = items[index].roles
                tally.itemsWithAnyRole += 1
                for (order, role) in roles.enumerated() {
                    guard let position = rolePositions[role], !roles[..<order].contains(role) else { continue }
                    tally.items[position] += 1
                    if order == 0 { tally.primaryItems[position] += 1 }
                }
            }
        }
        return tally
    }
}
