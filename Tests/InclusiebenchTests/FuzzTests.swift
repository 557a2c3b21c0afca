import Dispatch
import Foundation
import InclusieExport
import InclusieModel
import InclusiePlugins
import InclusieStore
@testable import InclusieSynthetic
import Testing

/// Mutates the bundled plugins at random and checks what issue 8 asks of every input: no crash, no hang,
/// every refusal names a file, and a refused import leaves the database exactly as it was.
///
/// Seeded, so a failure can be replayed: the case number and seed are in the message. `swift test` runs a
/// few dozen cases; `.ci/fuzz.sh` runs thousands with `INCLUSIEBENCH_FUZZ_CASES` (see docs/robustness.md).
@Suite struct FuzzTests {
    static let environment = ProcessInfo.processInfo.environment
    static let caseCount = environment["INCLUSIEBENCH_FUZZ_CASES"].flatMap(Int.init) ?? 16
    static let seed = environment["INCLUSIEBENCH_FUZZ_SEED"].flatMap(UInt64.init) ?? 20_261_202
    /// Far above the slowest honest load in a debug build (well under a second); past it, the case hangs.
    static let deadline: DispatchTimeInterval = .seconds(20)

    @Test func mutatedPluginsNeverCrashHangOrTouchTheDatabaseWhenRefused() throws {
        let directory = try TestSupport.copyOfMunicipalities()
        let files = PluginLoader.pluginFiles(in: directory.path).sorted()
        let originals = try files.map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
        let store = try Store(path: directory.deletingLastPathComponent().appendingPathComponent("fuzz.sqlite").path)
        try store.replaceAll(with: try TestSupport.loadRealPlugins().catalog())
        var stored = try store.catalog()
        var random = SplitMix64(seed: Self.seed)
        var refused = 0
        var imported = 0
        for number in 0..<Self.caseCount {
            let index = Int(random.next() % UInt64(files.count))
            let mutation = PluginMutation.random(using: &random)
            try mutation.apply(to: originals[index]).write(to: URL(fileURLWithPath: files[index]))
            defer { try? originals[index].write(to: URL(fileURLWithPath: files[index])) }
            let replay = "case \(number) of seed \(Self.seed): \(mutation) in \(files[index])"

            guard let loaded = Self.loadWithinDeadline(directory.path) else {
                Issue.record("hang: \(replay)")
                return
            }
            for diagnostic in loaded.diagnostics {
                #expect(diagnostic.file.hasPrefix(directory.path), "a problem without its file: \(diagnostic) — \(replay)")
            }
            if let catalog = try? loaded.catalog() {
                do {
                    try store.replaceAll(with: catalog)
                } catch {
                    Issue.record("validate passed what the database refused: \(error) — \(replay)")
                    continue
                }
                stored = try store.catalog()
                let tables = ViewTables.tables(catalog: stored, language: .nl)
                let rendered = tables.map { TerminalRenderer.render($0.table, language: .nl) }.joined()
                #expect(!rendered.unicodeScalars.contains { $0.value == 0x1B }, "an escape reached the terminal — \(replay)")
                imported += 1
            } else {
                #expect(!loaded.errors.isEmpty)
                #expect(try store.catalog() == stored, "a refused import changed the database — \(replay)")
                refused += 1
            }
        }
        #expect(refused + imported == Self.caseCount)
        print("fuzz: \(Self.caseCount) cases of seed \(Self.seed): \(refused) refused, \(imported) imported")
    }

    /// Loads on another thread and gives up waiting after `deadline`, so a hang fails the test instead of
    /// stalling it.
    private static func loadWithinDeadline(_ directory: String) -> LoadedPlugins? {
        let box = ResultBox()
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            box.set(PluginLoader().load(directory: directory))
            done.signal()
        }
        guard done.wait(timeout: .now() + deadline) == .success else { return nil }
        return box.value
    }
}

/// The one loaded result handed from the loading thread to the waiting one.
private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: LoadedPlugins?

    func set(_ value: LoadedPlugins) { lock.withLock { stored = value } }
    var value: LoadedPlugins? { lock.withLock { stored } }
}

/// One random edit of a plugin file, of the kinds careless editing, broken copies and attackers make.
struct PluginMutation: CustomStringConvertible {
    enum Kind: CaseIterable {
        case deleteLine, duplicateLine, swapLines, truncate, insertAtLineStart, insertAfterColon, indent, dedent
        case replaceByte, replaceNumber
    }

    static let hostile: [String] = [
        "&a ", "*a ", "!!binary ", "!!int ", "~", "null", "\"", "'", "[", "{", "]", "}", ": ", "- ", "? ", "\t", "#",
        "\u{1B}[2J", "\u{202E}", "<script>alert(1)</script>", "=HYPERLINK(\"x\")", "9223372036854775807", "-1",
        "0x7E4", "46116860184273880", "../../../../etc/passwd", "\u{0}", "|", ">", "%YAML 1.1\n", "---\n", "...\n",
        String(repeating: "[", count: 200), "a1: &a1 [*a0, *a0]\n",
    ]

    var kind: Kind
    var position: UInt64
    var other: UInt64
    var snippet: String

    static func random(using random: inout SplitMix64) -> PluginMutation {
        let kinds = Kind.allCases
        return PluginMutation(
            kind: kinds[Int(random.next() % UInt64(kinds.count))], position: random.next(), other: random.next(),
            snippet: hostile[Int(random.next() % UInt64(hostile.count))])
    }

    var description: String { "\(kind) at \(position % 10_000) with \(snippet.debugDescription)" }

    func apply(to data: Data) -> Data {
        var lines = data.split(separator: 0x0A, omittingEmptySubsequences: false).map { Array($0) }
        let line = Int(position % UInt64(max(1, lines.count)))
        let otherLine = Int(other % UInt64(max(1, lines.count)))
        switch kind {
        case .deleteLine: lines.remove(at: line)
        case .duplicateLine: lines.insert(lines[line], at: line)
        case .swapLines: lines.swapAt(line, otherLine)
        case .truncate: return data.prefix(Int(position % UInt64(max(1, data.count))))
        case .insertAtLineStart:
            let indent = lines[line].prefix { $0 == 0x20 }
            lines[line] = Array(indent) + Array(snippet.utf8) + lines[line].dropFirst(indent.count)
        case .insertAfterColon:
            if let colon = lines[line].firstIndex(of: 0x3A) {
                lines[line].insert(contentsOf: Array((" " + snippet).utf8), at: colon + 1)
            } else {
                lines[line] += Array(snippet.utf8)
            }
        case .indent: lines[line] = [0x20, 0x20] + lines[line]
        case .dedent: lines[line] = Array(lines[line].drop { $0 == 0x20 })
        case .replaceByte:
            let bytes = lines[line]
            if !bytes.isEmpty { lines[line][Int(other % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: position >> 8) }
        case .replaceNumber:
            if let digit = lines[line].firstIndex(where: { (0x30...0x39).contains($0) }) {
                let end = lines[line][digit...].firstIndex { !(0x30...0x39).contains($0) } ?? lines[line].endIndex
                lines[line].replaceSubrange(digit..<end, with: Array(snippet.utf8))
            }
        }
        return Data(lines.joined(separator: [0x0A]))
    }
}
