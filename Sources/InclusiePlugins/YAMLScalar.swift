import Foundation

/// Writes free text as a YAML scalar for the tools that write plugins (`draft`, the synthetic benchmark).
public enum YAMLScalar {
    /// The text in double quotes with everything YAML or a terminal could misread escaped, so that no
    /// title or quote can turn into YAML syntax and reading it back gives the text unchanged.
    public static func doubleQuoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) {
                    result += String(format: "\\x%02X", scalar.value)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
