import Foundation
import Testing

@testable import SecureCookie
@testable import SecureCookieCodable

/// `PythonValueEncoder`: what a Python reader of the cookie sees for each Swift shape.
@Suite struct CodableEncoderTests {
    typealias Session = CodableSession

    @Test func structBecomesDictInDeclarationOrder() throws {
        let value = try PythonValueEncoder().encode(
            Session(userID: 42, name: "Zoë", roles: ["admin", "ops"], admin: true, score: 2.5, nickname: nil)
        )
        // Python: {"userID": 42, "name": "Zoë", "roles": ["admin", "ops"], "admin": True, "score": 2.5}
        // (a nil optional is left out, as synthesized conformances skip it).
        let dict = try #require(value.dictValue)
        #expect(dict.orderedKeys == ["userID", "name", "roles", "admin", "score"])
        #expect(value == ["userID": 42, "name": "Zoë", "roles": ["admin", "ops"], "admin": true, "score": 2.5])
        if case .bool(true) = dict["admin"] {} else { Issue.record("admin is not a bool: \(String(describing: dict["admin"]))") }
        if case .float(2.5) = dict["score"] {} else { Issue.record("score is not a float") }
        if case .list = dict["roles"] {} else { Issue.record("roles is not a list") }
    }

    @Test func integersOfEveryWidth() throws {
        struct Widths: Encodable {
            var i8: Int8 = -128
            var i16: Int16 = -32768
            var i32: Int32 = .min
            var i64: Int64 = .min
            var u8: UInt8 = 255
            var u16: UInt16 = .max
            var u32: UInt32 = .max
            var u64: UInt64 = .max
            var u: UInt = 1 << 63
            var small: UInt64 = 7
        }
        let dict = try #require(try PythonValueEncoder().encode(Widths()).dictValue)
        #expect(dict["i8"] == .int(-128))
        #expect(dict["i16"] == .int(-32768))
        #expect(dict["i32"] == .int(-2_147_483_648))
        #expect(dict["i64"] == .int(Int.min))
        #expect(dict["u8"] == .int(255))
        #expect(dict["u16"] == .int(65535))
        #expect(dict["u32"] == .int(4_294_967_295))
        // UInt64.max is 2**64 - 1 = 18446744073709551615, beyond Int: a big int.
        guard case .bigInt(let big) = dict["u64"] else {
            Issue.record("UInt64.max is not a big int")
            return
        }
        #expect(big.description == "18446744073709551615")
        if case .bigInt(let u) = dict["u"] { #expect(u.description == "9223372036854775808") } else { Issue.record("UInt 2**63") }
        if case .int(7) = dict["small"] {} else { Issue.record("a small UInt64 is not an int") }
    }

    @Test func floatIsWrittenAsItsShortestText() throws {
        // Float(0.1) is 0.100000001490116...; Python should read 0.1, the number the Swift code wrote.
        #expect(try PythonValueEncoder().encode(Float(0.1)) == .float(0.1))
        #expect(try PythonValueEncoder().encode(Float(1) / 3) == .float(0.33333334))
        #expect(try PythonValueEncoder().encode([Float.infinity]) == [.float(.infinity)])
        let nan = try PythonValueEncoder().encode(Float.nan)
        #expect(nan.doubleValue?.isNaN == true)
    }

    @Test func scalarsAtTopLevel() throws {
        let encoder = PythonValueEncoder()
        #expect(try encoder.encode(true) == .bool(true))
        #expect(try encoder.encode("x") == .str("x"))
        #expect(try encoder.encode(Int?.none) == .none)
        #expect(try encoder.encode([1, 2, 3]) == [1, 2, 3])
        #expect(try encoder.encode([[1], []]) == [[1], []])
        #expect(try encoder.encode([Int?.none, 1]) == [nil, 1])
    }

    @Test func dictionaryOfStringKeys() throws {
        let value = try PythonValueEncoder().encode(["b": 1, "a": 2])
        #expect(value == ["a": 2, "b": 1])
        #expect(value.dictValue?.count == 2)
    }

    @Test func enumsWithRawValuesAndAssociatedValues() throws {
        enum Role: String, Codable { case admin, guest }
        enum Shape: Codable {
            case circle(radius: Double)
            case square(Int)
        }
        #expect(try PythonValueEncoder().encode(Role.admin) == "admin")
        #expect(try PythonValueEncoder().encode(Shape.circle(radius: 1.5)) == ["circle": ["radius": 1.5]])
        #expect(try PythonValueEncoder().encode(Shape.square(3)) == ["square": ["_0": 3]])
    }

    @Test func dateStrategies() throws {
        let date = Date(timeIntervalSince1970: 1_704_164_645.5)
        #expect(try PythonValueEncoder().encode(date) == .float(1_704_164_645.5))
        let utc = try #require(PythonTimeDelta(days: 0))
        // Python: datetime.fromtimestamp(1704164645.5, timezone.utc) == datetime(2024,1,2,3,4,5,500000, tzinfo=utc).
        let expected = try #require(
            PythonDateTime(
                year: 2024, month: 1, day: 2, hour: 3, minute: 4, second: 5,
                microsecond: 500_000, utcOffset: utc))
        let written = try PythonValueEncoder(dateStrategy: .datetime).encode(["at": date])
        guard case .datetime(let datetime) = written["at"] else {
            Issue.record("not a datetime: \(written)")
            return
        }
        #expect(PythonValue.datetime(datetime) == .datetime(expected))
        #expect(datetime.isoFormat == "2024-01-02T03:04:05.500000+00:00")
        // Year 10000 has no Python datetime.
        #expect(throws: SecureCookieError.unrepresentable("")) {
            try PythonValueEncoder(dateStrategy: .datetime).encode(Date(timeIntervalSince1970: 253_402_300_800))
        }
    }

    @Test func dataStrategies() throws {
        let data = Data([0, 1, 0xFF])
        #expect(try PythonValueEncoder().encode(data) == .bytes([0, 1, 0xFF]))
        // Python: base64.b64encode(b"\x00\x01\xff") == b"AAH/".
        #expect(try PythonValueEncoder(dataStrategy: .base64).encode(data) == "AAH/")
        // A plain [UInt8] is a list of ints, as Python's list(b"...") would be.
        #expect(try PythonValueEncoder().encode([UInt8]([0, 1, 0xFF])) == [0, 1, 255])
    }

    @Test func foundationDecimalAndURL() throws {
        let decimal = try #require(Decimal(string: "12.5", locale: nil))
        #expect(try PythonValueEncoder().encode(decimal) == .decimal(try #require(PythonDecimal("12.5"))))
        let url = try #require(URL(string: "https://example.com/a?b=1"))
        #expect(try PythonValueEncoder().encode(url) == "https://example.com/a?b=1")
    }

    @Test func sameKeyTwiceReplacesInPlace() throws {
        struct Twice: Encodable {
            enum CodingKeys: String, CodingKey { case a, b }
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(1, forKey: .a)
                try container.encode(2, forKey: .b)
                try container.encode(3, forKey: .a)
            }
        }
        // Python: d = {}; d["a"] = 1; d["b"] = 2; d["a"] = 3 -> {'a': 3, 'b': 2}.
        let dict = try #require(try PythonValueEncoder().encode(Twice()).dictValue)
        #expect(dict.orderedKeys == ["a", "b"])
        #expect(dict.orderedValues == [3, 2])
    }

    @Test func nestedContainersAndSuperEncoder() throws {
        class Base: Encodable {
            var id = 1
        }
        final class Derived: Base {
            var extra = "x"
            enum CodingKeys: String, CodingKey { case extra, point }
            enum PointKeys: String, CodingKey { case x, y }
            override func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(extra, forKey: .extra)
                var point = container.nestedContainer(keyedBy: PointKeys.self, forKey: .point)
                try point.encode(3, forKey: .x)
                try point.encode(4, forKey: .y)
                try super.encode(to: container.superEncoder())
            }
        }
        let value = try PythonValueEncoder().encode(Derived())
        #expect(value == ["extra": "x", "point": ["x": 3, "y": 4], "super": ["id": 1]])
        #expect(value.dictValue?.orderedKeys == ["extra", "point", "super"])
    }

    @Test func encodingNothingAtTopLevelIsAnError() throws {
        struct Nothing: Encodable { func encode(to encoder: any Encoder) throws {} }
        #expect(throws: SecureCookieError.unrepresentable("")) { try PythonValueEncoder().encode(Nothing()) }
        // Nested, it is an empty dict, as JSONEncoder writes {}.
        #expect(try PythonValueEncoder().encode(["n": Nothing()]) == ["n": .dict([:])])
    }

    @Test func deepNestingAndCyclesEndInAnError() throws {
        final class Node: Encodable {
            var next: Node?
        }
        let node = Node()
        node.next = node  // a cycle: encoding it never ends by itself
        let error = try #require(throws: SecureCookieError.self) { try PythonValueEncoder().encode(node) }
        #expect(error.kind == .unrepresentable)
        #expect(error.reason.contains("deeper than 100"))
        #expect(error.reason.hasPrefix("at next.next."))
        // Exactly at the limit is fine.
        var nested: PythonValue = 1
        for _ in 0..<5 { nested = [nested] }
        #expect(try PythonValueEncoder(maximumDepth: 5).encode([[[[[1]]]]]) == nested)
        #expect(throws: SecureCookieError.unrepresentable("")) {
            try PythonValueEncoder(maximumDepth: 4).encode([[[[[1]]]]])
        }
    }

    @Test func selfReferentialSingleValueWrapperEndsInAnError() {
        final class Loop: Encodable {
            func encode(to encoder: any Encoder) throws {
                var container = encoder.singleValueContainer()
                try container.encode(self)
            }
        }
        #expect(throws: SecureCookieError.unrepresentable("")) { try PythonValueEncoder().encode(Loop()) }
    }

    @Test func misuseOfContainersIsReported() throws {
        struct Mixed: Encodable {
            func encode(to encoder: any Encoder) throws {
                var single = encoder.singleValueContainer()
                try single.encode(1)
                var list = encoder.unkeyedContainer()
                try list.encode(2)
            }
        }
        let error = try #require(throws: SecureCookieError.self) { try PythonValueEncoder().encode(Mixed()) }
        #expect(error.kind == .unrepresentable)
        #expect(error.reason.contains("unkeyed container"))
    }

    @Test func userErrorsPassThroughUnchanged() {
        struct Custom: Error, Equatable {}
        struct Failing: Encodable { func encode(to encoder: any Encoder) throws { throw Custom() } }
        #expect(throws: Custom()) { try PythonValueEncoder().encode(["x": Failing()]) }
    }

    @Test func userInfoReachesEncodeTo() throws {
        let key = try #require(CodingUserInfoKey(rawValue: "tenant"))
        struct Tenant: Encodable {
            let key: CodingUserInfoKey
            func encode(to encoder: any Encoder) throws {
                var container = encoder.singleValueContainer()
                try container.encode(encoder.userInfo[key] as? String ?? "missing")
            }
        }
        #expect(try PythonValueEncoder(userInfo: [key: "acme"]).encode(Tenant(key: key)) == "acme")
    }

    @Test func convenienceInitialiser() throws {
        #expect(try PythonValue(encoding: ["a": [1, 2]]) == ["a": [1, 2]])
    }
}
