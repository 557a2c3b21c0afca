import Foundation
import InclusieComparison
import InclusieExport
import InclusieModel
import InclusiePlugins
import InclusieStore
import InclusieSynthetic

// Generates synthetic plugins for all 342 Dutch municipalities (or ten times as many), imports them and runs
// every view in this process and as a whole `inclusiebench compare` process (the median of three runs),
// timing each step and reading peak memory:
//
//     swift build -c release && swift run -c release inclusiebench-benchmark [--count 342] [--seed 342] [--views a,b] [--strict] [--keep]
//
// Exits non-zero when the synthetic plugins do not load cleanly; when a target is missed, only with
// `--strict`, because on a shared machine timings are noisy.

let options: BenchmarkOptions
do {
    options = try BenchmarkOptions(arguments: Array(CommandLine.arguments.dropFirst()))
} catch {
    stop("\(error)")
}

#if DEBUG
    print("warning: a debug build; the targets are for `swift run -c release inclusiebench-benchmark`\n")
#endif

// The real taxonomy, found from this file, so the benchmark runs from any working directory in a clone.
let repositoryMunicipalities = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("municipalities")
let taxonomyFile = repositoryMunicipalities.appendingPathComponent(PluginLoader.taxonomyFileName)
guard let taxonomy = PluginLoader().load(directory: repositoryMunicipalities.path).taxonomy else {
    stop("could not read the taxonomy at \(taxonomyFile.path)")
}

let workDirectory = FileManager.default.temporaryDirectory
    .appendingPathComponent("inclusiebench-benchmark-\(UUID().uuidString)")
let municipalitiesDirectory = workDirectory.appendingPathComponent("municipalities")
let sourcesDirectory = workDirectory.appendingPathComponent("sources")

print("inclusiebench benchmark: \(options.count) synthetic municipalities, seed \(options.seed)")
print("machine: \(MachineDescription.summary()); started \(ISO8601DateFormatter().string(from: Date()))")
print("working directory: \(workDirectory.path)\n")

/// Writes the synthetic plugins and their sources into the working directory.
func generate(_ stopwatch: inout Stopwatch) throws {
    try stopwatch.step("generate") {
        try SyntheticPlugins(taxonomy: taxonomy, seed: options.seed).write(
            count: options.count, municipalitiesDirectory: municipalitiesDirectory, sourcesDirectory: sourcesDirectory,
            taxonomyFile: taxonomyFile)
    } detail: {
        "\($0.municipalities) municipalities, \($0.programmes) programmes, \($0.items) items, \($0.quotes) quotes, \($0.bytes / 1024) KiB"
    }
}

/// Loads and checks the plugins, imports them and reads them back; only what was read back is returned, so the
/// views run with one catalog in memory, as `compare` does.
func importAndReadBack(_ stopwatch: inout Stopwatch) throws -> Catalog {
    let loaded = stopwatch.step(Steps.loadStep) {
        PluginLoader().load(directory: municipalitiesDirectory.path)
    } detail: {
        "\($0.programmes.count) programmes, \($0.diagnostics.count) diagnostics"
    }
    guard loaded.diagnostics.isEmpty else {
        stop(
            loaded.diagnostics.prefix(20).map(\.description).joined(separator: "\n")
                + "\nsynthetic plugins did not load cleanly; kept in \(workDirectory.path)")
    }
    let catalog = try loaded.catalog()

    let quoteProblems = stopwatch.step(Steps.quotesStep) {
        // Synthetic sources repeat their sentences: weak-quote warnings are expected, missing quotes are not.
        QuoteChecker(sourcesDirectory: sourcesDirectory.path).check(loaded.programmes).filter { $0.severity == .error }
    } detail: {
        "\($0.count) quotes not found"
    }
    guard quoteProblems.isEmpty else {
        stop(
            quoteProblems.prefix(20).map(\.description).joined(separator: "\n")
                + "\nsynthetic quotes missing from their sources; kept in \(workDirectory.path)")
    }

    let store = try Store(path: workDirectory.appendingPathComponent("benchmark.sqlite").path)
    try stopwatch.step(Steps.importStep) {
        try store.replaceAll(with: catalog)
    } detail: { _ in
        "\(catalog.programmes.map(\.items.count).reduce(0, +)) items"
    }
    // What `compare` does after a plugin changed: the same import over the rows of the last one.
    try stopwatch.step(Steps.reimportStep) {
        try store.replaceAll(with: catalog)
    } detail: { _ in
        "over the previous import's rows"
    }
    let stored = try stopwatch.step("read back") {
        try store.catalog()
    } detail: {
        "\($0.programmes.count) programmes"
    }
    guard stored == catalog else { stop("the catalog read back from SQLite differs from the one imported") }
    return stored
}

