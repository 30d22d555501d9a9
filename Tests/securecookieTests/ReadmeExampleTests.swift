import SecureCookie
import SecureCookieJSON
import SecureCookiePickle
import Testing

/// The README's library examples, compiled and checked against Werkzeug's known answers.
@Suite("README examples")
struct ReadmeExampleTests {
    struct Session: SecureCookieFormat {
        var serializationMethod: any SerializationMethod { JSONSerializationMethod() }
        var hashMethod: HashMethod { .sha256 }
    }

    @Test("the seed example serializes as Werkzeug does and reads back")
    func seedExample() throws {
        var cookie = SecureCookie(["foo": 42, "baz": .tuple([1, 2, 3])], secretKey: "deadbeef", format: .pickle)
        let value = try cookie.serialize()
        #expect(value == "8eM1MRUnsd9Wg0KzlK/ixRuWTrw=?baz=gASVCQAAAAAAAABLAUsCSwOHlC4=&foo=gARLKi4=")
        let back = try SecureCookie.unserialize(value, secretKey: "deadbeef", format: .pickle)
        #expect(back["baz"].map { strictlyEqual($0, .tuple([1, 2, 3])) } == true)
        #expect(back.isNew == false)
    }

    @Test("a JSON cookie type with key rotation says which key verified")
    func rotation() throws {
        let oldKeyBytes: [UInt8] = [1, 2, 3]
        var old = SecureCookie(["user_id": 42], secretKey: SecretKey(bytes: oldKeyBytes), format: Session())
        let cookieValue = try old.serialize()
        let keys: [SecretKey] = ["the new key", SecretKey(bytes: oldKeyBytes)]
        let session = try SecureCookie.unserialize(cookieValue, secretKeys: keys, format: Session())
        #expect(session.verification?.needsReissue == true)
        #expect(session.verification?.keyIndex == 1)
        #expect(throws: SecureCookieError.self) {
            try SecureCookie.unserialize(cookieValue, secretKeys: ["the new key"], format: Session())
        }
        let silent = SecureCookie.unserializeOrEmpty(cookieValue, secretKeys: ["the new key"], format: Session())
        #expect(silent.data.isEmpty && !silent.isNew)
    }

    @Test("application integration: load, change, Set-Cookie only when changed")
    func application() throws {
        let keys: [SecretKey] = ["the new key"]
        var fresh = try SecureCookie.load(cookieHeader: nil, secretKeys: keys, format: Session())
        #expect(try fresh.setCookieHeader(SetCookieOptions(httpOnly: true, sameSite: .lax)) == nil)
        fresh["user_id"] = 42
        let header = try #require(try fresh.setCookieHeader(SetCookieOptions(httpOnly: true, sameSite: .lax)))
        #expect(header.hasPrefix("session="))
        #expect(header.contains("HttpOnly"))
        let value = try #require(header.split(separator: ";").first?.dropFirst("session=".count))
        let requestHeader = "theme=dark; session=" + value
        let session = try SecureCookie.load(cookieHeader: requestHeader, secretKeys: keys, format: Session())
        #expect(session["user_id"].map { strictlyEqual($0, 42) } == true)
    }

    @Test("a codec chosen at run time from a registry")
    func registry() throws {
        let registry = SerializationRegistry([JSONSerializationMethod(), PickleSerializationMethod()])
        let format = CookieFormat(serializationMethod: try registry.method(named: "json"), hashMethod: .sha256)
        #expect(format.serializationMethod.name == "json")
        #expect(throws: SecureCookieError.self) { try registry.method(named: "yaml") }
    }
}
