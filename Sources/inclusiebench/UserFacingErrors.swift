import ArgumentParser
import Foundation
import InclusieExport
import InclusieModel
import InclusieStore

/// A command whose user chose a language for messages.
protocol LanguageChoosing {
    var messageLanguage: Language { get }
}

extension Validate: LanguageChoosing { var messageLanguage: Language { lang } }
extension Import: LanguageChoosing { var messageLanguage: Language { lang } }
extension Export: LanguageChoosing { var messageLanguage: Language { lang } }
extension Report: LanguageChoosing { var messageLanguage: Language { lang } }
extension Serve: LanguageChoosing { var messageLanguage: Language { lang } }
extension Search: LanguageChoosing { var messageLanguage: Language { lang } }
extension Draft: LanguageChoosing { var messageLanguage: Language { lang } }
extension Compare: LanguageChoosing { var messageLanguage: Language { options.lang } }

extension Inclusiebench {
    /// Runs the command the arguments name; errors the libraries describe in both languages are printed
    /// in the user's, as one sentence with the path and what to do, instead of a raw error value.
    static func main() async {
        do {
            var command = try parseAsRoot()
            do {
                if var asynchronous = command as? any AsyncParsableCommand {
                    try await asynchronous.run()
                } else {
                    try command.run()
                }
            } catch let error as StoreError {
                fail(error.message, command: command)
            } catch let error as OutputFile.Refusal {
                fail(error.message, command: command)
            }
        } catch {
            exitShowingControls(error)
        }
    }

    /// ArgumentParser's own exit, with its message printed through `printError`: a usage error repeats
    /// what the user typed (an option, a value, a path), which may hold terminal escapes.
    private static func exitShowingControls(_ error: any Error) -> Never {
        let code = exitCode(for: error)
        let message = fullMessage(for: error)
        if code == .success {
            if !message.isEmpty { print(message) }
        } else if !message.isEmpty {
            CatalogSource.printError(message)
        }
        exit(withError: code)
    }

    private static func fail(_ message: LocalizedText, command: any ParsableCommand) -> Never {
        let language = (command as? any LanguageChoosing)?.messageLanguage ?? .nl
        let word = LocalizedText(nl: "fout", en: "error").text(language)
        CatalogSource.printError("\(word): \(message.text(language))")
        exit(withError: ExitCode.failure)
    }
}
