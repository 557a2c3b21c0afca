import Foundation

/// Step names the targets refer to.
enum Steps {
    static let loadStep = "load + validate"
    static let quotesStep = "check quotes"
    static let importStep = "import (SQLite file)"
    static let reimportStep = "import again (same file)"
    static let viewPrefix = "view "
    static let processPrefix = "process compare "
}

/// What issue 30 asks of a release build on a 2-core machine, and the check against the measured steps.
///
/// The 342 municipalities of the Netherlands are the real scale: every view a user waits for under 0.3 s,
/// validating and importing all of them under 3 s each. Ten times as many (3,420) only guards against
/// cost that grows faster than the data: every view under 3 s and 600 MB. The import at 3,420 has no
/// target: SQLite's own checked copy needs more than 3 s on this machine.
enum Targets {
    enum Scale {
        case municipalities342
        case tenfold

        /// Counts from 1,000 on are held to the tenfold targets.
        init(count: Int) {
            self = count >= 1000 ? .tenfold : .municipalities342
        }
    }

    struct Verdict {
        /// Nil when there was nothing to measure (no views run, or no /proc on this system).
        var passed: Bool?
        var description: String

        var line: String {
            "\(passed.map { $0 ? "PASS" : "FAIL" } ?? "n/a ") \(description)"
        }
    }

    static func check(_ results: [StepResult], scale: Scale) -> [Verdict] {
        let processes = results.filter { $0.name.hasPrefix(Steps.processPrefix) }
        switch scale {
        case .municipalities342:
            let views = results.filter { $0.name.hasPrefix(Steps.viewPrefix) }
            let validating = results.filter { $0.name == Steps.loadStep || $0.name == Steps.quotesStep }
            let validatingSeconds = validating.map(\.seconds).reduce(0, +)
            return [
                Verdict(
                    passed: validating.count == 2 ? validatingSeconds <= 3 : nil,
                    description: String(format: "load + validate + check quotes %.3f s ≤ 3.0 s", validatingSeconds)),
                importVerdict(results, atMost: 3),
                slowest(views, atMost: 0.3, what: "every view"),
                slowest(processes, atMost: 0.3, what: "every view as a whole process"),
                Verdict(
                    passed: results.filter { !$0.name.hasPrefix(Steps.processPrefix) }.compactMap(\.peakBytes).max()
                        .map { $0 < 200 * 1_048_576 },
                    description:
                        "peak memory of the benchmark (VmHWM) \(ResultsTable.megabytes(results.filter { !$0.name.hasPrefix(Steps.processPrefix) }.compactMap(\.peakBytes).max())) MiB < 200 MiB"
                ),
            ]
        case .tenfold:
            let peak = processes.max { ($0.peakBytes ?? 0) < ($1.peakBytes ?? 0) }
            return [
                slowest(processes, atMost: 3, what: "every view as a whole process"),
                Verdict(
                    passed: processes.isEmpty || processes.contains { $0.peakBytes == nil }
                        ? nil : (peak?.peakBytes ?? 0) <= 600_000_000,
                    description:
                        "peak memory of every view process ≤ 600 MB (largest: \(peak?.name ?? "none") \((peak?.peakBytes ?? 0) / 1_000_000) MB)"
                ),
            ]
        }
    }

    private static func importVerdict(_ results: [StepResult], atMost seconds: Double) -> Verdict {
        let step = results.first { $0.name == Steps.importStep }
        return Verdict(
            passed: step.map { $0.seconds <= seconds },
            description: String(format: "import into SQLite %.3f s ≤ %.1f s", step?.seconds ?? 0, seconds))
    }

    private static func slowest(_ steps: [StepResult], atMost seconds: Double, what: String) -> Verdict {
        let slow = steps.filter { $0.seconds > seconds }
        let slowest = steps.max { $0.seconds < $1.seconds }
        return Verdict(
            passed: steps.isEmpty ? nil : slow.isEmpty,
            description: slow.isEmpty
                ? String(
                    format: "%@ ≤ %.1f s (slowest: %@ %.3f s)", what, seconds, slowest?.name ?? "none",
                    slowest?.seconds ?? 0)
                : String(format: "%@ ≤ %.1f s; slower: ", what, seconds)
                    + slow.map { String(format: "%@ %.3f s", $0.name, $0.seconds) }.joined(separator: ", "))
    }
}
