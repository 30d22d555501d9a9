import Testing

@testable import SecureCookie

/// `PythonBigInt` against CPython 3.11: `pickle.encode_long(n)`, `int(x)` of doubles, `str(n)`.
@Suite struct PythonValueBigIntTests {
    /// `(n, list(pickle.encode_long(n)))`, computed with `/tmp/venv/bin/python`.
    static let encodeLong: [(String, [UInt8])] = [
        ("0", []), ("1", [1]), ("-1", [255]), ("127", [127]), ("128", [128, 0]), ("255", [255, 0]), ("256", [0, 1]),
        ("-128", [128]), ("-129", [127, 255]), ("-256", [0, 255]), ("-257", [255, 254]), ("32767", [255, 127]),
        ("32768", [0, 128, 0]), ("-32768", [0, 128]), ("-32769", [255, 127, 255]),
        ("2147483647", [255, 255, 255, 127]), ("2147483648", [0, 0, 0, 128, 0]), ("-2147483648", [0, 0, 0, 128]),
        ("-2147483649", [255, 255, 255, 127, 255]),
        ("9223372036854775807", [255, 255, 255, 255, 255, 255, 255, 127]),
        ("9223372036854775808", [0, 0, 0, 0, 0, 0, 0, 128, 0]),
        ("-9223372036854775808", [0, 0, 0, 0, 0, 0, 0, 128]),
        ("-9223372036854775809", [255, 255, 255, 255, 255, 255, 255, 127, 255]),
        ("18446744073709551616", [0, 0, 0, 0, 0, 0, 0, 0, 1]),
        ("-18446744073709551616", [0, 0, 0, 0, 0, 0, 0, 0, 255]),
        ("18446744073709551615", [255, 255, 255, 255, 255, 255, 255, 255, 0]),
        ("100000000000000000000", [0, 0, 16, 99, 45, 94, 199, 107, 5]),
        ("-100000000000000000000", [0, 0, 240, 156, 210, 161, 56, 148, 250]),
        ("1267650600228229401496703205376", [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 16]),
        ("-1267650600228229401496703205376", [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 240]),
        ("170141183460469231731687303715884105728", [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 128, 0]),
        ("-170141183460469231731687303715884105728", [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 128]),
        (
            "-170141183460469231731687303715884105729",
            [255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 127, 255]
        ),
        ("12345678901234567890123456789", [21, 129, 57, 110, 177, 201, 190, 70, 50, 27, 228, 39]),
    ]

    @Test(arguments: encodeLong)
    func twosComplementMatchesPickleEncodeLong(decimal: String, bytes: [UInt8]) throws {
        let value = try #require(PythonBigInt(decimal: decimal))
        #expect(value.twosComplementLittleEndian == bytes)
        #expect(PythonBigInt(twosComplementLittleEndian: bytes) == value)
        #expect(value.description == decimal)
    }

    /// Non-minimal encodings (Python's `decode_long` reads them too) give the same value.
    @Test func readsNonMinimalTwosComplement() {
        // Python: pickle.decode_long(b"\x01\x00\x00") == 1, decode_long(b"\xff\xff") == -1, decode_long(b"\x80\xff") == -128.
        #expect(PythonBigInt(twosComplementLittleEndian: [1, 0, 0]) == PythonBigInt(1))
        #expect(PythonBigInt(twosComplementLittleEndian: [255, 255]) == PythonBigInt(-1))
        #expect(PythonBigInt(twosComplementLittleEndian: [0x80, 0xFF]) == PythonBigInt(-128))
    }

    @Test(arguments: [
        "0", "7", "-7", "999999999", "1000000000", "-1000000000", "4294967295", "4294967296",
        "340282366920938463463374607431768211456", "-99999999999999999999999999999999999999999999",
        "10000000000000000000000000000000000000000000000000000000000000000000000000001",
    ])
    func decimalRoundTrips(text: String) throws {
        #expect(try #require(PythonBigInt(decimal: text)).description == text)
    }

    @Test func decimalTextIsNormalised() {
        // Python: int("+0012") == 12, int("-0") == 0.
        #expect(PythonBigInt(decimal: "+0012")?.description == "12")
        #expect(PythonBigInt(decimal: "-0")?.description == "0")
        #expect(PythonBigInt(decimal: "-0")?.isNegative == false)
    }

    /// Python's `int()` also accepts underscores and surrounding white space; this parser, as
    /// documented, takes only a sign and ASCII digits.
    @Test(arguments: ["", "-", "+", "1_000", " 1", "1 ", "0x10", "1e5", "12a", "--1", "+-1"])
    func refusesNonDecimalText(text: String) {
        #expect(PythonBigInt(decimal: text) == nil)
    }

    @Test func boundsDigitCount() {
        let longest = String(repeating: "9", count: PythonBigInt.maximumDecimalDigits)
        #expect(PythonBigInt(decimal: longest)?.description == longest)
        #expect(PythonBigInt(decimal: longest + "9") == nil)
    }

    /// `(x, str(int(x)))` in Python.
    @Test(arguments: [
        (1e20, "100000000000000000000"), (-1e20, "-100000000000000000000"),
        (18_446_744_073_709_551_616.0, "18446744073709551616"), (9_223_372_036_854_775_808.0, "9223372036854775808"),
        (-9_223_372_036_854_775_808.0, "-9223372036854775808"), (1_180_591_620_717_411_565_568.0, "1180591620717411565568"),
        (9_007_199_254_740_992.0, "9007199254740992"), (-0.0, "0"), (123.0, "123"),
        (
            1e300,
            "1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160"
        ),
    ])
    func exactlyFromDouble(double: Double, expected: String) throws {
        let value = try #require(PythonBigInt(exactly: double))
        #expect(value.description == expected)
        #expect(value.doubleValue == double)
    }

    @Test(arguments: [0.5, -1.5, Double.nan, Double.infinity, -Double.infinity, 1e-300])
    func exactlyRefusesNonIntegralDoubles(double: Double) {
        #expect(PythonBigInt(exactly: double) == nil)
    }

    @Test func machineIntegerConversions() throws {
        #expect(PythonBigInt(Int.min).intValue == Int.min)
        #expect(PythonBigInt(Int.min).description == "-9223372036854775808")
        #expect(PythonBigInt(UInt64.max).uint64Value == UInt64.max)
        #expect(PythonBigInt(UInt64.max).intValue == nil)
        #expect(PythonBigInt(-1).uint64Value == nil)
        let twoTo64 = try #require(PythonBigInt(decimal: "18446744073709551616"))
        #expect(twoTo64.uint64Value == nil)
        #expect(twoTo64.bitWidth == 65)
        #expect(PythonBigInt(0).bitWidth == 0)
        #expect(PythonValue.integer(PythonBigInt(5)) == .int(5))
        if case .int = PythonValue.integer(PythonBigInt(5)) {} else { Issue.record("small integer not normalised to .int") }
        if case .bigInt = PythonValue.integer(twoTo64) {} else { Issue.record("2**64 not kept as .bigInt") }
    }

    @Test func ordering() throws {
        let values = try ["-18446744073709551617", "-18446744073709551616", "-5", "0", "3", "18446744073709551616"]
            .map { try #require(PythonBigInt(decimal: $0)) }
        for (lower, higher) in zip(values, values.dropFirst()) {
            #expect(lower < higher)
            #expect(!(higher < lower))
        }
        #expect(!(values[0] < values[0]))
    }
}
