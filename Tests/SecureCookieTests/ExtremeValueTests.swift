import Foundation
import SecureCookieJSON
import Testing

@testable import SecureCookie
@testable import SecureCookieCodable

/// Extreme values fed to every core constructor and conversion: each gives a value or a typed
/// error, never an overflow trap (a trap would crash this test process).
@Suite struct ExtremeValueTests {
    /// Cookies in tagged JSON, which keeps every Python type.
    typealias Format = CodableSecureCookieTests.Format

    static let edges: [Int] = [.min, .min + 1, -1, 0, 1, .max - 1, .max, 999_999_999, -999_999_999, 1_000_000_000]

    @Test("timedelta: any Int fields give a timedelta or nil, and 999999999 days has its length")
    func timedeltaFields() throws {
        for d in Self.edges {
            for s in Self.edges {
                for us in Self.edges {
                    if let delta = PythonTimeDelta(days: d, seconds: s, microseconds: us) {
                        #expect(delta.days.magnitude <= 999_999_999)
                        #expect((0..<86_400).contains(delta.seconds))
                        #expect((0..<1_000_000).contains(delta.microseconds))
                        _ = delta.totalMicroseconds
                        _ = delta.utcOffsetText
                    }
                }
            }
        }
        let longest = try #require(PythonTimeDelta(days: 999_999_999, seconds: 86_399, microseconds: 999_999))
        #expect(longest.totalMicrosecondsIfRepresentable == nil)
        #expect(longest.totalMicroseconds == Int.max)
        let shortest = try #require(PythonTimeDelta(days: -999_999_999))
        #expect(shortest.totalMicroseconds == Int.min)
        // timedelta(microseconds=10**17) is 1157407 days 35200 s in Python: normalised, not refused.
        let micro = try #require(PythonTimeDelta(days: 0, microseconds: 100_000_000_000_000_000))
        #expect((micro.days, micro.seconds, micro.microseconds) == (1_157_407, 35_200, 0))
        #expect(PythonTimeDelta(days: 1_000_000_000) == nil)
        #expect(PythonTimeDelta(days: Int.max, seconds: Int.max, microseconds: Int.max) == nil)
        // str(-timedelta(microseconds=1)) offset form: -00:00:00.000001.
        #expect(try #require(PythonTimeDelta(days: 0, microseconds: -1)).utcOffsetText == "-00:00:00.000001")
        #expect(try #require(PythonTimeDelta(days: 0, seconds: -3600)).utcOffsetText == "-01:00")
    }

    @Test("time and datetime refuse a huge offset instead of computing with it")
    func hugeOffsets() throws {
        let huge = try #require(PythonTimeDelta(days: 999_999_999))
        #expect(PythonTime(hour: 0, utcOffset: huge) == nil)
        #expect(PythonDateTime(microsecondsSinceUnixEpoch: 0, utcOffset: huge) == nil)
        for micros in [Int.min, Int.max, -62_135_596_800_000_001, 253_402_300_800_000_000] {
            #expect(PythonDateTime(microsecondsSinceUnixEpoch: micros) == nil)
        }
        let last = try #require(PythonDateTime(year: 9999, month: 12, day: 31, hour: 23, minute: 59, second: 59, microsecond: 999_999))
        #expect(last.microsecondsSinceUnixEpoch == 253_402_300_799_999_999)
        #expect(PythonDate(daysSinceUnixEpoch: .min) == nil && PythonDate(daysSinceUnixEpoch: .max) == nil)
        #expect(PythonDate.daysIn(month: 2, year: .min) == 29)
    }

