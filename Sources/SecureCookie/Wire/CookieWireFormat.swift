/// A cookie's text split into its parts, before anything is verified or decoded.
///
/// `base64(mac) "?" item ("&" item)*`, `item = quote_plus(key) "=" value`.
///
/// Nothing is copied: the parts are ranges into the cookie's own bytes (``body``).
internal struct ParsedCookie {
    /// One item: its key (unquoted) and where its raw text and value lie in ``ParsedCookie/body``.
    struct Item {
        let key: String
        let raw: Range<Int>
        let value: Range<Int>
    }

    /// The whole cookie's bytes, which ``signature`` and the items' ranges index into.
    let body: [UInt8]
    /// Where the text before `?` lies.
    let signature: Range<Int>
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
        body = cookie
        (signature, items) = try cookie.withUnsafeBytes { try Self.split($0, limits: limits) }
    }

    private static func split(_ text: UnsafeRawBufferPointer, limits: SecureCookieLimits) throws -> (Range<Int>, [Item]) {
        guard let question = text.firstIndex(of: UInt8(ascii: "?")) else {
            throw SecureCookieError.malformed("no \"?\" separates the signature from the items")
        }
        var items: [Item] = []
        let end = text.count
        var start = question + 1
        var number = 0
        // An empty body has no items; otherwise every "&" starts one more (an empty one is malformed).
        while start < end || (start == end && start > question + 1) {
            var stop = start
            var equals = -1
            while stop < end {
                let byte = text[stop]
                if byte == UInt8(ascii: "&") { break }
                if byte == UInt8(ascii: "=") && equals < 0 { equals = stop }
                stop += 1
            }
            number += 1
            guard number <= limits.maximumItems else {
                throw SecureCookieError.limitExceeded(.itemCount, "the cookie has more than \(limits.maximumItems) items")
            }
            guard equals >= 0 else {
                throw SecureCookieError.malformed("item \(number) has no \"=\"")
            }
            guard let key = Self.key(UnsafeRawBufferPointer(rebasing: text[start..<equals])) else {
                throw SecureCookieError.malformed("the key of item \(number) has a bad % escape or is not UTF-8")
            }
            if items.isEmpty { items.reserveCapacity(8) }
            items.append(Item(key: key, raw: start..<stop, value: (equals + 1)..<stop))
            if stop == end { break }
            start = stop + 1
        }
        return (0..<question, items)
    }

    /// `url_unquote_plus` of a key; plain ASCII (what Werkzeug writes for ordinary keys) is taken as it is.
    private static func key(_ text: UnsafeRawBufferPointer) -> String? {
        for byte in text where byte >= 0x80 || byte == UInt8(ascii: "%") || byte == UInt8(ascii: "+") {
            return URLQuoting.unquotePlus(text)
        }
        return String(decoding: text, as: UTF8.self)
    }
}
