import Testing

@testable import SecureCookie

/// Expected texts are CPython 3.11's `repr(float)` of each value.
@Suite struct PythonFloatReprTests {
    @Test(arguments: [
        (1.0, "1.0"), (0.1, "0.1"), (-0.0, "-0.0"), (0.0, "0.0"), (1e16, "1e+16"), (1e15, "1000000000000000.0"),
        (123456789012345678.0, "1.2345678901234568e+17"), (0.0001, "0.0001"), (0.00001, "1e-05"),
        (1.5e-7, "1.5e-07"), (Double.leastNonzeroMagnitude, "5e-324"), (1.7976931348623157e308, "1.7976931348623157e+308"),
        (3.14159, "3.14159"), (-2.5, "-2.5"), (1e22, "1e+22"), (9007199254740993.0, "9007199254740992.0"),
        (0.30000000000000004, "0.30000000000000004"), (100.0, "100.0"), (1234.5678, "1234.5678"),
        (Double.infinity, "inf"), (-Double.infinity, "-inf"), (Double.nan, "nan"),
    ])
    func matchesPython(value: Double, expected: String) {
        #expect(PythonFloatRepr.repr(value) == expected)
    }
}

@Suite struct PythonValueLayoutTests {
    /// Values are copied all the time while decoding; the datetime family and decimals are boxed so
    /// a value stays within a small fixed size (a dict's three references plus the tag).
    @Test func aValueIsSmall() {
        #expect(MemoryLayout<PythonValue>.size <= 25, "\(MemoryLayout<PythonValue>.size)")
    }
}
