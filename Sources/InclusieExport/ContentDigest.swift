import Crypto
import Foundation

/// A fingerprint of exported content, for the data version: the same data always gets the same version
/// and any change in it gets a new one. SHA-256, so anyone can check it with `sha256sum`; a label, not a
/// security measure.
public enum ContentDigest {
    /// The digest as 64 lower-case hexadecimal digits.
    public static func sha256Hex(_ data: Data) -> String {
        SHA256.hash(data: data).map { byte in
            let digits = String(byte, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }.joined()
    }
}
