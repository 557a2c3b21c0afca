/// Items read straight from a composed `PlainYAML` mapping, without `Decodable`.
///
/// A programme file is mostly items, and decoding each of their fields through `Decodable` (a container,
/// a decoder and a generic call per field, per list element) took about a third of loading 3,420
/// municipalities, more than libyaml's parsing. This reads the same fields from the tree and gives the
/// same values. It decides nothing on its own: on anything it does not expect (an unknown key, a blank
/// title, a year that is no number, a list where text belongs) it gives nil, and `NativeItem`'s
/// `Decodable` path reads the item again and reports the problem in its own words.
extension NativeItem {
    init?(plain node: PlainYAML, extraKeys: [String]) {
        guard case .mapping(let pairs, let line) = node else { return nil }
        var id: String?
        var title: String?
        self.line = line
        number = nil
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
        for (key, _, value) in pairs {
            switch key {
            case "id": guard let text = PlainValue.requiredText(value) else { return nil }; id = text
            case "title": guard let text = PlainValue.requiredText(value) else { return nil }; title = text
            case "number": guard let text = PlainValue.optionalText(value) else { return nil }; number = text
            case "description": guard let text = PlainValue.optionalText(value) else { return nil }; description = text
            case "status": guard let text = PlainValue.optionalText(value) else { return nil }; status = text
            case "owner": guard let text = PlainValue.optionalText(value) else { return nil }; owner = text
            case "note": guard let text = PlainValue.optionalText(value) else { return nil }; note = text
            case "review":
                // Anything but `suggested` is refused, with its message, by the `Decodable` path.
                guard let text = PlainValue.optionalText(value), text == nil || text == "suggested" else { return nil }
                review = text
            case "themes": guard let list = PlainValue.texts(value) else { return nil }; themes = list
            case "instruments": guard let list = PlainValue.texts(value) else { return nil }; instruments = list
            case "roles": guard let list = PlainValue.texts(value) else { return nil }; roles = list
            case "target_groups": guard let list = PlainValue.texts(value) else { return nil }; targetGroups = list
            case "partners": guard let list = PlainValue.texts(value) else { return nil }; partners = list
            case "cited_sources": guard let list = PlainValue.texts(value) else { return nil }; citedSources = list
            case "related": guard let list = PlainValue.texts(value) else { return nil }; related = list
            case "suggested_by": guard let list = PlainValue.texts(value) else { return nil }; suggestedBy = list
            case "years":
                guard let list = PlainValue.texts(value) else { return nil }
                var numbers: [Int] = []
                numbers.reserveCapacity(list.count)
                for text in list {
                    guard let number = DecimalInt.parse(text) else { return nil }
                    numbers.append(number)
                }
                years = numbers
            case "contact_points":
                guard let list = PlainValue.mappings(value) else { return nil }
                var points: [NativeContactPoint] = []
                for entry in list {
                    guard let point = NativeContactPoint(plain: entry) else { return nil }
                    points.append(point)
                }
                contactPoints = points
            case "evidence":
                guard let list = PlainValue.mappings(value) else { return nil }
                var quotes: [NativeEvidence] = []
                quotes.reserveCapacity(list.count)
                for entry in list {
                    guard let quote = NativeEvidence(plain: entry) else { return nil }
                    quotes.append(quote)
                }
                evidence = quotes
            default:
                // A kind's children are its caller's to read; any other key is the `Decodable` path's to refuse.
                guard extraKeys.contains(key) else { return nil }
            }
        }
        guard let id, let title else { return nil }
        self.id = id
        self.title = title
    }
}

extension NativeEvidence {
    init?(plain node: PlainYAML) {
        guard case .mapping(let pairs, let line) = node else { return nil }
        var quote: String?
        var section: String?
        for (key, _, value) in pairs {
            switch key {
            case "quote": quote = PlainValue.requiredText(value)
            case "section": section = PlainValue.requiredText(value)
            default: return nil
            }
        }
        guard let quote, let section else { return nil }
        self.quote = quote
        self.section = section
        self.line = line
    }
}

extension NativeContactPoint {
    init?(plain node: PlainYAML) {
        guard case .mapping(let pairs, _) = node else { return nil }
        var unit: String?
        var department: String?
        for (key, _, value) in pairs {
            switch key {
            case "unit": unit = PlainValue.requiredText(value)
            case "department":
                guard let text = PlainValue.optionalText(value) else { return nil }
                department = text
            default: return nil
            }
        }
        guard let unit else { return nil }
        self.unit = unit
        self.department = department
    }
}

/// Values as `PlainYAMLDecoder` decodes them, for the shapes items use; nil where it would throw.
private enum PlainValue {
    /// Text that `requiredText` accepts: a scalar that is not blank.
    static func requiredText(_ node: PlainYAML) -> String? {
        guard case .scalar(let text, _, _) = node, !isBlank(text) else { return nil }
        return text
    }

    /// Optional text as `decodeIfPresent` reads it: an empty plain scalar is no value (`.some(nil)`);
    /// anything but a scalar is nil.
    static func optionalText(_ node: PlainYAML) -> String?? {
        guard case .scalar(let text, let isPlain, _) = node else { return nil }
        return isPlain && text.isEmpty ? .some(nil) : .some(text)
    }

    /// A list of texts as `decodeIfPresent([String].self)` reads it: an empty plain scalar is an empty list.
    static func texts(_ node: PlainYAML) -> [String]? {
        switch node {
        case .scalar("", isPlain: true, _): return []
        case .sequence(let elements, _):
            var texts: [String] = []
            texts.reserveCapacity(elements.count)
            for element in elements {
                guard case .scalar(let text, _, _) = element else { return nil }
                texts.append(text)
            }
            return texts
        default: return nil
        }
    }

    /// The elements of a list, each to be read as a mapping; an empty plain scalar is an empty list.
    static func mappings(_ node: PlainYAML) -> [PlainYAML]? {
        switch node {
        case .scalar("", isPlain: true, _): return []
        case .sequence(let elements, _): return elements
        default: return nil
        }
    }
}
