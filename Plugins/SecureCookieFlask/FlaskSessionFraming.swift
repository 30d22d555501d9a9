import SecureCookie

/// Flask's session cookie as a ``CookieFraming``: itsdangerous' `URLSafeTimedSerializer` with Flask's
/// settings (Flask 0.10 to 3.1).
///
/// `cookie = payload "." timestamp "." signature`: the payload is the codec's JSON, zlib-compressed
/// behind a leading `.` when that saves at least two bytes, in unpadded URL-safe base64; the timestamp
/// is the signing time as big-endian bytes; the signature is HMAC-SHA1 over the first two fields with a
/// key derived from each secret (`HMAC-SHA1(secret, salt)`, key derivation `hmac`).
///
/// ```swift
/// let framing = FlaskSessionFraming(secretKeys: ["current secret", "old secret"])
/// let session = try framing.read(cookie, now: now)           // verified, then decoded
/// let value = try framing.write(session.data, now: now, expires: nil)
/// ```
///
/// Reading follows itsdangerous' order and verdicts: the signature is checked first (``SecureCookieError/Kind/badSignature``,
/// or ``SecureCookieError/Kind/malformed`` when the cookie has no `.`), then the timestamp (malformed
/// when it is not base64), then the age (``SecureCookieError/Kind/expired`` when older than
/// ``maximumAge`` or from the future, as `SignatureExpired`), and only then the payload
/// (``SecureCookieError/Kind/undecodable`` where itsdangerous raises `BadPayload`). Inflating is bounded by
/// ``SecureCookieLimits/maximumMaterializedBytes``: a zlib bomb is a limit error at its first chunk past it.
public struct FlaskSessionFraming: CookieFraming {
    /// `flask`.
    public var name: String { "flask" }
    /// The secrets, current first: Flask's `SECRET_KEY`, then its `SECRET_KEY_FALLBACKS` (which
    /// itsdangerous lists oldest first and this list newest first).
    public let secretKeys: [SecretKey]
    /// The salt of the key derivation (`cookie-session`, Flask's `salt`).
    public let salt: String
    /// The HMAC's hash (SHA-1, Flask's `digest_method`).
    public let hashMethod: HashMethod
    /// The oldest cookie accepted, in seconds (`PERMANENT_SESSION_LIFETIME`, 31 days); `nil` checks no age.
    public var maximumAge: Int64?
    /// The codec of the payload (Flask's tagged JSON).
    public var serializationMethod: any SerializationMethod
    /// The bounds on reading.
    public var limits: SecureCookieLimits
    /// The signing keys derived from ``secretKeys``, in the same order.
    private let derivedKeys: [SecretKey]

    /// Flask's default maximum age: 31 days (`PERMANENT_SESSION_LIFETIME`), 2,678,400 seconds.
    public static let defaultMaximumAge: Int64 = 2_678_400

    /// Creates the framing with Flask's settings unless told otherwise.
    ///
    /// - Parameters:
    ///   - secretKeys: The secrets, current first.
    ///   - salt: The key derivation's salt (`cookie-session`).
    ///   - maximumAge: The oldest cookie accepted, in seconds (31 days); `nil` for no age check.
    ///   - serializationMethod: The payload's codec (Flask's tagged JSON).
    ///   - hashMethod: The HMAC's hash (SHA-1).
    ///   - limits: The bounds on reading.
    public init(
        secretKeys: [SecretKey], salt: String = "cookie-session", maximumAge: Int64? = FlaskSessionFraming.defaultMaximumAge,
        serializationMethod: any SerializationMethod = FlaskTaggedJSONSerializationMethod(), hashMethod: HashMethod = .insecureSHA1,
        limits: SecureCookieLimits = .default
    ) {
        self.secretKeys = secretKeys
        self.salt = salt
        self.maximumAge = maximumAge
        self.serializationMethod = serializationMethod
        self.hashMethod = hashMethod
        self.limits = limits
        let saltBytes = Array(salt.utf8)
        derivedKeys = secretKeys.map { SecretKey(bytes: $0.authenticationCode(hashMethod, of: saltBytes)) }
    }

