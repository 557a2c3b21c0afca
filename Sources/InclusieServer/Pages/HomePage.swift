import InclusieCharts
import InclusieModel
import Plot

/// The programmes as cards, with filters by kind, adoption status, province and size class.
struct HomePage {
    static let parameters = ["kind", "status", "province", "size", "page"]
    static let pageSize = 24

    let data: SiteData
    let layout: Layout

    func render() throws(PageError) -> String {
        let catalog = data.catalog
        let query = layout.query
        let kinds = uniqueSorted(catalog.programmes.map { ($0.kind.id, $0.kind.label.text(layout.language)) })
        let statuses = uniqueSorted(catalog.programmes.map { ($0.adoptionStatus.rawValue, $0.adoptionStatus.label.text(layout.language)) })
        let provinces = uniqueSorted(catalog.municipalities.compactMap { $0.province.map { ($0, $0) } })
        let sizes = SizeClass.allCases.map { (value: $0.rawValue, label: $0.label(layout.language)) }
        let kind = try query.choice("kind", among: kinds.map(\.value))
        let status = try query.choice("status", among: statuses.map(\.value))
        let province = try query.choice("province", among: provinces.map(\.value))
        let size = try query.choice("size", among: sizes.map(\.value))

        let programmes = catalog.programmes.filter { programme in
            (kind == nil || programme.kind.id == kind)
                && (status == nil || programme.adoptionStatus.rawValue == status)
                && (province == nil || catalog.municipality(programme.municipalitySlug)?.province == province)
                && (size == nil || data.sizeClass(of: programme)?.rawValue == size)
        }
        let pageCount = max(1, (programmes.count + Self.pageSize - 1) / Self.pageSize)
        let page = try query.page(last: pageCount)
        let shown = programmes.dropFirst((page - 1) * Self.pageSize).prefix(Self.pageSize)

        let title = layout.text("Inclusieprogramma's van gemeenten", "Municipalities' inclusion programmes")
        return layout.page(
            title: title,
            .h1(.plain(title)),
            .p(
                .plain(
                    layout.text(
                        "\(catalog.programmes.count) programma's van \(catalog.municipalities.count) gemeenten. Kies een programma voor zijn onderdelen en citaten, of vergelijk ze per thema.",
                        "\(catalog.programmes.count) programmes of \(catalog.municipalities.count) municipalities. Choose a programme for its items and quotes, or compare them by theme."
                    ))),
            layout.form(
                id: "filters", action: "/", legend: layout.text("Filters", "Filters"),
                [
                    layout.select("kind", label: layout.text("Soort", "Kind"), options: kinds, selected: kind),
                    layout.select("status", label: layout.text("Status", "Status"), options: statuses, selected: status),
                    layout.select("province", label: layout.text("Provincie", "Province"), options: provinces, selected: province),
                    layout.select("size", label: layout.text("Grootte", "Size"), options: sizes, selected: size),
                ]),
            .p(
                .id("result-count"), .attribute(named: "role", value: "status"),
                .plain(layout.text("\(programmes.count) programma's gevonden.", "\(programmes.count) programmes found."))),
            programmes.isEmpty
                ? layout.empty("Geen programma past bij deze filters.", "No programme matches these filters.")
                : tag("ul", [("class", "cards")], children: shown.map(card)),
            layout.pagination(page: page, pageCount: pageCount))
    }

    private func card(_ programme: Programme) -> BodyNode {
        let municipality = data.catalog.municipality(programme.municipalitySlug)?.name ?? programme.municipalitySlug
        let period = programme.period?.label(layout.language) ?? layout.text("niet vermeld", "not stated")
        let author = programme.author.name + (programme.author.type == .party ? layout.text(" (politieke partij)", " (political party)") : "")
        let facts: [(String, String)] = [
            (layout.text("Soort", "Kind"), programme.kind.label.text(layout.language)),
            (layout.text("Auteur", "Author"), author),
            (layout.text("Status", "Status"), programme.adoptionStatus.label.text(layout.language)),
            (layout.text("Looptijd", "Period"), period),
            (layout.text("Begroting", "Budget"), data.budgets[programme.key]?.summary(layout.language) ?? ""),
            (layout.text("Onderdelen", "Items"), String(programme.items.count)),
        ]
        return tag(
            "li", [("class", programme.adoptionStatus.isPolicy ? "card" : "card not-policy")],
            .h2(layout.link("\(municipality): \(programme.label)", to: programmePath(programme), class: "programme-link")),
            .p(.class("marks"), .forEach(marks(programme)) { .span(.class("mark"), .plain($0)) }),
            .dl(.forEach(facts) { label, value in .group(.dt(.plain(label)), .dd(.plain(value))) }))
    }

    /// Words that warn before anything is read: a draft, a partial model, input that is not policy.
    private func marks(_ programme: Programme) -> [String] {
        var marks: [String] = []
        if programme.isDraft {
            marks.append(layout.text("concept: \(programme.unreviewedSuggestions) suggesties niet nagekeken", "draft: \(programme.unreviewedSuggestions) suggestions not reviewed"))
        }
        if programme.coverage.isPartial { marks.append(layout.text("gedeeltelijk", "partial")) }
        if !programme.adoptionStatus.isPolicy { marks.append(layout.text("geen beleid", "not policy")) }
        return marks
    }

    private func uniqueSorted(_ pairs: [(String, String)]) -> [(value: String, label: String)] {
        var seen: Set<String> = []
        return pairs.filter { seen.insert($0.0).inserted }.sorted { $0.1 < $1.1 }.map { (value: $0.0, label: $0.1) }
    }
}

/// Where a programme's page is: `/programmes/<municipality>/<programme id>`.
func programmePath(_ programme: Programme) -> String {
    "/programmes/" + programme.key
}
