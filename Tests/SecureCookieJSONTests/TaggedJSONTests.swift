import SecureCookieJSON
import SecureCookieTestKit
import Testing

@testable import SecureCookie

/// One line of `Fixtures/json/tagged-cases.jsonl`: a value's tagged JSON as Python's reference
/// converter (`Fixtures/json/tagged.py`) writes it.
struct TaggedCase: CustomTestStringConvertible, Sendable {
    let name: String
    let tagged: String
    var testDescription: String { name }

    static let all: [TaggedCase] = {
        guard let lines = try? TestPaths.lines(TestPaths.fixtures.appendingPathComponent("json/tagged-cases.jsonl")) else {
            return []
        }
        return lines.compactMap { line in
            guard case .dict(let record)? = try? JSONText.parse(text: line),
                let name = record["name"]?.stringValue, let tagged = record["tagged"]?.stringValue
            else { return nil }
            return TaggedCase(name: name, tagged: tagged)
        }
    }()

    static func named(_ name: String) -> TaggedCase? { all.first { $0.name == name } }
}

@Suite struct TaggedJSONPythonTests {
    @Test func fixtureIsComplete() {
        #expect(TaggedCase.all.count == 54)
    }

    /// Reading Python's text and writing it again gives Python's text, byte for byte.
    @Test(arguments: TaggedCase.all)
    func roundTripsPythonText(_ testCase: TaggedCase) throws {
        let value = try TaggedJSON.decode(testCase.tagged)
        #expect(try TaggedJSON.encode(value) == testCase.tagged)
    }

    static func delta(_ days: Int, _ seconds: Int = 0, _ microseconds: Int = 0) -> PythonTimeDelta? {
        PythonTimeDelta(days: days, seconds: seconds, microseconds: microseconds)
    }

    /// Values built in Swift, expected to encode as Python's converter wrote the same values.
    static let built: [(String, PythonValue?)] = [
        ("none", PythonValue.none), ("true", true), ("int", 42), ("int64 min", .int(Int.min)), ("int64 max", .int(Int.max)),
        ("2**63", .integer(PythonBigInt(UInt64(1) << 63))),
        ("-10**40", PythonBigInt(decimal: "-10000000000000000000000000000000000000000").map(PythonValue.integer)),
        ("0.1", 0.1), ("1e16", 1e16), ("-0.0", .float(-0.0)), ("5e-324", 5e-324), ("nan", .float(.nan)),
        ("inf", .float(.infinity)), ("-inf", .float(-.infinity)),
        ("complex", .complex(1, 2)), ("complex non-finite", .complex(.infinity, -0.0)),
        ("str", .str("\u{E9}\u{1F600}\n\u{0}\u{7F}\"\\")), ("bytes", .bytes([0, 0xFF, 0x10])), ("empty bytes", .bytes([])),
        ("bytearray", .bytearray([0x61, 0x62])),
        ("list", [1, [2, "x"]]), ("tuple", .tuple([1, .tuple([2]), []])), ("empty tuple", .tuple([])),
        ("set", .set([1, 2, 3])), ("frozenset", .frozenset([7])), ("empty set", .set([])),
        ("dict order", ["b": 1, "a": 2]), ("dollar key", ["$x": 1, "y": 2]),
        ("non-str keys", .dict(PythonDict([(1, "a"), (.tuple([1, 2]), "b"), (.none, 0)]))),
        ("bool key", .dict(PythonDict([(true, 1)]))), ("frozenset key", .dict(PythonDict([(.frozenset([1]), "f")]))),
        (
            "datetime",
            PythonDateTime(year: 2024, month: 1, day: 2, hour: 3, minute: 4, second: 5, microsecond: 123_456).map { .datetime($0) }
        ),
        ("datetime whole", PythonDateTime(year: 2024, month: 1, day: 2, hour: 3, minute: 4, second: 5).map { .datetime($0) }),
        (
            "datetime utc",
            PythonDateTime(year: 2024, month: 1, day: 2, hour: 3, minute: 4, second: 5, utcOffset: delta(0)).map { .datetime($0) }
        ),
        (
            "datetime -05:30",
            PythonDateTime(
                year: 1999, month: 12, day: 31, hour: 23, minute: 59, second: 59, microsecond: 1,
                utcOffset: delta(0, -19_800)
            ).map { .datetime($0) }
        ),
        ("datetime offset seconds", PythonDateTime(year: 2024, month: 2, day: 29, utcOffset: delta(0, 3630)).map { .datetime($0) }),
        ("datetime min", PythonDateTime(year: 1, month: 1, day: 1).map { .datetime($0) }),
        (
            "datetime max",
            PythonDateTime(year: 9999, month: 12, day: 31, hour: 23, minute: 59, second: 59, microsecond: 999_999).map { .datetime($0) }
        ),
        ("date", PythonDate(year: 2024, month: 1, day: 2).map { .date($0) }),
        ("date min", PythonDate(year: 1, month: 1, day: 1).map { .date($0) }),
        ("time", PythonTime(hour: 3, minute: 4, second: 5).map { .time($0) }),
        ("time micro", PythonTime(hour: 3, minute: 4, second: 5, microsecond: 6).map { .time($0) }),
        ("time tz", PythonTime(hour: 23, utcOffset: delta(0, 7200)).map { .time($0) }),
        ("timedelta", delta(-1, 5, 7).map { .timedelta($0) }), ("timedelta minus one us", delta(0, 0, -1).map { .timedelta($0) }),
        ("timedelta max", delta(999_999_999, 86_399, 999_999).map { .timedelta($0) }),
        ("decimal", PythonDecimal("1.10").map { .decimal($0) }), ("decimal negative zero", PythonDecimal("-0").map { .decimal($0) }),
        ("decimal exponent", PythonDecimal("1E+2").map { .decimal($0) }), ("decimal nan", PythonDecimal("NaN").map { .decimal($0) }),
        ("decimal -inf", PythonDecimal("-Infinity").map { .decimal($0) }),
        ("decimal small", PythonDecimal("0.000001").map { .decimal($0) }),
        ("decimal smaller", PythonDecimal("0.0000001").map { .decimal($0) }),
        (
            "mixed",
            PythonDate(year: 2024, month: 5, day: 6).map {
                ["user": "ada", "ids": .tuple([1, 2]), "seen": .date($0), "raw": .bytes([0x6B]), "n": [nil, 1.5]]
            }
        ),
    ]

