import Foundation
import InclusieModel
import InclusieStore

/// Where `serve` reads its data, so that it can read it again after a new `import`.
///
/// A site that kept the catalog it read at start showed yesterday's figures after an import, with no
/// notice (issue 29). The server reads the database again when its data version (`PRAGMA user_version`,
/// which every import raises in its own transaction) is no longer the one it read.
public struct DatabaseFollowing: Sendable {
    public var path: String
    /// The source documents' texts for a catalog, found where `validate` finds them: a new import may name
    /// other documents.
    public var sourceTexts: @Sendable (Catalog) -> [SourceText]
    /// How often the version is read when the files look unchanged. A changed size, time or inode of the
    /// database or its WAL is noticed on the next request; this catches a change the file times are too
    /// coarse to show.
    public var recheckInterval: Duration

    public init(path: String, recheckInterval: Duration = .seconds(1), sourceTexts: @escaping @Sendable (Catalog) -> [SourceText]) {
        self.path = path
        self.recheckInterval = recheckInterval
        self.sourceTexts = sourceTexts
    }

    /// The site's data as the database holds it now, with what it was read at.
    ///
    /// The files' state and the version are taken before the catalog is read: an import that commits
    /// during the read then leaves a newer version behind, and the next check reads again. The other
    /// order could record the new version beside the old rows and never read them.
    public func load() throws -> LoadedSiteData {
        let files = DatabaseFiles(path: path)
        let store = try Store.readOnly(path: path)
        let version = try store.generation()
        let catalog = try store.catalog()
        return LoadedSiteData(data: try SiteData(catalog: catalog, sources: sourceTexts(catalog)), version: version, files: files)
    }

    /// The database's data version, or nil when it cannot be read.
    func currentVersion() -> Int? {
        try? Store.readOnly(path: path).generation()
    }
}

/// Site data read from a database, with the version and the files' state it was read at.
public struct LoadedSiteData: Sendable {
    public let data: SiteData
    let version: Int?
    let files: DatabaseFiles
}

/// What `stat` says about the database file and its write-ahead log: an import changes at least one of
/// them, and comparing it costs two system calls, so every request can look.
struct DatabaseFiles: Equatable, Sendable {
    private var database: FileState?
    private var log: FileState?

    init(path: String) {
        database = FileState(path: path)
        log = FileState(path: path + "-wal")
    }

    private struct FileState: Equatable, Sendable {
        var device: UInt64
        var inode: UInt64
        var size: Int64
        var modified: Int64
        var modifiedNanoseconds: Int64
        var changed: Int64
        var changedNanoseconds: Int64

        init?(path: String) {
            var info = stat()
            guard stat(path, &info) == 0 else { return nil }
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
            size = Int64(info.st_size)
            #if canImport(Darwin)
                modified = Int64(info.st_mtimespec.tv_sec)
                modifiedNanoseconds = Int64(info.st_mtimespec.tv_nsec)
                changed = Int64(info.st_ctimespec.tv_sec)
                changedNanoseconds = Int64(info.st_ctimespec.tv_nsec)
            #else
                modified = Int64(info.st_mtim.tv_sec)
                modifiedNanoseconds = Int64(info.st_mtim.tv_nsec)
                changed = Int64(info.st_ctim.tv_sec)
                changedNanoseconds = Int64(info.st_ctim.tv_nsec)
            #endif
        }
    }
}

/// What the site shows now: its data, the responses made from that data, and whether a newer import
/// could not be read.
struct SiteSnapshot: Sendable {
    let data: SiteData
    /// Made anew with every new data, so no page of the old data is served again.
    let cache: ResponseCache
    /// Set when the database changed but could not be read: every page then says its figures may be out
    /// of date, rather than showing them as current.
    let outOfDate: Bool
}

/// The one current `SiteSnapshot`, read again when the database has had a new import.
///
/// An actor, so concurrent requests see one snapshot or the next, never a mixture. The reading itself
/// runs outside the actor: requests that arrive meanwhile wait for that one reload (not a second), and
/// all of them then get the new data. When the reload fails (a broken or vanished database), the old
/// data stays, marked out of date, and the next check tries again.
actor SiteDataFollower {
    private var snapshot: SiteSnapshot
    private let following: DatabaseFollowing?
    private var files: DatabaseFiles?
    private var version: Int?
    private var lastCheck = ContinuousClock.now
    private var reloading: Task<Void, Never>?

    /// Data that never changes: for tests and for a server without a database behind it.
    init(fixed data: SiteData) {
        snapshot = SiteSnapshot(data: data, cache: ResponseCache(), outOfDate: false)
        following = nil
    }

    init(loaded: LoadedSiteData, following: DatabaseFollowing) {
        snapshot = SiteSnapshot(data: loaded.data, cache: ResponseCache(), outOfDate: false)
        self.following = following
        files = loaded.files
        version = loaded.version
    }

    /// The snapshot a request should be answered from, after reading the database again if an import
    /// changed it since.
    func current() async -> SiteSnapshot {
        if let reloading {
            await reloading.value
            return snapshot
        }
        guard let following else { return snapshot }
        let now = ContinuousClock.now
        let files = DatabaseFiles(path: following.path)
        guard files != self.files || now - lastCheck >= following.recheckInterval else { return snapshot }
        self.files = files
        lastCheck = now
        let known = version
        let reload = Task {
            let outcome = await Task.detached(priority: .userInitiated) { Self.reload(following, knownVersion: known) }.value
            self.apply(outcome)
        }
        reloading = reload
        await reload.value
        return snapshot
    }

    private enum Outcome: Sendable {
        case unchanged
        case loaded(LoadedSiteData)
        case failed
    }

    private static func reload(_ following: DatabaseFollowing, knownVersion: Int?) -> Outcome {
        guard let version = following.currentVersion() else { return .failed }
        if version == knownVersion { return .unchanged }
        guard let loaded = try? following.load() else { return .failed }
        return .loaded(loaded)
    }

    private func apply(_ outcome: Outcome) {
        reloading = nil
        switch outcome {
        case .unchanged:
            // A database that could not be read before and reads at the same version again is current.
            if snapshot.outOfDate { snapshot = SiteSnapshot(data: snapshot.data, cache: ResponseCache(), outOfDate: false) }
        case .loaded(let loaded):
            snapshot = SiteSnapshot(data: loaded.data, cache: ResponseCache(), outOfDate: false)
            version = loaded.version
            // The state the new data was read at, so a change during the read is noticed next time.
            files = loaded.files
        case .failed:
            if !snapshot.outOfDate { snapshot = SiteSnapshot(data: snapshot.data, cache: ResponseCache(), outOfDate: true) }
        }
    }
}
