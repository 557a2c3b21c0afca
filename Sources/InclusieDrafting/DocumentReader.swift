import Foundation
import InclusieModel

/// A problem reading the document to draft from, in the user's language, with what to do about it.
public struct DraftError: Error, Sendable {
    public var file: String
    public var message: LocalizedText
    public var fix: LocalizedText

    /// A document with letters in it but no heading, paragraph or list the drafter could quote: its plugin
    /// would have no item, which `validate` refuses.
    public static func nothingToQuote(_ path: String) -> DraftError {
        DraftError(
            file: path,
            message: LocalizedText(
                nl: "geen onderdeel gevonden: het document heeft geen kop, alinea of lijst om te citeren; er is niets geschreven",
                en: "no item found: the document has no heading, paragraph or list to quote; nothing was written"),
            fix: LocalizedText(
                nl: "geef een document met de tekst van het programma (koppen, alinea's, lijsten)",
                en: "give a document with the programme's text (headings, paragraphs, lists)"))
    }

    public func text(_ language: Language) -> String {
        let word = language == .nl ? "fout" : "error"
        return "\(file): \(word): \(message.text(language)) — \(fix.text(language))"
    }
}

/// Reads the text of a document: UTF-8 text or Markdown as it is, a PDF through `pdftotext` (poppler-utils).
///
/// Only a regular file is read (a FIFO would block and `/dev/zero` never ends), within size limits, and only
/// a document with text in it: an empty or binary file gave a plugin of "0 onderdelen" that `validate` refused.
public enum DocumentReader {
    /// How long pdftotext may take on one document before it is stopped.
    static let pdftotextSeconds: Double = 60
    /// The largest PDF read: a 40-page policy note is about 1 MB; 20 MB leaves room for pictures.
    public static let maximumPDFBytes = 20_000_000
    /// The most text read, from a text file or out of a PDF: about 2,000 pages, twenty times the longest
    /// bundled source; drafting it takes seconds, and a reviewer could not check more in one plugin anyway.
    public static let maximumTextBytes = 5_000_000

    public static func read(path: String) throws(DraftError) -> String {
        var status = stat()
        guard stat(path, &status) == 0 else { throw notFound(path) }
        guard status.st_mode & S_IFMT == S_IFREG else {
            throw DraftError(
                file: path,
                message: LocalizedText(
                    nl: "dit is geen gewoon bestand (maar een map, apparaat of FIFO)", en: "this is not a regular file (but a folder, device or FIFO)"),
                fix: LocalizedText(nl: "geef het pad van een .txt-, .md- of .pdf-bestand", en: "give the path of a .txt, .md or .pdf file"))
        }
        let isPDF = path.lowercased().hasSuffix(".pdf") || (try? readPrefix(path, count: 4)) == Data("%PDF".utf8)
        let limit = isPDF ? maximumPDFBytes : maximumTextBytes
        let what = isPDF ? LocalizedText(nl: "deze PDF", en: "this PDF") : LocalizedText(nl: "deze tekst", en: "this text")
        guard Int(status.st_size) <= limit else { throw tooLarge(path, limit: limit, what: what) }
        if isPDF {
            return try withText(pdfText(path), path: path)
        }
        guard let data = try? readPrefix(path, count: limit + 1) else { throw notFound(path) }
        // The file may have grown since it was measured.
        guard data.count <= limit else { throw tooLarge(path, limit: limit, what: what) }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DraftError(
                file: path, message: LocalizedText(nl: "de tekst is geen UTF-8", en: "the text is not UTF-8"),
                fix: LocalizedText(
                    nl: "sla het document op als UTF-8-tekst (bv. 'iconv -f latin1 -t utf-8')",
                    en: "save the document as UTF-8 text (e.g. 'iconv -f latin1 -t utf-8')"))
        }
        guard !data.contains(0) else {
            throw DraftError(
                file: path, message: LocalizedText(nl: "dit lijkt een binair bestand (het bevat NUL-tekens)", en: "this looks like a binary file (it holds NUL characters)"),
                fix: LocalizedText(nl: "geef de tekst van het document als .txt, .md of .pdf", en: "give the document's text as .txt, .md or .pdf"))
        }
        return try withText(text.replacingOccurrences(of: "\r\n", with: "\n"), path: path)
    }

    /// The text when it has a word in it; an empty, blank or letterless document is refused.
    private static func withText(_ text: String, path: String) throws(DraftError) -> String {
        guard text.unicodeScalars.contains(where: \.properties.isAlphabetic) else {
            throw DraftError(
                file: path,
                message: LocalizedText(nl: "het document bevat geen tekst (het is leeg of heeft geen letters)", en: "the document holds no text (it is empty or has no letters)"),
                fix: LocalizedText(
                    nl: "geef een document met tekst; een gescande PDF heeft eerst tekstherkenning (OCR) nodig",
                    en: "give a document with text; a scanned PDF needs text recognition (OCR) first"))
        }
        return text
    }

    private static func notFound(_ path: String) -> DraftError {
        DraftError(
            file: path, message: LocalizedText(nl: "bestand niet gevonden of niet leesbaar", en: "file not found or not readable"),
            fix: LocalizedText(nl: "geef het pad van een .txt-, .md- of .pdf-bestand", en: "give the path of a .txt, .md or .pdf file"))
    }

    private static func tooLarge(_ path: String, limit: Int, what: LocalizedText) -> DraftError {
        DraftError(
            file: path,
            message: LocalizedText(
                nl: "\(what.nl) is groter dan de grens van \(limit / 1_000_000) MB", en: "\(what.en) is larger than the limit of \(limit / 1_000_000) MB"),
            fix: LocalizedText(
                nl: "maak een concept per hoofdstuk of deel van het document",
                en: "draft the document one chapter or part at a time"))
    }

    /// At most `count` bytes from the start of a file.
    private static func readPrefix(_ path: String, count: Int) throws -> Data {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw CocoaError(.fileReadNoPermission) }
        defer { try? handle.close() }
        return try handle.read(upToCount: count) ?? Data()
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
        // A small PDF can hold a great deal of compressed text: reading stops past the limit.
        var data = Data()
        while true {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            data.append(chunk)
            if data.count > maximumTextBytes {
                process.terminate()
                process.waitUntilExit()
                throw tooLarge(path, limit: maximumTextBytes, what: LocalizedText(nl: "de tekst van deze PDF", en: "the text of this PDF"))
            }
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0, let text = String(data: data, encoding: .utf8) else { throw failed }
        // pdftotext -layout lines columns up with runs of spaces; three or more become a tab, the table separator.
        return text.replacingOccurrences(of: "\u{0C}", with: "\n").components(separatedBy: "\n").map { line in
            line.replacingOccurrences(of: #"(?<=\S) {3,}(?=\S)"#, with: "\t", options: .regularExpression)
        }.joined(separator: "\n")
    }
}
