import Foundation
import InclusieModel

/// Writes an output file the safe way: only over a regular file (or where none exists yet), never over
/// the database, and through a temporary file in the same folder that is renamed into place.
///
/// A plain write follows whatever the path names: `--out /dev/full` replaced a device, a FIFO blocked, a
/// symbolic link wrote somewhere else, and `--out X --db X` overwrote the database with HTML. Renaming a
/// finished temporary file means a reader never sees half a report, and a failed write leaves the old one.
public enum OutputFile {
    /// Why an output file was not written, in both languages, naming the path.
    public struct Refusal: Error, Sendable, CustomStringConvertible {
        public var message: LocalizedText

        public var description: String { message.nl }
    }

    /// Writes `data` to `path`, refusing any of `protectedPaths` (the database) and anything not a regular file.
    public static func write(_ data: Data, to path: String, protecting protectedPaths: [String] = []) throws(Refusal) {
        try checkTarget(path, protecting: protectedPaths)
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try data.write(to: temporary)
        } catch {
            throw Refusal(
                message: LocalizedText(
                    nl: "\(path): kon niet schrijven in de map \(directory.path) — controleer of de map bestaat en schrijfbaar is",
                    en: "\(path): could not write in the folder \(directory.path) — check that the folder exists and is writable"))
        }
        guard rename(temporary.path, url.path) == 0 else {
            try? FileManager.default.removeItem(at: temporary)
            throw Refusal(
                message: LocalizedText(
                    nl: "\(path): kon het bestand niet op zijn plaats zetten — controleer de rechten van de map",
                    en: "\(path): could not move the file into place — check the folder's permissions"))
        }
    }

    /// Refuses a target that is the database, or that exists and is not a regular file.
    public static func checkTarget(_ path: String, protecting protectedPaths: [String]) throws(Refusal) {
        let target = URL(fileURLWithPath: path).standardizedFileURL
        for protected in protectedPaths where isSameFile(target, URL(fileURLWithPath: protected).standardizedFileURL) {
            throw Refusal(
                message: LocalizedText(
                    nl: "\(path) is de database zelf; die wordt niet overschreven — kies met --out een ander bestand",
                    en: "\(path) is the database itself, which is never overwritten — choose another file with --out"))
        }
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: target.path) else { return }
        let type = attributes[.type] as? FileAttributeType
        guard type == .typeRegular else {
            let what =
                switch type {
                case .typeDirectory: LocalizedText(nl: "een map", en: "a folder")
                case .typeSymbolicLink: LocalizedText(nl: "een symbolische koppeling", en: "a symbolic link")
                case .typeCharacterSpecial, .typeBlockSpecial: LocalizedText(nl: "een apparaat", en: "a device")
                default: LocalizedText(nl: "geen gewoon bestand", en: "not a regular file")
                }
            throw Refusal(
                message: LocalizedText(
                    nl: "\(path) is \(what.nl); alleen een gewoon bestand wordt overschreven — kies met --out een nieuw of gewoon bestand",
                    en: "\(path) is \(what.en); only a regular file is overwritten — choose a new or regular file with --out"))
        }
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
