/// Computes and checks Werkzeug's MAC: HMAC(key) over `"|" + item` for each item, in wire order.
internal enum CookieSigner {
    /// The MAC of the items of `body` (the item ranges index into `body`).
    static func authenticationCode(_ hash: HashMethod, key: SecretKey, body: [UInt8], items: [Range<Int>]) -> [UInt8] {
        body.withUnsafeBytes { text in withAuthenticationCode(hash, key: key, text: text, items: items) { Array($0) } }
    }

    /// Whether `expected` is the MAC of the items, compared in constant time.
    static func isValid(_ expected: [UInt8], _ hash: HashMethod, key: SecretKey, body: [UInt8], items: [Range<Int>]) -> Bool {
        expected.withUnsafeBytes { expected in
            body.withUnsafeBytes { text in isValid(expected, hash, key: key, text: text, items: items) }
        }
    }

    /// The MAC of the items of `text` (the ranges index into it), handed to `body` as raw bytes.
    @inline(__always)
    static func withAuthenticationCode<Items: Sequence, Result>(
        _ hash: HashMethod, key: SecretKey, text: UnsafeRawBufferPointer, items: Items,
        _ body: (UnsafeRawBufferPointer) -> Result
    ) -> Result where Items.Element == Range<Int> {
        switch hash.algorithm {
        case .md5: return key.prekeyed.md5.withAuthenticationCode(of: text, items: items, body)
        case .sha1: return key.prekeyed.sha1.withAuthenticationCode(of: text, items: items, body)
        case .sha256: return key.prekeyed.sha256.withAuthenticationCode(of: text, items: items, body)
        case .sha384: return key.prekeyed.sha384.withAuthenticationCode(of: text, items: items, body)
        case .sha512: return key.prekeyed.sha512.withAuthenticationCode(of: text, items: items, body)
        }
    }

    /// Whether `expected` is the MAC of the items of `text`, compared in constant time.
    @inline(__always)
    static func isValid<Items: Sequence>(
        _ expected: UnsafeRawBufferPointer, _ hash: HashMethod, key: SecretKey, text: UnsafeRawBufferPointer, items: Items
    ) -> Bool where Items.Element == Range<Int> {
        guard expected.count == hash.digestByteCount else { return false }
        switch hash.algorithm {
        case .md5: return key.prekeyed.md5.isValid(expected, of: text, items: items)
        case .sha1: return key.prekeyed.sha1.isValid(expected, of: text, items: items)
        case .sha256: return key.prekeyed.sha256.isValid(expected, of: text, items: items)
        case .sha384: return key.prekeyed.sha384.isValid(expected, of: text, items: items)
        case .sha512: return key.prekeyed.sha512.isValid(expected, of: text, items: items)
        }
    }
}
