import Foundation
import Testing

@testable import SecureCookie
@testable import SecureCookieCodable

/// `PythonValueDecoder`: reading app types from what a Python app (or a codec) produced.
@Suite struct CodableDecoderTests {
    typealias Session = CodableSession

    @Test func readsAPythonShapedDict() throws {
        // What pickle.loads gives for {"userID": 42, "name": "Zoë", "roles": ("a", "b"), "admin": True, "score": 3, "extra": b"x"}:
        // a tuple for the list, an int for the Double, an extra key that the struct ignores.
        let value: PythonValue = [
            "userID": 42, "name": "Zoë", "roles": .tuple(["a", "b"]), "admin": true, "score": 3, "extra": .bytes([0x78]),
        ]
        let session = try PythonValueDecoder().decode(Session.self, from: value)
        #expect(session == Session(userID: 42, name: "Zoë", roles: ["a", "b"], admin: true, score: 3, nickname: nil))
        // None for an optional is nil.
        var withNone = try #require(value.dictValue)
        withNone["nickname"] = PythonValue.none
        #expect(try PythonValue.dict(withNone).decode(as: Session.self).nickname == nil)
        withNone["nickname"] = "z"
        #expect(try PythonValue.dict(withNone).decode(as: Session.self).nickname == "z")
    }

    @Test func missingKeyNamesThePath() throws {
        struct Outer: Decodable { var session: Session }
        let value: PythonValue = ["session": ["userID": 1, "name": "n", "roles": [], "admin": false]]
        let error = try #require(throws: SecureCookieError.self) { try value.decode(as: Outer.self) }
        #expect(error.kind == .undecodable)
        #expect(error.reason.hasPrefix("at session.score: "))
    }

    @Test func typeMismatchNamesPythonTypesAndPath() throws {
        let value: PythonValue = ["userID": 1, "name": "n", "roles": ["ok", 7], "admin": false, "score": 1.5]
        let error = try #require(throws: SecureCookieError.self) { try value.decode(as: Session.self) }
        #expect(error.kind == .undecodable)
        #expect(error.reason == "at roles[1]: expected str, found int")
    }

    @Test func boolIsNotAnIntAndIntIsNotABool() throws {
        // Python's True is an int, but a Swift Int field reading True is almost surely a mistake.
        let asInt = try #require(throws: SecureCookieError.self) { try PythonValue.bool(true).decode(as: Int.self) }
        #expect(asInt.reason == "at top level: expected int, found bool")
        #expect(throws: SecureCookieError.undecodable("")) { try PythonValue.int(1).decode(as: Bool.self) }
        #expect(try PythonValue.bool(false).decode(as: Bool.self) == false)
    }

    @Test func integerConversions() throws {
        #expect(try PythonValue.int(255).decode(as: UInt8.self) == 255)
        #expect(try PythonValue.float(2.0).decode(as: Int.self) == 2)
        let big = PythonValue.integer(PythonBigInt(UInt64.max))
        #expect(try big.decode(as: UInt64.self) == .max)
        let tooBig = try #require(throws: SecureCookieError.self) { try PythonValue.int(256).decode(as: UInt8.self) }
        #expect(tooBig.reason == "at top level: int out of UInt8's range")
        #expect(!tooBig.reason.contains("256"))  // errors never show a cookie's value
        #expect(throws: SecureCookieError.undecodable("")) { try PythonValue.int(-1).decode(as: UInt.self) }
        #expect(throws: SecureCookieError.undecodable("")) { try big.decode(as: Int64.self) }
        #expect(throws: SecureCookieError.undecodable("")) { try PythonValue.float(2.5).decode(as: Int.self) }
        #expect(throws: SecureCookieError.undecodable("")) { try PythonValue.float(.nan).decode(as: Int.self) }
        #expect(throws: SecureCookieError.undecodable("")) { try PythonValue.str("1").decode(as: Int.self) }
    }

