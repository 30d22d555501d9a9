import SecureCookie
import SecureCookieYAML
import Testing

/// Aliases are followed for the byte budget as for the node budget, and errors never show a value's text.
@Suite struct YAMLAliasBudgetTests {
    /// One scalar of `length` bytes aliased `fanOut` × `fanOut` times through two levels of sequences.
    func aliased(length: Int, fanOut: Int) -> [UInt8] {
        var text = "- &s " + String(repeating: "x", count: length) + "\n"
        text += "- &l [" + Array(repeating: "*s", count: fanOut).joined(separator: ", ") + "]\n"
        text += "- [" + Array(repeating: "*l", count: fanOut).joined(separator: ", ") + "]\n"
        return Array(text.utf8)
    }

    @Test func anAliasedScalarSpendsItsBytesAtEveryUse() throws {
        // 2,000 bytes × (1 + 30 + 900) places: more than the 1 MiB default.
        let error = #expect(throws: SecureCookieError.self) {
            try YAMLSerializationMethod().loads(aliased(length: 2_000, fanOut: 30))
        }
        #expect(error?.limit == .materializedBytes)
        // 2,000 × (1 + 20 + 400) = 842,000 bytes: within it, and every alias expanded.
        let value = try YAMLSerializationMethod().loads(aliased(length: 2_000, fanOut: 20))
        guard case .list(let items) = value, case .list(let outer) = items[2], case .list(let inner) = outer[0] else {
            Issue.record("expected nested lists")
            return
        }
        #expect(outer.count == 20 && inner.count == 20)
    }

    @Test func aSmallerBudgetIsHonoured() throws {
        let limits = SecureCookieLimits(maximumMaterializedBytes: 10_000)
        let error = #expect(throws: SecureCookieError.self) {
            try YAMLSerializationMethod().loads(aliased(length: 100, fanOut: 10)[...], limits: limits)
        }
        #expect(error?.limit == .materializedBytes)
        #expect(throws: Never.self) { try YAMLSerializationMethod().loads(aliased(length: 100, fanOut: 9)[...], limits: limits) }
    }

    @Test(arguments: [
        "a: *SECRETMARK\n",
        "- &SECRETMARK 1\n- &SECRETMARK 2\n",
        "&SECRETMARK [*SECRETMARK]\n",
        "a: !SECRETMARK 1\n",
        "a: !!python/object/apply:SECRETMARK" + String(repeating: "x", count: 80) + " []\n",
        "a: \"SECRETMARK\u{1}\"\n",
        "a: SECRETMARK\u{7}\n",
        "!!int SECRETMARK\n",
        "!!float SECRETMARK\n",
        "!!bool SECRETMARK\n",
        "!!binary SECRETMARK!\n",
        "!!timestamp 2001-13-99SECRETMARK\n",
        "!<tag:yaml.org,2002:SECRETMARK> 1\n",
    ])
    func errorsNeverShowTheValuesText(_ document: String) {
        let error = #expect(throws: SecureCookieError.self) { try YAMLSerializationMethod().loads(Array(document.utf8)) }
        #expect(error?.description.contains("SECRETMARK") == false, "\(error?.description ?? "")")
        #expect(error?.construct?.contains("SECRETMARK") != true)
    }
}
