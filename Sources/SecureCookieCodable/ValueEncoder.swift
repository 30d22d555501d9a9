import SecureCookie

#if canImport(FoundationEssentials)
internal import FoundationEssentials
#else
internal import Foundation
#endif

/// A value being encoded: finished, or a container still open for writing.
///
/// Containers are classes so that every `KeyedEncodingContainer` handed out for the same
/// place writes into the same dict, as `Encoder` requires.
internal enum EncodedNode {
    case value(PythonValue)
    case dict(EncodedDict)
    case list(EncodedList)
    /// An encoder handed out by `superEncoder()`, written after its place was reserved.
    case deferred(ValueEncoder)

    /// The finished value; a place that nothing was written to is an empty dict.
    func finish() -> PythonValue {
        switch self {
        case .value(let value): return value
        case .dict(let dict): return dict.finish()
        case .list(let list): return .list(list.nodes.map { $0.finish() })
        case .deferred(let encoder): return encoder.storage?.finish() ?? .dict(PythonDict())
        }
    }
}

/// A dict being encoded: `str` keys in the order first written.
internal final class EncodedDict {
    private var keys: [String] = []
    private var nodes: [EncodedNode] = []
    /// Positions by key, compared by code points as Python compares `str`.
    private var positions: [PythonValue: Int] = [:]

    /// The node written at a key.
    subscript(key: String) -> EncodedNode? {
        get { positions[.str(key)].map { nodes[$0] } }
        set {
            guard let newValue else { return }
            if let position = positions[.str(key)] {
                nodes[position] = newValue
            } else {
                positions[.str(key)] = nodes.count
                keys.append(key)
                nodes.append(newValue)
            }
        }
    }

    func finish() -> PythonValue {
        var dict = PythonDict()
        for (key, node) in zip(keys, nodes) { dict[.str(key)] = node.finish() }
        return .dict(dict)
    }
}

/// A list being encoded.
internal final class EncodedList {
    var nodes: [EncodedNode] = []
}

/// The `Encoder` behind ``PythonValueEncoder``: one per value being encoded.
internal final class ValueEncoder: Encoder {
    /// What every encoder of one `encode` call shares.
    struct Options {
        var dateStrategy: PythonValueEncoder.DateStrategy
        var dataStrategy: PythonValueEncoder.DataStrategy
        var maximumDepth: Int
        var userInfo: [CodingUserInfoKey: any Sendable]
    }

    /// State shared by every encoder of one `encode` call.
    final class State {
        let options: Options
        /// The first misuse of the `Encoder` API seen, reported when encoding ends.
        var misuse: String?
        /// Nested `box` calls under way: bounds recursion that adds no coding path level,
        /// such as a class that encodes itself through a single value container.
        var activeBoxes = 0

        init(options: Options) { self.options = options }

        func record(_ misuse: String, at path: [any CodingKey]) {
            if self.misuse == nil { self.misuse = CodingPathText.prefix(path) + misuse }
        }
    }

    let state: State
    let codingPath: [any CodingKey]
    /// What this encoder wrote, or `nil` when nothing yet.
    var storage: EncodedNode?

    var userInfo: [CodingUserInfoKey: Any] { state.options.userInfo }

    init(state: State, codingPath: [any CodingKey]) {
        self.state = state
        self.codingPath = codingPath
    }

    convenience init(options: Options, codingPath: [any CodingKey]) {
        self.init(state: State(options: options), codingPath: codingPath)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let dict: EncodedDict
        if case .dict(let existing) = storage {
            dict = existing
        } else {
            if storage != nil { state.record("a keyed container was asked for after another kind of value", at: codingPath) }
            dict = EncodedDict()
            storage = .dict(dict)
        }
        return KeyedEncodingContainer(KeyedValueEncodingContainer<Key>(state: state, dict: dict, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let list: EncodedList
        if case .list(let existing) = storage {
            list = existing
        } else {
            if storage != nil { state.record("an unkeyed container was asked for after another kind of value", at: codingPath) }
            list = EncodedList()
            storage = .list(list)
        }
        return UnkeyedValueEncodingContainer(state: state, list: list, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleValueEncodingContainerImpl(encoder: self)
    }

    /// Encodes a top-level value; `nil` when it wrote nothing at all.
    func encodeTopLevel<T: Encodable>(_ value: T) throws -> EncodedNode? {
        if let special = try state.boxSpecial(value, at: codingPath) { return special }
        try value.encode(to: self)
        return storage
    }
}

extension ValueEncoder.State {
    /// Encodes a nested value, checking the depth first so that a cycle of class references ends in an error.
    func box<T: Encodable>(_ value: T, at path: [any CodingKey]) throws -> EncodedNode {
        activeBoxes += 1
        defer { activeBoxes -= 1 }
        let depth = options.maximumDepth
        let recursionBound = depth > (Int.max - 64) / 4 ? Int.max : depth * 4 + 64
        guard path.count <= depth, activeBoxes <= recursionBound else {
            throw EncodingError.invalidValue(
                value,
                EncodingError.Context(
                    codingPath: path,
                    debugDescription: "nesting deeper than \(options.maximumDepth) levels (a cycle of references?)"
                )
            )
        }
        if let special = try boxSpecial(value, at: path) { return special }
        let encoder = ValueEncoder(state: self, codingPath: path)
        try value.encode(to: encoder)
        return encoder.storage ?? .dict(EncodedDict())
    }

    /// Foundation types with a Python counterpart, written as that counterpart.
    func boxSpecial<T: Encodable>(_ value: T, at path: [any CodingKey]) throws -> EncodedNode? {
        switch value {
        case let date as Date: return .value(try encodeDate(date, at: path))
        case let data as Data:
            switch options.dataStrategy.form {
            case .bytes: return .value(.bytes([UInt8](data)))
            case .base64: return .value(.str(data.base64EncodedString()))
            }
        case let decimal as Decimal:
            guard let python = PythonDecimal(decimal.description) else {
                throw EncodingError.invalidValue(
                    value, EncodingError.Context(codingPath: path, debugDescription: "this Decimal has no Python form")
                )
            }
            return .value(.decimal(python))
        case let url as URL: return .value(.str(url.absoluteString))
        default: return nil
        }
    }

    private func encodeDate(_ date: Date, at path: [any CodingKey]) throws -> PythonValue {
        let seconds = date.timeIntervalSince1970
        switch options.dateStrategy.form {
        case .unixSeconds:
            return .float(seconds)
        case .datetime:
            let microseconds = (seconds * 1_000_000).rounded()
            guard let utc = PythonTimeDelta(days: 0),
                let exact = Int(exactly: microseconds),
                let datetime = PythonDateTime(microsecondsSinceUnixEpoch: exact, utcOffset: utc)
            else {
                throw EncodingError.invalidValue(
                    date,
                    EncodingError.Context(
                        codingPath: path, debugDescription: "date outside Python's years 1...9999")
                )
            }
            return .datetime(datetime)
        }
    }
}
