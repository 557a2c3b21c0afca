import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes an output file the safe way, for every command that writes one (`report`, `export`, `draft`):
/// only over a regular file (or where none exists yet), never over the database, the taxonomy or any SQLite
/// file, never through a symbolic link, and through a temporary file in the same folder that is put in place
/// by a rename (or a hard link, where nothing may be replaced).
///
/// A plain write follows whatever the path names: `--out /dev/full` replaced a device, a FIFO blocked, a
/// symbolic link wrote somewhere else, `--out X --db X` overwrote the database with HTML, and `draft` replaced
/// a curated source document with its own text. Putting a finished temporary file in place means a reader
/// never sees half a file, and a failed write leaves the old one. It lives in the model library because both
/// the exporters and the drafter write files, and each must refuse the same targets in the same words.
public enum OutputFile {
    /// Why an output file was not written, in both languages, naming the path and what to do instead.
    public struct Refusal: Error, Sendable, CustomStringConvertible {
        public var message: LocalizedText

        public init(message: LocalizedText) {
            self.message = message
        }

        public var description: String { message.nl }
    }

    /// A file no output may replace, even with `--force`, with what it is called in a message.
    public struct ProtectedFile: Sendable {
        public var path: String
        public var name: LocalizedText

        public init(path: String, name: LocalizedText) {
            self.path = path
            self.name = name
        }

        /// The taxonomy every plugin refers to: replaced, every command fails.
        public static func taxonomy(_ path: String) -> ProtectedFile {
            ProtectedFile(path: path, name: LocalizedText(nl: "de taxonomie", en: "the taxonomy"))
        }

        /// The document a draft is made from.
        public static func document(_ path: String) -> ProtectedFile {
            ProtectedFile(path: path, name: LocalizedText(nl: "het brondocument zelf", en: "the source document itself"))
        }

        /// The database and the files SQLite keeps beside it.
        static func database(_ path: String) -> [ProtectedFile] {
            ["", "-wal", "-shm", "-journal"].map {
                ProtectedFile(path: path + $0, name: LocalizedText(nl: "de database zelf", en: "the database itself"))
            }
        }
    }

    /// What to do with a regular file that is already where the output goes.
    public enum ExistingFile: Sendable {
        /// Replace it: the command's own output written again (`report`, `export`, `draft --force`).
        case replace
        /// Keep it: the same bytes need no write; different bytes are refused, with `advice` on what to do.
        case keepUnlessIdentical(advice: LocalizedText)
    }

    /// What a write did.
    public enum Outcome: Sendable, Equatable {
        case written
        /// The file already held exactly these bytes; nothing was written.
        case unchanged
    }

    /// Where an output goes when the user did not pick another place with `--out`.
    static let chooseAnother = LocalizedText(nl: "kies met --out een ander bestand", en: "choose another file with --out")

    /// The first bytes of every SQLite database file.
    static let sqliteHeader = Array("SQLite format 3\u{0}".utf8)

    /// Writes `data` to `path`, refusing `databases`, `others`, any SQLite file and anything not a regular file.
    @discardableResult
    public static func write(
        _ data: Data, to path: String, protecting databases: [String] = [], alsoProtecting others: [ProtectedFile] = [],
        existing: ExistingFile = .replace
    ) throws(Refusal) -> Outcome {
        if try checkTarget(path, protecting: databases, alsoProtecting: others, existing: existing, data: data) == .unchanged {
            return .unchanged
        }
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp").path
        guard writeNew(data, to: temporary) else {
            throw Refusal(
                message: LocalizedText(
                    nl: "\(path): kon niet schrijven in de map \(directory.path) — controleer of de map bestaat en schrijfbaar is",
                    en: "\(path): could not write in the folder \(directory.path) — check that the folder exists and is writable"))
        }
        defer { unlink(temporary) }
        switch existing {
        case .replace:
            // rename() replaces a link or file put there since the check, never what a link points to.
            guard rename(temporary, path) == 0 else { throw couldNotPlace(path) }
        case .keepUnlessIdentical(let advice):
            // link() fails when a file appeared since the check, so nothing is ever replaced here.
            guard link(temporary, path) == 0 else {
                if errno == EEXIST { throw exists(path, advice: advice) }
                throw couldNotPlace(path)
            }
        }
        return .written
    }