    /// Reads and verifies a Flask session cookie.
    ///
    /// - Parameters:
    ///   - cookie: The cookie value's bytes.
    ///   - now: The current Unix time (whole seconds count, as itsdangerous' `int(time.time())`).
    /// - Returns: The session, with ``FramedSession/issuedAt`` and, with a maximum age, ``FramedSession/expiry``.
    /// - Throws: ``SecureCookieError``.
    public func read(_ cookie: [UInt8], now: Double) throws -> FramedSession {
        try checkLength(cookie.count)
        let dot = UInt8(ascii: ".")
        guard let signatureDot = cookie.lastIndex(of: dot) else {
            throw SecureCookieError.malformed("no \".\" separates the signature")
        }
        guard !derivedKeys.isEmpty else { throw SecureCookieError(.invalidKey, "no secret key to verify the cookie with") }
        let keyIndex = try verify(cookie, signedCount: signatureDot)
        guard let timestampDot = cookie[..<signatureDot].lastIndex(of: dot) else {
            throw SecureCookieError.malformed("the signed value has no timestamp")
        }
        // itsdangerous reads the timestamp as at most 8 big-endian bytes (struct ">Q").
        guard let timestampBytes = Base64URL.decode(cookie[(timestampDot + 1)..<signatureDot]), timestampBytes.count <= 8 else {
            throw SecureCookieError.malformed("the timestamp is not base64 of at most 8 bytes")
        }
        let issuedAt = Self.timestamp(timestampBytes)
        var expiry: Double?
        if let maximumAge {
            let current = Self.wholeSeconds(now)
            // A timestamp past Int64 (up to 2^64 - 1) is in the future for every clock.
            guard let issuedAt else { throw SecureCookieError.expired(at: Int64.max) }
            let (age, overflow) = current.subtractingReportingOverflow(issuedAt)
            let (deadline, late) = issuedAt.addingReportingOverflow(maximumAge)
            if overflow || age < 0 {
                var error = SecureCookieError(.expired, "the cookie was signed in the future")
                error.expiry = issuedAt
                throw error
            }
            if age > maximumAge { throw SecureCookieError.expired(at: late ? Int64.max : deadline) }
            expiry = late ? nil : Double(deadline)
        }

        // Only now, with the signature and the age checked, is the payload decoded.
        let json = try Self.payloadJSON(cookie[..<timestampDot], limits: limits)
        let value = try serializationMethod.loads(json[...], limits: limits)
        let data = try Self.session(from: value)
        var budget = MaterializationBudget(limits)
        try budget.spend(on: value)
        var reasons: ReissueReasons = []
        if keyIndex != 0 { reasons.insert(.rotatedKey) }
        return FramedSession(
            data: data, verification: CookieVerification(keyIndex: keyIndex, hashMethod: hashMethod, isSigningHash: true),
            reissueReasons: reasons, expiry: expiry, issuedAt: issuedAt)
    }

    /// The JSON of a cookie's payload **without verifying it**, for inspection only: base64 decoded and,
    /// behind a leading `.`, inflated within ``SecureCookieLimits/maximumMaterializedBytes``.
    ///
    /// - Parameter cookie: The cookie value.
    /// - Returns: The payload's bytes (the codec's text).
    /// - Throws: ``SecureCookieError``: malformed (no two `.`), undecodable, limit exceeded.
    public func unverifiedPayload(of cookie: some StringProtocol) throws -> [UInt8] {
        let bytes = Array(cookie.utf8)
        try checkLength(bytes.count)
        let dot = UInt8(ascii: ".")
        guard let signatureDot = bytes.lastIndex(of: dot), let timestampDot = bytes[..<signatureDot].lastIndex(of: dot) else {
            throw SecureCookieError.malformed("a Flask cookie is payload.timestamp.signature")
        }
        return try Self.payloadJSON(bytes[..<timestampDot], limits: limits)
    }

    /// The cookie-length limit, checked before anything else is read.
    private func checkLength(_ count: Int) throws {
        guard count <= limits.maximumCookieLength else {
            throw SecureCookieError.limitExceeded(
                .cookieLength, "the cookie is \(count) bytes; at most \(limits.maximumCookieLength) are accepted")
        }
    }

    /// A payload's bytes: base64, then inflated behind a leading `.`.
    private static func payloadJSON(_ text: ArraySlice<UInt8>, limits: SecureCookieLimits) throws -> [UInt8] {
        var payload = text
        let isCompressed = payload.first == UInt8(ascii: ".")
        if isCompressed { payload = payload.dropFirst() }
        guard let json = Base64URL.decode(payload) else {
            throw SecureCookieError.undecodable("the payload is not base64")
        }
        return isCompressed ? try Zlib.decompress(json[...], maximum: limits.maximumMaterializedBytes) : json
    }

    /// What Flask's `SecureCookieSession(data)` makes of the payload's value, as `dict(data)` does.
    ///
    /// A dict is the session; `None` and an empty str, bytes, list or tuple an empty one; a list or tuple
    /// of pairs a dict of them. Anything else is ``SecureCookieError/Kind/undecodable`` (Flask's `TypeError`
    /// or `ValueError`, a failed request).
    static func session(from value: PythonValue) throws -> PythonDict {
        switch value {
        case .dict(let dict): return dict
        case .list(let items), .tuple(let items):
            var dict = PythonDict()
            for (index, item) in items.enumerated() {
                let pair: [PythonValue]
                switch item {
                case .list(let parts), .tuple(let parts): pair = parts
                case .str(let text), .markup(let text): pair = text.unicodeScalars.map { .str(String($0)) }
                case .bytes(let bytes): pair = bytes.map { .int(Int($0)) }  // checked: a byte widens
                case .dict(let inner): pair = inner.orderedKeys
                default:
                    throw SecureCookieError.undecodable("session item \(index) is a \(item.typeName), not a key-value pair")
                }
                guard pair.count == 2 else {
                    throw SecureCookieError.undecodable("session item \(index) has \(pair.count) elements, not a key and a value")
                }
                guard pair[0].isHashable else {
                    throw SecureCookieError.undecodable("session item \(index) has an unhashable \(pair[0].typeName) key")
                }
                dict[pair[0]] = pair[1]
            }
            return dict
        default:
            if value.isEmptyForDict { return PythonDict() }
            throw SecureCookieError.undecodable("the session is a \(value.typeName), not a dict")
        }
    }

