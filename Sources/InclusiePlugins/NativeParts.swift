import InclusieModel
import Yams

/// A coding key for any string, used to list the keys a YAML mapping actually has.
struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

/// Rejects keys a native shape does not know, so a typo such as `themse:` is reported instead of ignored.
func rejectUnknownKeys(in decoder: any Decoder, allowed: Set<String>) throws {
    _ = try knownKeys(in: decoder, allowed: allowed)
}

/// Rejects unknown keys like `rejectUnknownKeys`, and hands back the mapping and the keys it has, in order.
///
/// For the shapes read thousands of times (items): every container and every key lookup in Yams
/// compares YAML nodes one by one, so the caller builds the container once and skips keys that are absent.
/// The keys come back as a list, not a set: a mapping has a handful, and comparing a few short texts
/// costs less than hashing them. A plain document's keys are taken from its tree as they are.
///
/// `extra` are keys a kind adds at this place (an item's children), kept apart so that the shared sets
/// need not be copied for every item.
func knownKeys(
    in decoder: any Decoder, allowed: Set<String>, extra: [String] = []
) throws -> (KeyedDecodingContainer<AnyKey>, [String]) {
    let container = try decoder.container(keyedBy: AnyKey.self)
    let keys: [String]
    if let plain = decoder as? PlainYAMLDecoder, case .mapping(let pairs, _) = plain.node {
        keys = pairs.map(\.key)
    } else {
        keys = container.allKeys.map(\.stringValue)
    }
    for key in keys where !allowed.contains(key) && !extra.contains(key) {
        let known = allowed.union(extra).sorted().joined(separator: ", ")
        throw dataCorrupted(
            at: decoder.codingPath + [AnyKey(stringValue: key)],
            LocalizedText(
                nl: "onbekende sleutel '\(key)'; hier kunnen staan: \(known)",
                en: "unknown key '\(key)'; this place knows: \(known)"))
    }
    return (container, keys)
}

/// A verbatim quote and its section heading, as written in a plugin.
struct NativeEvidence: Decodable, Equatable {
    var quote: String
    var section: String
    /// The quote's own line, so a quote that is not found is reported where it stands.
    var line: Int?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case quote, section
    }

    private static let keys = Set(CodingKeys.allCases.map(\.stringValue))

    init(from decoder: any Decoder) throws {
        try rejectUnknownKeys(in: decoder, allowed: Self.keys)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        quote = try requiredText(container, .quote, at: decoder.codingPath)
        section = try requiredText(container, .section, at: decoder.codingPath)
        line = decoder.yamlLine
    }

    var model: Evidence { Evidence(quote: quote, section: section) }
}

/// A contact point by unit and department; the shape has no place for a person's name on purpose.
struct NativeContactPoint: Decodable, Equatable {
    var unit: String
    var department: String?

    init(from decoder: any Decoder) throws {
        try rejectUnknownKeys(in: decoder, allowed: ["unit", "department"])
        let container = try decoder.container(keyedBy: AnyKey.self)
        unit = try requiredText(container, AnyKey(stringValue: "unit"), at: decoder.codingPath)
        department = try container.decodeIfPresent(String.self, forKey: AnyKey(stringValue: "department"))
    }
}

/// The fields every item has, whatever the kind; kinds add their own children around it.
///
/// Remembers its line in the YAML file so later checks (taxonomy ids, quotes) can point at it.
struct NativeItem: Decodable, Equatable {
    static let keys: Set<String> = [
        "id", "number", "title", "description", "status", "themes", "instruments", "roles", "target_groups",
        "partners", "cited_sources", "owner", "contact_points", "years", "related", "note", "evidence", "review",
        "suggested_by",
    ]

    var line: Int?
    var id: String
    var number: String?
    var title: String
    var description: String?
    var status: String?
    var themes: [String]
    var instruments: [String]
    var roles: [String]
    var targetGroups: [String]
    var partners: [String]
    var citedSources: [String]
    var owner: String?
    var contactPoints: [NativeContactPoint]
    var years: [Int]
    var related: [String]
    var note: String?
    var evidence: [NativeEvidence]
    /// `suggested` while the mappings come from `inclusiebench draft` and no person has reviewed them yet.
    var review: String?
    /// Why each suggestion was made (trigger words, similar hand-coded items), for the reviewer.
    var suggestedBy: [String]

