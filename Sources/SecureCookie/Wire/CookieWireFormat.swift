/// A cookie's text split into its parts, before anything is verified or decoded.
///
/// `base64(mac) "?" item ("&" item)*`, `item = quote_plus(key) "=" value`.
internal struct ParsedCookie {
    /// One item: its key (unquoted) and where its raw text and value lie in ``ParsedCookie/body``.
    struct Item {
        let key: String
        let raw: Range<Int>
        let value: Range<Int>
    }

    /// The text after `?`.
    let body: [UInt8]
    /// The text before `?`.
    let signature: ArraySlice<UInt8>
    /// The items, in wire order.
    let items: [Item]

    /// Splits a cookie, checking its structure and the length and item-count limits.
    ///
    /// - Throws: ``SecureCookieError`` malformed (no `?`, an item without `=`, a bad `%` escape in a key)
    ///   or limit exceeded (cookie length, item count).
    init(_ cookie: [UInt8], limits: SecureCookieLimits) throws {
        guard cookie.count <= limits.maximumCookieLength else {
            throw SecureCookieError.limitExceeded(
                .cookieLength, "the cookie is \(cookie.count) bytes; at most \(limits.maximumCookieLength) are accepted")
        }
        guard let question = cookie.firstIndex(of: UInt8(ascii: "?")) else {
            throw SecureCookieError.malformed("no \"?\" separates the signature from the items")
        }
        signature = cookie[..<question]
        body = Array(cookie[(question + 1)...])
        var items: [Item] = []
        var start = 0
        var number = 0
        while start < body.count || (start == body.count && start > 0) {
            let end = body[start...].firstIndex(of: UInt8(ascii: "&")) ?? body.count
            number += 1
            guard number <= limits.maximumItems else {
                throw SecureCookieError.limitExceeded(.itemCount, "the cookie has more than \(limits.maximumItems) items")
            }
            guard let equals = body[start..<end].firstIndex(of: UInt8(ascii: "=")) else {
                throw SecureCookieError.malformed("item \(number) has no \"=\"")
            }
            guard let key = URLQuoting.unquotePlus(body[start..<equals]) else {
                throw SecureCookieError.malformed("the key of item \(number) has a bad % escape or is not UTF-8")
            }
            items.append(Item(key: key, raw: start..<end, value: (equals + 1)..<end))
            if end == body.count { break }
            start = end + 1
        }
        self.items = items
    }
}
