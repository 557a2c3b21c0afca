import InclusieComparison
import InclusieModel

/// A comparison result that can be shown as one or more tables (terminal, Markdown, CSV) and as JSON.
public protocol TabularView: Encodable, Sendable {
    /// Every table of the view, the main one first.
    func tables(catalog: Catalog, language: Language) -> [ResultTable]
    /// The first of `tables`, alone: all that one CSV of the view holds. A view whose other tables take
    /// time to build (thousands of rows at 3,420 municipalities) makes this one without them.
    func mainTable(catalog: Catalog, language: Language) -> ResultTable?
}

extension TabularView {
    public func mainTable(catalog: Catalog, language: Language) -> ResultTable? {
        tables(catalog: catalog, language: language).first
    }
}

extension CoverageMatrix: TabularView {
    public func tables(catalog: Catalog, language: Language) -> [ResultTable] {
        tables(taxonomy: catalog.taxonomy, language: language)
    }

    public func mainTable(catalog: Catalog, language: Language) -> ResultTable? {
        matrixTable(language: language)
    }
}

/// Every comparison view by name: what `compare`, `export` and the report iterate over.
public enum ViewName: String, CaseIterable, Sendable {
    case themes
    case instruments
    case roles
    case budgets
    case proposals
    case similarity
    case timeline

    /// The parts of the catalog the view reads: a catalog with only these gives the same view, to the byte.
    public var parts: CatalogParts {
        switch self {
        case .themes: [.items, .itemText, .itemThemes]
        case .instruments: [.items, .itemText, .itemInstruments]
        case .roles: [.items, .itemText, .itemRoles, .itemDescriptions]
        case .budgets: [.budgets, .population]
        case .proposals: [.items, .itemText, .itemThemes, .itemTargetGroups, .itemEvidence]
        case .similarity: [.items, .itemThemes]
        case .timeline: [.items, .itemText, .itemYears]
        }
    }

    /// The programmes the view reads: a catalog with only these gives the same view, to the byte.
    public var programmes: ProgrammeSelection {
        self == .proposals ? .municipalitiesWithPartyProgrammes : .all
    }

    /// Computes the view with its default settings for the whole scope.
    public func build(catalog: Catalog, scope: ComparisonScope) -> any TabularView {
        switch self {
        case .themes: CoverageMatrix(facet: .theme, catalog: catalog, scope: scope)
        case .instruments: CoverageMatrix(facet: .instrument, catalog: catalog, scope: scope)
        case .roles: RoleProfiles(catalog: catalog, scope: scope)
        case .budgets: BudgetOverview(catalog: catalog, scope: scope)
        case .proposals: ProposalCoverage(catalog: catalog, scope: scope)
        case .similarity: ThemeSimilarity(catalog: catalog, scope: scope)
        case .timeline: ActionTimeline(catalog: catalog, scope: scope)
        }
    }
}

/// The views' large arrays, written on all cores as JSON (`JSONParallelArray`).
extension CoverageMatrix.Row: JSONIndependentElement {}

extension ProposalCoverage.Proposal: JSONHandWritten {
    func writeJSON(into output: JSONOutput, depth: Int) {
        var object = JSONObjectWriter(output: output, depth: depth)
        object.key("matches")
        output.writeArray(matches, depth: object.valueDepth) { match, depth in match.writeJSON(into: output, depth: depth) }
        if let number {
            object.key("number")
            output.writeString(number)
        }
        if let primaryThemeID {
            object.key("primaryThemeID")
            output.writeString(primaryThemeID)
        }
        if let primaryThemeLabel {
            object.key("primaryThemeLabel")
            output.writeString(primaryThemeLabel)
        }
        object.key("proposalID")
        output.writeString(proposalID)
        if let quote {
            object.key("quote")
            output.writeString(quote)
        }
        object.key("secondaryThemeIDs")
        output.writeStrings(secondaryThemeIDs, depth: object.valueDepth)
        if let sectionNumber {
            object.key("sectionNumber")
            output.writeString(sectionNumber)
        }
        if let sectionTitle {
            object.key("sectionTitle")
            output.writeString(sectionTitle)
        }
        object.key("targetGroupIDs")
        output.writeStrings(targetGroupIDs, depth: object.valueDepth)
        object.key("title")
        output.writeString(title)
        object.key("verdict")
        output.writeString(verdict.rawValue)
        object.key("verdictLabel")
        output.writeString(verdictLabel)
        object.close()
    }
}

extension ProposalCoverage.Match: JSONHandWritten {
    func writeJSON(into output: JSONOutput, depth: Int) {
        var object = JSONObjectWriter(output: output, depth: depth)
        object.key("itemID")
        output.writeString(itemID)
        object.key("itemLabel")
        output.writeString(itemLabel)
        object.key("itemNativeType")
        output.writeString(itemNativeType)
        object.key("itemStatus")
        output.writeString(itemStatus)
        object.key("itemStatusLabel")
        output.writeString(itemStatusLabel)
        if let quote {
            object.key("quote")
            output.writeString(quote)
        }
        object.key("reason")
        output.writeString(reason.rawValue)
        if let section {
            object.key("section")
            output.writeString(section)
        }
        object.key("sharedTargetGroupIDs")
        output.writeStrings(sharedTargetGroupIDs, depth: object.valueDepth)
        object.key("sharedThemeIDs")
        output.writeStrings(sharedThemeIDs, depth: object.valueDepth)
        object.key("strength")
        output.writeString(strength.rawValue)
        object.close()
    }
}

extension CoverageMatrix.Cell: JSONHandWritten {
    func writeJSON(into output: JSONOutput, depth: Int) {
        var object = JSONObjectWriter(output: output, depth: depth)
        object.key("count")
        output.writeNumber(count)
        object.key("localLabels")
        output.writeStrings(localLabels, depth: object.valueDepth)
        object.key("primaryCount")
        output.writeNumber(primaryCount)
        object.key("programme")
        output.writeString(programme)
        object.close()
    }
}
extension CoverageMatrix.Profile: JSONIndependentElement {}
extension ProgrammeColumn: JSONIndependentElement {}
extension RoleProfiles.Profile: JSONIndependentElement {}
extension BudgetOverview.ProgrammeBudget: JSONIndependentElement {}
extension ProposalCoverage.Comparison: JSONIndependentElement {}
extension ThemeSimilarity.NearestPeer: JSONIndependentElement {}
extension ActionTimeline.ProgrammeRows: JSONIndependentElement {}