    init(from decoder: any Decoder) throws {
        try self.init(from: decoder, extraKeys: [])
    }

    /// Decodes the shared fields; `extraKeys` are the children or fields a kind adds at this place.
    init(from decoder: any Decoder, extraKeys: [String]) throws {
        let (container, present) = try knownKeys(in: decoder, allowed: Self.keys, extra: extraKeys)
        try self.init(container, present: present, line: decoder.yamlLine)
    }

    /// Decodes the shared fields from a mapping whose keys are already checked; `present` are its keys.
    init(_ container: KeyedDecodingContainer<AnyKey>, present: [String], line: Int?) throws {
        // A key the mapping does not have decodes to nil without asking Yams to search for it.
        func optional<T: Decodable>(_ key: String, _ type: T.Type = T.self) throws -> T? {
            guard present.contains(key) else { return nil }
            return try container.decodeIfPresent(T.self, forKey: AnyKey(stringValue: key))
        }
        self.line = line
        id = try requiredText(container, AnyKey(stringValue: "id"), at: container.codingPath)
        number = try optional("number")
        title = try requiredText(container, AnyKey(stringValue: "title"), at: container.codingPath)
        description = try optional("description")
        status = try optional("status")
        themes = try optional("themes") ?? []
        instruments = try optional("instruments") ?? []
        roles = try optional("roles") ?? []
        targetGroups = try optional("target_groups") ?? []
        partners = try optional("partners") ?? []
        citedSources = try optional("cited_sources") ?? []
        owner = try optional("owner")
        contactPoints = try optional("contact_points") ?? []
        years = try optional("years", [DecimalInt].self)?.map(\.value) ?? []
        related = try optional("related") ?? []
        note = try optional("note")
        evidence = try optional("evidence") ?? []
        review = try optional("review")
        suggestedBy = try optional("suggested_by") ?? []
        if let review, review != "suggested" {
            throw dataCorrupted(
                at: container.codingPath + [AnyKey(stringValue: "review")],
                LocalizedText(
                    nl: "'review: \(review)' kent de tool niet; schrijf 'review: suggested', of haal de regel weg als je de suggesties hebt nagekeken",
                    en: "the tool does not know 'review: \(review)'; write 'review: suggested', or remove the line once you have reviewed the suggestions"))
        }
    }
}

/// An item of one of a kind's groups, with the items under it and the ids it names where its group has them.
struct NativeGroupItem {
    var item: NativeItem
    /// The items under the group's `childKey` (an execution line's activities).
    var children: [NativeItem] = []
    /// The ids under the group's `linkKey` (the execution lines an action runs under).
    var links: [String] = []

    init(from decoder: any Decoder, in group: ItemGroupDetails) throws {
        let extraKeys = [group.childKey, group.linkKey].compactMap { $0 }
        let (container, present) = try knownKeys(in: decoder, allowed: NativeItem.keys, extra: extraKeys)
        item = try NativeItem(container, present: present, line: decoder.yamlLine)
        if let childKey = group.childKey { children = try container.list(childKey) }
        if let linkKey = group.linkKey { links = try container.list(linkKey) }
    }
}

/// The items of a programme file's groups, read by the groups its kind's details name: the list that allows a
/// group in a file is the list that reads it, so no group can be accepted and then silently dropped.
struct NativeGroups {
    private var itemsByGroup: [String: [NativeGroupItem]] = [:]

    /// Reads the groups in the order the file has them (`keys`), so that of two mistakes the first is reported.
    init(_ container: KeyedDecodingContainer<AnyKey>, keys: [String], groups: [ItemGroupDetails]) throws {
        for group in groups {
            itemsByGroup[group.key] = []
        }
        for key in keys {
            guard let group = groups.first(where: { $0.key == key }) else { continue }
            itemsByGroup[key] = try container.items(of: group)
        }
    }

