/// How a cookie verified: which key and which hash matched its MAC.
///
/// A cookie that verified with a rotated-out key or a legacy hash is still valid, but the
/// application should re-issue it: see ``needsReissue``.
public struct CookieVerification: Sendable, Hashable {
    /// The position, in the keys passed to verify, of the key that matched (0 is the signing key).
    public let keyIndex: Int
    /// The hash whose MAC matched.
    public let hashMethod: HashMethod
    /// Whether that hash is the cookie type's signing hash rather than a legacy one.
    public let isSigningHash: Bool

    /// Records how a cookie verified (for framings: only after the MAC matched).
    ///
    /// - Parameters:
    ///   - keyIndex: The matching key's position.
    ///   - hashMethod: The matching hash.
    ///   - isSigningHash: Whether it is the signing hash.
    package init(keyIndex: Int, hashMethod: HashMethod, isSigningHash: Bool) {
        self.keyIndex = keyIndex
        self.hashMethod = hashMethod
        self.isSigningHash = isSigningHash
    }

    /// Whether the cookie was signed with something other than the current key and hash.
    public var needsReissue: Bool { keyIndex != 0 || !isSigningHash }
}
