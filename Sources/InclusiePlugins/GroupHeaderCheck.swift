import InclusieModel

/// Finds items that probably belong to a group whose header was deleted.
///
/// Deleting a line such as `initiatives:` is valid YAML: the items below it join the group above and are
/// silently re-typed (initiatives become roles). Plugins name items by group (`rol-…`, `in-…`), so a
/// group whose ids switch once, for good, from one prefix to another is reported as a warning.
enum GroupHeaderCheck {
    struct Stranger {
        var item: LocalItem
        var prefix: String
        var groupPrefix: String
    }

    static func itemsThatStartAnotherGroup(in items: [LocalItem]) -> [Stranger] {
        var groups: [[LocalItem]] = []
        for item in items {
            if let last = groups.last?.last, last.nativeType == item.nativeType, last.parentID == item.parentID {
                groups[groups.count - 1].append(item)
            } else if groups.last?.contains(where: { $0.localID == item.parentID }) == true {
                // A child between its parent's siblings: children are checked in their own group.
                continue
            } else {
                groups.append([item])
            }
        }
        return groups.compactMap(stranger)
    }

    private static func stranger(in group: [LocalItem]) -> Stranger? {
        let prefixes = group.map(prefix)
        guard group.count >= 2, let first = prefixes[0],
            let switchIndex = prefixes.firstIndex(where: { $0 != first }), let second = prefixes[switchIndex],
            prefixes[..<switchIndex].allSatisfy({ $0 == first }), prefixes[switchIndex...].allSatisfy({ $0 == second })
        else { return nil }
        return Stranger(item: group[switchIndex], prefix: second, groupPrefix: first)
    }

    /// The part of an id before its first `-`, when there is one and it is not just a number.
    private static func prefix(_ item: LocalItem) -> String? {
        guard let dash = item.localID.firstIndex(of: "-") else { return nil }
        let prefix = String(item.localID[..<dash])
        return prefix.isEmpty || prefix.allSatisfy(\.isNumber) ? nil : prefix
    }
}
