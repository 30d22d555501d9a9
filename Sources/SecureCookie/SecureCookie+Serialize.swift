extension SecureCookie {
    /// Writes the cookie in Werkzeug's wire format (`serialize`).
    ///
    /// Items are written in Python's order of their keys (by code point), each value through
    /// the cookie type's codec, signed with the first secret key.
    ///
    /// - Parameter expires: When set, stored first as the `_expires` item (a Unix time), which
    ///   marks the cookie modified, exactly as Werkzeug does.
    /// - Returns: The cookie value (ASCII).
    /// - Throws: ``SecureCookieError``: ``SecureCookieError/Kind/invalidKey`` without a key,
    ///   ``SecureCookieError/Kind/unrepresentable`` for a value the codec cannot hold (naming its key).
    public mutating func serialize(expires: Int64? = nil) throws -> String {
        if let expires { self["_expires"] = .int(Int(expires)) }  // checked: Int64 to Int is lossless on 64-bit platforms
        return String(decoding: try serializedBytes(), as: UTF8.self)
    }

    /// Writes the cookie with an expiry given as a datetime (naive counted as UTC), as Werkzeug's `_date_to_unix`.
    ///
    /// - Parameter expires: The expiry.
    /// - Returns: The cookie value.
    /// - Throws: As ``serialize(expires:)``.
    public mutating func serialize(expiresAt expires: PythonDateTime) throws -> String {
        try serialize(expires: Int64(expires.microsecondsSinceUnixEpoch.floorDivide(1_000_000)))  // checked: Int is at most 64 bits
    }

    /// The cookie's bytes, without changing it.
    internal func serializedBytes() throws -> [UInt8] {
        guard let signingKey = secretKeys.first else {
            throw SecureCookieError(.invalidKey, "no secret key to sign the cookie with")
        }
        var entries: [(key: String, value: PythonValue)] = []
        entries.reserveCapacity(data.count)
        // What the codec will write, bounded before it writes: a value read from a cookie with
        // shared references would be expanded by every writer.
        var budget = MaterializationBudget(format.limits)
        for (key, value) in data {
            guard case .str(let name) = key else {
                throw SecureCookieError.unrepresentable("cookie keys must be str, not \(key.typeName)")
            }
            try budget.spend(name.utf8.count)
            try budget.spend(on: value)
            entries.append((name, value))
        }
        entries.sort { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }

        // The cookie is written in one buffer: room for the MAC's base64 and "?" first, then the items;
        // the MAC, computed over the items in place, fills the room last.
        let hash = format.hashMethod
        let prefix = Base64.encodedCount(of: hash.digestByteCount) + 1
        let codec = format.serializationMethod
        let quoteBase64 = format.quoteBase64
        var cookie = [UInt8](repeating: 0, count: prefix)
        cookie.reserveCapacity(prefix + 256)
        var items: [Range<Int>] = []
        items.reserveCapacity(entries.count)
        for (index, entry) in entries.enumerated() {
            if index > 0 { cookie.append(UInt8(ascii: "&")) }
            let start = cookie.count
            URLQuoting.quotePlus(entry.key, into: &cookie)
            cookie.append(UInt8(ascii: "="))
            let bytes: [UInt8]
            do {
                bytes = try codec.dumps(entry.value)
            } catch let error as SecureCookieError {
                throw error.forKey(entry.key)
            } catch {
                throw SecureCookieError.unrepresentable("the codec failed with \(type(of: error))").forKey(entry.key)
            }
            if quoteBase64 {
                bytes.withUnsafeBytes { Base64.encode($0, into: &cookie) }
            } else {
                cookie.append(contentsOf: bytes)
            }
            items.append(start..<cookie.count)
        }
        cookie.withUnsafeMutableBytes { buffer in
            CookieSigner.withAuthenticationCode(hash, key: signingKey, text: UnsafeRawBufferPointer(buffer), items: items) { mac in
                let written = Base64.encode(mac, to: buffer)
                buffer[written] = UInt8(ascii: "?")
            }
        }
        return cookie
    }
}
