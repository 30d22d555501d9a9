/// Werkzeug's expiry check, `time() > items["_expires"]`, with Python's exact comparison of a
/// float with an int.
///
/// Measured against Werkzeug 0.16.1 on CPython 3.11 and 2.7: an int, a bool (`True` is 1), a float
/// or a `Decimal` `_expires` is compared exactly with the clock, so `nan`, `inf`, `1e200`,
/// `10**400` and `Decimal("Infinity")` never expire and `-inf`, `-1e200`, `-10**400`, `True`,
/// `False` and `Decimal("1E-999999")` have expired; a NaN `Decimal` raises `InvalidOperation` there
/// and is undecodable here, as is any other type (a `TypeError` there).
internal enum CookieExpiry {
    /// The outcome of the check.
    internal struct Verdict {
        /// Whether the cookie has expired (`now > expires`).
        internal var hasExpired: Bool
        /// `_expires` as the nearest double (infinite beyond the double range), for ``SecureCookie/sessionExpiry``.
        internal var deadline: Double
        /// `_expires` as a whole Unix time, saturated to the `Int64` range, for ``SecureCookieError/expiry``.
        internal var wholeSeconds: Int64
    }

    /// Checks `_expires` against the clock.
    ///
    /// - Parameters:
    ///   - expires: The `_expires` value.
    ///   - now: The current Unix time. A NaN clock fails closed: every cookie with `_expires` has expired.
    /// - Returns: The verdict.
    /// - Throws: ``SecureCookieError/Kind/undecodable`` when `_expires` is not an int, bool, float or `Decimal`, or is a NaN `Decimal`.
    internal static func check(_ expires: PythonValue, now: Double) throws -> Verdict {
        switch expires {
        case .int(let seconds):
            return Verdict(
                hasExpired: now.isNaN || isGreater(now, than: PythonBigInt(seconds)), deadline: Double(seconds),
                wholeSeconds: Int64(seconds))  // checked: Int is at most 64 bits
        case .bool(let flag):
            let seconds = flag ? 1 : 0
            return Verdict(
                hasExpired: now.isNaN || isGreater(now, than: PythonBigInt(seconds)), deadline: Double(seconds),
                wholeSeconds: Int64(seconds))  // checked: Int is at most 64 bits
        case .bigInt(let seconds):
            return Verdict(
                hasExpired: now.isNaN || isGreater(now, than: seconds), deadline: seconds.doubleValue,
                wholeSeconds: seconds.int64Clamped)
        case .float(let seconds):
            return Verdict(hasExpired: now.isNaN || now > seconds, deadline: seconds, wholeSeconds: wholeSeconds(seconds))
        case .decimal(let seconds):
            guard let hasExpired = seconds.isLess(than: now) else {
                throw SecureCookieError.undecodable("_expires is a NaN Decimal, which Python cannot compare").forKey("_expires")
            }
            // Python's float(Decimal) rounds once, as the text's nearest double does (infinite beyond the range).
            let deadline = Double(seconds.description) ?? (seconds.isNegative ? -.infinity : .infinity)
            return Verdict(hasExpired: now.isNaN || hasExpired, deadline: deadline, wholeSeconds: wholeSeconds(deadline))
        default:
            throw SecureCookieError.undecodable("_expires is a \(expires.typeName), not a number").forKey("_expires")
        }
    }

    /// `now > value` as Python compares a float with an int: exactly, never through a rounded double.
    internal static func isGreater(_ now: Double, than value: PythonBigInt) -> Bool {
        if now.isNaN { return false }
        if now.isInfinite { return now > 0 }
        let whole = now.rounded(.down)
        // A finite integral double is an integer exactly (at most 1024 bits).
        guard let integer = PythonBigInt(exactly: whole) else { return false }
        return value < integer || (integer == value && now > whole)
    }

    /// The whole seconds of a double, rounded down and saturated to the `Int64` range (NaN as 0).
    internal static func wholeSeconds(_ seconds: Double) -> Int64 {
        if seconds.isNaN { return 0 }
        if let exact = Int64(exactly: seconds.rounded(.down)) { return exact }
        return seconds < 0 ? .min : .max
    }
}

extension PythonBigInt {
    /// The value, saturated to the `Int64` range.
    internal var int64Clamped: Int64 {
        if let small = intValue { return Int64(small) }  // checked: Int is at most 64 bits
        return isNegative ? .min : .max
    }
}
