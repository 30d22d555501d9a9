/// The one error every part of this package throws: what went wrong, in words a user understands.
///
/// Check ``kind`` to react (`error.kind == .badSignature`); read ``description`` to show it.
/// Two errors are equal when their kinds are equal.
public struct SecureCookieError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of failure. Its ``rawValue`` is the name the command-line tool prints.
    public struct Kind: Sendable, Hashable, CustomStringConvertible {
        /// The kind's name as the tool prints it, such as `bad-signature`.
        public let rawValue: String
        private init(_ rawValue: String) { self.rawValue = rawValue }

        /// The MAC is not valid base64, has the wrong length for the hash, or does not match.
        public static let badSignature = Kind("bad-signature")
        /// The cookie's `_expires` time has passed.
        public static let expired = Kind("expired")
        /// The cookie's structure is wrong: no `?`, an item without `=`, a bad `%` escape, bad base64 in a value.
        public static let malformed = Kind("malformed")
        /// A value's bytes could not be decoded by the codec.
        public static let undecodable = Kind("undecodable")
        /// A codec refused a construct it will not build: a pickle global, a YAML tag, an ext type.
        public static let refused = Kind("refused")
        /// Input went past a configured limit.
        public static let limitExceeded = Kind("limit-exceeded")
        /// A value the codec cannot hold (when encoding).
        public static let unrepresentable = Kind("unrepresentable")
        /// No codec is registered under the name asked for.
        public static let unknownCodec = Kind("unknown-codec")
        /// The secret key is missing or unusable.
        public static let invalidKey = Kind("invalid-key")

        /// The kind's name.
        public var description: String { rawValue }
    }

    /// A limit that input can exceed.
    public struct Limit: Sendable, Hashable, CustomStringConvertible {
        /// The limit's name, such as `depth`.
        public let rawValue: String
        private init(_ rawValue: String) { self.rawValue = rawValue }

        /// Length of the whole cookie, or of a `Set-Cookie` value.
        public static let cookieLength = Limit("cookie length")
        /// Number of items in a cookie.
        public static let itemCount = Limit("item count")
        /// Nesting depth of a value.
        public static let depth = Limit("depth")
        /// Nodes of a value, counted after following shared references and aliases.
        public static let nodes = Limit("nodes")
        /// Decoded bytes of one value.
        public static let valueBytes = Limit("value bytes")
        /// Bytes of strings, bytes and digits a cookie's values build, shared references and aliases
        /// followed (``SecureCookieLimits/maximumMaterializedBytes``).
        public static let materializedBytes = Limit("materialized bytes")
        /// Entries of a codec's memo or anchor table.
        public static let memo = Limit("memo size")
        /// Entries on a decoder's stack.
        public static let stack = Limit("stack size")
        /// Digits of an integer written as text.
        public static let integerDigits = Limit("integer digits")
        /// Length of one input line of the command-line tool.
        public static let lineLength = Limit("line length")

        /// The limit's name.
        public var description: String { rawValue }
    }

    /// What went wrong.
    public let kind: Kind
    /// Why, as a sentence fragment (`"unknown opcode 0xff at offset 3"`).
    public let reason: String
    /// The cookie item whose value failed, when one did.
    public var key: String?
    /// The construct a codec refused (`posix.system`, `!!python/object/apply:os.system`), for ``Kind/refused``.
    public var construct: String?
    /// The limit that was exceeded, for ``Kind/limitExceeded``.
    public var limit: Limit?
    /// The Unix time the cookie expired at, for ``Kind/expired``.
    public var expiry: Int64?

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - kind: What went wrong.
    ///   - reason: Why.
    public init(_ kind: Kind, _ reason: String) {
        self.kind = kind
        self.reason = reason
    }

    /// Equal when the kinds are equal.
    public static func == (lhs: SecureCookieError, rhs: SecureCookieError) -> Bool { lhs.kind == rhs.kind }

    /// A sentence for users and logs. It never contains a cookie's value.
    public var description: String {
        var text: String
        switch kind {
        case .badSignature: text = "bad signature: \(reason)"
        case .expired: text = "cookie expired" + (expiry.map { " at \($0)" } ?? "") + (reason.isEmpty ? "" : ": \(reason)")
        case .malformed: text = "malformed cookie: \(reason)"
        case .undecodable: text = "undecodable value: \(reason)"
        case .refused: text = "refused " + (construct ?? "construct") + (reason.isEmpty ? "" : ": \(reason)")
        case .limitExceeded: text = "limit exceeded: " + (limit.map { "\($0): " } ?? "") + reason
        case .unrepresentable: text = "unrepresentable value: \(reason)"
        case .unknownCodec: text = "unknown codec: \(reason)"
        default: text = "\(kind): \(reason)"
        }
        if let key { text += " (key \"\(key)\")" }
        return text
    }
}

extension SecureCookieError {
    /// A bad-signature error.
    public static func badSignature(_ reason: String) -> Self { Self(.badSignature, reason) }
    /// A malformed-cookie error.
    public static func malformed(_ reason: String) -> Self { Self(.malformed, reason) }
    /// An undecodable-value error.
    public static func undecodable(_ reason: String) -> Self { Self(.undecodable, reason) }
    /// An unrepresentable-value error.
    public static func unrepresentable(_ reason: String) -> Self { Self(.unrepresentable, reason) }

    /// A refusal naming the construct refused.
    ///
    /// - Parameters:
    ///   - construct: What was refused, e.g. `global posix.system` or `tag !!python/name:os.system`.
    ///   - reason: More detail, possibly empty.
    /// - Returns: An error of kind ``Kind/refused`` with ``construct`` set.
    public static func refused(_ construct: String, _ reason: String = "") -> Self {
        var error = Self(.refused, reason)
        error.construct = construct
        return error
    }

    /// A limit error naming the limit.
    ///
    /// - Parameters:
    ///   - limit: The limit.
    ///   - reason: What went past it, e.g. `more than 100 levels`.
    /// - Returns: An error of kind ``Kind/limitExceeded`` with ``limit`` set.
    public static func limitExceeded(_ limit: Limit, _ reason: String) -> Self {
        var error = Self(.limitExceeded, reason)
        error.limit = limit
        return error
    }

    /// An expiry error.
    ///
    /// - Parameter expiry: When the cookie expired (Unix time).
    /// - Returns: An error of kind ``Kind/expired`` with ``expiry`` set.
    public static func expired(at expiry: Int64) -> Self {
        var error = Self(.expired, "")
        error.expiry = expiry
        return error
    }

    /// The same error, attributed to a cookie item.
    internal func forKey(_ key: String) -> Self {
        var copy = self
        copy.key = key
        return copy
    }
}
