import Foundation
import GRDB
import GRDBSQLite
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
/// finds "béleid"; every word is a prefix, so "discrimin" finds "discriminatie".
///
/// A connection answers one query at a time, so the index is copied once per core (at most four) and a
/// search goes to the copy its words pick: concurrent searches then run side by side.
public struct SearchIndex: Sendable {
    private let copies: [DatabaseQueue]
    /// How long the facet counts of one search may take, as Datasette bounds its facets: a search whose
    /// words match most of the index still answers at once, without the counts it had no time for.
    private let facetTimeLimit: TimeInterval

    public init(catalog: Catalog, sources: [SourceText] = [], facetTimeLimit: TimeInterval = 0.05) throws {
        self.facetTimeLimit = facetTimeLimit
        let database = try DatabaseQueue()
        try database.write { db in
            try db.execute(
                sql: """
                    CREATE VIRTUAL TABLE entry_text USING fts5(
                        title, body, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
                    CREATE TABLE entry (
                        id INTEGER PRIMARY KEY, programme_key TEXT NOT NULL, municipality TEXT NOT NULL,
                        kind TEXT NOT NULL, status TEXT, item_id TEXT, section TEXT NOT NULL, source_file TEXT NOT NULL,
                        long_body INTEGER NOT NULL);
                    CREATE TABLE entry_theme (entry INTEGER NOT NULL REFERENCES entry(id), theme TEXT NOT NULL,
                        PRIMARY KEY (entry, theme)) WITHOUT ROWID;
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
                    for theme in item.themes { try addTheme.execute(arguments: [id, theme]) }
                }
            }
            for source in sources {
                guard let programme = programmes[source.programmeKey] else { continue }
                for passage in Self.passages(of: source.text) {
                    id += 1
                    try addText.execute(arguments: [id, "", passage.text])
                    try addEntry.execute(arguments: [
                        id, programme.key, programme.municipalitySlug, programme.kind.id, nil, nil, passage.heading,
                        source.fileName, passage.text.utf8.count > Self.maximumSnippetSource,
                    ])
                }
            }
        }
        var copies = [database]
        for _ in 1..<min(4, max(1, ProcessInfo.processInfo.activeProcessorCount)) {
            let copy = try DatabaseQueue()
            try database.backup(to: copy)
            copies.append(copy)
        }
        self.copies = copies
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

    /// The FTS5 query for the user's words: each word as a quoted prefix, all of them required.
    ///
    /// Only letters and digits reach the query, so no user input is read as FTS5 syntax (`OR`, `NEAR`,
    /// `*`, quotes, column filters); an empty result means there was nothing to search for.
    static func matchExpression(_ words: String) throws(SearchError) -> String? {
        let tokens = try tokens(words)
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

    /// The facets in the order results list them, each with the column or table its values come from.
    static let facetNames = ["municipality", "kind", "status", "theme"]


    public func search(_ request: SearchRequest) throws -> SearchResults {
        guard let expression = try Self.matchExpression(request.words) else {
            return SearchResults(total: 0, hits: [], facets: [:])
        }
        let tokens = try Self.tokens(request.words)
        let copy = copies[Int(UInt(bitPattern: request.words.hashValue) % UInt(copies.count))]
        let chosen = [request.municipality, request.kind, request.status, request.theme]
        return try copy.read { db in
            // One statement ranks the matches and makes snippets for the page only: FTS5 finds the page's
            // rows by rank first, so a snippet is made twenty times, not once per match, and the MATCH is
            // set up once instead of once per hit.
            let page = try Row.fetchAll(
                db.cachedStatement(
                    sql: """
                        WITH page AS (
                            SELECT entry_text.rowid AS id, rank FROM entry_text JOIN entry e ON e.id = entry_text.rowid
                            WHERE entry_text MATCH :words AND \(Self.filters(except: nil))
                            ORDER BY rank, entry_text.rowid LIMIT :limit OFFSET :offset)
                        SELECT e.programme_key, e.municipality, e.item_id, e.section, e.source_file,
                            entry_text.title AS title,
                            CASE WHEN e.long_body THEN NULL ELSE snippet(entry_text, 1, char(2), char(3), '…', 24) END AS snippet,
                            CASE WHEN e.long_body THEN entry_text.body ELSE NULL END AS body
                        FROM page JOIN entry_text ON entry_text.rowid = page.id AND entry_text MATCH :words
                        JOIN entry e ON e.id = page.id
                        ORDER BY page.rank, page.id
                        """),
                arguments: Self.arguments(expression, chosen, except: nil)
                    + ["limit": max(0, request.limit), "offset": max(0, request.offset)])
            let hits = page.map { row in
                let marked: String? = row["snippet"]
                let body: String? = row["body"]
                return SearchResults.Hit(
                    programmeKey: row["programme_key"], municipalitySlug: row["municipality"], itemID: row["item_id"],
                    title: row["title"], section: row["section"], sourceFile: row["source_file"],
                    snippet: marked.map(Self.pieces) ?? Self.windowSnippet(of: body ?? "", tokens: tokens))
            }
            let total = try Int.fetchOne(
                db.cachedStatement(
                    sql: """
                        SELECT count(*) FROM entry_text JOIN entry e ON e.id = entry_text.rowid
                        WHERE entry_text MATCH :words AND \(Self.filters(except: nil))
                        """),
                arguments: Self.arguments(expression, chosen, except: nil)) ?? 0
            let facets = try Self.withTimeLimit(facetTimeLimit, on: db) { () throws -> [String: [SearchResults.FacetCount]] in
                var facets: [String: [SearchResults.FacetCount]] = [:]
                for (index, name) in Self.facetNames.enumerated() {
                    facets[name] = try Self.facetCounts(index, expression: expression, chosen: chosen, in: db)
                }
                return facets
            }
            return SearchResults(total: total, hits: hits, facets: facets ?? [:])
        }
    }

    /// Per value of one facet, how many matches it has under the other facets' filters: what clicking that
    /// value would show.
    private static func facetCounts(
        _ facet: Int, expression: String, chosen: [String?], in db: Database
    ) throws -> [SearchResults.FacetCount] {
        let value = facet == 3 ? "t.theme" : "e.\(facetNames[facet])"
        let themes = facet == 3 ? "JOIN entry_theme t ON t.entry = e.id" : ""
        return try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT \(value) AS value, count(*) AS count
                    FROM entry_text JOIN entry e ON e.id = entry_text.rowid \(themes)
                    WHERE entry_text MATCH :words AND \(value) IS NOT NULL AND \(filters(except: facet))
                    GROUP BY 1 ORDER BY 2 DESC, 1
                    """),
            arguments: arguments(expression, chosen, except: facet)
        ).map { SearchResults.FacetCount(value: $0["value"], count: $0["count"]) }
    }

