import Foundation
import SecureCookie
import SecureCookieJSON
import SecureCookieTestKit
import Testing

/// Shared helpers for the JSON codec's tests: fixture lines, strict comparison, error capture.
enum JSONFixtures {
    /// The records of a JSON-lines file under `Fixtures/json/` (or another folder), parsed as plain
    /// JSON or, with `tagged`, as tagged JSON.
    static func records(_ name: String, folder: String = "json", tagged: Bool = false) -> [PythonDict] {
        let url = TestPaths.fixtures.appendingPathComponent(folder).appendingPathComponent(name)
        return ((try? TestPaths.lines(url)) ?? []).compactMap { line in
            let parsed = tagged ? try? TaggedJSON.decode(line) : try? JSONText.parse(text: line)
            guard case .dict(let record)? = parsed else { return nil }
            return record
        }
    }

    /// Standard base64 to bytes.
    static func base64(_ text: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        return Base64.decode(text.utf8, into: &bytes) ? bytes : nil
    }

    /// Tagged JSON with every dict's pairs sorted by their key's text: equal for values equal in
    /// kind and content whatever their dict order (unlike `==`, `1` and `1.0` stay different).
    static func canonicalText(_ value: PythonValue) -> String {
        TaggedJSON.text(canonical(value))
    }

    private static func canonical(_ value: PythonValue) -> PythonValue {
        switch value {
        case .list(let items): return .list(items.map(canonical))
        case .tuple(let items): return .tuple(items.map(canonical))
        case .dict(let dict):
            let pairs = dict.map { (canonical($0.key), canonical($0.value)) }
                .sorted { TaggedJSON.text($0.0) < TaggedJSON.text($1.0) }
            return .dict(PythonDict(pairs))
        default: return value
        }
    }
}
