/// Why a cookie that verified should still be sent again in the current form.
public struct ReissueReasons: OptionSet, Sendable, Hashable, CustomStringConvertible {
    /// The bits.
    public let rawValue: Int
    /// Creates reasons from bits.
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// A value was read by a ``MigratingSerializationMethod``'s legacy codec.
    public static let legacyCodec = ReissueReasons(rawValue: 1 << 0)
    /// The cookie verified with a key other than the first (a rotated-out key).
    public static let rotatedKey = ReissueReasons(rawValue: 1 << 1)
    /// The cookie verified with one of the cookie type's legacy hashes.
    public static let legacyHash = ReissueReasons(rawValue: 1 << 2)
    /// The cookie's `_expires` falls within the cookie type's renewal window.
    public static let nearExpiry = ReissueReasons(rawValue: 1 << 3)
    /// The cookie was read by a legacy framing (a Flask cookie where Werkzeug cookies are written now, or
    /// the other way round).
    public static let legacyFraming = ReissueReasons(rawValue: 1 << 4)

    /// The reasons' names, such as `legacy-codec, rotated-key`.
    public var description: String {
        [
            (ReissueReasons.legacyCodec, "legacy-codec"), (.rotatedKey, "rotated-key"), (.legacyHash, "legacy-hash"),
            (.nearExpiry, "near-expiry"), (.legacyFraming, "legacy-framing"),
        ].filter { contains($0.0) }.map(\.1).joined(separator: ", ")
    }
}

/// When a cookie type re-issues cookies that verified but are not in the current form.
public struct ReissuePolicy: Sendable, Hashable {
    /// Whether ``SecureCookie/shouldSave`` is true for a cookie that has ``SecureCookie/reissueReasons``.
    public var reissuesOutdatedCookies: Bool
    /// Seconds before `_expires` within which a cookie counts as ``ReissueReasons/nearExpiry``; `nil` for never.
    public var renewalWindow: Double?

    /// Creates a policy.
    ///
    /// - Parameters:
    ///   - reissuesOutdatedCookies: Whether outdated cookies should be saved again.
    ///   - renewalWindow: Seconds before expiry within which a cookie is renewed.
    public init(reissuesOutdatedCookies: Bool, renewalWindow: Double? = nil) {
        self.reissuesOutdatedCookies = reissuesOutdatedCookies
        self.renewalWindow = renewalWindow
    }

    /// Werkzeug's behaviour: a cookie is saved only when modified.
    public static let never = ReissuePolicy(reissuesOutdatedCookies: false)
    /// Save outdated cookies again (legacy codec, rotated key, legacy hash).
    public static let migrate = ReissuePolicy(reissuesOutdatedCookies: true)
}
