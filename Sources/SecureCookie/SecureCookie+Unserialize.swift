import struct Foundation.Date

extension SecureCookie {
    /// Reads a cookie, verifying its MAC before decoding anything (`unserialize`, with typed errors).
    ///
    /// Checks run in this order, and the first failure is thrown: structure (malformed), the MAC
    /// (bad signature), each value in wire order (undecodable, refused, limit exceeded — naming the
    /// key), then `_expires` (expired). `_expires` is removed from the data.
    ///
    /// - Parameters:
    ///   - cookie: The cookie value, as sent by the client (without surrounding quotes).
    ///   - secretKeys: The keys to verify with, current first; ``verification`` says which matched.
    ///   - format: The cookie type.
    ///   - now: The current Unix time, for expiry; `nil` reads the system clock.
    /// - Returns: The cookie, with ``isNew`` and ``isModified`` `false`.
    /// - Throws: ``SecureCookieError``.
    public static func unserialize(
        _ cookie: some StringProtocol, secretKeys: [SecretKey], format: Format, now: Double? = nil
    ) throws -> SecureCookie {
        try unserialize(bytes: Array(cookie.utf8), secretKeys: secretKeys, format: format, now: now)
    }

    /// Reads a cookie signed with one key. See ``unserialize(_:secretKeys:format:now:)``.
    ///
    /// - Parameters:
    ///   - cookie: The cookie value.
    ///   - secretKey: The key.
    ///   - format: The cookie type.
    ///   - now: The current Unix time; `nil` reads the system clock.
    /// - Returns: The cookie.
    /// - Throws: ``SecureCookieError``.
    public static func unserialize(
        _ cookie: some StringProtocol, secretKey: SecretKey, format: Format, now: Double? = nil
    ) throws -> SecureCookie {
        try unserialize(cookie, secretKeys: [secretKey], format: format, now: now)
    }

    /// Reads a cookie as Werkzeug does: any failure gives an empty cookie (``isNew`` `false`).
    ///
    /// Built on ``unserialize(_:secretKeys:format:now:)``; use that to learn why a cookie failed.
    ///
    /// - Parameters:
    ///   - cookie: The cookie value.
    ///   - secretKeys: The keys to verify with, current first.
    ///   - format: The cookie type.
    ///   - now: The current Unix time; `nil` reads the system clock.
    /// - Returns: The cookie, or an empty one.
    public static func unserializeOrEmpty(
        _ cookie: some StringProtocol, secretKeys: [SecretKey], format: Format, now: Double? = nil
    ) -> SecureCookie {
        do {
            return try unserialize(cookie, secretKeys: secretKeys, format: format, now: now)
        } catch {
            return SecureCookie(data: PythonDict(), secretKeys: secretKeys, format: format, isNew: false)
        }
    }

    /// Reads a cookie from bytes. See ``unserialize(_:secretKeys:format:now:)``.
    ///
    /// - Parameters:
    ///   - bytes: The cookie value's bytes.
    ///   - secretKeys: The keys to verify with, current first.
    ///   - format: The cookie type.
    ///   - now: The current Unix time; `nil` reads the system clock.
    /// - Returns: The cookie.
    /// - Throws: ``SecureCookieError``.
    public static func unserialize(
        bytes: [UInt8], secretKeys: [SecretKey], format: Format, now: Double? = nil
    ) throws -> SecureCookie {
        let limits = format.limits
        let parsed = try ParsedCookie(bytes, limits: limits)
        // One buffer for the MAC and then each value in turn, sized once for the longest of them.
        var scratch = [UInt8](
            repeating: 0, count: parsed.items.reduce(parsed.signature.count) { max($0, $1.value.count) } / 4 * 3)
        let verification = try verify(parsed, secretKeys: secretKeys, format: format, scratch: &scratch)

        // Only now, with the MAC checked, is anything decoded.
        let codec = format.serializationMethod
        var reasons: ReissueReasons = []
        if verification.keyIndex != 0 { reasons.insert(.rotatedKey) }
        if !verification.isSigningHash { reasons.insert(.legacyHash) }
        var data = PythonDict()
        data.reserveCapacity(parsed.items.count)
        var hasExpires = false
        // One budget for the whole cookie: what every value builds, shared references followed.
        var budget = MaterializationBudget(limits)
        let quoteBase64 = format.quoteBase64
        for item in parsed.items {
            let value: PythonValue
            do {
                if quoteBase64 {
                    let decoded = bytes.withUnsafeBytes { text in
                        scratch.withUnsafeMutableBytes { room in
                            Base64.decode(UnsafeRawBufferPointer(rebasing: text[item.value]), to: room)
                        }
                    }
                    guard let decoded else {
                        throw SecureCookieError.undecodable("the value is not valid base64")
                    }
                    try checkValueSize(decoded, limits)
                    value = try load(scratch[..<decoded], codec, limits, &reasons)
                } else {
                    try checkValueSize(item.value.count, limits)
                    value = try load(bytes[item.value], codec, limits, &reasons)
                }
                // The key counts too, as it does when the cookie is written.
                try budget.spend(item.key.utf8.count)
                try budget.spend(on: value)
            } catch let error as SecureCookieError {
                throw error.forKey(item.key)
            } catch {
                // Only the error's type: its text could repeat the value.
                throw SecureCookieError.undecodable("the codec failed with \(type(of: error))").forKey(item.key)
            }
            if item.key == "_expires" { hasExpires = true }
            data[item.key] = value
        }

        var sessionExpiry: Double?
        if hasExpires, let expires = data.removeValue(forKey: "_expires") {
            let current = now ?? Date().timeIntervalSince1970
            let verdict = try CookieExpiry.check(expires, now: current)
            if verdict.hasExpired { throw SecureCookieError.expired(at: verdict.wholeSeconds) }
            if let window = format.reissuePolicy.renewalWindow, verdict.deadline - current <= window { reasons.insert(.nearExpiry) }
            sessionExpiry = verdict.deadline
        }
        var cookie = SecureCookie(data: data, secretKeys: secretKeys, format: format, isNew: false)
        cookie.verification = verification
        cookie.reissueReasons = reasons
        cookie.sessionExpiry = sessionExpiry
        return cookie
    }

