import Testing

@testable import SecureCookie

/// Python's equality and hashing, checked against CPython 3.11 (`/tmp/venv/bin/python`):
/// every expectation below is what the same comparison or dict gives in Python.
@Suite struct PythonValueEqualityTests {
    /// `{1: "a", 1.0: "b", True: "c"}` is `{1: "c"}` in Python: one key, the first key object, the last value.
    @Test func oneAndOnePointZeroAndTrueAreOneKey() {
        let dict: PythonDict = [.int(1): "a", .float(1.0): "b", .bool(true): "c"]
        #expect(dict.count == 1)
        #expect(dict.orderedKeys.first.map { if case .int(1) = $0 { true } else { false } } == true)
        #expect(dict[.int(1)] == "c")
        #expect(dict[.bool(true)] == "c")
    }

    /// `{0: 1, False: 2, 0.0: 3, -0.0: 4, 0j: 5, Decimal(0): 6}` has one key in Python.
    @Test func zeroesAreOneKey() throws {
        let zero = try #require(PythonDecimal("0"))
        let negativeZero = try #require(PythonDecimal("-0.00"))
        let dict: PythonDict = [
            .int(0): 1, .bool(false): 2, .float(0.0): 3, .float(-0.0): 4, .complex(0, 0): 5, .decimal(zero): 6,
            .decimal(negativeZero): 7,
        ]
        #expect(dict.count == 1)
        #expect(dict[.int(0)] == 7)
    }

    /// `"\u00e9"` and `"e\u0301"` are canonically equivalent for Swift but two keys for Python.
    @Test func canonicallyEquivalentStringsAreTwoKeys() {
        let composed = "\u{E9}"
        let decomposed = "e\u{301}"
        #expect(composed == decomposed)  // Swift's own String equality
        #expect(PythonValue.str(composed) != PythonValue.str(decomposed))
        let dict: PythonDict = [.str(composed): 1, .str(decomposed): 2]
        #expect(dict.count == 2)
        #expect(dict[composed] == 1)
        #expect(dict[decomposed] == 2)
        let set: PythonSet = [.str(composed), .str(decomposed)]
        #expect(set.count == 2)
    }

