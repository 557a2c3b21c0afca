import Foundation
import GRDB
import InclusieModel

/// The text of a programme's source document, as read from its sources folder, for full-text search.
public struct SourceText: Sendable, Hashable {
    public var programmeKey: String
    public var fileName: String
    public var text: String

    public init(programmeKey: String, fileName: String, text: String) {
        self.programmeKey = programmeKey
        self.fileName = fileName
        self.text = text
    }
}

/// What a user searches for: words, and the facet values the hits must have.
public struct SearchRequest: Sendable, Hashable {
    public var words: String
    public var municipality: String?
    /// A programme kind id, such as `action-programme`.
    public var kind: String?
    /// An item status id; source passages have none, so filtering on a status leaves only items.
    public var status: String?
    /// A theme id; matches items mapped onto it anywhere in their theme list.
    public var theme: String?
    public var limit: Int
    public var offset: Int

    /// The facet names in the order results list them, with the values each may take in `catalog`: what
    /// the web page and the command check a user's choice against.
    public static func facetChoices(in catalog: Catalog) -> [(name: String, values: [String])] {
        [
            ("municipality", catalog.municipalities.map(\.slug)),
            ("kind", Array(Set(catalog.programmes.map(\.kind.id))).sorted()),
            ("status", catalog.taxonomy.itemStatuses.map(\.id)),
            ("theme", catalog.taxonomy.themes.map(\.id)),
        ]
    }

    /// More words than this make no better search, only a slower one.
    public static let maximumWordCount = 16
    public static let maximumLength = 500

    public init(
        words: String, municipality: String? = nil, kind: String? = nil, status: String? = nil, theme: String? = nil,
        limit: Int = 20, offset: Int = 0
    ) {
        self.words = words
        self.municipality = municipality
        self.kind = kind
        self.status = status
        self.theme = theme
        self.limit = limit
        self.offset = offset
    }
}

/// The answer to a search: one page of hits, how many there are in all, and the counts per facet value.
public struct SearchResults: Sendable, Hashable, Encodable {
    public struct Hit: Sendable, Hashable, Encodable {
        public var programmeKey: String
        public var municipalitySlug: String
        /// The item's local id; nil for a passage of the source document.
        public var itemID: String?
        public var title: String
        public var section: String
        /// The source document's file name.
        public var sourceFile: String
        /// The matching passage, in pieces that alternate between context and matched words.
        public var snippet: [SnippetPiece]
    }

    public struct SnippetPiece: Sendable, Hashable, Encodable {
        public var text: String
        public var isMatch: Bool
    }

    public struct FacetCount: Sendable, Hashable, Encodable {
        public var value: String
        public var count: Int
    }

    public var total: Int
    public var hits: [Hit]
    /// Per facet name (`municipality`, `kind`, `status`, `theme`): how many hits each value would give,
    /// counted under the other facets' filters, so a count is what clicking that value shows.
    public var facets: [String: [FacetCount]]
}

/// A search request that cannot be run, in both user languages.
public struct SearchError: Error, Sendable {
    public var message: LocalizedText
}

/// An SQLite FTS5 index over every item's title, description, note and quotes, and over the source
/// documents' paragraphs.
///
/// It lives in memory and is built from the catalog when a server or search starts: derived data, so the
/// database file stays exactly what the import wrote and can be opened read-only. Words are folded to
/// lower case without accents (`unicode61 remove_diacritics 2`), so "Sinti" finds "sinti" and "beleid"
/// finds "béleid"; every word is a prefix, so "discrimin" finds "discriminatie". Prefixes of two to eight
/// letters have an index of their own, so that a typed word is one list to read rather than every longer
/// word that begins with it merged on each search (twice the index's memory, 14 MB at 342 municipalities).
///
/// A connection answers one query at a time, so the index is copied once per core (at most four) and a
/// search goes to the copy its words pick: concurrent searches then run side by side.
public struct SearchIndex: Sendable {
    private let copies: [DatabaseQueue]
    /// Every entry's facet values, so the total and the facet counts are counted in memory from the
    /// matching row ids alone.
    private let facets: EntryFacets

