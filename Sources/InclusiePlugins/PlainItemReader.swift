/// Items read straight from a composed `PlainYAML` mapping, without `Decodable`.
///
/// A programme file is mostly items, and decoding each of their fields through `Decodable` (a container,
/// a decoder and a generic call per field, per list element) took 23 % of the CPU of validating 3,420
/// municipalities, about as much as libyaml's parsing. This reads the same fields from the tree and gives
/// the same values. It decides nothing on its own: on anything it does not expect (an unknown key, a blank
/// title, a year that is no number, a list where text belongs) it gives nil, and `NativeItem`'s
/// `Decodable` path reads the item again and reports the problem in its own words.
extension NativeItem {
    init?(plain node: PlainYAML, extraKeys: [String]) {
        line = nil
        id = ""
        number = nil
        title = ""
        description = nil
        status = nil
        themes = []
        instruments = []
        roles = []
        targetGroups = []
        partners = []
        citedSources = []
        owner = nil
        contactPoints = []
        years = []
        related = []
        note = nil
        evidence = []
        review = nil
        suggestedBy = []
        var id: String?
        var title: String?
        let line = try? PlainValue.entries(of: node) { key, value throws(PlainValue.GiveUp) in
            switch key {
            case "id": id = try PlainValue.requiredText(value)
            case "title": title = try PlainValue.requiredText(value)
            case "number": number = try PlainValue.optionalText(value)
            case "description": description = try PlainValue.optionalText(value)
            case "status": status = try PlainValue.optionalText(value)
            case "owner": owner = try PlainValue.optionalText(value)
            case "note": note = try PlainValue.optionalText(value)
            case "review":
                // Anything but `suggested` is refused, with its message, by the `Decodable` path.
                review = try PlainValue.optionalText(value)
                guard review == nil || review == "suggested" else { throw .giveUp }
            case "themes": themes = try PlainValue.texts(value)
            case "instruments": instruments = try PlainValue.texts(value)
            case "roles": roles = try PlainValue.texts(value)
            case "target_groups": targetGroups = try PlainValue.texts(value)
            case "partners": partners = try PlainValue.texts(value)
            case "cited_sources": citedSources = try PlainValue.texts(value)
            case "related": related = try PlainValue.texts(value)
            case "suggested_by": suggestedBy = try PlainValue.texts(value)
            case "years":
                years = try PlainValue.texts(value).map { text throws(PlainValue.GiveUp) in
                    guard let year = DecimalInt.parse(text) else { throw .giveUp }
                    return year
                }
            case "contact_points":
                contactPoints = try PlainValue.elements(value).map { element throws(PlainValue.GiveUp) in
                    guard let point = NativeContactPoint(plain: element) else { throw .giveUp }
                    return point
                }
            case "evidence":
                evidence = try PlainValue.elements(value).map { element throws(PlainValue.GiveUp) in
                    guard let quote = NativeEvidence(plain: element) else { throw .giveUp }
                    return quote
                }
            default:
                // A kind's children are its caller's to read; any other key is the `Decodable` path's to refuse.
                guard extraKeys.contains(key) else { throw .giveUp }
            }
        }
        guard let line, let id, let title else { return nil }
        self.line = line
        self.id = id
        self.title = title
    }
}

extension NativeEvidence {
    init?(plain node: PlainYAML) {
        var quote: String?
        var section: String?
        let line = try? PlainValue.entries(of: node) { key, value throws(PlainValue.GiveUp) in
            switch key {
            case "quote": quote = try PlainValue.requiredText(value)
            case "section": section = try PlainValue.requiredText(value)
            default: throw .giveUp
            }
        }
        guard let line, let quote, let section else { return nil }
        self.quote = quote
        self.section = section
        self.line = line
    }
}

extension NativeContactPoint {
    init?(plain node: PlainYAML) {
        var unit: String?
        var department: String?
        let line = try? PlainValue.entries(of: node) { key, value throws(PlainValue.GiveUp) in
            switch key {
            case "unit": unit = try PlainValue.requiredText(value)
            case "department": department = try PlainValue.optionalText(value)
            default: throw .giveUp
            }
        }
        guard line != nil, let unit else { return nil }
        self.unit = unit
        self.department = department
    }
}

/// Values as `PlainYAMLDecoder` decodes them, for the shapes items use; `GiveUp` where it would throw.
enum PlainValue {
    /// Not what the plain reader expects: the `Decodable` path reads the part again and says why.
    enum GiveUp: Error {
        case giveUp
    }

    /// Hands each entry of a mapping to `read`, which gives up on a key or value it does not expect, and
    /// gives the mapping's line.
    static func entries(
        of node: PlainYAML, _ read: (_ key: String, _ value: PlainYAML) throws(GiveUp) -> Void
    ) throws(GiveUp) -> Int {
        guard case .mapping(let pairs, let line) = node else { throw .giveUp }
        for (key, _, value) in pairs {
            try read(key, value)
        }
        return line
    }

    /// Text that `requiredText` accepts: a scalar that is not blank.
    static func requiredText(_ node: PlainYAML) throws(GiveUp) -> String {
        guard case .scalar(let text, _, _) = node, !isBlank(text) else { throw .giveUp }
        return text
    }

    /// Optional text as `decodeIfPresent` reads it: an empty plain scalar is no value.
    static func optionalText(_ node: PlainYAML) throws(GiveUp) -> String? {
        guard case .scalar(let text, let isPlain, _) = node else { throw .giveUp }
        return isPlain && text.isEmpty ? nil : text
    }

    /// A list of texts as `decodeIfPresent([String].self)` reads it: an empty plain scalar is an empty list.
    static func texts(_ node: PlainYAML) throws(GiveUp) -> [String] {
        try elements(node).map { element throws(GiveUp) in
            guard case .scalar(let text, _, _) = element else { throw .giveUp }
            return text
        }
    }

    /// The elements of a list; an empty plain scalar is an empty list.
    static func elements(_ node: PlainYAML) throws(GiveUp) -> [PlainYAML] {
        switch node {
        case .scalar("", isPlain: true, _): []
        case .sequence(let elements, _): elements
        default: throw .giveUp
        }
    }
}
