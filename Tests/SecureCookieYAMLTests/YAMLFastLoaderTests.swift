import SecureCookie
import SecureCookieTestKit
import Testing

@testable import SecureCookieYAML

/// The one-pass loader (``YAMLFastLoader``) must build exactly what the composer and constructor
/// build, and give up on everything else so that the full path reports it as before.
@Suite("YAML one-pass loading equals composing then constructing")
struct YAMLFastLoaderTests {
    /// The full path alone: the composer and constructor, as `loads` used them before the one-pass loader.
    static func fullPath(_ bytes: [UInt8], limits: SecureCookieLimits = .default) throws -> PythonValue {
        try YAMLSerializationMethod().loadsInGeneral(bytes[...], limits: limits)
    }

    /// Same value, floats compared bit for bit (`-0.0` is not `0.0`).
    static func identical(_ a: PythonValue, _ b: PythonValue) -> Bool {
        switch (a, b) {
        case (.float(let x), .float(let y)): return x.bitPattern == y.bitPattern || (x.isNaN && y.isNaN)
        case (.list(let x), .list(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { identical($0, $1) }
        case (.dict(let x), .dict(let y)):
            return x.count == y.count
                && zip(x, y).allSatisfy { identical($0.key, $1.key) && identical($0.value, $1.value) }
        default: return canonicalText(a) == canonicalText(b)
        }
    }

    static func expectSame(
        _ text: String, limits: SecureCookieLimits = .default,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let bytes = Array(text.utf8)
        let fast = outcome { try YAMLSerializationMethod().loads(bytes[...], limits: limits) }
        let full = outcome { try fullPath(bytes, limits: limits) }
        switch (fast, full) {
        case (.success(let a), .success(let b)):
            #expect(
                identical(a, b), "\(text.debugDescription): \(canonicalText(a)) vs \(canonicalText(b))",
                sourceLocation: sourceLocation)
        case (.failure(let a), .failure(let b)):
            #expect("\(a)" == "\(b)", "\(text.debugDescription)", sourceLocation: sourceLocation)
        default:
            Issue.record("\(text.debugDescription): \(fast) vs \(full)", sourceLocation: sourceLocation)
        }
    }

    @Test("every fixture scalar builds the constructor's value, or is left to it")
    func scalars() throws {
        var mismatches: [String] = []
        for record in YAMLScalarResolutionTests.records {
            let text = try #require(record.string("text"))
            let kind = YAMLResolver.implicitTag(of: text)
            let node = YAMLNode(tag: kind.tag, content: .scalar(text), mark: YAMLMark(line: 1, column: 1))
            let built = outcome { try YAMLConstructor().construct(node) }
            let fast = Array(text.utf8).withUnsafeBufferPointer { YAMLFastLoader.scalarValue($0, kind) }
            switch (fast, built) {
            case (nil, _):
                break
            case (let value?, .success(let expected)):
                if !Self.identical(value, expected) {
                    mismatches.append("\(text.debugDescription): \(canonicalText(value)), constructor \(canonicalText(expected))")
                }
            case (let value?, .failure(let error)):
                mismatches.append("\(text.debugDescription): \(canonicalText(value)), constructor \(error)")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches:\n\(mismatches.prefix(40).joined(separator: "\n"))")
    }

    @Test(
        "floats from the exact short path equal strtod's",
        arguments: [
            "0.1", "0.2", "0.3", "4.99", "8.24", "27.74", "1732665600.25", "-0.0", "+0.5", ".5", "1.", "-1.",
            "123456789012345.", "1234567890123456.7", "0.000000000000001", "9007199254740993.0", "3.14159265358979",
            "2.2250738585072014", "1_000.5", "1.5e+3", "6.02e-23", "-.inf", ".NaN", "190:20:30.15",
        ])
    func floats(_ text: String) {
        Self.expectSame(text)
        Self.expectSame("[\(text), {k: \(text)}]")
    }

    @Test(
        "the usual documents, and every reason to give up, load as the full path loads them",
        arguments: [
            "", "a", "a: 1", "{}", "[]", "- 1\n- 2\n", "a: {b: [1, 2.5, yes, ~, null, '', \"x\"]}\n",
            "user_id: 48213\ncart:\n- price: 4.99\n  qty: 1\n  sku: SKU-1000\nlast_seen: 1732665600.25\n",
            "a: 1\na: 2\nb: 3\n", "1: a\n1.0: b\ntrue: c\n", "[[1, 2], [3]]: x", "{a: 1}: x", "? [1]\n: x\n",
            "0x1F", "-017", "0b1010", "12_345", "-12345678901234567890", "1234567890123456789", "-0", "+7",
            "2002-12-14", "2001-12-14t21:59:43.10-05:00", "2002-02-30", "!!binary aGVsbG8=", "!!set {a, b}",
            "!!omap [a: 1, b: 2]", "!foo bar", "! 12", "!!str 12", "&a 1", "[&a 1, *a]", "*a", "&a [*a]",
            "a: &x {b: 1}\nc:\n  <<: *x\n  d: 2\n", "<<: {a: 1}", "=: 1", "a: =", "a: <<", "- !", "[a, b]: c",
            "--- 1\n--- 2\n", "--- a\n...\n", "a: [1, 2", "{a: 1, a}", "\"\\ud800\"", "a: 'it''s'", "|\n  text\n",
            ">\n  folded\n  text\n", "a:\n  - b:\n      - c: [d]\n",
            String(repeating: "[", count: 200) + String(repeating: "]", count: 200),
            "9" + String(repeating: "0", count: 5000),
        ])
    func documents(_ text: String) {
        Self.expectSame(text)
    }

    @Test("limits reached on the usual path are reported as the full path reports them")
    func limits() {
        var limits = SecureCookieLimits.default
        limits.maximumNodes = 5
        Self.expectSame("[1, 2, 3, 4, 5, 6]", limits: limits)
        Self.expectSame("[1, 2, 3]", limits: limits)
        limits = .default
        limits.maximumDepth = 3
        Self.expectSame("[[[1]]]", limits: limits)
        Self.expectSame("[[[[1]]]]", limits: limits)
        limits = .default
        // Within the input limit, a scalar can still outgrow it: `\L` is 2 bytes of input, 3 of text.
        limits.maximumValueBytes = 8
        Self.expectSame("\"\\L\\L\"", limits: limits)
        Self.expectSame("\"\\L\\L\\L\"", limits: limits)
        #expect(throws: SecureCookieError.self) {
            try YAMLSerializationMethod().loads(Array("\"\\L\\L\\L\"".utf8)[...], limits: limits)
        }
    }
}
