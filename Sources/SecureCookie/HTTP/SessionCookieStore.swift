import struct Foundation.Date

/// What a session middleware does with the session cookie, whatever the web framework: the one
/// implementation of these rules behind the Hummingbird and Vapor middlewares.
///
/// ``load(cookieHeader:now:)`` reads the request's cookie with the writing framing, then with each legacy
/// framing (a cookie that is not of one framing, a bad signature or a malformed cookie, goes on to the
/// next; any other failure of a framing that verified it stops there). A cookie read by a legacy
/// framing carries ``ReissueReasons/legacyFraming``. A missing cookie starts a new session; a rejected
/// one starts a new session and says why. ``setCookieHeader(for:now:)`` writes the session in the writing
/// framing when it should be saved, with its expiry.
///
/// ```swift
/// // Read legacy Werkzeug pickle cookies, write Flask session cookies.
/// let store = SessionCookieStore(
///     secretKeys: keys, format: pickleFormat,
///     framing: FlaskSessionFraming(secretKeys: keys),
///     legacyFramings: [WerkzeugFraming(format: pickleFormat, secretKeys: keys)])
/// ```
public struct SessionCookieStore<Format: SecureCookieFormat>: Sendable {
    /// The keys of the Werkzeug framing: the first signs, every one verifies.
    public let secretKeys: [SecretKey]
    /// The cookie type: limits, re-issue policy, and the Werkzeug framing's codec and hash.
    public let format: Format
    /// The framing sessions are written in; `nil` for Werkzeug's with ``format`` and ``secretKeys``.
    public let framing: (any CookieFraming)?
    /// Framings read after the writing one: cookies issued before a change of framing.
    public let legacyFramings: [any CookieFraming]
    /// The cookie's name and attributes.
    public let options: SetCookieOptions
    /// Seconds a saved session stays valid (its `_expires`); `nil` keeps the options' expiry or the one the
    /// cookie arrived with.
    public let sessionLifetime: Int64?

    /// Creates a store.
    ///
    /// - Parameters:
    ///   - secretKeys: The Werkzeug framing's keys, current first.
    ///   - format: The cookie type.
    ///   - framing: The framing to write (and first read) sessions in; `nil` for Werkzeug's.
    ///   - legacyFramings: Framings read after it.
    ///   - options: The cookie's name and attributes.
    ///   - sessionLifetime: Seconds a saved session stays valid, or `nil`.
    public init(
        secretKeys: [SecretKey], format: Format, framing: (any CookieFraming)? = nil, legacyFramings: [any CookieFraming] = [],
        options: SetCookieOptions = SetCookieOptions(), sessionLifetime: Int64? = nil
    ) {
        self.secretKeys = secretKeys
        self.format = format
        self.framing = framing
        self.legacyFramings = legacyFramings
        self.options = options
        self.sessionLifetime = sessionLifetime
    }

    /// A request's session: the cookie it carries, or a new one, and why its cookie was rejected.
    public struct Loaded: Sendable {
        /// The session (new and empty when the request had no usable cookie).
        public var cookie: SecureCookie<Format>
        /// Why the request's cookie was not used, when it had one that failed.
        public var rejection: SecureCookieError?
    }

    /// Reads the session from a request's `Cookie` header.
    ///
    /// - Parameters:
    ///   - header: The `Cookie` header (several joined with `; `), or `nil`.
    ///   - now: The current Unix time.
    /// - Returns: The session and, when its cookie failed, the error (its kind and limit only are for logs).
    public func load(cookieHeader header: String?, now: Double) -> Loaded {
        guard let header, let value = CookieHeader.value(named: options.name, in: header), !value.isEmpty else {
            return Loaded(cookie: SecureCookie(secretKeys: secretKeys, format: format), rejection: nil)
        }
        guard framing != nil || !legacyFramings.isEmpty else {
            do {
                return Loaded(cookie: try SecureCookie.unserialize(value, secretKeys: secretKeys, format: format, now: now), rejection: nil)
            } catch {
                return rejected(error)
            }
        }
        let readers: [any CookieFraming] = [framing ?? WerkzeugFraming(format: format, secretKeys: secretKeys)] + legacyFramings
        let bytes = Array(value.utf8)
        var firstError: (any Error)?
        for (index, reader) in readers.enumerated() {
            do {
                let session = try reader.read(bytes, now: now)
                var cookie = SecureCookie(read: session, secretKeys: secretKeys, format: format)
                if index > 0 { cookie.reissueReasons.insert(.legacyFraming) }
                return Loaded(cookie: cookie, rejection: nil)
            } catch let error as SecureCookieError where error.kind == .badSignature || error.kind == .malformed {
                if firstError == nil { firstError = error }
            } catch {
                return rejected(error)
            }
        }
        return rejected(firstError ?? SecureCookieError.badSignature("no framing verified the cookie"))
    }

    private func rejected(_ error: any Error) -> Loaded {
        let typed = error as? SecureCookieError ?? SecureCookieError.undecodable("the cookie failed with \(type(of: error))")
        return Loaded(cookie: SecureCookie(secretKeys: secretKeys, format: format), rejection: typed)
    }

