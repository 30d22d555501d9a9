import Foundation
import SecureCookie
import SecureCookieTestKit
import SecureCookieYAML
import Testing

/// Inputs an attacker with the secret key (or a bug elsewhere) could send: each fails fast with
/// the right kind of error.
@Suite("YAML hostile input")
struct YAMLHostileInputTests {
    let yaml = YAMLSerializationMethod()

    func failure(_ text: String, limits: SecureCookieLimits = .default) -> SecureCookieError? {
        if case .failure(let error) = outcome({ try yaml.loads(Array(text.utf8)[...], limits: limits) }) { return error }
        return nil
    }

    /// The classic nine-level billion-laughs document: 10^9 strings once expanded.
    static let billionLaughs = """
        a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
        b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
        c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
        d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
        e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
        f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
        g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
        h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
        i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
        """

    @Test("billion laughs fails fast with the node limit")
    func billionLaughs() {
        let error = failure(Self.billionLaughs)
        #expect(error?.kind == .limitExceeded)
        #expect(error?.limit == .nodes)
    }

    @Test("aliases within the budget expand to copies")
    func aliasesWithinBudget() throws {
        let value = try yaml.loads(Array("a: &x [1, 2]\nb: *x\n".utf8))
        #expect(canonicalText(value) == canonicalText(.dict(["a": .list([1, 2]), "b": .list([1, 2])])))
    }

    @Test("the node budget counts expanded aliases, not text")
    func budgetCountsExpansion() {
        // 4 levels of 9: 9^4 = 6561 strings, over a budget of 5000 but from tiny text.
        let text = Self.billionLaughs.split(separator: "\n").prefix(4).joined(separator: "\n")
        let error = failure(text, limits: SecureCookieLimits(maximumNodes: 5000))
        #expect(error?.limit == .nodes)
        #expect(failure(text, limits: SecureCookieLimits(maximumNodes: 10_000)) == nil)
    }

    @Test("recursive aliases are refused", arguments: ["&a [*a]", "&a {x: *a}", "&a [1, [2, *a]]", "&a {<<: *a}"])
    func recursiveAlias(_ text: String) {
        let error = failure(text)
        #expect(error?.kind == .refused)
        #expect(error?.construct?.hasPrefix("recursive alias") == true)
    }

    @Test("nesting deeper than the limit fails, also through aliases")
    func depth() {
        let deep = String(repeating: "[", count: 101) + String(repeating: "]", count: 101)
        #expect(failure(deep)?.limit == .depth)
        let fine = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(failure(fine) == nil)
        // 60 levels anchored, then used 50 levels down: 110 levels once expanded.
        let anchored =
            "- &a " + String(repeating: "[", count: 60) + String(repeating: "]", count: 60) + "\n- "
            + String(repeating: "[", count: 50) + "*a" + String(repeating: "]", count: 50) + "\n"
        #expect(failure(anchored)?.limit == .depth)
    }

    @Test("a million-level flow sequence fails at the depth limit without exhausting the stack")
    func veryDeep() {
        let deep = String(repeating: "[", count: 1_000_000)
        #expect(failure(deep, limits: SecureCookieLimits(maximumValueBytes: 2_000_000))?.limit == .depth)
    }

    @Test("input and scalars longer than the byte limit are refused")
    func scalarLength() {
        let long = String(repeating: "x", count: 70_000)
        #expect(failure(long)?.limit == .valueBytes)
        let limits = SecureCookieLimits(maximumValueBytes: 100)
        #expect(failure("a: " + String(repeating: "x", count: 101), limits: SecureCookieLimits(maximumValueBytes: 200)) == nil)
        #expect(failure(String(repeating: "x", count: 101), limits: limits)?.limit == .valueBytes)
    }

    @Test("a second document is refused")
    func multiDocument() {
        let error = failure("a: 1\n---\nb: 2\n")
        #expect(error?.kind == .refused)
        #expect(error?.construct == "multi-document stream")
    }

    @Test(
        "libyaml's errors carry line and column",
        arguments: [
            ("a:\n\tb: 1\n", "line 2 column 1"),
            ("a: [1, 2\n", "line 2 column 1"),
            ("a: 1\n b: 2\n", "line 2 column 3"),
        ])
    func parseErrors(_ text: String, _ position: String) {
        let error = failure(text)
        #expect(error?.kind == .undecodable)
        #expect(error?.reason.contains(position) == true, "\(error?.reason ?? "no error")")
    }

    @Test("invalid UTF-8 is libyaml's reader error with its position")
    func invalidUTF8() {
        let result = outcome { try yaml.loads([0x61, 0x3A, 0x20, 0x0A, 0x62, 0x3A, 0x20, 0xFF, 0x0A]) }
        guard case .failure(let error) = result else {
            Issue.record("accepted invalid UTF-8")
            return
        }
        #expect(error.kind == .undecodable)
        #expect(error.reason.contains("invalid leading UTF-8 octet"))
        #expect(error.reason.contains("line 2 column 4"))
    }

    @Test("duplicate and undefined anchors fail as in PyYAML")
    func anchors() {
        #expect(failure("- &a 1\n- &a 2\n")?.kind == .undecodable)
        #expect(failure("a: *nope\n")?.kind == .undecodable)
    }

    @Test("writing refuses what safe_dump refuses, even nested")
    func unrepresentable() throws {
        let time = try #require(PythonTime(hour: 1))
        for value: PythonValue in [.frozenset([1]), .time(time), .complex(1, 2), .bytearray([1]), .list([.dict(["a": .frozenset([])])])] {
            #expect(throws: SecureCookieError.self) { try yaml.dumps(value) }
            if case .failure(let error) = outcome({ try yaml.dumps(value) }) { #expect(error.kind == .unrepresentable) }
        }
    }
}