    @Test func floatingPointConversions() throws {
        #expect(try PythonValue.int(3).decode(as: Double.self) == 3)
        // Python: float(2**64 + 1) == 1.8446744073709552e+19 (rounded).
        let twoTo64PlusOne = try #require(PythonBigInt(decimal: "18446744073709551617"))
        #expect(try PythonValue.bigInt(twoTo64PlusOne).decode(as: Double.self) == 18_446_744_073_709_551_616.0)
        // Python: float(10**400) raises OverflowError.
        let huge = try #require(PythonBigInt(decimal: "1" + String(repeating: "0", count: 400)))
        #expect(throws: SecureCookieError.undecodable("")) { try PythonValue.bigInt(huge).decode(as: Double.self) }
        #expect(try PythonValue.float(0.1).decode(as: Float.self) == Float(0.1))
        #expect(try PythonValue.float(.infinity).decode(as: Float.self) == .infinity)
        #expect(throws: SecureCookieError.undecodable("")) { try PythonValue.float(1e300).decode(as: Float.self) }
        #expect(throws: SecureCookieError.undecodable("")) { try PythonValue.str("1.0").decode(as: Double.self) }
    }

    @Test func unkeyedContainersReadTuplesSetsAndBytes() throws {
        #expect(try PythonValue.tuple([1, 2]).decode(as: [Int].self) == [1, 2])
        #expect(try PythonValue.frozenset([3, 1]).decode(as: Set<Int>.self) == [1, 3])
        #expect(try PythonValue.set(["a"]).decode(as: [String].self) == ["a"])
        // Python: list(b"\x00\xff") == [0, 255].
        #expect(try PythonValue.bytes([0, 0xFF]).decode(as: [UInt8].self) == [0, 255])
        #expect(try PythonValue.list([1, nil, 3]).decode(as: [Int?].self) == [1, nil, 3])
        let error = try #require(throws: SecureCookieError.self) { try PythonValue.str("ab").decode(as: [String].self) }
        #expect(error.reason == "at top level: expected list, found str")
    }

    @Test func tupleReadAsAFixedShapeThroughAnUnkeyedContainer() throws {
        struct Point: Decodable, Equatable {
            var x: Int
            var y: Int
            init(x: Int, y: Int) {
                self.x = x
                self.y = y
            }
            init(from decoder: any Decoder) throws {
                var container = try decoder.unkeyedContainer()
                x = try container.decode(Int.self)
                y = try container.decode(Int.self)
            }
        }
        #expect(try PythonValue.tuple([3, 4]).decode(as: Point.self) == Point(x: 3, y: 4))
        let error = try #require(throws: SecureCookieError.self) { try PythonValue.tuple([3]).decode(as: Point.self) }
        #expect(error.reason.hasPrefix("at [1]: "))
    }

    @Test func dictionariesWithStringAndIntKeys() throws {
        #expect(try PythonValue.dict(["a": 1, "b": 2]).decode(as: [String: Int].self) == ["a": 1, "b": 2])
        // Python's {1: "one", 2: "two"} (from pickle, say) reads as [Int: String].
        let intKeyed: PythonValue = [.int(1): "one", .int(2): "two"]
        #expect(try intKeyed.decode(as: [Int: String].self) == [1: "one", 2: "two"])
        let error = try #require(throws: SecureCookieError.self) { try PythonValue.list([]).decode(as: [String: Int].self) }
        #expect(error.reason == "at top level: expected dict, found list")
    }

    @Test func enums() throws {
        enum Role: String, Codable { case admin, guest }
        #expect(try PythonValue.str("guest").decode(as: Role.self) == .guest)
        let error = try #require(throws: SecureCookieError.self) { try PythonValue.list(["root"]).decode(as: [Role].self) }
        #expect(error.kind == .undecodable)
        #expect(error.reason.hasPrefix("at [0]: "))
    }

