import SecureCookie
import SecureCookieMessagePack
import Testing

/// The codec's identity and the forms it writes, checked against the MessagePack specification.
@Suite("MessagePack codec")
struct CodecTests {
    @Test("it is registered as msgpack and found by name")
    func registry() throws {
        #expect(codec.name == "msgpack")
        let registry = SerializationRegistry([.msgpack])
        #expect(registry.names == ["msgpack"])
        let found = try registry.method(named: "msgpack")
        #expect(try found.dumps(.list([.int(1)])) == [0x91, 0x01])
    }

    @Test("a map of 65536 pairs gets a map 32 header, a dict's order is kept")
    func map32() throws {
        var dict = PythonDict()
        for key in (0..<65_536).reversed() { dict[.int(key)] = PythonValue.none }
        let written = try codec.dumps(.dict(dict))
        #expect(Array(written.prefix(5)) == [0xDF, 0x00, 0x01, 0x00, 0x00])
        // first key 65535 = uint16 ff ff, then nil
        #expect(Array(written[5..<9]) == [0xCD, 0xFF, 0xFF, 0xC0])
        let read = try codec.loads(written[...], limits: roomyLimits)
        guard case .dict(let back) = read else {
            Issue.record("not a dict")
            return
        }
        #expect(back.orderedKeys == dict.orderedKeys)
    }

    @Test(
        "str and bin lengths pick fixstr, str 8/16/32 and bin 8/16/32 at their boundaries",
        arguments: [
            (0, 0xA0), (31, 0xBF), (32, 0xD9), (255, 0xD9), (256, 0xDA), (65_535, 0xDA), (65_536, 0xDB),
        ] as [(Int, UInt8)])
    func stringHeaders(_ length: Int, _ header: UInt8) throws {
        let written = try codec.dumps(.str(String(repeating: "a", count: length)))
        #expect(written.first == header)
        #expect(written.count == length + [0xA0: 1, 0xBF: 1, 0xD9: 2, 0xDA: 3, 0xDB: 5][Int(header)]!)
        let binary = try codec.dumps(.bytes([UInt8](repeating: 7, count: length)))
        #expect(binary.first == (length < 256 ? 0xC4 : length < 65_536 ? 0xC5 : 0xC6))
    }

    @Test("aware datetimes are written as the instant in UTC and read back as UTC")
    func awareDatetime() throws {
        let plusTwo = try #require(PythonTimeDelta(days: 0, seconds: 7200))
        let local = try #require(PythonDateTime(year: 2018, month: 1, day: 2, hour: 5, minute: 4, second: 5, utcOffset: plusTwo))
        // 2018-01-02T03:04:05Z is 1514862245 = 0x5a4af6a5 s: timestamp 32
        #expect(try codec.dumps(.datetime(local)) == [0xD6, 0xFF, 0x5A, 0x4A, 0xF6, 0xA5])
        let read = try codec.loads([0xD6, 0xFF, 0x5A, 0x4A, 0xF6, 0xA5])
        guard case .datetime(let utc) = read else {
            Issue.record("not a datetime")
            return
        }
        #expect(utc.utcOffset == PythonTimeDelta(days: 0))
        #expect(utc.time.hour == 3)
        #expect(read == .datetime(local))
    }

    @Test("a naive datetime is unrepresentable, with the reason")
    func naiveDatetime() throws {
        let naive = try #require(PythonDateTime(year: 2024, month: 1, day: 2))
        let error = try #require(thrownError { try codec.dumps(.datetime(naive)) })
        #expect(error.kind == .unrepresentable)
        #expect(error.reason.contains("naive"))
    }

    @Test(
        "integers write in the smallest form, signed below zero and unsigned above",
        arguments: [
            (0, [0x00]), (127, [0x7F]), (128, [0xCC, 0x80]), (-32, [0xE0]), (-33, [0xD0, 0xDF]),
            (-129, [0xD1, 0xFF, 0x7F]), (65_536, [0xCE, 0x00, 0x01, 0x00, 0x00]),
            (Int.min, [0xD3, 0x80, 0, 0, 0, 0, 0, 0, 0]), (Int.max, [0xCF, 0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]),
        ] as [(Int, [UInt8])])
    func integers(_ value: Int, _ expected: [UInt8]) throws {
        #expect(try codec.dumps(.int(value)) == expected)
        #expect(same(try codec.loads(expected), .int(value)))
    }

    @Test("a big int holding a 64-bit value writes like the int; beyond [-2**63, 2**64) it is unrepresentable")
    func bigIntegers() throws {
        #expect(try codec.dumps(.bigInt(PythonBigInt(-5))) == [0xFB])
        #expect(try codec.dumps(.bigInt(PythonBigInt(UInt64.max))) == [0xCF] + [UInt8](repeating: 0xFF, count: 8))
        let tooBig = try #require(PythonBigInt(decimal: "18446744073709551616"))
        #expect(errorKind { try codec.dumps(.bigInt(tooBig)) } == .unrepresentable)
    }

    @Test("True is bool, not the int 1; floats stay float 64 even when integral")
    func boolAndFloat() throws {
        #expect(try codec.dumps(.bool(true)) == [0xC3])
        #expect(try codec.dumps(.float(1.0)) == [0xCB, 0x3F, 0xF0, 0, 0, 0, 0, 0, 0])
        #expect(same(try codec.loads([0xC3]), .bool(true)))
    }
}