/// Every view as a user gets it from `compare <view> --format csv` and `--format json`: computed, then
/// rendered in that one format, each part timed. CSV includes flattening the view to its main table, the
/// one a CSV holds.
func runViews(on catalog: Catalog, _ stopwatch: inout Stopwatch) throws {
    for name in options.views {
        for format in ["csv", "json"] {
            var parts = ViewParts()
            try stopwatch.step(Steps.viewPrefix + name.rawValue + " as " + format) {
                let view = parts.time("build") { name.build(catalog: catalog, scope: ComparisonScope()) }
                guard format == "csv" else {
                    return try parts.time("json") { try view.json().count }
                }
                let table = parts.time("table") { view.mainTable(catalog: catalog, language: .nl) }
                return try parts.time("csv") { try table.map { try CSVRenderer.render($0, dialect: .excelNL).count } ?? 0 }
            } detail: {
                parts.summary(outputBytes: $0)
            }
        }
    }
}

/// Timed runs of each view process. The median is recorded: on a shared VM one run can take half as long
/// again as the next, and a single run decided whether a view near the target passed.
let processRuns = 3

/// Every view as one whole `inclusiebench compare <view> --format csv|json` process on the benchmark's database,
/// with that process's own time and peak memory: what a user waits for. The tool is the release build next
/// to this benchmark (`swift build -c release` builds both).
func runViewProcesses(_ stopwatch: inout Stopwatch) throws {
    let tool = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        .appendingPathComponent("inclusiebench").path
    guard FileManager.default.isExecutableFile(atPath: tool) else {
        print("note: no \(tool); build it with `swift build -c release` to time the views as whole processes\n")
        return
    }
    let database = workDirectory.appendingPathComponent("benchmark.sqlite").path
    let output = workDirectory.appendingPathComponent("view-output").path
    for name in options.views {
        for format in ["csv", "json"] {
            let arguments = [
                "compare", name.rawValue, "--format", format, "--db", database, "--municipalities",
                municipalitiesDirectory.path,
            ]
            // Once untimed, so that the file cache is warm as it is for a user's second command.
            _ = try ChildRun.run(tool, arguments, output: output)
            var runs: [ChildRun] = []
            for _ in 0..<processRuns {
                let run = try ChildRun.run(tool, arguments, output: output)
                guard run.status == 0 else { stop("inclusiebench \(arguments.joined(separator: " ")) failed (\(run.status))") }
                runs.append(run)
            }
            runs.sort { $0.seconds < $1.seconds }
            let median = runs[runs.count / 2]
            let range = String(format: "%.3f–%.3f s", runs[0].seconds, runs[runs.count - 1].seconds)
            stopwatch.record(
                StepResult(
                    name: Steps.processPrefix + name.rawValue + " as " + format, seconds: median.seconds,
                    cpuSeconds: median.cpuSeconds, peakBytes: runs.compactMap(\.peakBytes).max(),
                    detail: "whole process, median of \(processRuns) (\(range)) · \(median.outputBytes / 1024) KiB out"))
        }
    }
}

var stopwatch = Stopwatch()
do {
    try generate(&stopwatch)
    let catalog = try importAndReadBack(&stopwatch)
    try runViews(on: catalog, &stopwatch)
    try runViewProcesses(&stopwatch)
} catch {
    stop("benchmark failed: \(error)\n(files kept in \(workDirectory.path))")
}

print(ResultsTable.render(stopwatch.results))
let verdicts = Targets.check(stopwatch.results, scale: Targets.Scale(count: options.count))
print("\ntargets (\(MachineDescription.summary()) at the end):")
for verdict in verdicts {
    print("  \(verdict.line)")
}

if options.keep {
    print("\nfiles kept in \(workDirectory.path)")
} else {
    try? FileManager.default.removeItem(at: workDirectory)
}
if options.strict && verdicts.contains(where: { $0.passed == false }) {
    exit(1)
}