    /// The items of a cookie **without verifying it**: keys and decoded value bytes, for inspection only.
    ///
    /// - Parameters:
    ///   - cookie: The cookie value.
    ///   - format: The cookie type (for its quoting and limits).
    /// - Returns: The items, in wire order.
    /// - Throws: ``SecureCookieError`` malformed or limit exceeded.
    public static func unverifiedItems(of cookie: some StringProtocol, format: Format) throws -> [(key: String, value: [UInt8])] {
        let parsed = try ParsedCookie(Array(cookie.utf8), limits: format.limits)
        return try parsed.items.map { item in
            let encoded = parsed.body[item.value]
            guard format.quoteBase64 else { return (item.key, Array(encoded)) }
            guard let bytes = Base64.decode(encoded) else {
                throw SecureCookieError.undecodable("the value is not valid base64").forKey(item.key)
            }
            return (item.key, bytes)
        }
    }

    private static func load(
        _ bytes: ArraySlice<UInt8>, _ codec: any SerializationMethod, _ limits: SecureCookieLimits,
        _ reasons: inout ReissueReasons
    ) throws -> PythonValue {
        let (value, isLegacy) = try codec.loadsReportingForm(bytes, limits: limits)
        if isLegacy { reasons.insert(.legacyCodec) }
        return value
    }

    private static func checkValueSize(_ count: Int, _ limits: SecureCookieLimits) throws {
        guard count <= limits.maximumValueBytes else {
            throw SecureCookieError.limitExceeded(
                .valueBytes, "a value decodes to \(count) bytes; at most \(limits.maximumValueBytes) are accepted")
        }
    }

    /// Checks the MAC against each key and hash in turn, decoding it into `scratch`.
    private static func verify(
        _ parsed: ParsedCookie, secretKeys: [SecretKey], format: Format, scratch: inout [UInt8]
    ) throws -> CookieVerification {
        let decoded = parsed.body.withUnsafeBytes { text in
            scratch.withUnsafeMutableBytes { room in
                Base64.decode(UnsafeRawBufferPointer(rebasing: text[parsed.signature]), to: room)
            }
        }
        guard let macCount = decoded else {
            throw SecureCookieError.badSignature("the signature is not valid base64")
        }
        guard !secretKeys.isEmpty else { throw SecureCookieError(.invalidKey, "no secret key to verify the cookie with") }
        let signingHash = format.hashMethod
        let legacyHashes = format.legacyHashMethods
        guard signingHash.digestByteCount == macCount || legacyHashes.contains(where: { $0.digestByteCount == macCount })
        else {
            throw SecureCookieError.badSignature(
                "the signature is \(macCount) bytes; \(signingHash.name) signatures are \(signingHash.digestByteCount)")
        }
        let found = scratch.withUnsafeBytes { room in
            let mac = UnsafeRawBufferPointer(rebasing: room[..<macCount])
            return parsed.body.withUnsafeBytes { text -> CookieVerification? in
                let items = parsed.items.lazy.map(\.raw)
                func check(_ hash: HashMethod) -> CookieVerification? {
                    guard hash.digestByteCount == macCount else { return nil }
                    for (index, key) in secretKeys.enumerated()
                    where CookieSigner.isValid(mac, hash, key: key, text: text, items: items) {
                        return CookieVerification(keyIndex: index, hashMethod: hash, isSigningHash: hash == signingHash)
                    }
                    return nil
                }
                if let found = check(signingHash) { return found }
                for hash in legacyHashes where hash != signingHash {
                    if let found = check(hash) { return found }
                }
                return nil
            }
        }
        guard let found else { throw SecureCookieError.badSignature("the signature does not match") }
        return found
    }
}
