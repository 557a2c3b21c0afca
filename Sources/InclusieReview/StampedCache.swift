import Foundation
import InclusiePlugins

/// Values worked out from files, kept while those files are unchanged: a review page validates the whole
/// folder after every change and the start page lists every programme file, and with hundreds of
/// municipalities reading every file again each time would cost seconds, while a change touches one.
///
/// Files are known by their identity, size and modification time; a file written again (as `review`
/// writes: a new file renamed into place) has another identity, so an edit made elsewhere, in an editor,
/// is seen too.
///
/// `@unchecked`: the one stored dictionary is only touched under `lock` (`Mutex` needs macOS 15; the
/// package supports 13).
final class StampedCache<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String: (stamp: [FileStamp], value: Value)] = [:]

    /// The value for `key`, from the last time when `stamp` is as it was then, else from `make`.
    func value(for key: String, stamp: [FileStamp], make: () -> Value) -> Value {
        if let known = lock.withLock({ values[key] }), known.stamp == stamp { return known.value }
        let value = make()
        lock.withLock { values[key] = (stamp, value) }
        return value
    }
}

/// A file as a cache knows it: name, identity, size and modification time.
struct FileStamp: Sendable, Equatable {
    var name: String
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var modified: Double?
}

extension FileStamp {
    /// The file at `path` as `lstat` sees it; nil when there is none.
    init?(path: String, name: String) {
        var status = stat()
        guard lstat(path, &status) == 0 else { return nil }
        self.init(
            name: name, device: UInt64(status.st_dev), inode: UInt64(status.st_ino), size: Int64(status.st_size),
            modified: PluginLoader.modificationTime(of: path))
    }

    /// Every file directly in a plugin folder and in its `sources/`, in name order: what its check reads.
    static func folder(_ folder: String) -> [Self] {
        let sources = (folder as NSString).appendingPathComponent("sources")
        return [folder, sources].flatMap { directory in
            ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted().compactMap { name in
                Self(path: (directory as NSString).appendingPathComponent(name), name: name)
            }
        }
    }
}