    /// Refuses a target that is protected or an SQLite file, that exists and is not a regular file, or (with
    /// `keepUnlessIdentical`) that exists with other bytes than `data`; `.unchanged` when it holds `data`.
    @discardableResult
    public static func checkTarget(
        _ path: String, protecting databases: [String], alsoProtecting others: [ProtectedFile] = [],
        existing: ExistingFile = .replace, data: Data? = nil
    ) throws(Refusal) -> Outcome {
        let target = URL(fileURLWithPath: path).standardizedFileURL
        for protected in databases.flatMap(ProtectedFile.database) + others
        where isSameFile(target, URL(fileURLWithPath: protected.path).standardizedFileURL) {
            throw Refusal(
                message: LocalizedText(
                    nl: "\(path) is \(protected.name.nl); die wordt niet overschreven, ook niet met --force — \(chooseAnother.nl)",
                    en: "\(path) is \(protected.name.en), which is never overwritten, not even with --force — \(chooseAnother.en)"))
        }
        var status = stat()
        guard lstat(path, &status) == 0 else { return .written }
        guard status.st_mode & S_IFMT == S_IFREG else {
            let what =
                switch status.st_mode & S_IFMT {
                case S_IFDIR: LocalizedText(nl: "een map", en: "a folder")
                case S_IFLNK: LocalizedText(nl: "een symbolische koppeling", en: "a symbolic link")
                case S_IFCHR, S_IFBLK: LocalizedText(nl: "een apparaat", en: "a device")
                default: LocalizedText(nl: "geen gewoon bestand", en: "not a regular file")
                }
            throw Refusal(
                message: LocalizedText(
                    nl: "\(path) is \(what.nl); alleen een gewoon bestand wordt overschreven — kies met --out een nieuw of gewoon bestand",
                    en: "\(path) is \(what.en); only a regular file is overwritten — choose a new or regular file with --out"))
        }
        let existingBytes = FileHandle(forReadingAtPath: path).flatMap { handle in
            defer { try? handle.close() }
            // Only what a comparison needs: the header, or the whole file when it may equal `data`.
            let identicalSize = data.map { UInt64($0.count) == UInt64(status.st_size) } ?? false
            return try? handle.read(upToCount: identicalSize ? data!.count : sqliteHeader.count)
        }
        if let bytes = existingBytes, bytes.starts(with: sqliteHeader) {
            throw Refusal(
                message: LocalizedText(
                    nl: "\(path) is een SQLite-database; die wordt niet overschreven, ook niet met --force — \(chooseAnother.nl)",
                    en: "\(path) is an SQLite database, which is never overwritten, not even with --force — \(chooseAnother.en)"))
        }
        guard case .keepUnlessIdentical(let advice) = existing else { return .written }
        if let data, let bytes = existingBytes, bytes == data { return .unchanged }
        throw exists(path, advice: advice, compared: data != nil)
    }

    /// Refuses a folder an output goes into when it is a symbolic link or not a folder: what a tool keeps in
    /// its own folders (a municipality's `sources/`) must not land wherever a link points.
    public static func checkFolder(_ path: String) throws(Refusal) {
        var status = stat()
        guard lstat(path, &status) == 0 else { return }
        let type = status.st_mode & S_IFMT
        guard type != S_IFDIR else { return }
        let what =
            type == S_IFLNK
            ? LocalizedText(nl: "een symbolische koppeling", en: "a symbolic link")
            : LocalizedText(nl: "geen map", en: "not a folder")
        throw Refusal(
            message: LocalizedText(
                nl: "de map \(path) is \(what.nl); daarin of erdoorheen wordt niets geschreven — maak er een gewone map van, of kies met --out een andere plaats",
                en: "the folder \(path) is \(what.en); nothing is written in or through it — make it a plain folder, or choose another place with --out"))
    }

    /// A new file with `data`, created only if nothing (not even a dangling link) has the name.
    private static func writeNew(_ data: Data, to path: String) -> Bool {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        return data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else { return false }
                offset += written
            }
            return true
        }
    }

    /// `compared`: whether the file's bytes were compared with the new ones (and differ).
    private static func exists(_ path: String, advice: LocalizedText, compared: Bool = true) -> Refusal {
        let other = compared ? LocalizedText(nl: " met een andere inhoud", en: " with other contents") : LocalizedText(nl: "", en: "")
        return Refusal(
            message: LocalizedText(
                nl: "\(path) bestaat al\(other.nl) en wordt niet vervangen — \(advice.nl)",
                en: "\(path) already exists\(other.en) and is not replaced — \(advice.en)"))
    }

    private static func couldNotPlace(_ path: String) -> Refusal {
        Refusal(
            message: LocalizedText(
                nl: "\(path): kon het bestand niet op zijn plaats zetten — controleer de rechten van de map",
                en: "\(path): could not move the file into place — check the folder's permissions"))
    }

    /// The same path after resolving links, or the same file on disk (a hard link, another spelling).
    private static func isSameFile(_ lhs: URL, _ rhs: URL) -> Bool {
        if lhs.resolvingSymlinksInPath().path == rhs.resolvingSymlinksInPath().path { return true }
        var left = stat()
        var right = stat()
        guard stat(lhs.path, &left) == 0, stat(rhs.path, &right) == 0 else { return false }
        return left.st_dev == right.st_dev && left.st_ino == right.st_ino
    }
}

/// The C library's `write`, which `OutputFile.write` hides inside the type.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