    @Test func everyFixtureCaseIsBuilt() {
        #expect(Set(Self.built.map(\.0)) == Set(TaggedCase.all.map(\.name)))
    }

    @Test(arguments: built.map(\.0))
    func encodesAsPython(_ name: String) throws {
        let value = try #require(Self.built.first { $0.0 == name }?.1)
        let expected = try #require(TaggedCase.named(name))
        #expect(try TaggedJSON.encode(value) == expected.tagged)
        // And reads back to an equal value (Python equality; NaN equals NaN here).
        #expect(try TaggedJSON.decode(expected.tagged) == value)
    }
}

@Suite struct TaggedJSONReadingTests {
    @Test func keepsNumberKinds() throws {
        guard case .float(let one) = try TaggedJSON.decode("1.0"), case .int(let int) = try TaggedJSON.decode("-0"),
            case .float(let negativeZero) = try TaggedJSON.decode("-0.0")
        else {
            Issue.record("number kinds changed")
            return
        }
        #expect(one == 1 && int == 0 && negativeZero.sign == .minus)
    }

    @Test func acceptsAnyLayoutAndPlainBigIntegers() throws {
        let value = try TaggedJSON.decode(" {\n\t\"$tuple\" :[ 1,\r\n123456789012345678901234567890 ] } ")
        let big = try #require(PythonBigInt(decimal: "123456789012345678901234567890"))
        #expect(value == .tuple([1, .bigInt(big)]))
    }

