// Built with the package trait `Hummingbird` or `Vapor` (see Package.swift).
#if Hummingbird || Vapor
import SecureCookie

/// What the demo's routes do to the session, whichever framework serves them.
///
/// - `GET /counter`: adds one to `count` in the session and answers the new count, just the number.
/// - `GET /grow?bytes=N`: appends N bytes to `data` in the session (to show the cookie size limit)
///   and answers the new size of `data`.
/// - `GET /`: the current count, without changing the session.
enum DemoRoutes {
    /// A plain-text answer.
    struct Reply: Equatable {
        let status: Int
        let body: String
        init(_ body: String, status: Int = 200) {
            self.status = status
            self.body = body
        }
    }

    /// The most `/grow` adds at once.
    static let maximumGrowth = 65_536

    /// `GET /`.
    static func index(count value: PythonValue?) -> String {
        let count: String
        switch value {
        case nil: count = "none"
        case .int(let value)?: count = "\(value)"
        case let other?: count = "a \(other.typeName)"
        }
        return "count: \(count)\nGET /counter adds one; GET /grow?bytes=N adds N bytes to the session.\n"
    }

    /// `GET /counter`: called with the session under its lock.
    static func counter(_ session: inout SecureCookie<CookieFormat>) -> Reply {
        let next: Int
        switch session["count"] {
        case nil:
            next = 1
        case .int(let count)? where count < Int.max:
            next = count + 1
        case let other?:
            return Reply("count holds a \(other.typeName) this demo cannot add one to\n", status: 409)
        }
        session["count"] = .int(next)
        return Reply("\(next)")
    }

    /// `/grow`'s `bytes`, or `nil` when it is not an integer from 0 to ``maximumGrowth``.
    static func growth(_ text: String?) -> Int? {
        // checked: failable parse, then range-checked
        guard let text, let bytes = Int(text), (0...maximumGrowth).contains(bytes) else { return nil }
        return bytes
    }

    /// The answer to a `/grow` whose `bytes` is not usable.
    static let badGrowth = Reply("bytes must be an integer from 0 to \(maximumGrowth)\n", status: 400)

    /// `GET /grow?bytes=N`: called with the session under its lock.
    static func grow(_ session: inout SecureCookie<CookieFormat>, by bytes: Int) -> Reply {
        let data = (session["data"]?.stringValue ?? "") + String(repeating: "x", count: bytes)
        session["data"] = .str(data)
        return Reply("\(data.utf8.count)")
    }
}
#endif
