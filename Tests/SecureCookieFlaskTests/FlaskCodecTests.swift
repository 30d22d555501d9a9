import SecureCookie
import SecureCookieFlask
import SecureCookieJSON
import SecureCookieTestKit
import Testing

/// The Flask codec and framing on inputs whose answers were measured with Flask 3.1.3, Werkzeug 3.1.9
/// and CPython 3.11 (the values in these tables are what Python printed).
@Suite struct FlaskCodecTests {
    /// `werkzeug.http.parse_date(text)`, as Flask's ` d` tag loads it: `nil` where Python gives `None`.
    static let dates: [(String, String?)] = [
        ("Tue, 02 Jan 2024 03:04:05 GMT", "2024-01-02T03:04:05+00:00"),
        ("2 Jan 2024 3:4:5 UT", "2024-01-02T03:04:05+00:00"),
        ("Tuesday, 02-Jan-24 03:04:05 GMT", "2024-01-02T03:04:05+00:00"),
        ("Tue Jan  2 03:04:05 2024", "2024-01-02T03:04:05+00:00"),
        ("02 Jan 2024 03:04:05 +0200", "2024-01-02T03:04:05+02:00"),
        ("02 Jan 2024 03:04:05 -0000", "2024-01-02T03:04:05+00:00"),
        ("02 Jan 2024 03:04:05 EST", "2024-01-02T03:04:05-05:00"),
        ("02 Jan 50 03:04", "2050-01-02T03:04:00+00:00"),
        ("02 Jan 69 03:04:05", "1969-01-02T03:04:05+00:00"),
        ("Jan 02 2024 03:04:05", "2024-01-02T03:04:05+00:00"),
        ("02 Jan 2024 03.04.05", "2024-01-02T03:04:05+00:00"),
        ("02 Jan 2024 25:00:00 GMT", nil),
        ("30 Feb 2024 00:00:00 GMT", nil),
        ("junk", nil),
        ("", nil),
        ("   ", nil),
        ("Tue,02 Jan 2024 03:04:05 GMT", "2024-01-02T03:04:05+00:00"),
        ("02 Jan 2024 03:04:05 +2400", nil),
        ("02 jan 2024 03:04:05 +0_1_00", "2024-01-02T03:04:05+01:00"),
        ("02 Jan 0001 00:00:00 GMT", "2001-01-02T00:00:00+00:00"),
        ("01 Jan 10000 00:00:00 GMT", nil),
        // Unicode spaces split (str.split()) and Unicode digits read (int(), str.isdigit()) as in Python.
        ("Tue, \u{660}\u{662} Jan 2024 03:04:05 GMT", "2024-01-02T03:04:05+00:00"),
        ("Tue, 02 Jan \u{FF12}\u{FF10}\u{FF12}\u{FF14} 03:04:05 GMT", "2024-01-02T03:04:05+00:00"),
        ("02 Jan \u{968}\u{966}\u{968}\u{96A} 03:04:05 GMT", "2024-01-02T03:04:05+00:00"),
        ("Tue, 02 Jan 2024 \u{660}\u{663}:04:05 GMT", "2024-01-02T03:04:05+00:00"),
        ("Tue,\u{2003}02 Jan 2024 03:04:05 GMT", "2024-01-02T03:04:05+00:00"),
        ("Tue, 02 Jan 2024 03:04:05 +\u{660}\u{662}\u{660}\u{660}", "2024-01-02T03:04:05+02:00"),
        ("Tue, 02 Jan 2024 03:04:05\u{3000}GMT", "2024-01-02T03:04:05+00:00"),
        ("02\r\nJan\r\n2024\r\n03:04:05\r\nGMT", "2024-01-02T03:04:05+00:00"),
        ("02\u{1C}Jan\u{1D}2024\u{1E}03:04:05\u{1F}GMT", "2024-01-02T03:04:05+00:00"),
        ("02\u{85}Jan\u{A0}2024\u{2028}03:04:05\u{205F}GMT", "2024-01-02T03:04:05+00:00"),
        ("02 Jan \u{B2}024 03:04:05 GMT", nil),
        ("02 Jan 2024 03:04:05 \u{B2}", "2024-01-02T03:04:05+00:00"),
    ]

    /// Where `parse_date` lets Python's `OverflowError` out (Flask's `BadPayload`): a field past 32 bits, a
    /// zone past timedelta's range; and the cases next to them that are `None` or a date.
    static let overflows: [(String, String??)] = [
        ("02 Jan 2147483647 03:04:05 GMT", .some(nil)),
        ("02 Jan 2147483648 03:04:05 GMT", nil),
        ("02 Jan -2147483648 03:04:05 GMT", .some(nil)),
        ("02 Jan -2147483649 03:04:05 GMT", .some(nil)),
        ("02 Jan 2024 03:04:05 +" + String(repeating: "9", count: 12), .some(nil)),
        ("02 Jan 2024 03:04:05 +" + String(repeating: "9", count: 13), nil),
        ("02 Jan 2024 03:04:05 +863999999999", .some(nil)),
        ("02 Jan 2024 03:04:05 +" + String(repeating: "1", count: 4400), .some("2024-01-02T03:04:05+00:00")),
        ("02 Jan " + String(repeating: "9", count: 4301) + " 03:04:05 GMT", .some(nil)),
        ("02 Jan " + String(repeating: "9", count: 3000) + " 03:04:05 GMT", nil),
        ("2147483648 Jan 2024 03:04:05 GMT", nil),
        ("02 Jan 2024 2147483648:04:05 GMT", nil),
        ("02 Jan 2024 03:04:2147483648 GMT", nil),
    ]

