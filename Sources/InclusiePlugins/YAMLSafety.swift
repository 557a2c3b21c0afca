import CYaml
import Foundation
import InclusieModel

/// Checks a plugin file before any YAML is composed from it: the parts of YAML plugins never need, and
/// that an attacker can use, are refused with their line.
///
/// Anchors and aliases let a 500-byte file expand into a tree too large to hash (each level of nested
/// aliases multiplies the work tenfold), and tags (`!!binary`, `!!int`) silently change what a value
/// means. Both are found with libyaml's token scanner, which reads the file once and builds no tree, so
/// the check is linear in the file size. Nesting is bounded too, because composing a tree recurses.
enum YAMLSafety {
    /// Deeper than any plugin shape (a programme is about six levels deep); beyond it, composing recurses
    /// on the stack once per level.
    static let maximumDepth = 64

    /// YAML's words for "no value"; written plainly they are refused here, and text that is only one of
    /// them counts as blank.
    static let nullWords: Set<String> = ["~", "null", "Null", "NULL"]

    /// The first unsafe construct in `yaml`, as a diagnostic for `file`; nil when there is none.
    ///
    /// A file the scanner cannot read is left to the parser, which reports the syntax error itself.
    static func problem(in yaml: String, file: String) -> Diagnostic? {
        var bytes = Array(yaml.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer -> Diagnostic? in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var depth = 0
            while true {
                var token = yaml_token_t()
                guard yaml_parser_scan(&parser, &token) == 1 else { return nil }
                defer { yaml_token_delete(&token) }
                let line = Int(token.start_mark.line) + 1
                switch token.type {
                case YAML_STREAM_END_TOKEN:
                    return nil
                case YAML_ANCHOR_TOKEN, YAML_ALIAS_TOKEN:
                    return Diagnostic(
                        file: file, line: line,
                        message: LocalizedText(
                            nl: "YAML-ankers en -verwijzingen (&naam, *naam) zijn in plugins niet toegestaan",
                            en: "YAML anchors and aliases (&name, *name) are not allowed in plugins"),
                        fix: LocalizedText(
                            nl: "schrijf de waarde voluit; begint een tekst met & of *, zet hem dan tussen dubbele aanhalingstekens",
                            en: "write the value out in full; put text that starts with & or * between double quotes"))
                case YAML_TAG_TOKEN:
                    return Diagnostic(
                        file: file, line: line,
                        message: LocalizedText(
                            nl: "YAML-tags (zoals !!binary of !!int) zijn in plugins niet toegestaan",
                            en: "YAML tags (such as !!binary or !!int) are not allowed in plugins"),
                        fix: LocalizedText(
                            nl: "laat de tag weg en schrijf de waarde gewoon; begint een tekst met !, zet hem dan tussen dubbele aanhalingstekens",
                            en: "leave the tag out and write the plain value; put text that starts with ! between double quotes"))
                case YAML_BLOCK_SEQUENCE_START_TOKEN, YAML_BLOCK_MAPPING_START_TOKEN, YAML_FLOW_SEQUENCE_START_TOKEN,
                    YAML_FLOW_MAPPING_START_TOKEN:
                    depth += 1
                    if depth > maximumDepth {
                        return Diagnostic(
                            file: file, line: line,
                            message: LocalizedText(
                                nl: "de YAML is hier dieper genest dan \(maximumDepth) niveaus",
                                en: "the YAML nests deeper than \(maximumDepth) levels here"),
                            fix: LocalizedText(
                                nl: "volg de vorm in docs/plugin-format.md; controleer het inspringen en de haakjes",
                                en: "follow the shape in docs/plugin-format.md; check indentation and brackets"))
                    }
                case YAML_SCALAR_TOKEN where token.data.scalar.style == YAML_PLAIN_SCALAR_STYLE:
                    let scalar = token.data.scalar
                    let value = String(
                        decoding: UnsafeBufferPointer(start: scalar.value, count: Int(scalar.length)), as: UTF8.self)
                    if nullWords.contains(value) {
                        return Diagnostic(
                            file: file, line: line,
                            message: LocalizedText(
                                nl: "'\(value)' betekent in YAML 'geen waarde', en zou als de tekst '\(value)' worden bewaard",
                                en: "'\(value)' means 'no value' in YAML, and would be stored as the text '\(value)'"),
                            fix: LocalizedText(
                                nl: "laat de sleutel weg als er niets te zeggen is; bedoel je de tekst, zet hem dan tussen dubbele aanhalingstekens",
                                en: "leave the key out when there is nothing to say; if you mean the text, put it between double quotes"))
                    }
                case YAML_BLOCK_END_TOKEN, YAML_FLOW_SEQUENCE_END_TOKEN, YAML_FLOW_MAPPING_END_TOKEN:
                    depth -= 1
                default:
                    break
                }
            }
        }
    }

    /// Where the first byte that is not UTF-8 stands: line and column (in characters), both from 1.
    static func firstInvalidUTF8(in data: Data) -> (line: Int, column: Int)? {
        let bytes = [UInt8](data)
        var index = 0
        var line = 1
        var column = 1
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return (line, column)
            }
            guard index + length <= bytes.count else { return (line, column) }
            for offset in 1..<length where bytes[index + offset] & 0xC0 != 0x80 {
                return (line, column)
            }
            if length > 1 {
                // Overlong forms, surrogates and code points past U+10FFFF, which String refuses too.
                let second = bytes[index + 1]
                let invalid =
                    (byte == 0xE0 && second < 0xA0) || (byte == 0xED && second > 0x9F) || (byte == 0xF0 && second < 0x90)
                    || (byte == 0xF4 && second > 0x8F)
                if invalid { return (line, column) }
            }
            if byte == 0x0A {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += length
        }
        return nil
    }
}
