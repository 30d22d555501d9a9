/// A signed, client-side session cookie in Werkzeug's `SecureCookie` wire format.
///
/// A `SecureCookie` is a dict of `str` keys to ``PythonValue``s, signed with an HMAC so the client
/// cannot change it (the client can read it: it is not encrypted). Its ``format`` — the cookie
/// *type* — fixes the codec, hash and quoting, as a Werkzeug subclass does.
///
/// ```swift
/// var cookie = SecureCookie(["foo": 42, "baz": .tuple([1, 2, 3])], secretKey: "deadbeef", format: .pickle)
/// let value = try cookie.serialize()
/// let back = try SecureCookie.unserialize(value, secretKey: "deadbeef", format: .pickle)
/// ```
///
/// Nothing in a cookie is decoded before its MAC verifies.
public struct SecureCookie<Format: SecureCookieFormat>: Sendable {
    /// The cookie type: codec, hash, quoting and limits.
    public let format: Format
    /// The keys: the first signs, every one verifies.
    public var secretKeys: [SecretKey]
    /// The items, keys as `str` values, in insertion order.
    public private(set) var data: PythonDict
    /// Whether the cookie was created here rather than read from a request (Werkzeug's `new`).
    public internal(set) var isNew: Bool
    /// Whether an item was set or removed since the cookie was created or read (Werkzeug's `modified`).
    ///
    /// Changes inside a nested value are not seen: assign the value again to mark the cookie modified.
    public internal(set) var isModified: Bool
    /// For a cookie read from a request, the key and hash that verified it.
    public internal(set) var verification: CookieVerification?
    /// For a cookie read from a request, why it should be re-issued in the current form (empty when current).
    public internal(set) var reissueReasons: ReissueReasons = []
    /// For a cookie read from a request, the `_expires` it carried (Unix time), removed from ``data``.
    public internal(set) var sessionExpiry: Double?

    /// Creates a new cookie (``isNew`` is `true`, ``isModified`` `false`), as Werkzeug's constructor.
    ///
    /// - Parameters:
    ///   - data: The initial items, in order; keys must be `str` to be serialized.
    ///   - secretKeys: The keys: the first signs, all verify. May be empty for a cookie that is only read.
    ///   - format: The cookie type.
    public init(_ data: PythonDict = [:], secretKeys: [SecretKey], format: Format) {
        self.init(data: data, secretKeys: secretKeys, format: format, isNew: true)
    }

    /// Creates a new cookie signed with one key.
    ///
    /// - Parameters:
    ///   - data: The initial items.
    ///   - secretKey: The key.
    ///   - format: The cookie type.
    public init(_ data: PythonDict = [:], secretKey: SecretKey, format: Format) {
        self.init(data, secretKeys: [secretKey], format: format)
    }

    internal init(data: PythonDict, secretKeys: [SecretKey], format: Format, isNew: Bool) {
        self.format = format
        self.secretKeys = secretKeys
        self.data = data
        self.isNew = isNew
        self.isModified = false
    }

    /// Whether the cookie should be sent back: it was modified (Werkzeug's `should_save`), or it is
    /// outdated (``reissueReasons``) and the cookie type's ``SecureCookieFormat/reissuePolicy`` migrates.
    public var shouldSave: Bool {
        isModified || (format.reissuePolicy.reissuesOutdatedCookies && !reissueReasons.isEmpty)
    }

    /// The item keys, in insertion order.
    public var keys: [String] { data.orderedKeys.compactMap(\.stringValue) }

    /// The number of items.
    public var count: Int { data.count }

    /// Whether the cookie has no items.
    public var isEmpty: Bool { data.isEmpty }

    /// Reads an item, sets it (marking the cookie modified) or, with `nil`, removes it
    /// (marking it modified when the key was there).
    public subscript(key: String) -> PythonValue? {
        get { data[key] }
        set {
            if let newValue {
                data[key] = newValue
                isModified = true
            } else {
                removeValue(forKey: key)
            }
        }
    }

    /// Removes an item (Python's `pop` with a default): the cookie is modified only when the key was there.
    ///
    /// - Parameter key: The key.
    /// - Returns: The removed value, or `nil`.
    @discardableResult
    public mutating func removeValue(forKey key: String) -> PythonValue? {
        guard let value = data.removeValue(forKey: .str(key)) else { return nil }
        isModified = true
        return value
    }

    /// Returns the item, first setting it to `defaultValue` when absent (Python's `setdefault`):
    /// modified only when the key was absent.
    ///
    /// - Parameters:
    ///   - key: The key.
    ///   - defaultValue: The value to store when the key is absent.
    /// - Returns: The value now stored.
    public mutating func setDefault(_ key: String, _ defaultValue: PythonValue) -> PythonValue {
        if let value = data[key] { return value }
        data[key] = defaultValue
        isModified = true
        return defaultValue
    }

    /// Sets several items (Python's `update`): the cookie is modified even when `items` is empty, as in Werkzeug.
    ///
    /// - Parameter items: The items to set.
    public mutating func update(_ items: KeyValuePairs<String, PythonValue>) {
        for (key, value) in items { data[key] = value }
        isModified = true
    }

    /// Removes and returns the last item (Python's `popitem`); modified when there was one.
    ///
    /// - Returns: The removed item, or `nil` when the cookie is empty.
    public mutating func popLast() -> (key: String, value: PythonValue)? {
        guard let last = data.last, let key = last.key.stringValue else { return nil }
        data.removeValue(forKey: last.key)
        isModified = true
        return (key, last.value)
    }

    /// Removes every item (Python's `clear`): the cookie is modified even when it was empty, as in Werkzeug.
    public mutating func removeAll() {
        data.removeAll()
        isModified = true
    }
}
