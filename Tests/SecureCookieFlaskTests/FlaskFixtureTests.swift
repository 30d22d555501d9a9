import SecureCookie
import SecureCookieFlask
import SecureCookieJSON
import SecureCookieTestKit
import Testing

/// Cookies written by Flask 3.1.3 itself (`Fixtures/flask/make_fixtures.py`), each with what Flask reads
/// back (as tagged JSON) or the error kind: the framing must read every one the same way.
@Suite struct FlaskFixtureTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let keys: [SecretKey]
        let salt: String
        let now: Double
        let maximumAge: Int64
        let cookie: String
        let expected: PythonValue
        var testDescription: String { name }
    }

    static func cases() throws -> [Case] {
        let text = try TestPaths.text(TestPaths.fixtures.appendingPathComponent("flask/cookies.json"))
        guard
            case .list(let records) = try JSONText.parse(
                text: text, limits: .init(maximumValueBytes: 1 << 26, maximumMaterializedBytes: 1 << 26))
        else {
            return []
        }
        return records.compactMap { record -> Case? in
            guard case .dict(let fields) = record, case .str(let name)? = fields["name"], case .str(let cookie)? = fields["cookie"],
                case .list(let hexKeys)? = fields["secret_keys_hex"], case .str(let salt)? = fields["salt"],
                case .int(let now)? = fields["now"], case .int(let maxAge)? = fields["max_age"], let expect = fields["expect"]
            else { return nil }
            let keys = hexKeys.compactMap { key -> SecretKey? in
                guard case .str(let hex) = key else { return nil }
                return SecretKey(hex: hex)
            }
            return Case(
                name: name, keys: keys, salt: salt, now: Double(now), maximumAge: Int64(maxAge), cookie: cookie, expected: expect)
        }
    }

    /// The value with every dict's items in the order of their keys' tagged JSON, so that two values
    /// compare by kind and content whatever order the fixture file keeps.
    static func canonical(_ value: PythonValue) -> PythonValue {
        switch value {
        case .list(let items): return .list(items.map(canonical))
        case .tuple(let items): return .tuple(items.map(canonical))
        case .dict(let dict):
            let items = dict.map { (canonical($0.key), canonical($0.value)) }
                .sorted { TaggedJSON.text($0.0) < TaggedJSON.text($1.0) }
            return .dict(PythonDict(items))
        default: return value
        }
    }

    @Test func theFixturesAreThere() throws {
        #expect(try Self.cases().count >= 80)
    }

    @Test(arguments: try FlaskFixtureTests.cases())
    func readsAsFlaskReads(_ fixture: Case) throws {
        let framing = FlaskSessionFraming(secretKeys: fixture.keys, salt: fixture.salt, maximumAge: fixture.maximumAge)
        let result = outcome { try framing.read(fixture.cookie, now: fixture.now) }
        if case .dict(let expect) = fixture.expected, expect.count == 1, case .str(let kind)? = expect["$error"] {
            switch result {
            case .success(let session):
                Issue.record("read \(TaggedJSON.text(.dict(session.data))), Flask refuses it (\(kind))")
            case .failure(let error):
                #expect(error.kind.rawValue == kind, "\(error)")
            }
            return
        }
        let expected = try TaggedJSON.decode(JSONText.writeString(fixture.expected, options: .init(asciiOnly: false)))
        switch result {
        case .success(let session):
            #expect(TaggedJSON.text(Self.canonical(.dict(session.data))) == TaggedJSON.text(Self.canonical(expected)))
        case .failure(let error):
            Issue.record("refused (\(error)); Flask reads \(TaggedJSON.text(expected))")
        }
    }

    /// Every cookie Flask wrote from a value at the fixture's time is what this framing writes from the
    /// value it read back, byte for byte, when the value survives the round trip unchanged.
    @Test(arguments: try FlaskFixtureTests.cases())
    func writesWhatFlaskWrites(_ fixture: Case) throws {
        guard !fixture.keys.isEmpty,
            fixture.name.hasPrefix("known answer")
                || [
                    "tuple", "bytes", "markup", "uuid", "escapes", "floats", "big ints",
                    "non-ASCII BMP", "non-ASCII astral", "key order: code points, not UTF-16", "long repetitive (compressed)",
                    "short (not compressed)", "nested", "tags inside lists, tuples, dicts",
                    "compression threshold: zlib 2 bytes shorter (compressed)",
                    "compression threshold: zlib 1 byte shorter (not compressed)", "di: top level", "empty",
                ].contains(fixture.name)
        else { return }
        let framing = FlaskSessionFraming(secretKeys: fixture.keys, salt: fixture.salt, maximumAge: fixture.maximumAge)
        let session = try framing.read(fixture.cookie, now: fixture.now)
        let timestamp = try #require(session.issuedAt)
        #expect(try framing.write(session.data, now: Double(timestamp)) == fixture.cookie)
    }
}