    @Test("a signed cookie whose value is timedelta(999999999 days) inside a timezone: refused, no trap")
    func timezoneOfHugeDelta() throws {
        let text = #"{"$datetime": "2024-01-01T00:00:00+999999999:00"}"#
        #expect(throws: SecureCookieError.self) { try TaggedJSON.decode(text) }
        let delta = #"{"$timedelta": [999999999, 86399, 999999]}"#
        #expect(
            try TaggedJSON.decode(delta)
                == .timedelta(try #require(PythonTimeDelta(days: 999_999_999, seconds: 86_399, microseconds: 999_999))))
        for body in [
            "[9223372036854775807, 9223372036854775807, 9223372036854775807]", "[-9223372036854775808, 0, 0]", "[1000000000, 0, 0]",
        ] {
            #expect(throws: SecureCookieError.self) { try TaggedJSON.decode(#"{"$timedelta": \#(body)}"#) }
        }
    }

    @Test("_expires is compared with the clock as Werkzeug 0.16.1 on CPython 3.11 compares it")
    func expiryAsWerkzeug() throws {
        // Measured: nan, inf, 1e200, 10**400, 2**63 accepted; -inf, -1e200, True, False, -10**400 rejected.
        let now = 1_700_000_000.0
        let huge = try #require(PythonBigInt(decimal: "1" + String(repeating: "0", count: 400)))
        let hugeNegative = try #require(PythonBigInt(decimal: "-1" + String(repeating: "0", count: 400)))
        let cases: [(PythonValue, Bool)] = [
            (.float(.nan), false), (.float(.infinity), false), (.float(1e200), false), (.integer(huge), false),
            (.integer(try #require(PythonBigInt(decimal: "9223372036854775808"))), false),
            (.float(-.infinity), true), (.float(-1e200), true), (.bool(true), true), (.bool(false), true),
            (.integer(hugeNegative), true), (.int(.min), true), (.int(.max), false),
        ]
        for (expires, expired) in cases {
            #expect(try CookieExpiry.check(expires, now: now).hasExpired == expired, "\(expires.typeName)")
        }
        // Exact, not through a rounded double: 2**53 + 3 rounds to 2**53 + 4 as a double.
        #expect(try CookieExpiry.check(.int(9_007_199_254_740_995), now: 9_007_199_254_740_996).hasExpired)
        #expect(try !CookieExpiry.check(.int(9_007_199_254_740_996), now: 9_007_199_254_740_996).hasExpired)
        #expect(try CookieExpiry.check(.int(5), now: 5.5).hasExpired)
        // A NaN clock fails closed.
        #expect(try CookieExpiry.check(.int(.max), now: .nan).hasExpired)
        #expect(throws: SecureCookieError.undecodable("")) { try CookieExpiry.check(.str("x"), now: now) }
        #expect(throws: SecureCookieError.undecodable("")) { try CookieExpiry.check(.none, now: now) }
    }

    @Test("a Decimal _expires is compared exactly with the clock, as Werkzeug 0.16.1 compares it")
    func decimalExpiry() throws {
        // Measured with Werkzeug 0.16.1 on CPython 3.11 and 2.7 (`time() > Decimal(text)` at now =
        // 1700000000.5; Interop/interop.py's decimal_expiry runs the same cookies through both).
        let expired = [
            "1700000000.4", "1700000000.49999999999999999", "-1700000000.6", "0", "-0", "1E-999999", "-1E+999999", "-Infinity",
        ]
        let kept = ["1700000000.5", "1700000000.50000000000000001", "1700000000.6", "17000000005E-1", "1E+999999", "Infinity"]
        for (texts, verdict) in [(expired, true), (kept, false)] {
            for text in texts {
                let decimal = try #require(PythonDecimal(text))
                #expect(try CookieExpiry.check(.decimal(decimal), now: 1_700_000_000.5).hasExpired == verdict, "\(text)")
            }
        }
        // Python raises InvalidOperation for a NaN Decimal: undecodable here.
        for text in ["NaN", "sNaN", "-NaN"] {
            let decimal = try #require(PythonDecimal(text))
            #expect(throws: SecureCookieError.undecodable("")) { try CookieExpiry.check(.decimal(decimal), now: 1_700_000_000.5) }
        }
        #expect(try CookieExpiry.check(.decimal(try #require(PythonDecimal("1E+999999"))), now: 0).deadline == .infinity)
    }

    @Test("a real cookie with _expires 1e200 read at now 1e300 is expired, with its expiry saturated")
    func expiredCookieFarOut() throws {
        var cookie = SecureCookie(["a": 1, "_expires": .float(1e200)], secretKey: "k", format: Format())
        let value = try cookie.serialize()
        #expect(throws: SecureCookieError.expired(at: 0)) {
            try SecureCookie.unserialize(value, secretKey: "k", format: Format(), now: 1e300)
        }
        do {
            _ = try SecureCookie.unserialize(value, secretKey: "k", format: Format(), now: 1e300)
        } catch let error as SecureCookieError {
            #expect(error.expiry == Int64.max)
        }
        let read = try SecureCookie.unserialize(value, secretKey: "k", format: Format(), now: 1_700_000_000)
        #expect(read.sessionExpiry == 1e200)
        var nan = SecureCookie(["_expires": .float(.nan)], secretKey: "k", format: Format())
        let nanValue = try nan.serialize()
        // Werkzeug accepts it (`time() > nan` is False); a NaN clock does not.
        _ = try SecureCookie.unserialize(nanValue, secretKey: "k", format: Format(), now: 1_700_000_000)
        #expect(throws: SecureCookieError.expired(at: 0)) {
            try SecureCookie.unserialize(nanValue, secretKey: "k", format: Format(), now: .nan)
        }
    }

    @Test("Set-Cookie: a clock or Max-Age past the calendar is an error, not a trap")
    func setCookieArithmetic() throws {
        for (now, maxAge) in [(Double.nan, 60), (1e300, 60), (-1e300, 60), (0, Int.max), (9.2e18, Int.max), (0, Int.min)] {
            var cookie = SecureCookie(["a": 1], secretKey: "k", format: Format())
            #expect(throws: SecureCookieError.unrepresentable("")) {
                try cookie.setCookieHeader(SetCookieOptions(maxAge: maxAge, force: true), now: now)
            }
        }
        var cookie = SecureCookie(["a": 1], secretKey: "k", format: Format())
        #expect(throws: SecureCookieError.unrepresentable("")) { try cookie.setCookieHeader(SetCookieOptions(expires: .max, force: true)) }
        #expect(CookieHeader.cookieDate(.min) == nil && CookieHeader.cookieDate(.max) == nil)
    }