    /// Checks the signature over `cookie[..<signedCount]` against each key in turn.
    private func verify(_ cookie: [UInt8], signedCount: Int) throws -> Int {
        guard let signature = Base64URL.decode(cookie[(signedCount + 1)...]), signature.count == hashMethod.digestByteCount else {
            throw SecureCookieError.badSignature("the signature does not match")
        }
        let found = signature.withUnsafeBytes { mac in
            cookie.withUnsafeBytes { text -> Int? in
                let signed = UnsafeRawBufferPointer(rebasing: text[..<signedCount])
                for (index, key) in derivedKeys.enumerated() where key.isAuthenticationCode(mac, hashMethod, of: signed) {
                    return index
                }
                return nil
            }
        }
        guard let found else { throw SecureCookieError.badSignature("the signature does not match") }
        return found
    }

    /// Writes a session cookie signed with the first key at `now`, as Flask's `save_session` does.
    ///
    /// - Parameters:
    ///   - data: The session.
    ///   - now: The signing time, a Unix time (whole seconds are stored).
    ///   - expires: Ignored: a Flask cookie's age comes from its timestamp.
    /// - Returns: The cookie value.
    /// - Throws: ``SecureCookieError``: invalid key, unrepresentable value or time.
    public func write(_ data: PythonDict, now: Double, expires: Int64? = nil) throws -> String {
        guard let signingKey = derivedKeys.first else {
            throw SecureCookieError(.invalidKey, "no secret key to sign the cookie with")
        }
        guard now.isFinite, now >= 0, now < 9.2e18 else {
            throw SecureCookieError.unrepresentable("the signing time must be a Unix time from 0 on")
        }
        // What the codec will write, bounded before it writes (a value read with shared references expands).
        var budget = MaterializationBudget(limits)
        try budget.spend(on: .dict(data))
        let json = try serializationMethod.dumps(.dict(data))
        var cookie: [UInt8] = []
        cookie.reserveCapacity(json.count * 4 / 3 + 48)
        if let compressed = Zlib.compress(json), compressed.count < json.count - 1 {
            cookie.append(UInt8(ascii: "."))
            Base64URL.encode(compressed, into: &cookie)
        } else {
            Base64URL.encode(json, into: &cookie)
        }
        cookie.append(UInt8(ascii: "."))
        Base64URL.encode(Self.timestampBytes(Self.wholeSeconds(now)), into: &cookie)
        let signature = signingKey.authenticationCode(hashMethod, of: cookie)
        cookie.append(UInt8(ascii: "."))
        Base64URL.encode(signature, into: &cookie)
        return String(decoding: cookie, as: UTF8.self)
    }

    /// `int(time.time())` for a Unix time already checked or clamped to Int64's range.
    private static func wholeSeconds(_ now: Double) -> Int64 {
        guard now.isFinite else { return now < 0 ? Int64.min : Int64.max }
        return Int64(exactly: now.rounded(.towardZero)) ?? (now < 0 ? Int64.min : Int64.max)
    }

    /// itsdangerous' `bytes_to_int` of at most 8 bytes: big-endian; `nil` past Int64.
    private static func timestamp(_ bytes: [UInt8]) -> Int64? {
        var value: UInt64 = 0
        for byte in bytes.prefix(8) {
            value = value << 8 | UInt64(byte)  // checked: at most 8 bytes fill 64 bits exactly
        }
        return Int64(exactly: value)
    }

    /// itsdangerous' `int_to_bytes`: big-endian, no leading zero bytes, one byte for zero.
    private static func timestampBytes(_ value: Int64) -> [UInt8] {
        var bytes: [UInt8] = []
        var rest = UInt64(clamping: value)
        repeat {
            bytes.append(UInt8(truncatingIfNeeded: rest))
            rest >>= 8  // checked: an unsigned shift by a constant, dropping the byte just written
        } while rest != 0
        return bytes.reversed()
    }
}

extension PythonValue {
    /// Whether `SecureCookieSession(value)` is an empty session: `None`, or an empty iterable.
    fileprivate var isEmptyForDict: Bool {
        switch self {
        case .none: return true
        case .str(let text), .markup(let text): return text.isEmpty
        case .bytes(let bytes), .bytearray(let bytes): return bytes.isEmpty
        case .list(let items), .tuple(let items): return items.isEmpty
        case .dict(let dict): return dict.isEmpty
        default: return false
        }
    }
}
