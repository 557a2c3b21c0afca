import InclusieCharts
import InclusieComparison
import InclusieModel
import Plot

extension ReportBuilder {
    /// How programmes work (instruments) next to the role the municipality takes, with each programme's own
    /// role words underneath.
    mutating func instrumentsAndRoles() -> BodyNode {
        let instruments = instrumentTable()
        let roles = roleTable()
        let words = ownRoleWords()
        return section(
            "instruments-roles", text("Instrumenten en rollen naast elkaar", "Instruments and roles side by side"),
            [
                .div(
                    .class("side-by-side"),
                    .div(
                        .h3(.plain(text("Instrumenten: hoe programma's werken", "Instruments: how programmes work"))),
                        note(
                            text(
                                "Per cel het aantal onderdelen met dit instrument; de voetnoten wijzen naar hun citaten.",
                                "Per cell the number of items using this instrument; the footnotes point to their quotes.")),
                        instruments
                    ),
                    .div(
                        .h3(.plain(text("Rollen van de gemeente", "Roles of the municipality"))),
                        note(
                            text(
                                "Aandeel van de onderdelen met een rol dat deze rol noemt (een onderdeel kan meer rollen hebben), met het aantal onderdelen. Leeg: geen onderdeel noemt de rol.",
                                "Share of the items with a role that name this role (an item can have several), with the number of items. Empty: no item names the role."
                            )),
                        roles
                    )
                ),
                .h3(.plain(text("Eigen rolwoorden van de programma's", "The programmes' own role words"))),
                words,
            ])
    }

    private func programmeHeaderRow(_ first: String) -> Node<HTML.TableContext> {
        .thead(
            .tr(
                .th(.plain(first)),
                .forEach(programmes) { programme in
                    .th(.class(programme.adoptionStatus.isPolicy ? "programme" : "programme not-policy"), programmeHeading(programme))
                }
            ))
    }

    private mutating func instrumentTable() -> BodyNode {
        var rows: [Node<HTML.TableContext>] = []
        for entry in catalog.taxonomy.instruments {
            var cells: [Node<HTML.TableRowContext>] = [.th(.plain(entry.label.text(language)))]
            for programme in programmes {
                let items = Self.items(of: programme, mappedTo: entry.id, facet: .instrument)
                let references = cite(items.compactMap(\.evidence.first), of: programme)
                cells.append(
                    .td(
                        .class("tally heat-\(ChartPalette.heatLevel(items.count))"),
                        .if(!items.isEmpty, .group(.span(.class("figure"), .text(String(items.count))), references))
                    ))
            }
            rows.append(.tr(.group(cells)))
        }
        return .table(.class("heatmap"), programmeHeaderRow(text("Instrument", "Instrument")), .tbody(.group(rows)))
    }

    private mutating func roleTable() -> BodyNode {
        let profiles = RoleProfiles(catalog: catalog, scope: scope)
        var rows: [Node<HTML.TableContext>] = []
        for role in catalog.taxonomy.roles {
            var cells: [Node<HTML.TableRowContext>] = [.th(.plain(role.label.text(language)))]
            for programme in programmes {
                let profile = profiles.profiles.first { $0.programme.key == programme.key }
                let share = profile?.roles.first { $0.roleID == role.id }
                let percent = share.flatMap { share in
                    Ratio(share.itemCount, of: profile?.itemsWithAnyRoleCount ?? 0).scaled(places: 2)
                }
                guard let share, share.itemCount > 0, let percent else {
                    cells.append(.td(.class("tally heat-0")))
                    continue
                }
                let items = programme.items.filter { $0.roles.contains(role.id) }
                cells.append(
                    .td(
                        .class("tally heat-\(Self.shareLevel(percent))"),
                        .span(.class("figure"), .text("\(percent)% (\(share.itemCount))")),
                        cite(items.compactMap(\.evidence.first), of: programme)
                    ))
            }
            rows.append(.tr(.group(cells)))
        }
        return .table(.class("heatmap"), programmeHeaderRow(text("Rol", "Role")), .tbody(.group(rows)))
    }

    private mutating func ownRoleWords() -> BodyNode {
        var rows: [Node<HTML.TableContext>] = []
        for programme in programmes {
            let roleItems = programme.items.filter { $0.nativeType.nl == RoleProfiles.nativeRoleType }
            for item in roleItems {
                let roles = item.roles.map { catalog.taxonomy.label($0, in: .role, language) }.joined(separator: "; ")
                rows.append(
                    .tr(
                        .td(.plain(column(programme).shortName)),
                        .td(.plain(item.displayLabel), cite(Array(item.evidence.prefix(1)), of: programme)),
                        .td(.plain(roles))
                    ))
            }
        }
        guard !rows.isEmpty else {
            return note(text("Geen programma in deze selectie noemt rollen in eigen woorden.", "No programme in this selection names roles in its own words."))
        }
        return .table(
            .thead(
                .tr(
                    .th(.plain(text("Programma", "Programme"))),
                    .th(.plain(text("Eigen woorden", "Own words"))),
                    .th(.plain(text("Gekoppelde rollen (hoofdrol eerst)", "Mapped roles (primary first)")))
                )),
            .tbody(.group(rows)))
    }

    /// Heat for a percentage: none, under 15, under 30, under 50, and half or more.
    static func shareLevel(_ percent: Int) -> Int {
        switch percent {
        case ..<1: 0
        case ..<15: 1
        case ..<30: 2
        case ..<50: 3
        default: 4
        }
    }
}
