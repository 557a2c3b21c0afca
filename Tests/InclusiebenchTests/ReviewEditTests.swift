import InclusieModel
import InclusiePlugins
import InclusieReview
import Testing

/// Issue 33: the review's edits of a programme's own fields and budget, on the plain tree, without files.
@Suite struct ReviewEditTests {
    /// A small action programme with one budget line, in the drafter's layout.
    static let programme = """
        kind: action-programme
        id: plan
        title: "Plan"
        author:
          type: municipality
          name: "Gemeente Voorbeeld"
        adoption_status: adopted
        source: "plan.txt"
        review: suggested
        budget:
          lines:
            - id: b-1
              label: "Campagne"
              kind: own-programme-money
              precision: exact
              amounts:
                2025: 100
              evidence:
                - quote: "Campagne 100"
                  section: "Begroting"

        execution_lines:
          - id: d-1
            title: "Campagne"
            themes: [discrimination-reporting]
            evidence:
              - quote: "Campagne"
                section: "Discriminatie"

        """

    @Test func theAuthorTypeIsSetBeforeTheName() throws {
        let value = try ReviewEdit.setProgrammeFields(
            title: "Plan", authorType: .party, authorName: "Partij Voorbeeld", adoptionStatus: "election-programme", from: 2026, to: nil
        ).apply(to: try YAMLValue(yaml: Self.programme))
        #expect(value["author"]?.entries.map(\.key) == ["type", "name"])
        #expect(value["author"]?["type"]?.string == "party")
        #expect(YAMLValueWriter.yaml(value).contains("author:\n  type: party\n  name: \"Partij Voorbeeld\"\n"))
    }

    @Test func aBudgetLinesKindLabelAndPrecisionChangeWhereTheyStand() throws {
        let value = try ReviewEdit.setBudgetLine(["budget", "lines", "b-1"], kind: .staff, label: "Personeel", precision: .indicative)
            .apply(to: try YAMLValue(yaml: Self.programme))
        let line = try #require(value.value(at: ["budget", "lines", "b-1"]))
        #expect(line.entries.map(\.key) == ["id", "label", "kind", "precision", "amounts", "evidence"])
        #expect(line["kind"]?.string == "staff" && line["label"]?.string == "Personeel" && line["precision"]?.string == "indicative")
        #expect(throws: ReviewError.self) {
            try ReviewEdit.setBudgetLine(["execution_lines", "d-1"], kind: .staff, label: "X", precision: .exact).apply(to: value)
        }
    }

    /// A line has one of the three shapes of money: setting one takes the others away, in its place.
    @Test func aBudgetLinesAmountsTakeOneShapeAtATime() throws {
        let path = ["budget", "lines", "b-1"]
        let drafted = try YAMLValue(yaml: Self.programme)
        let period = try ReviewEdit.setAmounts(path, .period(from: 2025, to: 2027, euros: "1700000")).apply(to: drafted)
        let line = { (value: YAMLValue) in try #require(value.value(at: path)) }
        #expect(try line(period).entries.map(\.key) == ["id", "label", "kind", "precision", "period_amount", "evidence"])
        #expect(YAMLValueWriter.yaml(period).contains("      period_amount: { from: 2025, to: 2027, amount: 1700000 }\n"))
        let undated = try ReviewEdit.setAmounts(path, .undated(euros: "145000.50")).apply(to: period)
        #expect(try line(undated).entries.map(\.key) == ["id", "label", "kind", "precision", "undated_amount", "evidence"])
        #expect(try line(undated)["undated_amount"]?.string == "145000.50")
        let perYear = try ReviewEdit.setAmounts(path, .perYear([YearAmount(year: 2026, euros: "20000")])).apply(to: undated)
        #expect(try line(perYear).entries.map(\.key) == ["id", "label", "kind", "precision", "amounts", "evidence"])
        #expect(try line(ReviewEdit.setAmounts(path, .perYear([])).apply(to: perYear)).entries.map(\.key) == ["id", "label", "kind", "precision", "evidence"])
    }

    /// Lines are never dropped by a change of state; without them, `unknown` and `none` with its quote.
    @Test func theBudgetStateChangesOnlyWithoutLines() throws {
        let drafted = try YAMLValue(yaml: Self.programme)
        #expect(throws: ReviewError.self) { try ReviewEdit.setBudget(.unknown).apply(to: drafted) }
        let withoutLines = try ReviewEdit.remove(["budget", "lines", "b-1"]).apply(to: drafted)
        let unknown = try ReviewEdit.setBudget(.unknown).apply(to: withoutLines)
        #expect(unknown["budget"] == .scalar("unknown", quoted: false))
        #expect(throws: ReviewError.self, "no budget is stated without a quote") {
            try ReviewEdit.setBudget(.none(reason: "Geen geld.", quote: nil)).apply(to: unknown)
        }
        let none = try ReviewEdit.setBudget(.none(reason: "Geen geld.", quote: Evidence(quote: "Er is geen geld.", section: "Geld"))).apply(to: unknown)
        #expect(none["budget"]?.entries.map(\.key) == ["none", "evidence"])
        let again = try ReviewEdit.setBudget(.none(reason: "Geen eigen geld.", quote: nil)).apply(to: none)
        #expect(again["budget"]?["none"]?.string == "Geen eigen geld.")
        #expect(again["budget"]?["evidence"] == none["budget"]?["evidence"], "a new reason keeps the quote")
        #expect(YAMLValueWriter.yaml(again).contains("budget:\n  none: \"Geen eigen geld.\"\n  evidence:\n    - quote: \"Er is geen geld.\"\n      section: \"Geld\"\n"))
        #expect(try ReviewEdit.setBudget(.unknown).apply(to: again)["budget"] == .scalar("unknown", quoted: false))
        // Saved right after its last line went, the budget reads back as `budget: {}`; a statement is block style all the same.
        let reread = try YAMLValue(yaml: YAMLValueWriter.yaml(withoutLines))
        let stated = try ReviewEdit.setBudget(.none(reason: "Geen geld.", quote: Evidence(quote: "Er is geen geld.", section: "Geld"))).apply(to: reread)
        #expect(YAMLValueWriter.yaml(stated).contains("budget:\n  none: \"Geen geld.\"\n  evidence:\n"))
    }
}