    @Test(arguments: overflows.indices)
    func dateTagOverflowsAsPythonDoes(_ index: Int) throws {
        let (text, expected) = Self.overflows[index]
        let json = try JSONText.write(.dict([" d": .str(text)]))
        let result = outcome { try FlaskTaggedJSONSerializationMethod().loads(json[...], limits: .init(maximumValueBytes: 1 << 16)) }
        switch (expected, result) {
        case (nil, .failure(let error)): #expect(error.kind == .undecodable)
        case (.some(nil), .success(let value)): #expect(value == .none)
        case (.some(.some(let date)), .success(let value)): #expect(TaggedJSON.text(value) == #"{"$datetime": "\#(date)"}"#)
        default: Issue.record("\(text.prefix(40))…: \(result)")
        }
    }

    @Test(arguments: dates.indices)
    func dateTagLoadsAsWerkzeugParsesIt(_ index: Int) throws {
        let (text, expected) = Self.dates[index]
        let json = try JSONText.write(.dict([" d": .str(text)]))
        let value = try FlaskTaggedJSONSerializationMethod().loads(json[...], limits: .default)
        if let expected {
            #expect(TaggedJSON.text(value) == #"{"$datetime": "\#(expected)"}"#, "\(text)")
        } else {
            #expect(value == .none, "\(text)")
        }
    }

    /// Secrets of a SHA-1 block (64 bytes) and longer: HMAC hashes the key first past a block, and the
    /// derived key is then what signs. Cookies by Flask for `{"user": 42}` at 1700000000.
    static let longKeys: [(String, String)] = [
        (String(repeating: "78", count: 64), "eyJ1c2VyIjo0Mn0.ZVPxAA.0dp-oF3voXBgOL-qiURsYSpbLaY"),
        (String(repeating: "79", count: 65), "eyJ1c2VyIjo0Mn0.ZVPxAA.FG2CSJwu7HkJQGpsRtrKuYl_hNc"),
        (String(repeating: "7a", count: 200), "eyJ1c2VyIjo0Mn0.ZVPxAA.HMye1IjXagxI2zbHB-mIj5PV3MY"),
        (String(repeating: "c3a9", count: 40), "eyJ1c2VyIjo0Mn0.ZVPxAA.39MsyYyxGLpTAAB7n6dzYJiSpnI"),
    ]

    @Test(arguments: longKeys.indices)
    func secretsOfABlockAndLongerSignAsFlask(_ index: Int) throws {
        let (hex, cookie) = Self.longKeys[index]
        let framing = FlaskSessionFraming(secretKeys: [try #require(SecretKey(hex: hex))])
        #expect(try framing.write(["user": 42], now: 1_700_000_000) == cookie)
        #expect(try framing.read(cookie, now: 1_700_000_000).data == ["user": 42])
    }

    @Test func secureCookieJSONWritesCompactSortedJSON() throws {
        let codec = SecureCookieJSONSerializationMethod()
        let value: PythonValue = ["b": [1, ["z": 2, "a": [3, 4]]], "a": "\u{E9}\u{1F600}", "c": 1.5e16]
        #expect(
            String(decoding: try codec.dumps(value), as: UTF8.self) == #"{"a":"\u00e9\ud83d\ude00","b":[1,{"a":[3,4],"z":2}],"c":1.5e+16}"#)
        let numbers: PythonValue = .dict([.int(10): "x", .int(9): "y", .float(1.5): "z", .bool(true): "t"])
        #expect(String(decoding: try codec.dumps(numbers), as: UTF8.self) == #"{"true":"t","1.5":"z","9":"y","10":"x"}"#)
        // str beside int is a TypeError in Python's sort.
        #expect(throws: SecureCookieError(.unrepresentable, "")) { try codec.dumps(.dict([.int(1): "a", "b": "c"])) }
    }

    @Test func aZlibBombIsALimitErrorAtOnce() throws {
        // 3 MB of JSON compressed into a cookie under 4096 bytes, signed with the key.
        let framing = FlaskSessionFraming(secretKeys: ["k"])
        let big = PythonValue.dict(["a": .str(String(repeating: "x", count: 3_000_000))])
        let unlimited = FlaskSessionFraming(
            secretKeys: ["k"], limits: SecureCookieLimits(maximumCookieLength: 1 << 20, maximumMaterializedBytes: 1 << 23))
        guard case .dict(let data) = big else { return }
        let cookie = try unlimited.write(data, now: 1_700_000_000)
        #expect(cookie.utf8.count < 4096)
        #expect(throws: SecureCookieError(.limitExceeded, "")) { try framing.read(cookie, now: 1_700_000_000) }
        let error = outcome { try framing.read(cookie, now: 1_700_000_000) }
        if case .failure(let failure) = error { #expect(failure.limit == .materializedBytes) }
    }

    @Test func valuesFlaskRefusesAreUnrepresentable() throws {
        let codec = FlaskTaggedJSONSerializationMethod()
        for value: PythonValue in [.set([1]), .bytearray([1]), .complex(1, 2), .frozenset([1])] {
            #expect(throws: SecureCookieError(.unrepresentable, ""), "\(value.typeName)") { try codec.dumps(["v": value]) }
        }
    }
}