    @Test func numbersAcrossKinds() throws {
        // Python: 2**64 == 2.0**64, 2**64 + 1 != 2.0**64, 10**20 == 1e20.
        let twoTo64 = try #require(PythonBigInt(decimal: "18446744073709551616"))
        let twoTo64PlusOne = try #require(PythonBigInt(decimal: "18446744073709551617"))
        #expect(PythonValue.bigInt(twoTo64) == .float(18_446_744_073_709_551_616.0))
        #expect(PythonValue.bigInt(twoTo64PlusOne) != .float(18_446_744_073_709_551_616.0))
        #expect(PythonValue.integer(try #require(PythonBigInt(decimal: "100000000000000000000"))) == .float(1e20))
        // Python: 0.5 == 0.5+0j, 1.5 != 1, True != 2, complex(1, 1) != 1.
        #expect(PythonValue.float(0.5) == .complex(0.5, 0))
        #expect(PythonValue.float(1.5) != .int(1))
        #expect(PythonValue.bool(true) != .int(2))
        #expect(PythonValue.complex(1, 1) != .int(1))
        // Python: Decimal("1.10") == Decimal("1.1") == Decimal("11E-1"), and Decimal("2.0") == 2 == 2.0.
        let d110 = try #require(PythonDecimal("1.10"))
        let d11 = try #require(PythonDecimal("1.1"))
        let d11e = try #require(PythonDecimal("11E-1"))
        #expect(PythonValue.decimal(d110) == .decimal(d11))
        #expect(PythonValue.decimal(d11e) == .decimal(d11))
        #expect(PythonValue.decimal(try #require(PythonDecimal("2.0"))) == .int(2))
        #expect(PythonValue.decimal(try #require(PythonDecimal("2.0"))) == .float(2.0))
        // Python: Decimal("0.1") != 0.1 (0.1 is not exactly one tenth), but Decimal("0.5") == 0.5.
        #expect(PythonValue.decimal(try #require(PythonDecimal("0.1"))) != .float(0.1))
        #expect(PythonValue.decimal(try #require(PythonDecimal("0.5"))) == .float(0.5))
        #expect(PythonValue.decimal(try #require(PythonDecimal("-1.25"))) == .float(-1.25))
        // Python: Decimal(0.1) is the exact value of the double, and equals it.
        let exactTenth = try #require(PythonDecimal("0.1000000000000000055511151231257827021181583404541015625"))
        #expect(PythonValue.decimal(exactTenth) == .float(0.1))
        // Python: {Decimal("0.5"): 1, 0.5: 2} == {Decimal("0.5"): 2}: one key.
        let dict: PythonDict = [.decimal(try #require(PythonDecimal("0.5"))): 1, .float(0.5): 2]
        #expect(dict.count == 1)
    }

    /// NaN equals NaN in this model (documented): a decoded value must equal its source.
    @Test func nanEqualsItself() {
        #expect(PythonValue.float(.nan) == .float(.nan))
        #expect(PythonValue.list([.float(.nan)]) == .list([.float(.nan)]))
        #expect(PythonValue.float(.nan) != .float(1))
        #expect(PythonValue.float(.infinity) != .float(-.infinity))
        let dict: PythonDict = [.float(.nan): 1, .float(.nan): 2]
        #expect(dict.count == 1)
    }

    @Test func bytesEqualsBytearrayAndSetEqualsFrozenset() {
        // Python: b"ab" == bytearray(b"ab"), {1, 2} == frozenset({2, 1}), [1] != (1,), "a" != b"a".
        #expect(PythonValue.bytes([0x61, 0x62]) == .bytearray([0x61, 0x62]))
        #expect(PythonValue.bytes([0x61]) != .bytearray([0x62]))
        #expect(PythonValue.set([1, 2]) == .frozenset([2, 1]))
        #expect(PythonValue.set([1, 2]) != .frozenset([1]))
        #expect(PythonValue.list([1]) != .tuple([1]))
        #expect(PythonValue.str("a") != .bytes([0x61]))
        #expect(PythonValue.none != .bool(false))
        #expect(PythonValue.none != .int(0))
        // Equal values hash alike.
        #expect(PythonValue.bytes([1, 2]).hashValue == PythonValue.bytearray([1, 2]).hashValue)
        #expect(PythonValue.set([1, 2]).hashValue == PythonValue.frozenset([2, 1]).hashValue)
    }

    @Test func dictsCompareWithoutOrder() {
        // Python: {"a": 1, "b": 2} == {"b": 2, "a": 1}, [1, 2] != [2, 1], {1: 1} == {1.0: True}.
        #expect(PythonValue.dict(["a": 1, "b": 2]) == .dict(["b": 2, "a": 1]))
        #expect(PythonValue.list([1, 2]) != .list([2, 1]))
        #expect(PythonValue.dict([.int(1): .int(1)]) == .dict([.float(1.0): .bool(true)]))
        #expect(PythonValue.dict(["a": 1]) != .dict(["a": 1, "b": 2]))
    }

    @Test func awareDatetimesEqualAcrossOffsets() throws {
        // Python: datetime(2024,1,2,3,4,5, tzinfo=utc) == datetime(2024,1,2,8,34,5, tzinfo=timezone(timedelta(hours=5, minutes=30)))
        let utc = try #require(PythonTimeDelta(days: 0))
        let plus0530 = try #require(PythonTimeDelta(days: 0, seconds: 5 * 3600 + 30 * 60))
        let minus1 = try #require(PythonTimeDelta(days: 0, seconds: -3600))
        let a = try #require(PythonDateTime(year: 2024, month: 1, day: 2, hour: 3, minute: 4, second: 5, utcOffset: utc))
        let b = try #require(PythonDateTime(year: 2024, month: 1, day: 2, hour: 8, minute: 34, second: 5, utcOffset: plus0530))
        let c = try #require(PythonDateTime(year: 2024, month: 1, day: 2, hour: 2, minute: 4, second: 5, utcOffset: minus1))
        let later = try #require(PythonDateTime(year: 2024, month: 1, day: 2, hour: 3, minute: 4, second: 6, utcOffset: utc))
        #expect(PythonValue.datetime(a) == .datetime(b))
        #expect(PythonValue.datetime(a) == .datetime(c))
        #expect(PythonValue.datetime(a) != .datetime(later))
        #expect(PythonValue.datetime(a).hashValue == PythonValue.datetime(b).hashValue)
        let dict: PythonDict = [.datetime(a): 1, .datetime(b): 2, .datetime(c): 3]
        #expect(dict.count == 1)
    }

    @Test func naiveAndAwareDiffer() throws {
        // Python: datetime(2024,1,2) == datetime(2024,1,2, tzinfo=utc) is False; so is time(3) == time(3, tzinfo=utc).
        let utc = try #require(PythonTimeDelta(days: 0))
        let naive = try #require(PythonDateTime(year: 2024, month: 1, day: 2))
        let aware = try #require(PythonDateTime(year: 2024, month: 1, day: 2, utcOffset: utc))
        #expect(PythonValue.datetime(naive) != .datetime(aware))
        #expect(PythonValue.time(try #require(PythonTime(hour: 3))) != .time(try #require(PythonTime(hour: 3, utcOffset: utc))))
        // Python: time(3, tzinfo=utc) == time(4, tzinfo=timezone(timedelta(hours=1))).
        let plus1 = try #require(PythonTimeDelta(days: 0, seconds: 3600))
        #expect(
            PythonValue.time(try #require(PythonTime(hour: 3, utcOffset: utc)))
                == .time(try #require(PythonTime(hour: 4, utcOffset: plus1))))
        // Python: date(2024, 1, 2) != datetime(2024, 1, 2).
        #expect(PythonValue.date(try #require(PythonDate(year: 2024, month: 1, day: 2))) != .datetime(naive))
    }

    @Test func hashability() {
        // Python: hash([]) and hash(bytearray()) raise; hash((1, [2])) raises; hash((1, (2,))) works.
        #expect(!PythonValue.list([]).isHashable)
        #expect(!PythonValue.bytearray([]).isHashable)
        #expect(!PythonValue.dict([:]).isHashable)
        #expect(!PythonValue.set([]).isHashable)
        #expect(PythonValue.frozenset([]).isHashable)
        #expect(!PythonValue.tuple([1, [2]]).isHashable)
        #expect(PythonValue.tuple([1, .tuple([2])]).isHashable)
    }

    @Test func nodeCountCountsEveryNode() {
        // {"a": [1, 2], "b": (3,)}: dict, "a", list, 1, 2, "b", tuple, 3.
        let value: PythonValue = .dict(["a": [1, 2], "b": .tuple([3])])
        #expect(value.nodeCount == 8)
        #expect(PythonValue.int(1).nodeCount == 1)
    }
}
