@preconcurrency import Crypto

/// HMAC states already keyed with one secret, one per hash: keying costs more than hashing a
/// whole cookie, so each cookie starts from a copy of these instead.
internal final class PrekeyedMACs: Sendable {
    let md5: HMAC<Insecure.MD5>
    let sha1: HMAC<Insecure.SHA1>
    let sha256: HMAC<SHA256>
    let sha384: HMAC<SHA384>
    let sha512: HMAC<SHA512>

    init(_ key: SymmetricKey) {
        md5 = HMAC(key: key)
        sha1 = HMAC(key: key)
        sha256 = HMAC(key: key)
        sha384 = HMAC(key: key)
        sha512 = HMAC(key: key)
    }
}
