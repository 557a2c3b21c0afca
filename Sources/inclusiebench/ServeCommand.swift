import ArgumentParser
import Foundation
import Hummingbird
import InclusieModel
import InclusieServer

/// `inclusiebench serve`: the comparison in a browser, read-only, for people who never open a terminal.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Open de vergelijking in de browser / serve the comparison as a read-only web application.",
        discussion: """
            Importeert eerst als de database ontbreekt of ouder is dan de plugins, opent hem daarna alleen-lezen \
            en luistert standaard alleen op 127.0.0.1. Imports first when the database is missing or stale, then \
            opens it read-only; listens on 127.0.0.1 unless --host says otherwise.
            """)

    @OptionGroup var plugins: PluginOptions
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var sources: SourceOptions

    @Option(help: "Poort / port.")
    var port = 8080

    @Option(help: "Adres om op te luisteren; standaard alleen deze computer / address to listen on; this computer only by default.")
    var host = "127.0.0.1"

    @Option(help: "Taal van de meldingen / language of the messages: nl of en.")
    var lang: Language = .nl

    func validate() throws {
        try Self.checkPortNumber(port, language: lang)
    }

    func run() async throws {
        try Self.checkPortFree(host: host, port: port, command: "serve", language: lang)
        try CatalogSource.prepareForReading(plugins: plugins, database: database, language: lang, sources: sources.directories)
        let pluginDirectory = plugins.directory
        let sourceDirectories = sources.directories
        let following = DatabaseFollowing(path: database.path) { catalog in
            CatalogSource.sourceTexts(for: catalog, pluginDirectory: pluginDirectory, sources: sourceDirectories)
        }
        let loaded = try following.load()
        let programmeCount = loaded.data.catalog.programmes.count
        let sourceCount = loaded.data.sourceCount
        let site = SiteServer(loaded: loaded, following: following, host: host, port: port)
        if !["127.0.0.1", "::1", "localhost"].contains(host) {
            CatalogSource.printError(
                LocalizedText(
                    nl: "let op: --host \(host) maakt de site bereikbaar voor andere computers in het netwerk",
                    en: "note: --host \(host) makes the site reachable from other computers on the network"
                ).text(lang))
        }
        let application = Application(
            router: site.router(),
            // A connection that sends no complete request for this long is closed: a half-sent header
            // must not hold a connection (and its memory) for ever.
            server: .http1(configuration: .init(idleTimeout: .seconds(Self.idleTimeoutSeconds))),
            configuration: .init(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { _ in
                let address = host.contains(":") ? "[\(host)]" : host
                let message = LocalizedText(
                    nl: "inclusiebench draait op http://\(address):\(port)/ (\(programmeCount) programma's, \(sourceCount) brondocumenten doorzoekbaar) — stop met Ctrl-C",
                    en: "inclusiebench is running at http://\(address):\(port)/ (\(programmeCount) programmes, \(sourceCount) source documents searchable) — stop with Ctrl-C")
                FileHandle.standardOutput.write(Data((message.text(lang) + "\n").utf8))
            })
        let deadline = Self.endAfterGracePeriod()
        try await application.runService()
        withExtendedLifetime(deadline) {}
    }

    /// Seconds a connection may stay without a complete request before it is closed.
    static let idleTimeoutSeconds: Int64 = 10
    /// How long SIGTERM or SIGINT waits for requests in flight before the process ends anyway.
    static let gracePeriod: DispatchTimeInterval = .milliseconds(1500)

    /// Ends the process `gracePeriod` after SIGTERM or SIGINT, should the graceful shutdown not have.
    ///
    /// Hummingbird's `runService` shuts down gracefully on those signals: it stops accepting and lets the
    /// requests in flight finish. A request that takes long kept the process alive for more than 5 s
    /// (issue 29); a user who stops the server, or a supervisor, expects it gone within a second or two.
    /// The returned sources must be kept for as long as the server runs.
    static func endAfterGracePeriod() -> [any DispatchSourceSignal] {
        [SIGTERM, SIGINT].map { number in
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                DispatchQueue.global().asyncAfter(deadline: .now() + gracePeriod) { Foundation.exit(0) }
            }
            source.resume()
            return source
        }
    }

    /// A port number the system can give, or an error that says which are.
    static func checkPortNumber(_ port: Int, language: Language) throws {
        guard (1...65535).contains(port) else {
            throw ValidationError(
                LocalizedText(nl: "--port moet tussen 1 en 65535 liggen.", en: "--port must be between 1 and 65535.").text(language))
        }
    }

    /// Nothing listens on the port yet, or an error that names the command likely holding it and a free
    /// port to try instead (one below at the top of the range, where one above does not exist).
    static func checkPortFree(host: String, port: Int, command: String, language: Language) throws {
        guard !canListen(host: host, port: port) else { return }
        let other = port < 65535 ? port + 1 : port - 1
        throw ValidationError(
            LocalizedText(
                nl: "Poort \(port) op \(host) is al in gebruik (draait inclusiebench \(command) al?); kies een andere met --port, bijvoorbeeld --port \(other).",
                en: "Port \(port) on \(host) is already in use (is inclusiebench \(command) running already?); choose another with --port, for example --port \(other)."
            ).text(language))
    }

    /// Whether an IPv4 address and port can be bound now, so a busy port gets a sentence instead of a
    /// socket error. Other hosts are left to the server, which reports what it meets.
    static func canListen(host: String, port: Int) -> Bool {
        var address = sockaddr_in()
        guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else { return true }
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        let probe = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard probe >= 0 else { return true }
        defer { close(probe) }
        var reuse: Int32 = 1
        setsockopt(probe, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(probe, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }
}
