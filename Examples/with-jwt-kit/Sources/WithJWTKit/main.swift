// Signs a JWT with jwt-kit, keeps it in a JSON SecureCookie, reads the cookie back and verifies the
// token: both libraries linked into one program, on one swift-crypto.
import Foundation
import JWTKit
import SecureCookie
import SecureCookieJSON

struct Session: SecureCookieFormat {
    var serializationMethod: any SerializationMethod { JSONSerializationMethod() }
    var hashMethod: HashMethod { .sha256 }
}

struct Claims: JWTPayload {
    var sub: SubjectClaim
    var exp: ExpirationClaim

    func verify(using algorithm: some JWTAlgorithm) throws {
        try exp.verifyNotExpired()
    }
}

let keys = JWTKeyCollection()
// jwt-kit asserts an HMAC key at least as long as the digest (32 bytes for SHA-256).
await keys.add(hmac: "a jwt secret of at least thirty-two bytes", digestAlgorithm: .sha256)
let token = try await keys.sign(Claims(sub: "user-42", exp: .init(value: .distantFuture)))

var cookie = SecureCookie(["user_id": 42, "token": .str(token)], secretKey: "cookie secret", format: Session())
let value = try cookie.serialize()
let back = try SecureCookie.unserialize(value, secretKey: "cookie secret", format: Session())
guard back["user_id"] == 42, let carried = back["token"]?.stringValue else {
    print("FAIL: the cookie did not read back")
    exit(1)
}
let claims = try await keys.verify(carried, as: Claims.self)
guard claims.sub.value == "user-42" else {
    print("FAIL: the token did not verify to its subject")
    exit(1)
}
do {
    _ = try SecureCookie.unserialize(value, secretKey: "another key", format: Session())
    print("FAIL: a wrong key verified")
    exit(1)
} catch let error as SecureCookieError where error.kind == .badSignature {
    print("with-jwt-kit: cookie round trip ok (\(value.utf8.count) bytes), JWT verified, wrong key refused")
}
