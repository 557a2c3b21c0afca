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

    /// Records a step measured elsewhere, such as another process.
    mutating func record(_ result: StepResult) {
        results.append(result)
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

/// One run of another program, measured as a user meets it: wall time, and the CPU time and peak memory
/// of that process alone, its output written to a file so that writing it costs what it costs.
///
/// The program runs under GNU time (`/usr/bin/time`, Debian's `time`): a child started straight from this
/// benchmark reports the benchmark's own peak memory as its `ru_maxrss` on Linux (it starts as a copy of
/// it), while one forked by the small `time` process reports its own.
struct ChildRun {
    var seconds: Double
    var cpuSeconds: Double
    /// Nil without GNU time.
    var peakBytes: Int?
    var outputBytes: Int
    var status: Int32

    static let gnuTime = "/usr/bin/time"

    static func run(_ executable: String, _ arguments: [String], output: String) throws -> ChildRun {
        let usageFile = output + ".usage"
        let timed = FileManager.default.isExecutableFile(atPath: gnuTime)
        let program = timed ? gnuTime : executable
        let argv = (timed ? [gnuTime, "-f", "%U %S %M", "-o", usageFile, executable] : [executable]) + arguments
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let cArguments = argv.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        let clock = ContinuousClock()
        let start = clock.now
        var pid = pid_t()
        let spawned = posix_spawn(&pid, program, &actions, nil, cArguments, environ)
        guard spawned == 0 else { throw ChildError(message: "could not start \(program) (error \(spawned))") }
        var status: Int32 = 0
        var usage = rusage()
        guard wait4(pid, &status, 0, &usage) == pid else { throw ChildError(message: "lost \(program)") }
        let seconds = (clock.now - start).seconds
        func time(_ value: timeval) -> Double { Double(value.tv_sec) + Double(value.tv_usec) / 1e6 }
        var cpuSeconds = time(usage.ru_utime) + time(usage.ru_stime)
        var peakBytes: Int?
        if timed, let text = try? String(contentsOfFile: usageFile, encoding: .utf8),
            let line = text.split(separator: "\n").last
        {
            // The last line: user and system seconds and the peak resident set in kilobytes.
            let fields = line.split(separator: " ").compactMap { Double($0) }
            if fields.count == 3 {
                cpuSeconds = fields[0] + fields[1]
                peakBytes = Int(fields[2]) * 1024
            }
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: output)[.size] as? Int) ?? 0
        return ChildRun(
            seconds: seconds, cpuSeconds: cpuSeconds, peakBytes: peakBytes, outputBytes: size,
            status: (status >> 8) & 0xFF)
    }
}

struct ChildError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
