import Testing

@testable import SecureCookie

/// `PythonDecimal` against CPython 3.11's `decimal.Decimal`.
@Suite struct PythonValueDecimalTests {
    /// `(text, str(Decimal(text)))`, computed with `/tmp/venv/bin/python`.
    @Test(arguments: [
        ("1.10", "1.10"), ("1.1", "1.1"), ("-0", "-0"), ("0", "0"), ("0.000", "0.000"), ("1E+2", "1E+2"),
        ("1e2", "1E+2"), ("100", "100"), ("1.23E-7", "1.23E-7"), ("0.0000001", "1E-7"), ("0.000001", "0.000001"),
        ("123456789012345678901234567890", "123456789012345678901234567890"), ("-1.5e-10", "-1.5E-10"),
        ("1E-6", "0.000001"), ("1E-7", "1E-7"), ("12.5e3", "1.25E+4"), ("5E+5", "5E+5"), ("1.000E+3", "1000"),
        ("Infinity", "Infinity"), ("-inf", "-Infinity"), ("NaN", "NaN"), ("-nan", "-NaN"), ("sNaN", "sNaN"),
        ("NaN123", "NaN123"), ("nan0012", "NaN12"), (".5", "0.5"), ("5.", "5"), ("+7", "7"), ("-0.00", "-0.00"),
        ("0E-10", "0E-10"), ("0E+10", "0E+10"), ("1E+0", "1"), ("123.456e-2", "1.23456"), ("1e-3", "0.001"),
        ("0.01E-5", "1E-7"), ("00012.300", "12.300"),
    ])
    func descriptionMatchesPythonStr(text: String, expected: String) throws {
        let decimal = try #require(PythonDecimal(text))
        #expect(decimal.description == expected)
        // str() output parses back to an equal decimal that prints the same.
        #expect(PythonDecimal(expected)?.description == expected)
    }

    /// Python's `Decimal()` raises `InvalidOperation` for each of these.
    @Test(arguments: ["", "-", ".", "1.2.3", "1e", "e5", "abc", "1e+-2", "nanx", "0x10", "1,5", "infinit"])
    func refusesWhatPythonRefuses(text: String) {
        #expect(PythonDecimal(text) == nil)
    }

    @Test func equalityIgnoresTrailingZerosButDescriptionKeepsThem() throws {
        let a = try #require(PythonDecimal("1.10"))
        let b = try #require(PythonDecimal("1.1"))
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
        #expect(a.description == "1.10")
        #expect(b.description == "1.1")
        // Python: Decimal("-0") == Decimal("0"), Decimal("100") == Decimal("1E+2"), Decimal("1.1") != Decimal("-1.1").
        #expect(try #require(PythonDecimal("-0")) == #require(PythonDecimal("0")))
        #expect(try #require(PythonDecimal("100")) == #require(PythonDecimal("1E+2")))
        #expect(try #require(PythonDecimal("1.1")) != #require(PythonDecimal("-1.1")))
        #expect(try #require(PythonDecimal("Infinity")) != #require(PythonDecimal("-Infinity")))
        // A dict keeps the first key object: {Decimal("1.10"): 1, Decimal("1.1"): 2} prints as {Decimal('1.10'): 2}.
        let dict: PythonDict = [.decimal(a): 1, .decimal(b): 2]
        #expect(dict.count == 1)
        if case .decimal(let key) = dict.orderedKeys[0] { #expect(key.description == "1.10") } else { Issue.record("key kind") }
    }

    @Test func keepsSignOfZero() throws {
        let negativeZero = try #require(PythonDecimal("-0"))
        #expect(negativeZero.isNegative)
        #expect(negativeZero.description == "-0")
    }
}