    @Test func readsOffsetsAndLenientForms() throws {
        let zulu = try TaggedJSON.decode(#"{"$datetime": "2024-01-02 03:04:05.5Z"}"#)
        let utc = try #require(
            PythonDateTime(
                year: 2024, month: 1, day: 2, hour: 3, minute: 4, second: 5, microsecond: 500_000,
                utcOffset: PythonTimeDelta(days: 0)))
        #expect(zulu == .datetime(utc))
        let offset = try TaggedJSON.decode(#"{"$time": "10:00:00-01:00:30.000001"}"#)
        guard case .time(let time) = offset else {
            Issue.record("not a time")
            return
        }
        #expect(time.utcOffset == PythonTimeDelta(days: 0, seconds: -3630, microseconds: -1))
        // Not normalised on input, normalised in the value: Python's timedelta(0, -1) is [-1, 86399, 0].
        #expect(
            try TaggedJSON.decode(#"{"$timedelta": [0, -1, 0]}"#) == .timedelta(try #require(PythonTimeDelta(days: -1, seconds: 86_399))))
    }

    @Test func duplicateSetElementsCollapse() throws {
        #expect(try TaggedJSON.decode(#"{"$set": [1, 1.0, true]}"#) == .set([1]))
    }

    static let undecodable: [(String, String)] = [
        (#"{"$nope": 1}"#, "unknown tag"),
        (#"{"$tuple": [1], "x": 2}"#, "no other key"),
        (#"{"$bytes": "AAE"}"#, "base64"),
        (#"{"$bytes": 5}"#, "needs a string"),
        (#"{"$int": "12a"}"#, "decimal digits"),
        (#"{"$int": "+12"}"#, "decimal digits"),
        (#"{"$int": ""}"#, "decimal digits"),
        (#"{"$float": "NaN"}"#, "$float"),
        (#"{"$timedelta": [1, 2]}"#, "$timedelta"),
        (#"{"$timedelta": [1000000000, 0, 0]}"#, "range"),
        (#"{"$date": "2023-02-29"}"#, "ISO date"),
        (#"{"$datetime": "2024-01-02T24:00:00"}"#, "ISO datetime"),
        (#"{"$time": "10:00:00+24:00"}"#, "ISO time"),
        (#"{"$time": "10:00:00+01"}"#, "ISO time"),
        (#"{"$decimal": "1.2.3"}"#, "decimal"),
        (#"{"$complex": [1.0]}"#, "$complex"),
        (#"{"$complex": ["1", 2]}"#, "$complex"),
        (#"{"$set": [[1]]}"#, "unhashable list"),
        (#"{"$dict": [[1, 2, 3]]}"#, "[key, value]"),
        (#"{"$dict": [[{"$set": []}, 2]]}"#, "unhashable set"),
        (#"[1, {"a": {"$tuple": {}}}]"#, #"$[1]{0}.$tuple"#),
        ("[1,]", "offset 3"),
        (#""\ud800""#, "lone surrogate"),
        ("{\"a\": 1} x", "extra data at offset 9"),
    ]

    @Test(arguments: undecodable)
    func refusesBadInput(_ text: String, _ reasonPart: String) {
        do {
            let value = try TaggedJSON.decode(text)
            Issue.record("decoded \(value)")
        } catch let error as SecureCookieError {
            #expect(error.kind == .undecodable)
            #expect(error.reason.contains(reasonPart), "\(error.reason)")
        } catch {
            Issue.record("not a SecureCookieError: \(error)")
        }
    }

    @Test(arguments: [
        (#"{"$object": {"class": "os.system"}}"#, "$object"),
        (#"[{"$global": "posix.system"}]"#, "$global"),
        (#"[{"$cycle": 1}]"#, "$cycle"),
        (#"{"$time": "05:06:07", "tzinfo": {"$object": {"class": "x.Y", "state": null}}}"#, "tzinfo object"),
    ])
    func refusesInspectOnlyForms(_ text: String, _ construct: String) {
        #expect {
            try TaggedJSON.decode(text)
        } throws: { error in
            guard let error = error as? SecureCookieError else { return false }
            return error.kind == .refused && error.construct == construct
        }
    }
}

@Suite struct TaggedJSONLimitTests {
    static func nested(_ depth: Int, open: String, close: String, inner: String = "0") -> String {
        String(repeating: open, count: depth) + inner + String(repeating: close, count: depth)
    }

    @Test(arguments: [
        ("[", "]"), (#"{"$tuple": ["#, "]}"), (#"{"$frozenset": ["#, "]}"), (#"{"$dict": [[0, "#, "]]}"), (#"{"k": "#, "}"),
    ])
    func depthCountsPythonLevels(_ open: String, _ close: String) throws {
        let limits = SecureCookieLimits(maximumDepth: 10)
        _ = try TaggedJSON.decode(Self.nested(10, open: open, close: close), limits: limits)
        #expect {
            try TaggedJSON.decode(Self.nested(11, open: open, close: close), limits: limits)
        } throws: { ($0 as? SecureCookieError)?.limit == .depth }
    }

    @Test func defaultDepthIsOneHundred() throws {
        _ = try TaggedJSON.decode(Self.nested(100, open: "[", close: "]"))
        #expect(throws: SecureCookieError.limitExceeded(.depth, "")) {
            try TaggedJSON.decode(Self.nested(101, open: "[", close: "]"))
        }
    }

    @Test func nodesCountPythonValues() throws {
        let limits = SecureCookieLimits(maximumNodes: 4)
        // A tuple of a timedelta, a complex and a datetime: four Python nodes, many JSON ones.
        let four = #"{"$tuple": [{"$timedelta": [1, 2, 3]}, {"$complex": [1.0, 2.0]}, {"$datetime": "2024-01-02T03:04:05"}]}"#
        _ = try TaggedJSON.decode(four, limits: limits)
        #expect {
            try TaggedJSON.decode("[1, 2, 3, 4]", limits: limits)
        } throws: { ($0 as? SecureCookieError)?.limit == .nodes }
        // Dict keys count as nodes, as PythonValue.nodeCount counts them.
        #expect {
            try TaggedJSON.decode(#"{"a": 1, "b": 2}"#, limits: limits)
        } throws: { ($0 as? SecureCookieError)?.limit == .nodes }
    }

    @Test func integerDigitsFollowPython() throws {
        let digits4300 = String(repeating: "7", count: 4300)
        _ = try TaggedJSON.decode(#"{"$int": "-\#(digits4300)"}"#)
        #expect {
            try TaggedJSON.decode(#"{"$int": "\#(digits4300)1"}"#)
        } throws: { ($0 as? SecureCookieError)?.limit == .integerDigits }
        #expect {
            try TaggedJSON.decode(digits4300 + "1")
        } throws: { ($0 as? SecureCookieError)?.limit == .integerDigits }
    }

    @Test func encodeIsOneLine() throws {
        let text = try TaggedJSON.encode(["a\nb": .tuple(["\r\n", .bytes(Array(repeating: 0xFF, count: 200))])])
        #expect(!text.contains("\n") && !text.contains("\r"))
    }
}
