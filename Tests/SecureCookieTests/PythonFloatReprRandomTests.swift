import SecureCookieTestKit
import Testing

@testable import SecureCookie

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `PythonFloatRepr` against a slow, independent reference: the fewest digits C's `%.*e` needs to
/// read back the same double (correctly rounded, so the closest of that many digits, as Python's
/// `repr` picks), laid out by Python's `float_repr_style = 'short'` rules.
@Suite struct PythonFloatReprRandomTests {
    typealias Generator = SplitMix64

    static func scientific(_ value: Double, digits: Int) -> String {
        var buffer = [CChar](repeating: 0, count: 64)
        _ = withVaList([value]) { vsnprintf(&buffer, buffer.count, "%.\(digits - 1)e", $0) }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Python's `repr` of a finite double, the slow way.
    static func reference(_ value: Double) -> String {
        if value == 0 { return value.sign == .minus ? "-0.0" : "0.0" }
        var text = scientific(value, digits: 17)
        for count in 1...17 {
            let candidate = scientific(value, digits: count)
            if Double(candidate) == value {
                text = candidate
                break
            }
        }
        let negative = text.hasPrefix("-")
        if negative { text.removeFirst() }
        let parts = text.split(separator: "e")
        var digits = parts[0].filter { $0 != "." }
        while digits.count > 1 && digits.hasSuffix("0") { digits.removeLast() }
        let exponent = Int(parts[1]) ?? 0
        let point = exponent + 1
        var body: String
        if point > -4 && point <= 16 {
            if point <= 0 {
                body = "0." + String(repeating: "0", count: -point) + digits
            } else if point >= digits.count {
                body = digits + String(repeating: "0", count: point - digits.count) + ".0"
            } else {
                body = String(digits.prefix(point)) + "." + String(digits.dropFirst(point))
            }
        } else {
            body = String(digits.prefix(1)) + (digits.count > 1 ? "." + digits.dropFirst() : "")
            let magnitude = String(abs(exponent))
            body += "e" + (exponent < 0 ? "-" : "+") + (magnitude.count < 2 ? "0" : "") + magnitude
        }
        return (negative ? "-" : "") + body
    }

    @Test func boundariesMatchTheReference() {
        var values: [Double] = [
            1e-4, 9.999999999999999e-5, 1e-5, 1e15, 9999999999999998.0, 1e16, 1e17, 123.0, 0.5,
            9007199254740992.0, 9007199254740994.0, 18014398509481984.0, 5e-324, 2.2250738585072014e-308,
            1.7976931348623157e308, 1e100, 1e-100, 1e300, 1.5e-7, 0.001, 0.01, 0.1, 1.0, 10.0,
        ]
        for power in -330...310 {
            let value = Double("1e\(power)") ?? 0
            values += [value, value.nextUp, value.nextDown, value * 1.5, value * 9.87654321]
        }
        for value in values where value.isFinite {
            #expect(PythonFloatRepr.repr(value) == Self.reference(value), "\(value)")
            #expect(PythonFloatRepr.repr(-value) == Self.reference(-value), "\(-value)")
        }
    }

    @Test func randomBitPatternsMatchTheReference() {
        var generator = Generator(state: 0x5EC0_C00C)
        for _ in 0..<20_000 {
            let value = Double(bitPattern: generator.next())
            guard value.isFinite else { continue }
            #expect(PythonFloatRepr.repr(value) == Self.reference(value), "\(value.bitPattern)")
        }
    }

    @Test func randomShortDecimalsMatchTheReference() {
        var generator = Generator(state: 42)
        for _ in 0..<20_000 {
            let cents = Double(Int64.random(in: -10_000_000_000...10_000_000_000, using: &generator))
            let scale = Double(Int.random(in: 0...8, using: &generator))
            let value = cents / pow(10, scale)
            #expect(PythonFloatRepr.repr(value) == Self.reference(value), "\(value)")
        }
    }

    @Test func appendWritesTheSameText() {
        for value in [0.0, -0.0, 1.5, -2.5e-7, 1e16, Double.infinity, -Double.infinity, Double.nan, 1732665600.25] {
            var bytes = OutputBuffer(capacity: 0)
            bytes.append(UInt8(ascii: "x"))
            PythonFloatRepr.append(value, to: &bytes)
            #expect(String(decoding: bytes.finish(), as: UTF8.self) == "x" + PythonFloatRepr.repr(value))
        }
    }

    @Test(arguments: [(1500.0, "15", 4), (0.00012, "12", -3), (1e16, "1", 17), (5e-324, "5", -323), (1.25, "125", 1)])
    func shortestDigitsHasNoPaddingZeros(value: Double, digits: String, decimalPoint: Int) {
        let result = PythonFloatRepr.shortestDigits(value)
        #expect(result.digits == digits)
        #expect(result.decimalPoint == decimalPoint)
    }
}