    /// The facet filters as SQL on `entry e`, leaving out one facet's own (`except`); a filter that was not
    /// chosen lets everything through, so one cached statement serves every choice.
    private static func filters(except skipped: Int?) -> String {
        let conditions = [
            "(:municipality IS NULL OR e.municipality = :municipality)", "(:kind IS NULL OR e.kind = :kind)",
            "(:status IS NULL OR e.status = :status)",
            "(:theme IS NULL OR EXISTS (SELECT 1 FROM entry_theme c WHERE c.entry = e.id AND c.theme = :theme))",
        ]
        return conditions.enumerated().filter { $0.offset != skipped }.map(\.element).joined(separator: " AND ")
    }

    private static func arguments(_ expression: String, _ chosen: [String?], except skipped: Int?) -> StatementArguments {
        var values: [String: (any DatabaseValueConvertible)?] = ["words": expression]
        for (index, name) in facetNames.enumerated() where index != skipped {
            values.updateValue(chosen[index], forKey: name)
        }
        return StatementArguments(values)
    }

    /// Runs `body`, or gives nil when it takes longer than `limit`: SQLite's progress handler interrupts
    /// the statement, as Datasette's time limit does.
    private static func withTimeLimit<T>(_ limit: TimeInterval, on db: Database, _ body: () throws -> T) throws -> T? {
        let deadline = Deadline(DispatchTime.now().uptimeNanoseconds + UInt64(limit * 1_000_000_000))
        let context = Unmanaged.passRetained(deadline)
        sqlite3_progress_handler(
            db.sqliteConnection, 1_000,
            { context in
                guard let context else { return 0 }
                let deadline = Unmanaged<Deadline>.fromOpaque(context).takeUnretainedValue()
                return DispatchTime.now().uptimeNanoseconds > deadline.end ? 1 : 0
            }, context.toOpaque())
        defer {
            sqlite3_progress_handler(db.sqliteConnection, 0, nil, nil)
            context.release()
        }
        do {
            return try body()
        } catch let error as DatabaseError where error.resultCode == .SQLITE_INTERRUPT {
            return nil
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

/// When a time limit ends, for the progress handler that checks it.
private final class Deadline {
    let end: UInt64

    init(_ end: UInt64) {
        self.end = end
    }
}
