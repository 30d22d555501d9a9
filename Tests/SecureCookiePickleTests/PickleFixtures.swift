import Foundation
import SecureCookie
import SecureCookieJSON
import SecureCookiePickle
import SecureCookieTestKit

/// Test data for the pickle reader: manifests parsed as plain JSON, expectations as values.
enum PickleFixtures {
    /// One line of a JSON-lines manifest, parsed as plain JSON (a dict of str keys).
    struct Record: CustomStringConvertible, Sendable {
        let fields: PythonDict
        let label: String

        var description: String { label }

        subscript(key: String) -> PythonValue? { fields[key] }

        func string(_ key: String) -> String? {
            if case .str(let text)? = fields[key] { return text }
            return nil
        }

        func bool(_ key: String) -> Bool {
            if case .bool(let flag)? = fields[key] { return flag }
            return false
        }

        /// The `loads_kwargs.encoding` as the codec's option (default ASCII).
        var python2Strings: PicklePython2Strings {
            if case .dict(let kwargs)? = fields["loads_kwargs"], case .str(let name)? = kwargs["encoding"] {
                return PicklePython2Strings(named: name) ?? .ascii
            }
            return .ascii
        }
    }

    /// The records of a manifest (empty when the file is missing: each suite's count test fails then,
    /// naming the path, as does `TestDataTests`).
    static func records(_ url: URL, label: (PythonDict) -> String) -> [Record] {
        guard let lines = try? TestPaths.lines(url) else { return [] }
        return lines.compactMap { line in
            guard case .dict(let fields)? = try? JSONText.parse(text: line) else { return nil }
            return Record(fields: fields, label: label(fields))
        }
    }

    static func fileLabel(_ fields: PythonDict) -> String {
        if case .str(let file)? = fields["file"] { return file }
        if case .str(let name)? = fields["name"] { return name }
        return "?"
    }

    static let conformance = TestPaths.conformance
    static let pickletester = conformance.appendingPathComponent("pickletester")
    static let py2 = conformance.appendingPathComponent("py2")

    /// A tagged-JSON tree (as plain JSON parsed it) turned into the value it spells, with each
    /// `{"$object": {"class": C, "state": S}}` replaced by what ``objectConstructor`` builds for it.
    static func expectedValue(_ json: PythonValue) throws -> PythonValue {
        let replaced = replacingObjects(json)
        let text = try JSONText.writeString(replaced, options: .init(asciiOnly: false))
        return try TaggedJSON.decode(text)
    }

    private static func replacingObjects(_ json: PythonValue) -> PythonValue {
        switch json {
        case .list(let items):
            return .list(items.map(replacingObjects))
        case .dict(let dict):
            if dict.count == 1, case .dict(let body)? = dict["$object"] {
                return objectValue(name: body["class"] ?? .none, state: replacingObjects(body["state"] ?? .dict([:])))
            }
            return .dict(PythonDict(dict.map { ($0.key, replacingObjects($0.value)) }))
        default:
            return json
        }
    }

    /// How the tests represent an instance of a user class: a dict naming the class and holding its `__dict__`.
    static func objectValue(name: PythonValue, state: PythonValue) -> PythonValue {
        .dict(["__class__": name, "__dict__": state])
    }

    /// A constructor for "a plain object with its `__dict__`": `BUILD`'s dict state, merged with the
    /// slot state of a `(state, slotstate)` pair, as `pickle.Unpickler.load_build` does.
    static let objectConstructor = PickleConstructor { call in
        var attributes = PythonDict()
        var state = call.state
        var slotState: PythonValue?
        if case .tuple(let pair)? = state, pair.count == 2 {
            state = pair[0]
            slotState = pair[1]
        }
        switch state {
        case nil, .none?: break
        case .dict(let dict)?: for (key, value) in dict { attributes[key] = value }
        default: throw SecureCookieError.undecodable("state is not a dictionary")
        }
        switch slotState {
        case nil, .none?: break
        case .dict(let dict)?:
            for (key, value) in dict {
                guard case .str = key else { throw SecureCookieError.undecodable("attribute name must be a string") }
                attributes[key] = value
            }
        default: throw SecureCookieError.undecodable("slot state is not a dictionary")
        }
        return objectValue(name: .str(call.name), state: .dict(attributes))
    }

    /// Python-equal, or (for NaN and the like) the same tagged JSON.
    /// The tagged JSON of a value, or a description of one tagged JSON cannot print (an int over 4300 digits).
    static func text(_ value: PythonValue) -> String {
        (try? TaggedJSON.encode(value)) ?? "unprintable \(value.typeName) of \(value.nodeCount) nodes"
    }

    static func same(_ a: PythonValue, _ b: PythonValue) -> Bool {
        a == b || text(a) == text(b)
    }

    /// A parsed JSON tree with `$set`/`$frozenset` bodies sorted, so trees compare as the README says (sets as multisets).
    static func canonical(_ json: PythonValue) -> PythonValue {
        switch json {
        case .list(let items):
            return .list(items.map(canonical))
        case .dict(let dict):
            if dict.count == 1, let key = dict.orderedKeys.first, key == .str("$set") || key == .str("$frozenset"),
                case .list(let items)? = dict[key]
            {
                let sorted = items.map(canonical).sorted { text($0) < text($1) }
                return .dict(PythonDict([(key, .list(sorted))]))
            }
            return .dict(PythonDict(dict.map { ($0.key, canonical($0.value)) }))
        default:
            return json
        }
    }

    /// Whether inspect output equals an expected structural tree (as parsed JSON), strictly by JSON type.
    static func sameTree(_ a: PythonValue, _ b: PythonValue) -> Bool {
        switch (a, b) {
        case (.list(let x), .list(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { sameTree($0, $1) }
        case (.dict(let x), .dict(let y)):
            guard x.count == y.count else { return false }
            return x.allSatisfy { key, value in y[key].map { sameTree(value, $0) } ?? false }
        case (.int, .int), (.bigInt, .bigInt), (.float, .float), (.str, .str), (.bool, .bool), (.none, .none):
            return a == b || (text(a) == text(b))
        default:
            return false
        }
    }

    static func base64(_ text: String) -> [UInt8] {
        [UInt8](Data(base64Encoded: text) ?? Data())
    }
}

extension SecureCookieError {
    /// The kind and construct, for expectations.
    var summary: String { "\(kind) \(construct ?? "")" }
}