    @Test("int -> str is bounded at 4300 digits, as CPython 3.11's int_max_str_digits")
    func integerDigits() throws {
        let digits4300 = "9" + String(repeating: "0", count: 4299)
        let fine = try #require(PythonBigInt(decimal: digits4300))
        #expect(try fine.decimalText() == digits4300)
        #expect(try TaggedJSON.encode(.integer(fine)) == #"{"$int": "\#(digits4300)"}"#)
        let negative = try #require(PythonBigInt(decimal: "-" + digits4300))
        #expect(try negative.decimalText() == "-" + digits4300)
        // 10**4300 has 4301 digits and 14,285 bits: converted, counted, refused.
        let tenTo4300 = PythonBigInt(twosComplementLittleEndian: Self.powerOfTen(4300))
        #expect(tenTo4300.bitWidth == 14_285)
        #expect(throws: SecureCookieError.limitExceeded(.integerDigits, "")) { try tenTo4300.decimalText() }
        // 10**5000 (and anything wider than 14,285 bits) is refused from its bit length.
        let wide = PythonBigInt(twosComplementLittleEndian: [UInt8](repeating: 0, count: 65_536) + [1])
        #expect(throws: SecureCookieError.limitExceeded(.integerDigits, "")) { try wide.decimalText() }
        #expect(throws: SecureCookieError.limitExceeded(.integerDigits, "")) { try TaggedJSON.encode(.list([.integer(wide)])) }
        var buffer = OutputBuffer(capacity: 16)
        buffer.append(UInt8(ascii: "x"))
        #expect(throws: SecureCookieError.self) { try TaggedJSON.encode(.integer(wide), appendingTo: &buffer) }
        #expect(buffer.count == 1)
        // Reading: 4301 digits refused in $int and in plain JSON, 4300 read.
        #expect(throws: SecureCookieError.limitExceeded(.integerDigits, "")) { try TaggedJSON.decode(digits4300 + "1") }
        #expect(try TaggedJSON.decode(digits4300) == .integer(fine))
    }

