import Foundation

/// How a document speaks of money when it gives no amount with years: general Dutch wording, not any one
/// document's phrases. "Says nothing" is `unknown`, never `none`; `none` needs words saying so.
enum MoneyWords {
    static let money = ["budget", "begroting", "begroot", "middelen", "geld", "financ", "bedrag", "euro", "€", "kosten"]

    /// "geen apart budget", "geen eigen middelen", "budgetneutraal", "binnen de bestaande budgetten".
    static func saysNoOwnBudget(_ lowered: String) -> Bool {
        lowered.range(
            of: #"\bgeen\s+(apart|aparte|eigen|extra|specifiek|specifieke|afzonderlijk|afzonderlijke|nieuw|nieuwe|aanvullend|aanvullende)?\s*(budget|middelen|geld|begroting)"#,
            options: .regularExpression) != nil
            || lowered.contains("budgetneutraal")
            || lowered.range(of: #"\b(uit|binnen)\s+(de\s+)?bestaande\s+(budgetten|middelen|begroting)"#, options: .regularExpression) != nil
    }

    /// "hebben wel al geld gereserveerd", "middelen zijn beschikbaar gesteld": money named, amount not.
    static func saysReserved(_ lowered: String) -> Bool {
        ["gereserveerd", "beschikbaar gesteld", "beschikbaar", "vrijgemaakt", "opgenomen in de begroting", "begroot", "toegekend"]
            .contains { lowered.contains($0) }
    }
}
