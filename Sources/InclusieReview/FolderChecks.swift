import Foundation
import InclusieModel
import InclusiePlugins

/// What `validate` found in each plugin folder, kept while none of the folder's files (nor the taxonomy)
/// changed: a review page is checked after every change, and with hundreds of municipalities reading
/// every folder again each time would cost seconds, while a change touches one folder.
///
/// A folder is known by the identity, size and modification time of each file in it and in its
/// `sources/`; a file written again (as `review` writes: a new file renamed into place) has another
/// identity, so an edit made elsewhere, in an editor, is seen too.
///
/// `@unchecked`: the one stored dictionary is only touched under `lock` (`Mutex` needs macOS 15; the
/// package supports 13).
final class FolderChecks: @unchecked Sendable {
    /// One folder's share of a whole check: its municipality for the checks across folders, and how many
    /// errors its files have (quotes included).
    struct Outcome: Sendable {
        var stamp: [FileStamp]
        var municipalities: [Municipality]
        var errors: Int
    }

    struct FileStamp: Sendable, Equatable {
        var name: String
        var device: UInt64
        var inode: UInt64
        var size: Int64
        var modified: Double?
    }

    private let lock = NSLock()
    private var outcomes: [String: Outcome] = [:]

    /// The folder's outcome, from the last check when its files are as they were then, else from `check`.
    func outcome(of folder: String, path: String, taxonomy: FileStamp?, check: () -> (municipalities: [Municipality], errors: Int))
        -> Outcome
    {
        let stamp = Self.stamp(of: path) + (taxonomy.map { [$0] } ?? [])
        if let known = lock.withLock({ outcomes[folder] }), known.stamp == stamp { return known }
        let checked = check()
        let outcome = Outcome(stamp: stamp, municipalities: checked.municipalities, errors: checked.errors)
        lock.withLock { outcomes[folder] = outcome }
        return outcome
    }

    /// Every file directly in the folder and in its `sources/`, in name order.
    static func stamp(of folder: String) -> [FileStamp] {
        let sources = (folder as NSString).appendingPathComponent("sources")
        return [folder, sources].flatMap { directory in
            ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted().compactMap { name in
                stamp(of: (directory as NSString).appendingPathComponent(name), name: name)
            }
        }
    }

    static func stamp(of path: String, name: String) -> FileStamp? {
        var status = stat()
        guard lstat(path, &status) == 0 else { return nil }
        return FileStamp(
            name: name, device: UInt64(status.st_dev), inode: UInt64(status.st_ino), size: Int64(status.st_size),
            modified: PluginLoader.modificationTime(of: path))
    }
}