    /// 10^n as two's-complement little-endian bytes, built by repeated multiplication.
    static func powerOfTen(_ n: Int) -> [UInt8] {
        var bytes: [UInt8] = [1]
        for _ in 0..<n {
            var carry = 0
            for index in bytes.indices {
                let product = Int(bytes[index]) * 10 + carry
                bytes[index] = UInt8(truncatingIfNeeded: product)
                carry = product >> 8
            }
            while carry != 0 {
                bytes.append(UInt8(truncatingIfNeeded: carry))
                carry >>= 8
            }
        }
        if let last = bytes.last, last & 0x80 != 0 { bytes.append(0) }
        return bytes
    }

    @Test("big ints and doubles convert to machine types without a trap")
    func conversions() throws {
        for double in [Double.nan, .infinity, -.infinity, 1e308, -1e308, 9.3e18, -9.3e18, .leastNonzeroMagnitude, 0.5] {
            if let big = PythonBigInt(exactly: double) {
                #expect(big.doubleValue == double)
                _ = big.intValue
            }
        }
        let wide = PythonBigInt(twosComplementLittleEndian: [UInt8](repeating: 0xFF, count: 1024) + [0x7F])
        #expect(wide.intValue == nil && wide.uint64Value == nil && wide.doubleValue == .infinity)
        #expect(PythonBigInt(Int.min).intValue == Int.min)
        #expect(PythonBigInt(UInt64.max).intValue == nil && PythonBigInt(UInt64.max).uint64Value == UInt64.max)
    }

    @Test("Decimal text with giant exponents is read or refused as Python's Decimal does, and printed")
    func decimalExponents() throws {
        for (text, printed) in [
            ("1e999999999", "1E+999999999"), ("1e999999999999999999", "1E+999999999999999999"),
            ("1e-999999999999999999", "1E-999999999999999999"), ("-1.5e-999999999999999999", "-1.5E-999999999999999999"),
        ] {
            #expect(PythonDecimal(text)?.description == printed, "\(text)")
        }
        // Python: InvalidOperation past the 18-digit exponent.
        #expect(PythonDecimal("1e9999999999999999999999") == nil)
        #expect(PythonDecimal("1e" + String(repeating: "9", count: 4000)) == nil)
        let decimal = try #require(PythonDecimal("1e999999999999999999"))
        #expect(decimal.integerValue == nil)
        #expect(decimal.exactDouble == nil)
        #expect(PythonValue.decimal(decimal) != .float(.infinity))
    }

    @Test("JSON numbers with giant exponents read as Python's float() reads them")
    func jsonExponents() throws {
        #expect(try TaggedJSON.decode("1e999999999") == .float(.infinity))
        #expect(try TaggedJSON.decode("-1e999999999999999999999999") == .float(-.infinity))
        #expect(try TaggedJSON.decode("1e-999999999") == .float(0))
        #expect(try TaggedJSON.decode("1" + String(repeating: "0", count: 5000) + ".5") == .float(.infinity))
    }

    @Test("the Codable bridge turns big ints and doubles into typed errors")
    func codableConversions() throws {
        let wide = PythonBigInt(twosComplementLittleEndian: [UInt8](repeating: 0, count: 4000) + [1])
        #expect(throws: SecureCookieError.self) { try PythonValueDecoder().decode(Int.self, from: .integer(wide)) }
        #expect(throws: SecureCookieError.self) { try PythonValueDecoder().decode(Decimal.self, from: .integer(wide)) }
        #expect(throws: SecureCookieError.self) { try PythonValueDecoder().decode(Int8.self, from: .float(1e300)) }
        #expect(throws: SecureCookieError.self) { try PythonValueDecoder().decode(Int.self, from: .float(.nan)) }
        #expect(throws: SecureCookieError.self) { try PythonValueDecoder().decode(UInt.self, from: .int(-1)) }
        let big = try #require(PythonBigInt(decimal: "18446744073709551615"))
        #expect(try PythonValueDecoder().decode(UInt64.self, from: .integer(big)) == .max)
        #expect(throws: SecureCookieError.self) { try PythonValueDecoder().decode(Float.self, from: .float(1e300)) }
        _ = try? PythonValueDecoder().decode(Decimal.self, from: .decimal(try #require(PythonDecimal("1e999999999999999999"))))
        #expect(throws: SecureCookieError.self) {
            try PythonValueEncoder(dateStrategy: .datetime).encode(Date(timeIntervalSince1970: 1e300))
        }
    }
}
