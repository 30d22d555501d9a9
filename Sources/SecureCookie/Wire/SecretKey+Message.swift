@preconcurrency import Crypto

/// HMAC over one whole message with a key's prekeyed states: what framings other than Werkzeug's sign.
extension SecretKey {
    /// The HMAC of `message` with this key.
    ///
    /// - Parameters:
    ///   - hash: The hash.
    ///   - message: The message.
    /// - Returns: The MAC's bytes.
    package func authenticationCode(_ hash: HashMethod, of message: UnsafeRawBufferPointer) -> [UInt8] {
        switch hash.algorithm {
        case .md5: return Array(prekeyed.md5.authenticationCode(of: message))
        case .sha1: return Array(prekeyed.sha1.authenticationCode(of: message))
        case .sha256: return Array(prekeyed.sha256.authenticationCode(of: message))
        case .sha384: return Array(prekeyed.sha384.authenticationCode(of: message))
        case .sha512: return Array(prekeyed.sha512.authenticationCode(of: message))
        }
    }

    /// The HMAC of `message` with this key, for a message held in an array.
    package func authenticationCode(_ hash: HashMethod, of message: [UInt8]) -> [UInt8] {
        message.withUnsafeBytes { authenticationCode(hash, of: $0) }
    }

    /// Whether `expected` is the HMAC of `message` with this key, compared in constant time
    /// (swift-crypto's `Digest ==`); a MAC of the wrong length is never valid.
    package func isAuthenticationCode(
        _ expected: UnsafeRawBufferPointer, _ hash: HashMethod, of message: UnsafeRawBufferPointer
    ) -> Bool {
        guard expected.count == hash.digestByteCount else { return false }
        switch hash.algorithm {
        case .md5: return prekeyed.md5.authenticationCode(of: message) == expected
        case .sha1: return prekeyed.sha1.authenticationCode(of: message) == expected
        case .sha256: return prekeyed.sha256.authenticationCode(of: message) == expected
        case .sha384: return prekeyed.sha384.authenticationCode(of: message) == expected
        case .sha512: return prekeyed.sha512.authenticationCode(of: message) == expected
        }
    }
}
