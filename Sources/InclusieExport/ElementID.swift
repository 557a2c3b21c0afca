/// An HTML element id made only of ASCII letters, digits and hyphens, for the report and the web pages:
/// Plot writes attribute values as they are, so nothing from the data may reach an id unfiltered.
public func elementID(_ parts: String...) -> String {
    var id = ""
    for scalar in parts.joined(separator: "-").lowercased().unicodeScalars {
        if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
            id.unicodeScalars.append(scalar)
        } else if id.last != "-" {
            id.append("-")
        }
    }
    return id
}
