import SecureCookie
import SecureCookieTestKit
import SecureCookieYAML
import Testing

/// Both loading paths spend the core ``MaterializationBudget`` as they build: scalars when made,
/// an anchor's whole size at each alias.
@Suite("YAML spends the materialization budget while loading")
struct YAMLMaterializationTests {
    let yaml = YAMLSerializationMethod()

    func failure(_ text: String, limits: SecureCookieLimits = .default) -> SecureCookieError? {
        if case .failure(let error) = outcome({ try yaml.loads(Array(text.utf8)[...], limits: limits) }) { return error }
        return nil
    }

    func limits(bytes: Int) -> SecureCookieLimits {
        var limits = SecureCookieLimits.default
        limits.maximumMaterializedBytes = bytes
        return limits
    }

    @Test("one long scalar aliased thousands of times fails at the alias that passes the budget")
    func longScalarAliased() throws {
        // 30,000 bytes, then 10,000 aliases: 300 MB once expanded, from 60 KB of text.
        let aliases = Array(repeating: "*s", count: 10_000).joined(separator: ",")
        let text = "- &s " + String(repeating: "x", count: 30_000) + "\n- [" + aliases + "]\n"
        #expect(text.utf8.count < SecureCookieLimits.default.maximumValueBytes)
        let error = try #require(failure(text))
        #expect(error.kind == .limitExceeded)
        #expect(error.limit == .materializedBytes)
        // The scalar spends 30,000 and each alias 30,000 more: 35 x 30,000 passes 1 MiB at the 34th
        // alias (index 33), which starts at column 4 + 3 * 33 of line 2, not at the end.
        #expect(error.reason.contains("line 2 column 103"), "\(error.reason)")
    }

    @Test("an anchor's size is its whole expansion, nested aliases included")
    func nestedAnchorSize() {
        let hundred = String(repeating: "y", count: 100)
        let text = "- &a \(hundred)\n- &b [*a, *a]\n- [*b, *b, *b, *b]\n"
        // Spent: 100 (a) + 200 (b's aliases) + 4 * 200 = 1100.
        #expect(failure(text, limits: limits(bytes: 1100)) == nil)
        #expect(failure(text, limits: limits(bytes: 1099))?.limit == .materializedBytes)
    }

    @Test("the budget counts what the core counts: str bytes, not small ints, floats, bools, None or dates")
    func weights() {
        #expect(failure("[1, -17, 0x1F, 1.5, .nan, true, ~, 2001-12-14, 2001-12-14 21:59:43]", limits: limits(bytes: 0)) == nil)
        #expect(failure("[a]", limits: limits(bytes: 0))?.limit == .materializedBytes)
        #expect(failure("[abc]", limits: limits(bytes: 3)) == nil)
        #expect(failure("[abc]", limits: limits(bytes: 2))?.limit == .materializedBytes)
        // An int long enough to be big counts its text.
        #expect(failure("[123456789012345678901234567890]", limits: limits(bytes: 29))?.limit == .materializedBytes)
        #expect(failure("[123456789012345678901234567890]", limits: limits(bytes: 30)) == nil)
    }

    @Test("the one-pass path (no anchors) is bounded the same way")
    func plainDocument() {
        let text = "a: " + String(repeating: "z", count: 500) + "\nb: " + String(repeating: "z", count: 500) + "\n"
        #expect(failure(text, limits: limits(bytes: 1002)) == nil)
        #expect(failure(text, limits: limits(bytes: 1001))?.limit == .materializedBytes)
    }

    @Test("a long key aliased as many mapping keys fails before it is hashed without bound")
    func aliasedKeys() throws {
        let key = String(repeating: "k", count: 20_000)
        let text = "- &k " + key + "\n- {" + (0..<2_000).map { "*k : \($0)" }.joined(separator: ", ") + "}\n"
        #expect(text.utf8.count < SecureCookieLimits.default.maximumValueBytes)
        let error = try #require(failure(text))
        #expect(error.limit == .materializedBytes)
    }

    @Test("merge keys naming a large mapping many times are counted at each alias")
    func mergedMappings() throws {
        let value = String(repeating: "v", count: 10_000)
        let text = "- &m {a: \(value), b: \(value)}\n- {" + (0..<200).map { _ in "<<: *m" }.joined(separator: ", ") + "}\n"
        let error = try #require(failure(text))
        #expect(error.limit == .materializedBytes)
    }
}
