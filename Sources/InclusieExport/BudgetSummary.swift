import InclusieComparison
import InclusieModel

extension BudgetOverview.ProgrammeBudget {
    /// One line on a programme's money, for cards in the report and on the web: amounts per year, per
    /// period and without years, with "not stated" kept apart from zero, or why there is no budget.
    public func summary(_ language: Language) -> String {
        func text(_ nl: String, _ en: String) -> String { language == .nl ? nl : en }
        guard budgetStated else {
            guard let reason = notStatedReason, budgetState == "none" else {
                return text("onbekend: het document zegt niets over geld", "unknown: the document says nothing about money")
            }
            return text("geen eigen begroting: ", "no budget of its own: ") + reason
        }
        let notStated = text("niet vermeld", "not stated")
        func amount(_ total: Money?, _ includesNotStated: Bool, _ precision: BudgetOverview.Precision?) -> String {
            var amount = total?.formatted(language) ?? notStated
            if total != nil, includesNotStated { amount += " + \(notStated)" }
            if let precision, precision != .exact { amount += " (\(precision.label.text(language)))" }
            return amount
        }
        let all =
            years.map { "\($0.year): \(amount($0.totalCents, $0.includesNotStated, $0.precision))" }
            + periods.map { "\($0.label): \(amount($0.totalCents, $0.includesNotStated, $0.precision))" }
            + (yearsNotStated.map { ["\($0.label): \(amount($0.totalCents, $0.includesNotStated, $0.precision))"] } ?? [])
        return all.isEmpty ? text("geen bedragen", "no amounts") : all.joined(separator: "; ")
    }
}
