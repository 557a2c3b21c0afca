import InclusieComparison
import InclusieModel

extension RoleProfiles: TabularView {
    public static var jsonParts: [JSONPart<Self>] { [JSONPart("profiles", \.profiles)] }

    /// Counts per programme and role, the shares side by side, and each programme's own role words.
    public func tables(catalog: Catalog, language: Language) -> [ResultTable] {
        let counts = profiles.flatMap { profile in
            profile.roles.map { role -> [TableCell] in
                [
                    .text(profile.programme.heading(language)), .text(role.roleLabel), .integer(role.itemCount),
                    .integer(role.primaryItemCount), .integer(profile.itemsWithAnyRoleCount),
                    share(role, of: profile),
                ]
            }
        }
        let countTable = ResultTable(
            title: phrase("Rolprofiel per programma", "Role profile by programme", language),
            columns: headings([
                "Programma": "Programme", "Rol": "Role", "Onderdelen met deze rol": "Items with this role",
                "Waarvan als hoofdrol": "Of which as primary role", "Onderdelen met een rol": "Items with any role",
                "Aandeel": "Share",
            ], language), rows: counts, notes: [shareNote(language)])

        let roleIDs = profiles.first?.roles.map(\.roleID) ?? catalog.taxonomy.roles.map(\.id)
        let matrixRows = roleIDs.map { roleID -> [TableCell] in
            [.text(catalog.taxonomy.label(roleID, in: .role, language))]
                + profiles.map { profile in
                    profile.roles.first { $0.roleID == roleID }.map { share($0, of: profile) } ?? .empty
                }
        }
        let matrix = ResultTable(
            title: phrase("Rollen naast elkaar (aandeel)", "Roles side by side (share)", language),
            columns: [phrase("Rol", "Role", language)] + profiles.map { $0.programme.heading(language) },
            rows: matrixRows, notes: [shareNote(language)])

        let wordRows = profiles.flatMap { profile in
            profile.ownRoleWords.map { word -> [TableCell] in
                [
                    .text(profile.programme.heading(language)), .text(word.title),
                    word.roleLabels.isEmpty ? .empty : .text(word.roleLabels.joined(separator: "; ")),
                ]
            }
        }
        let words = ResultTable(
            title: phrase("Eigen rolwoorden van de programma's", "The programmes' own role words", language),
            columns: headings([
                "Programma": "Programme", "Eigen woorden": "Own words",
                "Gekoppelde rollen (hoofdrol eerst)": "Mapped roles (primary first)",
            ], language), rows: wordRows,
            notes: [
                phrase(
                    "Onderdelen die het document zelf als rol van de gemeente noemt (type 'rol'); programma's zonder zo'n onderdeel ontbreken.",
                    "Items the document itself presents as a role of the municipality (type 'rol'); programmes without such items are absent.",
                    language)
            ])
        return [countTable, matrix, words]
    }

    private func share(_ role: RoleShare, of profile: Profile) -> TableCell {
        Ratio(role.itemCount, of: profile.itemsWithAnyRoleCount).decimalText(places: 3).map(TableCell.decimal) ?? .empty
    }

    private func shareNote(_ language: Language) -> String {
        phrase(
            "Aandeel: onderdelen met deze rol (op elke plaats) gedeeld door de onderdelen met minstens één rol. Eén onderdeel kan meerdere rollen hebben, dus de aandelen tellen op tot meer dan 1. Leeg: geen onderdeel noemt een rol.",
            "Share: items with this role (in any position) divided by the items with at least one role. An item can have several roles, so shares add up to more than 1. Empty: no item names a role.",
            language)
    }
}
