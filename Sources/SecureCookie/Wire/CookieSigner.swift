@preconcurrency import Crypto
import Foundation

/// Computes and checks Werkzeug's MAC: HMAC(key) over `"|" + item` for each item, in wire order.
internal enum CookieSigner {
    private static let separator: [UInt8] = [UInt8(ascii: "|")]

    /// The MAC of the items of `body` (the item ranges index into `body`).
    static func authenticationCode(_ hash: HashMethod, key: SecretKey, body: [UInt8], items: [Range<Int>]) -> [UInt8] {
        switch hash.algorithm {
        case .md5: return Array(mac(key.prekeyed.md5, body, items).finalize())
        case .sha1: return Array(mac(key.prekeyed.sha1, body, items).finalize())
        case .sha256: return Array(mac(key.prekeyed.sha256, body, items).finalize())
        case .sha384: return Array(mac(key.prekeyed.sha384, body, items).finalize())
        case .sha512: return Array(mac(key.prekeyed.sha512, body, items).finalize())
        }
    }

    /// Whether `expected` is the MAC of the items, compared in constant time by swift-crypto.
    static func isValid(_ expected: [UInt8], _ hash: HashMethod, key: SecretKey, body: [UInt8], items: [Range<Int>]) -> Bool {
        guard expected.count == hash.digestByteCount else { return false }
        switch hash.algorithm {
        case .md5: return mac(key.prekeyed.md5, body, items).finalize() == expected
        case .sha1: return mac(key.prekeyed.sha1, body, items).finalize() == expected
        case .sha256: return mac(key.prekeyed.sha256, body, items).finalize() == expected
        case .sha384: return mac(key.prekeyed.sha384, body, items).finalize() == expected
        case .sha512: return mac(key.prekeyed.sha512, body, items).finalize() == expected
        }
    }

    /// Feeds `"|" + item` for each item to a copy of a keyed HMAC (`==` on its result is swift-crypto's constant-time compare).
    private static func mac<H: HashFunction>(_ keyed: HMAC<H>, _ body: [UInt8], _ items: [Range<Int>]) -> HMAC<H> {
        var hmac = keyed
        body.withUnsafeBytes { raw in
            for item in items {
                hmac.update(data: separator)
                hmac.update(data: UnsafeRawBufferPointer(rebasing: raw[item]))
            }
        }
        return hmac
    }
}
