import Foundation

/// One timed step of the benchmark: how long it took and the process's peak memory once it was done.
struct StepResult {
    var name: String
    /// Wall-clock time: what the targets are about.
    var seconds: Double
    /// CPU time of the whole process: on a shared machine, shows whether a slow step was busy or waiting.
    var cpuSeconds: Double
    /// VmHWM after the step: the most resident memory the process has used so far.
    var peakBytes: Int?
    var detail: String
}

/// Times steps and remembers the results, in the order they ran.
struct Stopwatch {
    private(set) var results: [StepResult] = []
    private let clock = ContinuousClock()

    /// Runs `work`, records its time and the peak memory after it, and passes its value on.
    @discardableResult
    mutating func step<Value>(
        _ name: String, _ work: () throws -> Value, detail: (Value) -> String = { _ in "" }
    ) rethrows -> Value {
        var value: Value?
        let cpuBefore = ProcessMemory.cpuSeconds()
        let duration = try clock.measure { value = try work() }
        let cpu = ProcessMemory.cpuSeconds() - cpuBefore
        let result = value!
        results.append(
            StepResult(
                name: name, seconds: duration.seconds, cpuSeconds: cpu, peakBytes: ProcessMemory.peakResidentBytes(),
                detail: detail(result)))
        return result
    }

}

/// The parts of one view's step, timed separately so a slow view shows where its time goes.
struct ViewParts {
    private var timings: [String] = []
    private let clock = ContinuousClock()

    mutating func time<Value>(_ label: String, _ work: () throws -> Value) rethrows -> Value {
        var value: Value?
        let duration = try clock.measure { value = try work() }
        timings.append(String(format: "%@ %.3f", label, duration.seconds))
        return value!
    }

    func summary(outputBytes: Int) -> String {
        (timings + ["\(outputBytes / 1024) KiB out"]).joined(separator: " · ")
    }
}

extension Duration {
    var seconds: Double {
        let (whole, attoseconds) = components
        return Double(whole) + Double(attoseconds) / 1e18
    }
}

/// Reads the process's memory figures from `/proc/self/status` (Linux only; elsewhere there are none).
enum ProcessMemory {
    /// CPU time used by all threads of the process so far.
    static func cpuSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// VmHWM: peak resident set size, the figure the 200 MB target is about.
    static func peakResidentBytes() -> Int? {
        field("VmHWM")
    }

    private static func field(_ name: String) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix(name + ":") {
            let kilobytes = line.dropFirst(name.count + 1).split(whereSeparator: \.isWhitespace).first.flatMap {
                Int($0)
            }
            return kilobytes.map { $0 * 1024 }
        }
        return nil
    }
}

/// The machine the figures were measured on, so a reader can judge them.
enum MachineDescription {
    static func summary() -> String {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let load =
            (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))
            .map { $0.split(separator: " ").prefix(3).joined(separator: " ") } ?? "n/a"
        return "\(cores) cores, load average \(load)"
    }
}

/// Formats the results as an aligned text table.
enum ResultsTable {
    static func render(_ results: [StepResult]) -> String {
        let header = ["step", "seconds", "cpu s", "peak MiB", "detail"]
        let rows = results.map { result in
            [
                result.name, String(format: "%.3f", result.seconds), String(format: "%.3f", result.cpuSeconds),
                megabytes(result.peakBytes), result.detail,
            ]
        }
        var widths = header.map(\.count)
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                let padding = String(repeating: " ", count: widths[index] - cell.count)
                // Numbers right-aligned, text left-aligned.
                return (1...3).contains(index) ? padding + cell : cell + padding
            }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
        return
            ([line(header), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")] + rows.map(line))
            .joined(separator: "\n")
    }

    static func megabytes(_ bytes: Int?) -> String {
        bytes.map { String(format: "%.1f", Double($0) / 1_048_576) } ?? "n/a"
    }
}
