@preconcurrency import Crypto

/// A secret a cookie is signed with: bytes, or text taken as its UTF-8 bytes (as Werkzeug encodes a str key).
///
/// For key rotation pass several: the first signs, all verify, and ``CookieVerification/keyIndex``
/// tells which one matched.
public struct SecretKey: Sendable, Hashable, ExpressibleByStringLiteral {
    /// The key's bytes.
    public let bytes: [UInt8]
    internal let symmetricKey: SymmetricKey
    internal let prekeyed: PrekeyedMACs

    /// A key from raw bytes.
    ///
    /// - Parameter bytes: The secret.
    public init(bytes: [UInt8]) {
        self.bytes = bytes
        self.symmetricKey = SymmetricKey(data: bytes)
        self.prekeyed = PrekeyedMACs(symmetricKey)
    }

    /// A key from text, used as its UTF-8 bytes.
    ///
    /// - Parameter text: The secret.
    public init(_ text: String) { self.init(bytes: Array(text.utf8)) }

    /// A key from a string literal.
    public init(stringLiteral text: String) { self.init(text) }

    /// A key from hexadecimal text (upper or lower case, an even number of digits).
    ///
    /// Fails (is `nil`) when the text is not hexadecimal.
    ///
    /// - Parameter hex: The digits.
    public init?(hex: String) {
        guard let bytes = Hex.decode(hex) else { return nil }
        self.init(bytes: bytes)
    }

    /// Equal when the bytes are equal (not constant time: for configuration, never for MACs).
    public static func == (lhs: SecretKey, rhs: SecretKey) -> Bool { lhs.bytes == rhs.bytes }

    /// Hashes the bytes.
    public func hash(into hasher: inout Hasher) { hasher.combine(bytes) }
}
