/// A small, seeded pseudo-random generator (SplitMix64), so that one seed always gives the same plugins.
///
/// Our own rather than the standard library's random API: the helpers below are fixed here, so the
/// generated files stay byte-for-byte the same across Swift versions and platforms.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    /// The seed of one independent stream, such as (seed, municipality 17, programme 2), so that each part
    /// can be generated on its own and still come out the same.
    static func stream(seed: UInt64, _ parts: Int...) -> UInt64 {
        var mixer = SplitMix64(seed: seed)
        var state = mixer.next()
        for part in parts {
            mixer = SplitMix64(seed: state ^ (UInt64(part) &* 0xD1B5_4A32_D192_ED03))
            state = mixer.next()
        }
        return state
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A whole number in the range; the bias of the multiply-shift reduction is far below what matters here.
    mutating func int(in range: ClosedRange<Int>) -> Int {
        let width = UInt64(range.upperBound - range.lowerBound) + 1
        let (high, _) = next().multipliedFullWidth(by: width)
        return range.lowerBound + Int(high)
    }

    /// True in about `percent` out of 100 calls.
    mutating func chance(_ percent: Int) -> Bool {
        int(in: 0...99) < percent
    }

    mutating func pick<Element>(_ elements: [Element]) -> Element {
        elements[int(in: 0...(elements.count - 1))]
    }

    /// Up to `count` distinct elements in random order (fewer when there are not enough).
    mutating func sample<Element>(_ elements: [Element], count: Int) -> [Element] {
        var pool = elements
        var chosen: [Element] = []
        while chosen.count < count && !pool.isEmpty {
            chosen.append(pool.remove(at: int(in: 0...(pool.count - 1))))
        }
        return chosen
    }

    /// An index into `weights`, chosen in proportion to its weight.
    mutating func weightedIndex(_ weights: [Int]) -> Int {
        var remaining = int(in: 0...(weights.reduce(0, +) - 1))
        for (index, weight) in weights.enumerated() {
            if remaining < weight { return index }
            remaining -= weight
        }
        return weights.count - 1
    }
}
