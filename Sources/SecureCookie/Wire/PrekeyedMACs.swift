@preconcurrency import Crypto

/// HMAC states already keyed with one secret, one per hash: keying costs more than hashing a
/// whole cookie, so each cookie starts from a copy of these instead.
internal final class PrekeyedMACs: Sendable {
    let md5: KeyedHash<Insecure.MD5>
    let sha1: KeyedHash<Insecure.SHA1>
    let sha256: KeyedHash<SHA256>
    let sha384: KeyedHash<SHA384>
    let sha512: KeyedHash<SHA512>

    init(_ key: SymmetricKey) {
        md5 = KeyedHash(key: key)
        sha1 = KeyedHash(key: key)
        sha256 = KeyedHash(key: key)
        sha384 = KeyedHash(key: key)
        sha512 = KeyedHash(key: key)
    }
}
