import struct Foundation.Date

extension SecureCookie {
    /// Reads the session cookie from a request's `Cookie` header, as Werkzeug's `load_cookie` (with typed errors).
    ///
    /// - Parameters:
    ///   - header: The `Cookie` header, or `nil` when the request has none.
    ///   - name: The cookie's name.
    ///   - secretKeys: The keys to verify with, current first.
    ///   - format: The cookie type.
    ///   - now: The current Unix time; `nil` reads the system clock.
    /// - Returns: The cookie, or a new empty one when the request carries none.
    /// - Throws: ``SecureCookieError`` when a cookie is present but does not verify or decode.
    public static func load(
        cookieHeader header: String?, name: String = "session", secretKeys: [SecretKey], format: Format, now: Double? = nil
    ) throws -> SecureCookie {
        guard let header, let value = CookieHeader.value(named: name, in: header), !value.isEmpty else {
            return SecureCookie(secretKeys: secretKeys, format: format)
        }
        return try unserialize(value, secretKeys: secretKeys, format: format, now: now)
    }

    /// The `Set-Cookie` header value that saves this cookie, as Werkzeug's `save_cookie`, or `nil`
    /// when it need not be sent (not ``shouldSave`` and not forced).
    ///
    /// The session is serialized with `sessionExpires ?? expires`, which stores `_expires`.
    ///
    /// - Parameters:
    ///   - options: The cookie's name and attributes.
    ///   - now: The current Unix time, for `Expires` computed from `Max-Age`; `nil` reads the system clock.
    /// - Returns: The header value, such as `session="…?a=MQ=="; HttpOnly; Path=/`.
    /// - Throws: ``SecureCookieError``: from ``serialize(expires:)``;
    ///   ``SecureCookieError/Kind/unrepresentable`` when `Expires` would fall outside years 1...9999 (or the clock
    ///   plus `Max-Age` outside 64 bits); or ``SecureCookieError/Limit/cookieLength`` when the header is longer than ``SecureCookieLimits/maximumCookieLength``.
    public mutating func setCookieHeader(_ options: SetCookieOptions = SetCookieOptions(), now: Double? = nil) throws -> String? {
        try setCookieHeader(options, now: now, framing: nil)
    }

    /// The `Set-Cookie` header value that saves this cookie in another framing (a Flask session
    /// cookie, say), or `nil` when it need not be sent. See ``setCookieHeader(_:now:)``.
    ///
    /// - Parameters:
    ///   - options: The cookie's name and attributes.
    ///   - now: The current Unix time (a Flask cookie's timestamp, and `Expires` from `Max-Age`); `nil` reads
    ///     the system clock.
    ///   - framing: The framing to write the session in; `nil` for this cookie's own Werkzeug format.
    /// - Returns: The header value.
    /// - Throws: ``SecureCookieError`` as ``setCookieHeader(_:now:)``.
    public mutating func setCookieHeader(
        _ options: SetCookieOptions, now: Double?, framing: (any CookieFraming)?
    ) throws -> String? {
        guard options.force || shouldSave else { return nil }
        let expires = options.sessionExpires ?? options.expires
        let value: String
        if let framing {
            value = try framing.write(data, now: now ?? Date().timeIntervalSince1970, expires: expires)
        } else {
            value = try serialize(expires: expires)
        }
        var parts = [options.name + "=" + CookieHeader.quote(value)]
        if let domain = options.domain { parts.append("Domain=" + CookieHeader.quote(domain)) }
        if let expires = options.expires {
            parts.append("Expires=" + (try Self.cookieDate(expires)))
        } else if let maxAge = options.maxAge {
            // now + Max-Age, each checked: a clock or Max-Age past the calendar is an error, never a trap.
            let current = now ?? Date().timeIntervalSince1970
            guard let whole = Int64(exactly: current.isFinite ? current.rounded(.towardZero) : .nan),
                let maxAgeSeconds = Int64(exactly: maxAge),
                case (let expiry, let overflow) = whole.addingReportingOverflow(maxAgeSeconds), !overflow
            else {
                throw SecureCookieError.unrepresentable("Expires (the clock plus Max-Age) is outside the 64-bit Unix time range")
            }
            parts.append("Expires=" + (try Self.cookieDate(expiry)))
        }
        if let maxAge = options.maxAge { parts.append("Max-Age=\(maxAge)") }
        if options.secure { parts.append("Secure") }
        if options.httpOnly { parts.append("HttpOnly") }
        if let path = options.path { parts.append("Path=" + path) }
        if let sameSite = options.sameSite { parts.append("SameSite=\(sameSite)") }
        let header = parts.joined(separator: "; ")
        let limit = format.limits.maximumCookieLength
        guard header.utf8.count <= limit else {
            throw SecureCookieError.limitExceeded(
                .cookieLength, "the Set-Cookie value would be \(header.utf8.count) bytes; browsers keep at most \(limit)")
        }
        return header
    }

    private static func cookieDate(_ unixTime: Int64) throws -> String {
        guard let text = CookieHeader.cookieDate(unixTime) else {
            throw SecureCookieError.unrepresentable("Expires \(unixTime) is outside years 1...9999")
        }
        return text
    }
}
