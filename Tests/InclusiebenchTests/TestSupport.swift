import Foundation
import InclusieModel
import InclusiePlugins
import InclusieSynthetic
import Testing

/// Paths and fixtures shared by the tests: the real plugin folders, the shared sources, temp copies.
enum TestSupport {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let municipalities = repositoryRoot.appendingPathComponent("municipalities").path
    static let sources = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/sources").path

    /// Tests that read `../shared/sources` skip on a plain clone, but must run when `CI` is set.
    static var sourcesAvailable: Bool { FileManager.default.fileExists(atPath: sources) }
    static var mustReadSources: Bool { sourcesAvailable || ProcessInfo.processInfo.environment["CI"] != nil }
    static let sourcesSkipReason: Comment =
        "../shared/sources is not here (a plain clone): quote checks skipped; they run whenever CI is set"

    /// The built `inclusiebench` executable, next to the test bundle.
    static var executable: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("inclusiebench")
    }

    static func loadRealPlugins() throws -> LoadedPlugins {
        let loaded = PluginLoader().load(directory: municipalities)
        try #require(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        return loaded
    }

    /// A new empty folder for one test, inside `scratchRoot`.
    static func temporaryDirectory() throws -> URL {
        let url = scratchRoot.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The one folder this test process keeps its tests' folders in, removed when the process exits.
    ///
    /// One place to clean up rather than a `defer` in each of some forty tests: test runs had left thousands of
    /// folders behind in the temporary directory.
    private static let scratchRoot: URL = {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent(
            "inclusiebench-tests-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))")
        atexit { try? FileManager.default.removeItem(at: TestSupport.scratchRoot) }
        return root
    }()

    /// The catalog of `count` synthetic municipalities (seed 11), loaded with no diagnostic: enough, at 30,
    /// for a few party programmes, which the proposals view needs.
    static func syntheticCatalog(count: Int = 30) throws -> Catalog {
        let taxonomy = try #require(PluginLoader().load(directory: municipalities).taxonomy)
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let folder = directory.appendingPathComponent("municipalities")
        try SyntheticPlugins(taxonomy: taxonomy, seed: 11).write(
            count: count, municipalitiesDirectory: folder, sourcesDirectory: directory.appendingPathComponent("sources"),
            taxonomyFile: URL(fileURLWithPath: municipalities).appendingPathComponent("taxonomy.yaml"))
        let loaded = PluginLoader().load(directory: folder.path)
        try #require(loaded.diagnostics.isEmpty, "\(loaded.diagnostics.prefix(3))")
        return try loaded.catalog()
    }

    /// A copy of the real municipalities folder to break on purpose.
    static func copyOfMunicipalities() throws -> URL {
        let target = try temporaryDirectory().appendingPathComponent("municipalities")
        try FileManager.default.copyItem(atPath: municipalities, toPath: target.path)
        return target
    }

    /// A loopback port the system has just handed out and released, so two test runs do not collide.
    static func freePort() throws -> Int {
        let probe = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(probe) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(probe, $0, length) == 0 && getsockname(probe, $0, &length) == 0 }
        }
        try #require(bound)
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Whether `call` (a `bind` or `connect`) succeeds with the loopback address at `port`.
    static func atLoopback(port: Int, _ call: (UnsafePointer<sockaddr>, socklen_t) -> Int32) -> Bool {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { call($0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }

    /// The real plugins loaded from a copy in which `file` was changed; the change must change something.
    static func load(editing file: String, _ change: (String) -> String) throws -> LoadedPlugins {
        let directory = try copyOfMunicipalities()
        let path = directory.appendingPathComponent(file)
        let text = try String(contentsOf: path, encoding: .utf8)
        let changed = change(text)
        try #require(changed != text, "the edit did not change \(file)")
        try Data(changed.utf8).write(to: path)
        return PluginLoader().load(directory: directory.path)
    }

    /// Runs the CLI and returns its exit status, standard output and standard error.
    @discardableResult
    static func run(_ arguments: [String], in directory: URL? = nil) throws -> (status: Int32, output: String, error: String) {
        try runTool(executable.path, arguments, in: directory)
    }

    /// Runs the CLI on a fixture's plugins and database, expecting success, and returns its output.
    static func runSucceeding(_ arguments: [String], municipalities: URL, database: String) throws -> String {
        let result = try run(arguments + ["--municipalities", municipalities.path, "--db", database])
        #expect(result.status == 0, "\(arguments): \(result.error)")
        return result.output
    }

    /// The plugins of a fixture folder, which must load without errors.
    static func loadWithoutErrors(_ municipalities: URL) throws -> LoadedPlugins {
        let loaded = PluginLoader().load(directory: municipalities.path)
        try #require(loaded.errors.isEmpty, "\(loaded.errors)")
        return loaded
    }

    /// A fictional municipality's `municipality.yaml` with one population figure.
    static func municipalityYAML(slug: String, name: String, province: String, inhabitants: Int, on date: String) -> String {
        """
        slug: \(slug)
        name: \(name)
        province: \(province)
        population:
          - reference_date: \(date)
            count: \(inhabitants)
            publisher: CBS (as cited)
        """
    }

    /// Runs any program, as `run` runs the CLI.
    @discardableResult
    static func runTool(_ path: String, _ arguments: [String], in directory: URL? = nil) throws -> (
        status: Int32, output: String, error: String
    ) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outputData, as: UTF8.self), String(decoding: errorData, as: UTF8.self))
    }
}

extension LoadedPlugins {
    func programme(_ key: String) throws -> Programme {
        try #require(programmes.first { $0.programme.key == key }?.programme, "no programme \(key)")
    }
}

extension Programme {
    func items(ofType nativeType: String) -> [LocalItem] {
        items.filter { $0.nativeType.nl == nativeType }
    }

    /// The sum of stated amounts for a year, optionally within one block of the budget table.
    func budgetTotal(year: Int, block: String? = nil) -> Money {
        budget.lines.filter { block == nil || $0.block == block }
            .flatMap(\.amounts).filter { $0.year == year }.compactMap(\.amount).reduce(.zero, +)
    }
}
