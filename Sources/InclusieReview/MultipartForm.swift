import Foundation

/// A `multipart/form-data` body as a browser sends a form with a file in it.
///
/// Hummingbird 2 reads a request body only up to a bound (`collect(upTo:)`), which keeps an upload's size
/// in check, but has no multipart decoder of its own; its examples use vapor/multipart-kit. Version 4.7.1
/// of that (the one on these machines) splits the parts but gives no file name, and its header-parameter
/// reader cuts a value at `=` or `;`, so the part we need most would still be ours. The start page sends
/// one file and a few short fields, so this reads exactly that: parts separated by the boundary, each with
/// a `Content-Disposition` naming its field and, for the file, its name. Anything malformed is refused as a
/// whole (nil), never guessed at.
struct MultipartForm {
    struct Part {
        var name: String
        /// The file's name as the browser gave it; only its extension and a slug of it are ever used.
        var fileName: String?
        var data: Data
    }

    var parts: [Part]

    /// More parts than any form of the review has is not a form of the review.
    static let maximumParts = 40

    init?(body: Data, contentType: String) {
        guard let boundary = Self.boundary(contentType) else { return nil }
        let delimiter = Data("--\(boundary)".utf8)
        let separator = Data("\r\n--\(boundary)".utf8)
        let headerEnd = Data("\r\n\r\n".utf8)
        guard let first = body.range(of: delimiter) else { return nil }
        var position = first.upperBound
        var parts: [Part] = []
        while true {
            let rest = body[position...]
            if rest.starts(with: Data("--".utf8)) { break }
            guard rest.starts(with: Data("\r\n".utf8)), parts.count < Self.maximumParts else { return nil }
            let headerStart = position + 2
            guard let headersEnd = body.range(of: headerEnd, in: headerStart..<body.endIndex),
                let headers = String(data: body[headerStart..<headersEnd.lowerBound], encoding: .utf8),
                let end = body.range(of: separator, in: headersEnd.upperBound..<body.endIndex),
                let disposition = Self.disposition(headers)
            else { return nil }
            parts.append(Part(name: disposition.name, fileName: disposition.fileName, data: Data(body[headersEnd.upperBound..<end.lowerBound])))
            position = end.upperBound
        }
        self.parts = parts
    }

    /// The text of a field, when it is UTF-8.
    func text(_ name: String) -> String? {
        parts.first { $0.name == name && $0.fileName == nil }.flatMap { String(data: $0.data, encoding: .utf8) }
    }

    func file(_ name: String) -> Part? { parts.first { $0.name == name && $0.fileName != nil } }

    /// The `boundary` parameter of a `multipart/form-data` content type (1 to 70 characters, RFC 2046).
    static func boundary(_ contentType: String) -> String? {
        let pieces = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard pieces.first?.lowercased() == "multipart/form-data" else { return nil }
        for piece in pieces.dropFirst() where piece.lowercased().hasPrefix("boundary=") {
            var value = String(piece.dropFirst("boundary=".count))
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            guard (1...70).contains(value.count), value.allSatisfy({ $0.isASCII && !$0.isNewline }) else { return nil }
            return value
        }
        return nil
    }

    /// The field name and file name of a part's `Content-Disposition: form-data; name="…"; filename="…"`.
    private static func disposition(_ headers: String) -> (name: String, fileName: String?)? {
        for line in headers.components(separatedBy: "\r\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == "content-disposition" else { continue }
            var name: String?
            var fileName: String?
            for parameter in parts[1].split(separator: ";").dropFirst() {
                let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard pair.count == 2 else { continue }
                var value = pair[1]
                if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
                switch pair[0].lowercased() {
                case "name": name = value
                case "filename": fileName = value
                default: break
                }
            }
            return name.map { ($0, fileName) }
        }
        return nil
    }
}