    @Test func datesFromSecondsAndDatetimes() throws {
        #expect(try PythonValue.float(1_704_164_645.5).decode(as: Date.self) == Date(timeIntervalSince1970: 1_704_164_645.5))
        #expect(try PythonValue.int(86400).decode(as: Date.self) == Date(timeIntervalSince1970: 86400))
        let plus2 = try #require(PythonTimeDelta(days: 0, seconds: 7200))
        // Python: datetime(2024,1,2,5,4,5, tzinfo=timezone(timedelta(hours=2))).timestamp() == 1704164645.0
        let aware = try #require(PythonDateTime(year: 2024, month: 1, day: 2, hour: 5, minute: 4, second: 5, utcOffset: plus2))
        #expect(try PythonValue.datetime(aware).decode(as: Date.self) == Date(timeIntervalSince1970: 1_704_164_645))
        // A naive datetime counts as UTC, as Werkzeug's _date_to_unix does: calendar.timegm(datetime(1969,12,31,23,59,59).utctimetuple()) == -1.
        let naive = try #require(PythonDateTime(year: 1969, month: 12, day: 31, hour: 23, minute: 59, second: 59, microsecond: 250_000))
        #expect(try PythonValue.datetime(naive).decode(as: Date.self) == Date(timeIntervalSince1970: -0.75))
        #expect(throws: SecureCookieError.undecodable("")) { try PythonValue.str("2024-01-02").decode(as: Date.self) }
    }

    @Test func dataFromBytesListsAndBase64() throws {
        #expect(try PythonValue.bytes([1, 2]).decode(as: Data.self) == Data([1, 2]))
        #expect(try PythonValue.bytearray([3]).decode(as: Data.self) == Data([3]))
        #expect(try PythonValue.list([4, 5]).decode(as: Data.self) == Data([4, 5]))
        #expect(throws: SecureCookieError.undecodable("")) { try PythonValue.str("AAH/").decode(as: Data.self) }
        let base64 = PythonValueDecoder(dataStrategy: .base64)
        #expect(try base64.decode(Data.self, from: "AAH/") == Data([0, 1, 0xFF]))
        #expect(throws: SecureCookieError.undecodable("")) { try base64.decode(Data.self, from: "not base64!") }
    }

    @Test func foundationDecimalAndURL() throws {
        let decimal = try PythonValue.decimal(try #require(PythonDecimal("1.10"))).decode(as: Decimal.self)
        #expect(decimal == Decimal(string: "1.1", locale: nil))
        #expect(try PythonValue.decimal(try #require(PythonDecimal("1E+2"))).decode(as: Decimal.self) == 100)
        #expect(try PythonValue.int(7).decode(as: Decimal.self) == 7)
        #expect(throws: SecureCookieError.undecodable("")) {
            try PythonValue.decimal(try #require(PythonDecimal("Infinity"))).decode(as: Decimal.self)
        }
        #expect(try PythonValue.str("https://example.com/").decode(as: URL.self) == URL(string: "https://example.com/"))
    }

    @Test func superDecoderAndNestedContainers() throws {
        struct Pair: Decodable, Equatable {
            var a: Int
            var inner: [Int]
            var base: Int
            enum CodingKeys: String, CodingKey { case a, inner, `super` }
            init(from decoder: any Decoder) throws {
                let container = try decoder.container(keyedBy: CodingKeys.self)
                a = try container.decode(Int.self, forKey: .a)
                var list = try container.nestedUnkeyedContainer(forKey: .inner)
                var items: [Int] = []
                while !list.isAtEnd { items.append(try list.decode(Int.self)) }
                inner = items
                base = try container.superDecoder().singleValueContainer().decode(Int.self)
            }
        }
        let value: PythonValue = ["a": 1, "inner": .tuple([2, 3]), "super": 9]
        let pair = try value.decode(as: Pair.self)
        #expect(pair.a == 1 && pair.inner == [2, 3] && pair.base == 9)
    }

    @Test func userErrorsPassThroughUnchanged() {
        struct Custom: Error, Equatable {}
        struct Failing: Decodable { init(from decoder: any Decoder) throws { throw Custom() } }
        #expect(throws: Custom()) { try PythonValue.int(1).decode(as: Failing.self) }
    }
}
