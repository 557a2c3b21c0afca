extension String {
    /// Whether `needle`'s UTF-8 bytes occur in this text's.
    ///
    /// For marks that every plugin file is searched for: `String.contains` bridges the whole file to
    /// NSString, and the standard library's generic `firstRange(of:)` was slower still.
    func containsBytes(of needle: String) -> Bool {
        var haystack = self
        var needle = needle
        return haystack.withUTF8 { text in
            needle.withUTF8 { mark in
                guard let first = mark.first else { return true }
                guard text.count >= mark.count else { return false }
                var start = 0
                let last = text.count - mark.count
                while start <= last {
                    if text[start] == first, UnsafeBufferPointer(rebasing: text[start..<start + mark.count]).elementsEqual(mark) {
                        return true
                    }
                    start += 1
                }
                return false
            }
        }
    }
}