    /// The session item that gives one session its own lifetime in seconds (a "remember me" session):
    /// an `int`, kept in the cookie so that every later save of the session keeps it, as Flask keeps
    /// `_permanent` in its session. ``setCookieHeader(for:now:)`` saves such a session with
    /// `Max-Age` and `_expires` of that many seconds instead of ``sessionLifetime`` and the options'.
    public static var lifetimeKey: String { "_lifetime" }

    /// The longest lifetime ``lifetimeKey`` may give a session: ten years, so that the clock plus it is a
    /// date a browser keeps; a larger value, or one that is not a positive `int`, is ignored.
    public static var maximumSessionLifetime: Int64 { 315_360_000 }

    /// The `Set-Cookie` header value that saves a session, or `nil` when it need not be sent.
    ///
    /// The expiry is the session's own lifetime (``lifetimeKey``) from `now` when it has one, else the
    /// store's ``sessionLifetime`` from `now` when one is set, else the options', else the one the cookie
    /// arrived with (a re-issue keeps it). A session with its own lifetime is also sent with that
    /// `Max-Age` (and the `Expires` it implies), so the browser keeps it as long.
    ///
    /// - Parameters:
    ///   - cookie: The session as the handlers left it.
    ///   - now: The current Unix time.
    /// - Returns: The header value, or `nil`.
    /// - Throws: ``SecureCookieError``: unrepresentable (a value, or an expiry past 64 bits) or
    ///   ``SecureCookieError/Limit/cookieLength``.
    public func setCookieHeader(for cookie: inout SecureCookie<Format>, now: Double) throws -> String? {
        guard cookie.shouldSave || options.force else { return nil }
        var options = self.options
        let ownLifetime = Self.sessionLifetime(of: cookie)
        if let lifetime = ownLifetime ?? sessionLifetime {
            guard let whole = Int64(exactly: now.isFinite ? now.rounded(.down) : .nan),
                case (let expiry, let overflow) = whole.addingReportingOverflow(lifetime), !overflow
            else {
                throw SecureCookieError.unrepresentable("the session's expiry (the clock plus its lifetime) does not fit 64 bits")
            }
            options.sessionExpires = expiry
            if let ownLifetime {
                options.expires = nil
                options.maxAge = Int(exactly: ownLifetime)
            }
        } else if options.sessionExpires == nil, options.expires == nil, let expiry = cookie.sessionExpiry,
            let seconds = Int64(exactly: expiry.rounded(.down))
        {
            options.sessionExpires = seconds
        }
        guard let header = try cookie.setCookieHeader(options, now: now, framing: framing) else { return nil }
        return try partitioned(header)
    }

    /// The `Set-Cookie` header value that removes the session cookie from the browser, as Werkzeug's
    /// `delete_cookie`: an empty value, `Expires` at the Unix epoch and `Max-Age=0`, with the cookie's
    /// `Domain` and `Path` (a browser removes only the cookie they match) and its `Secure`, `HttpOnly`,
    /// `SameSite` and `Partitioned`.
    ///
    /// - Returns: Such as `session=; Expires=Thu, 01-Jan-1970 00:00:00 GMT; Max-Age=0; Path=/`.
    public func expiringSetCookieHeader() -> String {
        var parts = [options.name + "="]
        if let domain = options.domain { parts.append("Domain=" + CookieHeader.quote(domain)) }
        parts.append("Expires=" + (CookieHeader.cookieDate(0) ?? "Thu, 01-Jan-1970 00:00:00 GMT"))
        parts.append("Max-Age=0")
        if options.secure { parts.append("Secure") }
        if options.httpOnly { parts.append("HttpOnly") }
        if let path = options.path { parts.append("Path=" + path) }
        if let sameSite = options.sameSite { parts.append("SameSite=\(sameSite)") }
        if options.partitioned { parts.append("Partitioned") }
        return parts.joined(separator: "; ")
    }

    /// A session's own lifetime (``lifetimeKey``), when it holds a usable one.
    ///
    /// - Parameter cookie: The session.
    /// - Returns: Seconds, from 1 to ``maximumSessionLifetime``, or `nil`.
    public static func sessionLifetime(of cookie: SecureCookie<Format>) -> Int64? {
        guard let seconds = cookie[lifetimeKey]?.intValue, let lifetime = Int64(exactly: seconds),
            (1...maximumSessionLifetime).contains(lifetime)
        else { return nil }
        return lifetime
    }

    /// The header with `Partitioned` when the options ask for it, checked again against the cookie length.
    private func partitioned(_ header: String) throws -> String {
        guard options.partitioned else { return header }
        let full = header + "; Partitioned"
        let limit = format.limits.maximumCookieLength
        guard full.utf8.count <= limit else {
            throw SecureCookieError.limitExceeded(
                .cookieLength, "the Set-Cookie value would be \(full.utf8.count) bytes; browsers keep at most \(limit)")
        }
        return full
    }
}

extension SecureCookie {
    /// A cookie from a session a framing read: its data, verification, re-issue reasons and expiry.
    ///
    /// - Parameters:
    ///   - session: What the framing read.
    ///   - secretKeys: The keys the cookie is written with.
    ///   - format: The cookie type.
    public init(read session: FramedSession, secretKeys: [SecretKey], format: Format) {
        self.init(data: session.data, secretKeys: secretKeys, format: format, isNew: false)
        verification = session.verification
        reissueReasons = session.reissueReasons
        sessionExpiry = session.expiry
    }
}
