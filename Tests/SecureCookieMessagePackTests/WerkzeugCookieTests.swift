import SecureCookie
import SecureCookieJSON
import SecureCookieMessagePack
import Testing

/// Cookies written by Werkzeug 0.16.1's `SecureCookie` with `serialization_method` set to Python's
/// `msgpack` (`Fixtures/msgpack/werkzeug-cookies.jsonl`): read them, and write the same bytes back.
@Suite("Werkzeug 0.16.1 MessagePack cookies")
struct WerkzeugCookieTests {
    struct MessagePackCookie: SecureCookieFormat {
        var serializationMethod: any SerializationMethod { .msgpack }
    }

    @Test("a Werkzeug cookie reads to the data Werkzeug reads back", arguments: try MessagePackFixtures.records("werkzeug-cookies.jsonl"))
    func readsWerkzeugCookie(_ record: FixtureRecord) throws {
        let cookie = try #require(record.string("cookie"))
        let secret = SecretKey(try #require(record.string("secret")))
        let expected = try #require(record.value("data"))
        let read = try SecureCookie.unserialize(cookie, secretKey: secret, format: MessagePackCookie())
        #expect(same(.dict(read.data), expected), "\(TaggedJSON.text(.dict(read.data)))")
    }

    @Test("the same data serializes to Werkzeug's exact cookie", arguments: try MessagePackFixtures.records("werkzeug-cookies.jsonl"))
    func writesWerkzeugCookie(_ record: FixtureRecord) throws {
        guard case .dict(let data)? = record.value("data") else {
            Issue.record("fixture data is not a dict")
            return
        }
        let secret = SecretKey(try #require(record.string("secret")))
        var cookie = SecureCookie(data, secretKey: secret, format: MessagePackCookie())
        // the expiring cookie was written with datetime(2100, 1, 1), 4102444800 s after the epoch
        let expires: Int64? = record.string("name") == "expires 2100" ? 4_102_444_800 : nil
        #expect(try cookie.serialize(expires: expires) == record.string("cookie"))
    }

    @Test("a signed cookie whose value is truncated MessagePack fails as undecodable, naming its key")
    func corruptValueNamesKey() throws {
        // Werkzeug 0.16.1: a SecureCookie subclass whose dumps returns b"\x92\x01" (an array of two
        // with one element), {"k": 1}, secret b"s"; Werkzeug's own unserialize gives an empty cookie
        let cookie = "3TWZWtTpVVwrd+ZP+y25lI+1qX4=?k=kgE="
        let error = try #require(
            thrownError {
                try SecureCookie.unserialize(cookie, secretKey: "s", format: MessagePackCookie())
            })
        #expect(error.kind == .undecodable)
        #expect(error.key == "k")
        #expect(SecureCookie.unserializeOrEmpty(cookie, secretKeys: ["s"], format: MessagePackCookie()).isEmpty)
        // the intact value, signed by Werkzeug the same way, reads
        let good = try SecureCookie.unserialize("uCKsrCs1URh3WfQ6P/AyDTBUfTI=?k=kgEC", secretKey: "s", format: MessagePackCookie())
        #expect(same(.dict(good.data), .dict(["k": .list([.int(1), .int(2)])])))
    }
}
