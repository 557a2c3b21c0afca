import ArgumentParser
import Foundation
import InclusieModel
import InclusiePlugins

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Begin een nieuwe gemeente of een extra programma / start a new municipality or another programme.",
        discussion: """
            Schrijft <gemeente>/municipality.yaml (als die er nog niet is) en <soort>.yaml met elk veld uitgelegd; \
            kopieert met --source het brondocument naar <gemeente>/sources/. Daarna: vul elke <vul in: …> in en \
            draai 'inclusiebench validate --only <gemeente>'.
            """)

    @Argument(help: "De mapnaam van de gemeente: kleine letters, cijfers en '-', bv. den-haag / the municipality's folder name.")
    var slug: String

    @Option(help: "De soort programma / the programme kind: action-programme, policy-note, change-programme, workshop, party-programme.")
    var kind: String

    @Option(help: "De naam van de gemeente, bv. \"Den Haag\" / the municipality's name.")
    var name: String?

    @Option(help: "Het brondocument (platte tekst); wordt gekopieerd naar <gemeente>/sources/ / the source document, copied.")
    var source: String?

    @OptionGroup var plugins: PluginOptions

    @Option(help: "Taal van meldingen / language of messages: nl of en.")
    var lang: Language = .nl

    func run() throws {
        if let problem = Scaffold.slugProblem(slug) { throw ValidationError(problem.text(lang)) }
        let kinds = ProgrammeKinds().all.map(\.id)
        guard kinds.contains(kind) else {
            throw ValidationError(
                LocalizedText(
                    nl: "Onbekende soort '\(kind)'; kies uit: \(kinds.joined(separator: ", ")).",
                    en: "Unknown kind '\(kind)'; choose from: \(kinds.joined(separator: ", "))."
                ).text(lang))
        }
        let folder = URL(fileURLWithPath: plugins.directory).appendingPathComponent(slug)
        let scaffold = Scaffold(
            slug: slug, kind: kind, name: name, sourceFileName: source.map { URL(fileURLWithPath: $0).lastPathComponent })
        let programmeFile = folder.appendingPathComponent(scaffold.programmeFileName)
        if FileManager.default.fileExists(atPath: programmeFile.path) {
            throw ValidationError(
                LocalizedText(
                    nl: "\(programmeFile.path) bestaat al; geef dat bestand eerst de naam van zijn programma-id (bv. nota-inclusie-2024.yaml).",
                    en: "\(programmeFile.path) already exists; first rename it after its programme id (e.g. nota-inclusie-2024.yaml)."
                ).text(lang))
        }
        var written: [String] = []
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        if let source {
            let sources = folder.appendingPathComponent(QuoteChecker.pluginSourcesFolder)
            try FileManager.default.createDirectory(at: sources, withIntermediateDirectories: true)
            let target = sources.appendingPathComponent(URL(fileURLWithPath: source).lastPathComponent)
            guard let data = FileManager.default.contents(atPath: source) else {
                throw ValidationError(
                    LocalizedText(nl: "\(source): bestand niet gevonden of niet leesbaar.", en: "\(source): file not found or not readable.")
                        .text(lang))
            }
            if FileManager.default.contents(atPath: target.path) != data {
                try data.write(to: target, options: .withoutOverwriting)
                written.append(target.path)
            }
        }
        let municipalityFile = folder.appendingPathComponent(PluginLoader.municipalityFileName)
        if !FileManager.default.fileExists(atPath: municipalityFile.path) {
            try Data(scaffold.municipalityYAML.utf8).write(to: municipalityFile, options: .withoutOverwriting)
            written.append(municipalityFile.path)
        }
        try Data(scaffold.programmeYAML.utf8).write(to: programmeFile, options: .withoutOverwriting)
        written.append(programmeFile.path)
        CatalogSource.printStatus(
            LocalizedText(
                nl: "Geschreven: \(written.joined(separator: ", ")).\nVul elke <vul in: …> in en controleer met: inclusiebench validate --only \(slug)",
                en: "Written: \(written.joined(separator: ", ")).\nFill in every <vul in: …> and check with: inclusiebench validate --only \(slug)"
            ).text(lang))
    }
}
