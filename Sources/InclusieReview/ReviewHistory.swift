import Foundation

/// The previous bytes of each file the review saved in this session, so the last changes can be undone.
///
/// Kept in memory, not on disk: nothing is written outside the municipalities folder, and a restart of
/// the review starts a new history (the plugin file itself is always saved). An undo restores a file
/// only while it still has the bytes this session wrote: a change made elsewhere since is never undone.
public final class ReviewHistory: @unchecked Sendable {
    struct Step {
        var before: Data
        /// The digest of the bytes the change wrote.
        var after: String
        /// Where on the page the change was (`#item-d-3`), where the page opens again after its undo.
        var place: String
    }

    /// Steps kept per file: enough for a slip or two, bounded so a long session stays small.
    static let depth = 50

    private let lock = NSLock()
    private var steps: [String: [Step]] = [:]

    public init() {}

    func record(_ file: String, before: Data, after: String, place: String) {
        lock.withLock {
            steps[file, default: []].append(Step(before: before, after: after, place: place))
            if steps[file]!.count > Self.depth { steps[file]!.removeFirst() }
        }
    }

    func count(_ file: String) -> Int { lock.withLock { steps[file]?.count ?? 0 } }

    /// Takes the last step of `file` when `current` is the digest it wrote; nil otherwise (and it stays).
    func takeLast(_ file: String, current: String) -> Step? {
        lock.withLock {
            guard let last = steps[file]?.last, last.after == current else { return nil }
            steps[file]!.removeLast()
            return last
        }
    }

    /// Puts back a step whose restore failed.
    func putBack(_ file: String, _ step: Step) {
        lock.withLock { steps[file, default: []].append(step) }
    }
}
