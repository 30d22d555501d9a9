// A JSON SecureCookie round trip in an application that uses swift-crypto 3.x itself.
import Crypto
import Foundation
import SecureCookie
import SecureCookieJSON

struct Session: SecureCookieFormat {
    var serializationMethod: any SerializationMethod { JSONSerializationMethod() }
    var hashMethod: HashMethod { .sha256 }
}

// The application's own use of swift-crypto: a random key, kept as the cookie's secret.
let key = SymmetricKey(size: .bits256).withUnsafeBytes { SecretKey(bytes: Array($0)) }
var cookie = SecureCookie(["user_id": 42, "roles": .tuple(["admin", "ops"])], secretKey: key, format: Session())
let value = try cookie.serialize()
let back = try SecureCookie.unserialize(value, secretKey: key, format: Session())
// JSON has no tuple: as Python's json module, it reads back as a list.
guard back["user_id"] == 42, back["roles"] == .list(["admin", "ops"]) else {
    print("FAIL: the cookie did not read back")
    exit(1)
}
// Werkzeug's own known answer for this JSON cookie, signed with SHA-1 and the key "k".
var known = SecureCookie(["a": 1, "b": 2], secretKey: "k", format: .json)
guard try known.serialize() == "XqZOmAc4aVSF3N3Kri4mETmzR10=?a=MQ==&b=Mg==" else {
    print("FAIL: the JSON cookie differs from Werkzeug's")
    exit(1)
}
print("crypto-3: cookie round trip ok (\(value.utf8.count) bytes), Werkzeug's known answer matches")
