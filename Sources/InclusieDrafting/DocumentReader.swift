import Foundation
import InclusieModel

/// A problem reading the document to draft from, in the user's language, with what to do about it.
public struct DraftError: Error, Sendable {
    public var file: String
    public var message: LocalizedText
    public var fix: LocalizedText

    public func text(_ language: Language) -> String {
        let word = language == .nl ? "fout" : "error"
        return "\(file): \(word): \(message.text(language)) — \(fix.text(language))"
    }
}

/// Reads the text of a document: UTF-8 text or Markdown as it is, a PDF through `pdftotext` (poppler-utils).
public enum DocumentReader {
    /// How long pdftotext may take on one document before it is stopped.
    static let pdftotextSeconds: Double = 60

    public static func read(path: String) throws(DraftError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DraftError(
                file: path, message: LocalizedText(nl: "bestand niet gevonden of niet leesbaar", en: "file not found or not readable"),
                fix: LocalizedText(nl: "geef het pad van een .txt-, .md- of .pdf-bestand", en: "give the path of a .txt, .md or .pdf file"))
        }
        if data.starts(with: Array("%PDF".utf8)) || path.lowercased().hasSuffix(".pdf") {
            return try pdfText(path)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DraftError(
                file: path, message: LocalizedText(nl: "de tekst is geen UTF-8", en: "the text is not UTF-8"),
                fix: LocalizedText(
                    nl: "sla het document op als UTF-8-tekst (bv. 'iconv -f latin1 -t utf-8')",
                    en: "save the document as UTF-8 text (e.g. 'iconv -f latin1 -t utf-8')"))
        }
        return text.replacingOccurrences(of: "\r\n", with: "\n")
    }

    /// Where `pdftotext` is, if it is installed: looked up on PATH rather than assumed.
    static func pdftotextPath() -> String? {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return directories.map { "\($0)/pdftotext" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    private static func pdfText(_ path: String) throws(DraftError) -> String {
        guard let tool = pdftotextPath() else {
            throw DraftError(
                file: path,
                message: LocalizedText(nl: "dit is een PDF en pdftotext is niet geïnstalleerd", en: "this is a PDF and pdftotext is not installed"),
                fix: LocalizedText(
                    nl: "installeer poppler-utils ('apt-get install poppler-utils'), of geef de tekst als .txt",
                    en: "install poppler-utils ('apt-get install poppler-utils'), or give the text as .txt"))
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        // -layout keeps table columns apart; "-" writes the text to standard output.
        // An absolute path, so a file named like an option ("-opw…") is never read as one.
        process.arguments = ["-layout", "-enc", "UTF-8", URL(fileURLWithPath: path).path, "-"]
        let output = Pipe()
        process.standardOutput = output
        // Not a pipe nobody reads: a PDF that makes pdftotext complain a lot would fill it and hang both.
        process.standardError = FileHandle.nullDevice
        let failed = DraftError(
            file: path, message: LocalizedText(nl: "pdftotext kon de PDF niet lezen", en: "pdftotext could not read the PDF"),
            fix: LocalizedText(
                nl: "controleer of de PDF tekst bevat (geen scan) en niet beveiligd is",
                en: "check that the PDF holds text (not a scan) and is not protected"))
        do {
            try process.run()
        } catch {
            throw failed
        }
        // A hostile PDF must not hang `draft`: pdftotext gets a minute, then it is stopped.
        DispatchQueue.global().asyncAfter(deadline: .now() + Self.pdftotextSeconds) { [process] in
            if process.isRunning { process.terminate() }
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let text = String(data: data, encoding: .utf8) else { throw failed }
        // pdftotext -layout lines columns up with runs of spaces; three or more become a tab, the table separator.
        return text.replacingOccurrences(of: "\u{0C}", with: "\n").components(separatedBy: "\n").map { line in
            line.replacingOccurrences(of: #"(?<=\S) {3,}(?=\S)"#, with: "\t", options: .regularExpression)
        }.joined(separator: "\n")
    }
}
