import SecureCookie
import SecureCookieJSON
import SecureCookieMessagePack
import SecureCookieTestKit
import Testing

/// The project's held-out Werkzeug 0.16.1 cookies (`Fixtures/werkzeug/cookies-py3.jsonl` and
/// `cookies-py2.7.jsonl`, made by `Fixtures/werkzeug/make_fixtures.py`), the MessagePack ones:
/// every hash, key rotation, expiry, tampering, written by Python 3 and by Python 2.7.
@Suite("held-out Werkzeug MessagePack cookies")
struct SharedWerkzeugFixtureTests {
    static func cookies() throws -> [FixtureRecord] {
        var records: [FixtureRecord] = []
        for file in ["cookies-py3.jsonl", "cookies-py2.7.jsonl"] {
            let url = TestPaths.fixtures.appendingPathComponent("werkzeug").appendingPathComponent(file)
            for line in try TestPaths.lines(url) where line.contains("\"codec\": \"msgpack\"") {
                guard case .dict(var fields) = try TaggedJSON.decode(line, limits: roomyLimits) else { continue }
                fields["name"] = .str("\(file): \(fields["name"].flatMap { if case .str(let s) = $0 { s } else { nil } } ?? "?")")
                records.append(FixtureRecord(fields: fields))
            }
        }
        return records
    }

    static func secrets(_ record: FixtureRecord) -> [SecretKey] {
        guard case .list(let items)? = record.value("secrets") else { return [] }
        return items.compactMap { item -> SecretKey? in
            guard case .dict(let secret) = item else { return nil }
            if case .str(let hex)? = secret["hex"] { return SecretKey(hex: hex) }
            if case .str(let text)? = secret["text"] { return SecretKey(text) }
            return nil
        }
    }

    @Test("there are held-out MessagePack cookies from both Pythons")
    func present() throws {
        let cookies = try Self.cookies()
        #expect(cookies.filter { $0.string("python")?.hasPrefix("3.") == true }.count >= 40)
        #expect(cookies.filter { $0.string("python")?.hasPrefix("2.7") == true }.count >= 40)
    }

    @Test("each reads to Werkzeug's data or fails with the expected kind", arguments: try cookies())
    func reads(_ record: FixtureRecord) throws {
        let hash = try #require(record.string("hash").flatMap { HashMethod(named: $0) })
        let format = CookieFormat(serializationMethod: .msgpack, hashMethod: hash)
        let cookie = try #require(record.string("cookie"))
        let now = record.int("now").map(Double.init)
        let secrets = Self.secrets(record)
        if let expected = record.value("expected") {
            let read = try SecureCookie.unserialize(cookie, secretKeys: secrets, format: format, now: now)
            #expect(same(.dict(read.data), expected), "\(TaggedJSON.text(.dict(read.data)))")
        } else {
            let expectedKind = try #require(record.string("expected_error"))
            let error = thrownError { try SecureCookie.unserialize(cookie, secretKeys: secrets, format: format, now: now) }
            #expect(error?.kind.rawValue == expectedKind, "\(String(describing: error))")
        }
    }

    @Test(
        "Python 3 cookies signed with the first key serialize back to the same bytes",
        arguments: try cookies().filter {
            $0.string("python")?.hasPrefix("3.") == true && $0.value("expected") != nil && ($0.int("key_index") ?? 0) == 0
        })
    func writes(_ record: FixtureRecord) throws {
        guard case .dict(let data)? = record.value("expected") else { return }
        let hash = try #require(record.string("hash").flatMap { HashMethod(named: $0) })
        var cookie = SecureCookie(
            data, secretKeys: Self.secrets(record), format: CookieFormat(serializationMethod: .msgpack, hashMethod: hash))
        let expires = record.int("expires").map(Int64.init)
        #expect(try cookie.serialize(expires: expires) == record.string("cookie"))
    }
}