    /// The items of the group `key`, in file order; none when the file leaves the group out or empty.
    subscript(key: String) -> [NativeGroupItem] {
        guard let items = itemsByGroup[key] else { preconditionFailure("'\(key)' is not a group of this kind's details") }
        return items
    }
}

/// An organisation named in the programme.
struct NativePartner: Decodable {
    var line: Int?
    var id: String
    var name: String
    var description: String?
    var role: Partner.Role
    var evidence: [NativeEvidence]

    init(from decoder: any Decoder) throws {
        try rejectUnknownKeys(in: decoder, allowed: ["id", "name", "description", "role", "evidence"])
        let container = try decoder.container(keyedBy: AnyKey.self)
        line = decoder.yamlLine
        id = try requiredText(container, AnyKey(stringValue: "id"), at: decoder.codingPath)
        name = try requiredText(container, AnyKey(stringValue: "name"), at: decoder.codingPath)
        description = try container.decodeIfPresent(String.self, forKey: AnyKey(stringValue: "description"))
        let roleKey = AnyKey(stringValue: "role")
        if let word = try container.decodeIfPresent(String.self, forKey: roleKey) {
            guard let parsed = Partner.Role(rawValue: word) else {
                throw dataCorrupted(
                    at: decoder.codingPath + [roleKey],
                    LocalizedText(
                        nl: "onbekende rol '\(word)'; hier kan staan: partner of cited-source",
                        en: "unknown role '\(word)'; this place knows: partner or cited-source"))
            }
            role = parsed
        } else {
            role = .partner
        }
        evidence = try container.decodeIfPresent([NativeEvidence].self, forKey: AnyKey(stringValue: "evidence")) ?? []
    }
}

/// A problem an adapter finds in a native shape after decoding, at the line of the part concerned.
struct PluginProblem: Error {
    var line: Int?
    var message: LocalizedText
    var fix: LocalizedText?
}

/// Throws at the first of `items` whose `field` is missing or empty: a field that makes an item what it is in
/// its kind (a spearhead's owner, a proposal's number). `missing` says so for the item's id.
func requireField(
    _ field: KeyPath<NativeItem, String?>, in items: [NativeItem], missing: (String) -> LocalizedText, fix: LocalizedText
) throws {
    guard let item = items.first(where: { ($0[keyPath: field] ?? "").isEmpty }) else { return }
    throw PluginProblem(line: item.line, message: missing(item.id), fix: fix)
}

/// The message of a problem found while decoding, in both languages.
///
/// A `DecodingError` carries only an English `debugDescription` and a coding path; this rides along as its
/// underlying error so `YAMLDiagnostics` can print the user's language and still find the line by the path.
struct LocalizedDecodingMessage: Error {
    var message: LocalizedText
}

/// A `dataCorrupted` decoding error at `path` whose message comes in both languages.
func dataCorrupted(at path: [any CodingKey], _ message: LocalizedText) -> DecodingError {
    .dataCorrupted(
        .init(codingPath: path, debugDescription: message.en, underlyingError: LocalizedDecodingMessage(message: message)))
}

extension KeyedDecodingContainer where Key == AnyKey {
    /// A list that may be left out of the file; left out means empty.
    func list<T: Decodable>(_ key: String) throws -> [T] {
        try decodeIfPresent([T].self, forKey: AnyKey(stringValue: key)) ?? []
    }

    /// The items of a group the mapping has, read as `list` reads a list, each with what its group adds.
    func items(of group: ItemGroupDetails) throws -> [NativeGroupItem] {
        let key = AnyKey(stringValue: group.key)
        guard try !decodeNil(forKey: key) else { return [] }
        var list = try nestedUnkeyedContainer(forKey: key)
        var items: [NativeGroupItem] = []
        while !list.isAtEnd {
            items.append(try NativeGroupItem(from: list.superDecoder(), in: group))
        }
        return items
    }
}