    public init(catalog: Catalog, sources: [SourceText] = []) throws {
        let database = try DatabaseQueue()
        var facets = EntryFacets()
        try database.write { db in
            try db.execute(
                sql: """
                    CREATE VIRTUAL TABLE entry_text USING fts5(
                        title, body, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4 5 6 7 8');
                    CREATE TABLE entry (
                        id INTEGER PRIMARY KEY, programme_key TEXT NOT NULL, municipality TEXT NOT NULL, kind TEXT NOT NULL,
                        status TEXT, item_id TEXT, section TEXT NOT NULL, source_file TEXT NOT NULL, long_body INTEGER NOT NULL);
                    CREATE TABLE entry_theme (
                        theme TEXT NOT NULL, entry_id INTEGER NOT NULL, PRIMARY KEY (theme, entry_id)) WITHOUT ROWID;
                    """)
            let addText = try db.makeStatement(sql: "INSERT INTO entry_text(rowid, title, body) VALUES (?, ?, ?)")
            let addEntry = try db.makeStatement(sql: "INSERT INTO entry VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
            let addTheme = try db.makeStatement(sql: "INSERT OR IGNORE INTO entry_theme VALUES (?, ?)")
            var id: Int64 = 0
            let programmes = Dictionary(catalog.programmes.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
            for programme in catalog.programmes {
                for item in programme.items {
                    id += 1
                    let body = ([item.description, item.note].compactMap { $0 } + item.evidence.map(\.quote))
                        .joined(separator: "\n")
                    try addText.execute(arguments: [id, item.displayLabel, body])
                    try addEntry.execute(arguments: [
                        id, programme.key, programme.municipalitySlug, programme.kind.id, item.status, item.localID,
                        item.evidence.first?.section ?? "", programme.sourceFile, body.utf8.count > Self.maximumSnippetSource,
                    ])
                    for theme in item.themes { try addTheme.execute(arguments: [theme, id]) }
                    facets.add(
                        municipality: programme.municipalitySlug, kind: programme.kind.id, status: item.status,
                        themes: item.themes)
                }
            }
            for source in sources {
                guard let programme = programmes[source.programmeKey] else { continue }
                for passage in Self.passages(of: source.text) {
                    id += 1
                    try addText.execute(arguments: [id, "", passage.text])
                    facets.add(municipality: programme.municipalitySlug, kind: programme.kind.id, status: nil, themes: [])
                    try addEntry.execute(arguments: [
                        id, programme.key, programme.municipalitySlug, programme.kind.id, nil, nil, passage.heading,
                        source.fileName, passage.text.utf8.count > Self.maximumSnippetSource,
                    ])
                }
            }
        }
        // One segment instead of the dozens the inserts left, so that every search reads one b-tree per word.
        try database.write { db in try db.execute(sql: "INSERT INTO entry_text(entry_text) VALUES ('optimize')") }
        var copies = [database]
        for _ in 1..<min(4, max(1, ProcessInfo.processInfo.activeProcessorCount)) {
            let copy = try DatabaseQueue()
            try database.backup(to: copy)
            copies.append(copy)
        }
        self.copies = copies
        self.facets = facets
    }

    /// The source text cut at blank lines, each passage with the last heading-like line above it, and no
    /// passage longer than `maximumPassageLength`.
    ///
    /// Table rows (lines with a tab) are left out: in municipal documents that is where contact tables
    /// put civil servants' names, which the tool never shows; what a table says that matters is modelled
    /// in the plugin's items and budget lines, which are searched.
    static func passages(of text: String) -> [(heading: String, text: String)] {
        var result: [(heading: String, text: String)] = []
        var heading = ""
        var lines: [Substring] = []
        func flush() {
            let passage = lines.joined(separator: " ").trimmingCharacters(in: .whitespaces)
            lines.removeAll()
            guard !passage.isEmpty else { return }
            if looksLikeHeading(passage) { heading = String(passage.prefix(120)) }
            for piece in bounded(passage) { result.append((heading, piece)) }
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.allSatisfy(\.isWhitespace) || line.contains("\t") { flush() } else { lines.append(line) }
        }
        flush()
        return result
    }

    /// The longest passage indexed, in characters: a few paragraphs.
    ///
    /// FTS5's `snippet()` scores every match of a row against every other, so its time grows with the
    /// square of the matches in one row: a 1 MB source text without blank lines, one passage, took
    /// seconds per search (issue 29). Bounded passages keep each snippet's work small and the whole
    /// search linear in the text.
    static let maximumPassageLength = 2_000

    /// A passage cut into pieces of at most `maximumPassageLength` characters, each ending at a space
    /// where there is one within its window; linear in the passage.
    static func bounded(_ passage: String) -> [String] {
        guard passage.utf8.count > maximumPassageLength else { return [passage] }
        var pieces: [String] = []
        var rest = Substring(passage)
        while !rest.isEmpty {
            guard let limit = rest.index(rest.startIndex, offsetBy: maximumPassageLength, limitedBy: rest.endIndex),
                limit < rest.endIndex
            else {
                pieces.append(String(rest))
                break
            }
            var cut = rest[..<limit].lastIndex(where: \.isWhitespace) ?? limit
            if cut == rest.startIndex { cut = limit }
            pieces.append(String(rest[..<cut]))
            rest = rest[cut...].drop(while: \.isWhitespace)
        }
        return pieces
    }

    /// A short line that does not end like a sentence: how headings look in the plain-text sources.
    private static func looksLikeHeading(_ passage: String) -> Bool {
        passage.count <= 80 && !passage.contains("\n") && !(passage.last.map { ".;:,!?".contains($0) } ?? true)
    }

    /// The FTS5 query for the user's words (`tokens`): each word as a quoted prefix, all of them required.
    ///
    /// Only letters and digits reach the query, so no user input is read as FTS5 syntax (`OR`, `NEAR`,
    /// `*`, quotes, column filters); an empty result means there was nothing to search for.
    static func matchExpression(_ tokens: [String]) -> String? {
        guard !tokens.isEmpty else { return nil }
        return tokens.map { "\"\($0)\"*" }.joined(separator: " ")
    }

    /// The user's words as the query has them: letters and digits only, lower case.
    static func tokens(_ words: String) throws(SearchError) -> [String] {
        guard words.count <= SearchRequest.maximumLength else {
            throw SearchError(
                message: LocalizedText(
                    nl: "De zoekvraag is langer dan \(SearchRequest.maximumLength) tekens; zoek op minder woorden.",
                    en: "The search is longer than \(SearchRequest.maximumLength) characters; search for fewer words."))
        }
        let tokens = words.split { !($0.isLetter || $0.isNumber) }.map { $0.lowercased() }
        guard tokens.count <= SearchRequest.maximumWordCount else {
            throw SearchError(
                message: LocalizedText(
                    nl: "De zoekvraag heeft meer dan \(SearchRequest.maximumWordCount) woorden; zoek op minder woorden.",
                    en: "The search has more than \(SearchRequest.maximumWordCount) words; search for fewer words."))
        }
        return tokens
    }

    public func search(_ request: SearchRequest) throws -> SearchResults {
        let tokens = try Self.tokens(request.words)
        guard let expression = Self.matchExpression(tokens) else {
            return SearchResults(total: 0, hits: [], facets: [:])
        }
        let copy = copies[Int(UInt(bitPattern: request.words.hashValue) % UInt(copies.count))]
        return try copy.read { db in
            let filters: [(name: String, value: String?)] = [
                ("municipality", request.municipality), ("kind", request.kind), ("status", request.status),
                ("theme", request.theme),
            ]
            // The total and every facet count come from the matching row ids alone, counted in memory:
            // no rank, no text.
            let matches = try Int.fetchAll(
                db.cachedStatement(sql: "SELECT rowid FROM entry_text WHERE entry_text MATCH ?"), arguments: [expression])
            let counted = self.facets.count(matches, filters: filters.map(\.value))
            let facets = Dictionary(uniqueKeysWithValues: zip(filters.map(\.name), counted.facets))
            // One page, in one query that evaluates the match once: FTS5 sorts by rank itself (no sorter, so
            // `snippet()` runs for the rows of the page only), the filters are plain columns of `entry`, and
            // the rows before the page are skipped before their columns are made. A snippet per hit in a
            // query of its own would evaluate the match (every word's prefix expansion) again for each hit.
            // Equal ranks come in row id order.
            let statement = try db.cachedStatement(
                sql: """
                    SELECT e.programme_key, e.municipality, e.item_id, e.section, e.source_file,
                        entry_text.title AS title,
                        CASE WHEN e.long_body THEN NULL ELSE snippet(entry_text, 1, char(2), char(3), '…', 24) END AS snippet,
                        CASE WHEN e.long_body THEN entry_text.body ELSE NULL END AS body
                    FROM entry_text JOIN entry e ON e.id = entry_text.rowid
                    WHERE entry_text MATCH :match
                        AND (:municipality IS NULL OR e.municipality = :municipality)
                        AND (:kind IS NULL OR e.kind = :kind)
                        AND (:status IS NULL OR e.status = :status)
                        AND (:theme IS NULL OR EXISTS (SELECT 1 FROM entry_theme t WHERE t.theme = :theme AND t.entry_id = e.id))
                    ORDER BY rank LIMIT :limit OFFSET :offset
                    """)
            let rows = try Row.fetchAll(
                statement,
                arguments: [
                    "match": expression, "municipality": request.municipality, "kind": request.kind,
                    "status": request.status, "theme": request.theme, "limit": max(0, request.limit),
                    "offset": max(0, request.offset),
                ])
            let hits = rows.map { row -> SearchResults.Hit in
                let marked: String? = row["snippet"]
                let body: String? = row["body"]
                return SearchResults.Hit(
                    programmeKey: row["programme_key"], municipalitySlug: row["municipality"], itemID: row["item_id"],
                    title: row["title"], section: row["section"], sourceFile: row["source_file"],
                    snippet: marked.map(Self.pieces) ?? Self.windowSnippet(of: body ?? "", tokens: tokens))
            }
            return SearchResults(total: counted.passing, hits: hits, facets: facets)
        }
    }

    /// The longest text, in UTF-8 bytes, whose snippet FTS5 makes; a longer one gets `windowSnippet`.
    ///
    /// FTS5's `snippet()` and `highlight()` grow their output by copying it whole for every piece they
    /// add, so their time grows with the square of the matches in one text: 4.9 s for a 1 MB text with a
    /// common word (SQLite's FTS5 from Python, 0.44 s at 0.25 MB). Source passages are bounded
    /// (`maximumPassageLength`), and titles are read as they are, never highlighted.
    static let maximumSnippetSource = 16_384

    /// A snippet made here for an over-long text: about `windowLength` characters around the first place
    /// one of the words occurs (as a word start, ignoring case and accents, as FTS5 matches), with every
    /// such occurrence inside the window marked. Linear in the text: one scan to the first match, then
    /// work on the window only.
    static func windowSnippet(of text: String, tokens: [String], windowLength: Int = 200) -> [SearchResults.SnippetPiece] {
        let options: String.CompareOptions = [.caseInsensitive, .diacriticInsensitive]
        let first = tokens.compactMap { text.range(of: $0, options: options)?.lowerBound }.min() ?? text.startIndex
        let start = text.index(first, offsetBy: -windowLength / 3, limitedBy: text.startIndex) ?? text.startIndex
        let end = text.index(start, offsetBy: windowLength, limitedBy: text.endIndex) ?? text.endIndex
        let window = text[start..<end]
        var pieces: [SearchResults.SnippetPiece] = []
        var plain = start == text.startIndex ? "" : "…"
        var position = window.startIndex
        while position < window.endIndex {
            let atWordStart = position == text.startIndex || !(text[text.index(before: position)].isLetter || text[text.index(before: position)].isNumber)
            if atWordStart, let token = tokens.first(where: { window[position...].range(of: $0, options: options.union(.anchored)) != nil }),
                let matched = window[position...].range(of: token, options: options.union(.anchored))
            {
                if !plain.isEmpty { pieces.append(.init(text: plain, isMatch: false)) }
                pieces.append(.init(text: String(window[matched]), isMatch: true))
                plain = ""
                position = matched.upperBound
            } else {
                let character = window[position]
                plain.append(character.isNewline ? " " : character)
                position = window.index(after: position)
            }
        }
        plain += end == text.endIndex ? "" : "…"
        if !plain.isEmpty { pieces.append(.init(text: plain, isMatch: false)) }
        return pieces
    }

    /// Cuts FTS5's marked snippet into plain pieces, so every renderer escapes the text its own way.
    static func pieces(_ marked: String) -> [SearchResults.SnippetPiece] {
        var pieces: [SearchResults.SnippetPiece] = []
        var current = ""
        var inMatch = false
        for character in marked {
            if character == "\u{2}" || character == "\u{3}" {
                if !current.isEmpty { pieces.append(.init(text: current, isMatch: inMatch)) }
                current = ""
                inMatch = character == "\u{2}"
            } else {
                current.append(character == "\n" ? " " : character)
            }
        }
        if !current.isEmpty { pieces.append(.init(text: current, isMatch: inMatch)) }
        return pieces
    }
}

/// The facet values of every search entry, by entry id, as small integers: counting them over tens of
/// thousands of matches must not allocate per match.
struct EntryFacets: Sendable {
    /// The facets in the order of `SearchIndex.search`'s filters: municipality, kind, status, theme.
    private var names: [[String]] = [[], [], [], []]
    private var indexes: [[String: Int]] = [[:], [:], [:], [:]]
    /// Per entry (id - 1), per facet, its value indexes; a status is missing for source passages.
    private var entries: [[[Int]]] = []

    mutating func add(municipality: String, kind: String, status: String?, themes: [String]) {
        let values: [[String]] = [[municipality], [kind], status.map { [$0] } ?? [], themes]
        entries.append(values.enumerated().map { facet, values in values.map { index(of: $0, in: facet) } })
    }

    private mutating func index(of value: String, in facet: Int) -> Int {
        if let index = indexes[facet][value] { return index }
        names[facet].append(value)
        indexes[facet][value] = names[facet].count - 1
        return names[facet].count - 1
    }

    /// How many matches pass every filter, and per facet the count of each value among the matches that
    /// pass the other facets' filters.
    func count(_ matches: [Int], filters: [String?]) -> (passing: Int, facets: [[SearchResults.FacetCount]]) {
        // A filter on a value no entry has lets nothing through.
        let wanted: [Int?] = filters.enumerated().map { facet, value in value.map { indexes[facet][$0] ?? -1 } }
        var counts = names.map { [Int](repeating: 0, count: $0.count) }
        var passing = 0
        for id in matches {
            guard id >= 1, id <= entries.count else { continue }
            let entry = entries[id - 1]
            var failing = 0
            var failedFacet = -1
            for facet in 0..<entry.count {
                if let value = wanted[facet], !entry[facet].contains(value) {
                    failing += 1
                    failedFacet = facet
                }
            }
            if failing == 0 { passing += 1 }
            for facet in 0..<entry.count where failing == 0 || (failing == 1 && failedFacet == facet) {
                for value in entry[facet] { counts[facet][value] += 1 }
            }
        }
        let facets = counts.enumerated().map { facet, values in
            values.enumerated().filter { $0.element > 0 }.map { SearchResults.FacetCount(value: names[facet][$0.offset], count: $0.element) }
                .sorted { $0.count != $1.count ? $0.count > $1.count : $0.value < $1.value }
        }
        return (passing, facets)
    }
}
