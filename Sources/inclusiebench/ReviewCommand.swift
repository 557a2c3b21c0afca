import ArgumentParser
import Foundation
import Hummingbird
import InclusieModel
import InclusieReview

/// `inclusiebench review`: review a draft (or any plugin) in the browser instead of editing its YAML.
struct Review: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Kijk een concept na in de browser / review a draft plugin in the browser, saved as you go.",
        discussion: """
            Luistert alleen op 127.0.0.1: de pagina's veranderen bestanden in --municipalities. \
            Listens on 127.0.0.1 only: its pages change files in --municipalities.
            """)

    @OptionGroup var plugins: PluginOptions
    @OptionGroup var database: DatabaseOptions

    @Option(help: "Poort / port.")
    var port = 8081

    @Option(help: "Alleen 127.0.0.1 is toegestaan / only 127.0.0.1 is allowed.")
    var host = "127.0.0.1"

    @Option(help: "Poort waarop inclusiebench serve draait, voor de link na Klaar / port serve runs on, for the link after Klaar.")
    var servePort = 8080

    @Option(help: "Taal van de meldingen / language of the messages: nl of en.")
    var lang: Language = .nl

    func validate() throws {
        guard host == "127.0.0.1" else {
            throw ValidationError(
                LocalizedText(
                    nl: "review luistert alleen op 127.0.0.1: de pagina's veranderen bestanden, dus geen andere computer mag erbij (--host \(host) geweigerd).",
                    en: "review listens on 127.0.0.1 only: its pages change files, so no other computer may reach it (--host \(host) refused)."
                ).text(lang))
        }
        try Serve.checkPortNumber(port, language: lang)
    }

    func run() async throws {
        try Serve.checkPortFree(host: host, port: port, command: "review", language: lang)
        let workspace = ReviewWorkspace(directory: plugins.directory, database: database.path)
        let review = ReviewServer(workspace: workspace, port: port, servePort: servePort)
        let port = port
        let lang = lang
        let application = Application(
            router: review.router(),
            server: .http1(configuration: .init(idleTimeout: .seconds(Serve.idleTimeoutSeconds))),
            configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: nil),
            onServerRunning: { _ in
                // The start page reads every programme file once (seconds among hundreds of municipalities
                // in a debug build); read them while the user opens the browser.
                Task.detached(priority: .utility) { _ = workspace.entries() }
                let message = LocalizedText(
                    nl: "inclusiebench review draait op http://127.0.0.1:\(port)/ — stop met Ctrl-C",
                    en: "inclusiebench review is running at http://127.0.0.1:\(port)/ — stop with Ctrl-C")
                FileHandle.standardOutput.write(Data((message.text(lang) + "\n").utf8))
            })
        let deadline = Serve.endAfterGracePeriod()
        try await application.runService()
        withExtendedLifetime(deadline) {}
    }
}
