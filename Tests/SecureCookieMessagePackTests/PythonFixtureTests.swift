import SecureCookie
import SecureCookieJSON
import Testing

/// Byte equality with Python's `msgpack` both ways, on values recorded by `Fixtures/msgpack/make_fixtures.py`.
@Suite("Python msgpack fixtures")
struct PythonFixtureTests {
    @Test("dumps writes packb's bytes", arguments: try MessagePackFixtures.records("roundtrip.jsonl"))
    func dumpsMatchesPackb(_ record: FixtureRecord) throws {
        let value = try #require(record.value("value"))
        let expected = try #require(record.string("msgpack"))
        #expect(hex(try codec.dumps(value)) == expected)
    }

    @Test("loads reads packb's bytes as unpackb does", arguments: try MessagePackFixtures.records("roundtrip.jsonl"))
    func loadsMatchesUnpackb(_ record: FixtureRecord) throws {
        let data = try #require(record.string("msgpack").flatMap { bytes(fromHex: $0) })
        if let loaded = record.value("loaded") {
            let decoded = try codec.loads(data[...], limits: roomyLimits)
            #expect(same(decoded, loaded), "\(TaggedJSON.text(decoded).prefix(200))")
        } else {
            // packb writes a tuple key as an array, which unpackb cannot hash
            #expect(record.string("loads_error")?.hasPrefix("TypeError") == true)
            #expect(errorKind { try codec.loads(data[...], limits: roomyLimits) } == .refused)
        }
    }

    @Test("loads agrees with unpackb on hand-made input", arguments: try MessagePackFixtures.records("decode.jsonl"))
    func loadsHandMadeInput(_ record: FixtureRecord) throws {
        let data = try #require(record.string("msgpack").flatMap { bytes(fromHex: $0) })
        if let expected = record.value("value") {
            let decoded = try codec.loads(data[...], limits: .default)
            #expect(same(decoded, expected), "got \(TaggedJSON.text(decoded))")
        } else {
            let expectedKind = try #require(record.string("kind").flatMap { kind(named: $0) })
            let error = thrownError { try codec.loads(data[...], limits: .default) }
            #expect(error?.kind == expectedKind, "Python: \(record.string("error") ?? ""); got \(String(describing: error))")
        }
    }

    @Test("dumps refuses what packb refuses", arguments: try MessagePackFixtures.records("unrepresentable.jsonl"))
    func dumpsRefusesLikePackb(_ record: FixtureRecord) throws {
        let value = try #require(record.value("value"))
        let error = thrownError { try codec.dumps(value) }
        #expect(error?.kind == .unrepresentable, "Python: \(record.string("error") ?? "")")
        #expect(error?.reason.isEmpty == false)
    }

    @Test("every fixture file has the cases the script writes")
    func fixtureCounts() throws {
        #expect(try MessagePackFixtures.records("roundtrip.jsonl").count == 108)
        #expect(try MessagePackFixtures.records("decode.jsonl").count == 116)
        #expect(try MessagePackFixtures.records("unrepresentable.jsonl").count == 16)
    }
}
