import Foundation
import SecureCookie
import SecureCookieTestKit
import SecureCookieYAML
import Testing

/// No error repeats text from inside the value: a marker placed in every field an attacker
/// controls (tags, anchors, alias names, scalars, keys) must never appear in an error's
/// description, reason or construct, whatever the error.
@Suite("YAML errors never repeat the value's text")
struct YAMLErrorHygieneTests {
    static let marker = "ZQXMARKERQZ"

    /// Each input fails; `M` is replaced by the marker.
    static let failing: [String] = [
        // Tags.
        "!M x", "!!M x", "!<tag:M> x", "!!python/object/apply:M [1]", "!!python/name:M", "!!python/module:M",
        "!!python/object:M {}", "!!python/object/new:M []", "a: [1, !M {b: 1}]", "!M [M]", "!M {M: M}",
        "- !!omap [!M {a: 1, b: 2}]", "{<<: !M M}", "{<<: [!M M]}", "{<<: [!M [M]]}",
        "!M\n- M\n", "--- !M\nM: 1\n",
        // Anchors and aliases.
        "*M", "a: *M", "- &M 1\n- &M 2\n", "&M [*M]", "&M {x: *M}", "&M {<<: *M}",
        "- &M " + String(repeating: "[", count: 60) + String(repeating: "]", count: 60) + "\n- "
            + String(repeating: "[", count: 50) + "*M" + String(repeating: "]", count: 50) + "\n",
        // Scalars Python would reject, marker in the text.
        "!!int M", "!!int 1:M", "!!float M", "!!float 1:M", "!!bool M", "!!timestamp M", "!!timestamp 2001-02-30M",
        "!!binary M!", "!!binary \"\\u00e9M\"", "!!binary M", "!!seq M", "!!map M", "!!set M", "!!omap M",
        "!!pairs {M: 1}", "!!null [M]", "!!str [M]", "{M: =}", "M: !!value M", "[<<]", "M: <<",
        "2001-02-30", "{? [M]: 1}", "{? {M: 1}: 1}", "{? !!set {M}: 1}", "!!omap [M]", "!!omap [{M: 1, N: 2}]",
        "!!timestamp 2001-12-14 21:59:43+24:00 M",
        // Parse errors after or inside marker text.
        "M: [1, 2\n", "M:\n\tM: 1\n", "M: 1\n M: 2\n", "\"M\\q\"", "'M", "\"M", "M: \"\\uD800M\"",
        "M: 1\n---\nM: 2\n", "[M] [M]", "{M: 1} M", "M: |\n M\n  M\n- M", "%M\n--- M\n", "%TAG !M! tag:M:\n--- !M!x M",
        "M: !<!M> M", "! M: \u{7F}",
        // Limits.
        String(repeating: "M", count: 70_000),
        "- &M " + String(repeating: "M", count: 30_000) + "\n- [" + Array(repeating: "*M", count: 10_000).joined(separator: ",") + "]\n",
        String(repeating: "[", count: 101) + "M" + String(repeating: "]", count: 101),
        "!!int " + String(repeating: "7", count: 5000) + "M",
        "!!int " + String(repeating: "7", count: 5000),
    ]

    static let hostileBytes: [[UInt8]] = [
        Array("M: ".utf8) + [0xFF] + Array("M\n".utf8),
        Array("M: ".utf8) + [0xC3] + Array(" M\n".utf8),
        Array("\"M".utf8) + [0xED, 0xA0, 0x80] + Array("\"".utf8),
        [0xFE, 0xFF, 0x00, 0x4D, 0xD8, 0x00],
    ]

    static func inputs() -> [[UInt8]] {
        let markerBytes = Array(marker.utf8)
        func substitute(_ bytes: [UInt8]) -> [UInt8] {
            bytes.flatMap { $0 == UInt8(ascii: "M") ? markerBytes : [$0] }
        }
        return failing.map { substitute(Array($0.utf8)) } + hostileBytes.map(substitute)
    }

    @Test("every input fails, and no error names the marker")
    func noMarker() {
        var limits = SecureCookieLimits.default
        limits.maximumValueBytes = 400_000
        for input in Self.inputs() {
            for limits in [SecureCookieLimits.default, limits] {
                let result = outcome { try YAMLSerializationMethod().loads(input[...], limits: limits) }
                guard case .failure(let error) = result else {
                    Issue.record("accepted: \(input.prefix(60).map { String(format: "%02x", $0) }.joined())")
                    continue
                }
                for text in [error.description, error.reason, error.construct ?? ""] {
                    #expect(!text.contains(Self.marker), "\(text)")
                    #expect(!text.contains("ZQXMARK"), "\(text)")
                }
            }
        }
    }
}
