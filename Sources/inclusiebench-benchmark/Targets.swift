import Foundation

/// Step names the targets refer to.
enum Steps {
    static let importStep = "import (SQLite file)"
    static let viewPrefix = "view "
}

/// What the issue asks of a release build on a 2-core machine, and the check against the measured steps.
enum Targets {
    static let importSeconds = 2.0
    static let viewSeconds = 0.5
    static let peakBytes = 200 * 1_048_576

    struct Verdict {
        /// Nil when there was nothing to measure (no views run, or no /proc on this system).
        var passed: Bool?
        var description: String

        var line: String {
            "\(passed.map { $0 ? "PASS" : "FAIL" } ?? "n/a ") \(description)"
        }
    }

    static func check(_ results: [StepResult]) -> [Verdict] {
        let importStep = results.first { $0.name == Steps.importStep }
        let views = results.filter { $0.name.hasPrefix(Steps.viewPrefix) }
        let slowViews = views.filter { $0.seconds >= viewSeconds }
        let slowest = views.max { $0.seconds < $1.seconds }
        let peak = results.compactMap(\.peakBytes).max()
        return [
            Verdict(
                passed: importStep.map { $0.seconds < importSeconds },
                description: String(
                    format: "import into SQLite %.3f s < %.1f s", importStep?.seconds ?? 0, importSeconds)),
            Verdict(
                passed: views.isEmpty ? nil : slowViews.isEmpty,
                description: slowViews.isEmpty
                    ? String(
                        format: "every view < %.1f s (slowest: %@ %.3f s)", viewSeconds, slowest?.name ?? "none",
                        slowest?.seconds ?? 0)
                    : String(format: "every view < %.1f s; slower: ", viewSeconds)
                        + slowViews.map { String(format: "%@ %.3f s", $0.name, $0.seconds) }.joined(separator: ", ")),
            Verdict(
                passed: peak.map { $0 < peakBytes },
                description: "peak memory (VmHWM) \(ResultsTable.megabytes(peak)) MiB < 200 MiB"),
        ]
    }
}
