import Foundation

/// Results computed in parallel, one slot per index, handed back in index order.
///
/// Loading plugins, checking quotes and building the larger views spread independent
/// pieces of work over the cores; putting the results back in index order keeps the outcome exactly that
/// of doing the pieces one after the other.
public final class ParallelResults<Result>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result?]

    public init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    public func store(_ result: Result, at index: Int) {
        lock.withLock { slots[index] = result }
    }

    public var inOrder: [Result] {
        lock.withLock { slots.compactMap { $0 } }
    }
}

extension ParallelResults {
    /// `work(index)` for every index in `0..<count`, spread over the cores; the results in index order.
    public static func compute(count: Int, _ work: @Sendable (Int) -> Result) -> [Result] {
        let results = ParallelResults(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            results.store(work(index), at: index)
        }
        return results.inOrder
    }
}
