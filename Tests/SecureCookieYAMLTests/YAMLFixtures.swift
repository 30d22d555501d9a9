import Foundation
import SecureCookie
import SecureCookieJSON
import SecureCookieTestKit
import Testing

/// Reads this target's fixtures (`Fixtures/yaml/`, made by `make_fixtures.py` with real PyYAML).
enum YAMLFixtures {
    static let folder = TestPaths.fixtures.appendingPathComponent("yaml")
    static let suite = TestPaths.conformance.appendingPathComponent("yaml-test-suite")

    /// One JSON-lines record, read as tagged JSON (a dict of str keys), so floats stay floats.
    struct Record: Sendable, CustomTestStringConvertible {
        let fields: PythonDict
        var testDescription: String { fields["name"]?.stringValue ?? fields["id"]?.stringValue ?? "?" }

        subscript(key: String) -> PythonValue? { fields[key] }
        func string(_ key: String) -> String? { fields[key]?.stringValue }
    }

    static func records(_ file: String) -> [Record] {
        guard let lines = try? TestPaths.lines(folder.appendingPathComponent(file)) else { return [] }
        return lines.compactMap { line in
            guard case .dict(let fields)? = try? TaggedJSON.decode(line) else { return nil }
            return Record(fields: fields)
        }
    }

    /// The yaml-test-suite case ids, sorted.
    static let suiteCases: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: suite.path)) ?? []
        return names.filter {
            FileManager.default.fileExists(atPath: suite.appendingPathComponent($0).appendingPathComponent("in.yaml").path)
        }
        .sorted()
    }()

    static func suiteFile(_ id: String, _ name: String) -> URL {
        suite.appendingPathComponent(id).appendingPathComponent(name)
    }
}

/// A text for a value that tells every Python type apart (1, 1.0 and True differ) and ignores
/// dict and set order, for comparing a decoded value with PyYAML's.
func canonicalText(_ value: PythonValue) -> String {
    printed(canonical(value))
}

/// The tagged JSON of a value, or a description of one tagged JSON cannot print (an int over 4300 digits).
private func printed(_ value: PythonValue) -> String {
    (try? TaggedJSON.encode(value)) ?? "unprintable \(value.typeName) of \(value.nodeCount) nodes"
}

private func canonical(_ value: PythonValue) -> PythonValue {
    switch value {
    case .list(let items): return .list(items.map(canonical))
    case .tuple(let items): return .tuple(items.map(canonical))
    case .dict(let dict):
        let pairs = dict.map { (canonical($0.key), canonical($0.value)) }
            .sorted { printed($0.0) < printed($1.0) }
        // Keys are kept distinct even where Python would merge them (1 and True), so they are
        // listed rather than re-inserted into a dict.
        return .list(pairs.map { .tuple([$0.0, $0.1]) } + [.str("$dict")])
    case .set(let set): return .list(set.map(canonical).sorted { printed($0) < printed($1) } + [.str("$set")])
    case .frozenset(let set):
        return .list(set.map(canonical).sorted { printed($0) < printed($1) } + [.str("$frozenset")])
    default: return value
    }
}
