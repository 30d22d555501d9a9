import SecureCookie

/// Checks on the data and the length of a cookie being written.
enum CookieData {
    /// The dict a session is made of, whatever its keys (a Flask session).
    static func anyDict(from value: PythonValue) throws -> PythonDict {
        guard case .dict(let dict) = value else {
            throw SecureCookieError.unrepresentable("a session is a dict, not a \(value.typeName)")
        }
        return dict
    }

    /// A cookie's data from a tagged-JSON value: a dict of str keys.
    static func dict(from value: PythonValue) throws -> PythonDict {
        guard case .dict(let dict) = value else {
            throw SecureCookieError.unrepresentable("a cookie is a dict of str keys, not a \(value.typeName)")
        }
        for key in dict.orderedKeys {
            guard case .str = key else {
                throw SecureCookieError.unrepresentable("cookie keys must be str, not \(key.typeName)")
            }
        }
        return dict
    }

    /// Refuses a cookie longer than the cookie-length limit (browsers drop cookies past 4096 bytes).
    static func checkLength(_ cookie: String, limits: SecureCookieLimits) throws {
        let length = cookie.utf8.count
        guard length <= limits.maximumCookieLength else {
            throw SecureCookieError.limitExceeded(
                .cookieLength, "the cookie is \(length) bytes; at most \(limits.maximumCookieLength) are allowed")
        }
    }
}
