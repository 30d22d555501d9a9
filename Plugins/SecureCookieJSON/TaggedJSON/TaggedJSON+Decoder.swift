import SecureCookie

/// Turns parsed JSON into the ``PythonValue`` its tags spell, checking the value's own depth and node limits.
internal struct TaggedJSONDecoder {
    private enum PathComponent {
        case index(Int)
        /// The n-th member of an object (from 0): its key is input, so it is never shown.
        case member(Int)
        case tag(String)
    }

    /// The tags a path may name; any other key beginning with `$` is input and shown as `$?`.
    private static let knownTags: Set<String> = [
        "$int", "$float", "$bytes", "$bytearray", "$tuple", "$set", "$frozenset", "$dict", "$datetime", "$date", "$time",
        "$timedelta", "$decimal", "$complex", "$uuid", "$markup", "$object", "$global", "$cycle",
    ]

    private let limits: SecureCookieLimits
    private var nodes = 0
    private var path: [PathComponent] = []

    internal init(limits: SecureCookieLimits) {
        self.limits = limits
    }

    /// Where the decoder is, as `$`, `$[2]`, `${0}`, `${0}.$tuple[0]`: `[n]` an array index, `{n}` the
    /// n-th member of an object (its key is not shown: error messages never repeat input).
    private var pathText: String {
        var text = "$"
        for component in path {
            switch component {
            case .index(let index): text += "[\(index)]"
            case .member(let index): text += "{\(index)}"
            case .tag(let tag): text += "." + (Self.knownTags.contains(tag) ? tag : "$?")
            }
        }
        return text
    }

    private func bad(_ what: String) -> SecureCookieError {
        .undecodable("tagged JSON: \(what) at \(pathText)")
    }

    /// Converts one parsed JSON value.
    ///
    /// - Parameters:
    ///   - json: The value as plain JSON parsed it.
    ///   - depth: The number of containers around it.
    /// - Returns: The Python value.
    /// - Throws: ``SecureCookieError``: ``SecureCookieError/Kind/undecodable`` for a bad tag or tag body,
    ///   ``SecureCookieError/Kind/refused`` for a tzinfo object or an inspect-only tag, and
    ///   ``SecureCookieError/Kind/limitExceeded`` past the depth, node or integer-digit limit.
    internal mutating func value(from json: PythonValue, depth: Int) throws -> PythonValue {
        try countNode()
        switch json {
        case .list(let items):
            return .list(try elements(items, depth: depth))
        case .dict(let dict):
            if let tagKey = dict.orderedKeys.first(where: { $0.stringValue?.hasPrefix("$") ?? false })?.stringValue {
                return try tagged(tagKey, in: dict, depth: depth)
            }
            try enter(depth)
            var result = PythonDict()
            for (index, (key, item)) in dict.enumerated() {
                path.append(.member(index))
                try countNode()
                result[key] = try value(from: item, depth: depth + 1)
                path.removeLast()
            }
            return .dict(result)
        default:
            return json
        }
    }

    /// Counts one node of the value (dict keys included, as ``PythonValue/nodeCount`` counts them).
    private mutating func countNode() throws {
        nodes += 1
        guard nodes <= limits.maximumNodes else {
            throw SecureCookieError.limitExceeded(.nodes, "more than \(limits.maximumNodes) values (at \(pathText))")
        }
    }

    private func enter(_ depth: Int) throws {
        guard depth + 1 <= limits.maximumDepth else {
            throw SecureCookieError.limitExceeded(.depth, "value nested more than \(limits.maximumDepth) levels deep (at \(pathText))")
        }
    }

    private mutating func elements(_ items: [PythonValue], depth: Int) throws -> [PythonValue] {
        try enter(depth)
        var result: [PythonValue] = []
        result.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            path.append(.index(index))
            result.append(try value(from: item, depth: depth + 1))
            path.removeLast()
        }
        return result
    }

    private mutating func tagged(_ tag: String, in dict: PythonDict, depth: Int) throws -> PythonValue {
        if dict.count != 1 {
            if dict.count == 2, tag == "$datetime" || tag == "$time", dict.contains(key: "tzinfo") {
                throw SecureCookieError.refused(
                    "tzinfo object", "\(tag) at \(pathText) has a tzinfo object; only a fixed UTC offset in its text is a value")
            }
            throw bad("an object with a tag (a key beginning with $) must have no other key")
        }
        guard let body = dict[.str(tag)] else { throw bad("missing tag body") }
        path.append(.tag(tag))
        defer { path.removeLast() }
        switch tag {
        case "$int":
            return try integer(body)
        case "$float":
            return .float(try nonFiniteFloat(body))
        case "$bytes":
            return .bytes(try base64(body, tag))
        case "$bytearray":
            return .bytearray(try base64(body, tag))
        case "$tuple":
            return .tuple(try elements(array(body, tag), depth: depth))
        case "$set", "$frozenset":
            let items = try elements(array(body, tag), depth: depth)
            if let unhashable = items.first(where: { !$0.isHashable }) {
                throw bad("unhashable \(unhashable.typeName) in a set")
            }
            return tag == "$set" ? .set(PythonSet(items)) : .frozenset(PythonSet(items))
        case "$dict":
            return .dict(try pairs(array(body, tag), depth: depth))
        case "$datetime":
            guard let datetime = TaggedJSONDates.dateTime(try string(body, tag)) else { throw bad("invalid ISO datetime") }
            return .datetime(datetime)
        case "$date":
            guard let date = TaggedJSONDates.date(try string(body, tag)) else { throw bad("invalid ISO date") }
            return .date(date)
        case "$time":
            guard let time = TaggedJSONDates.time(try string(body, tag)) else { throw bad("invalid ISO time") }
            return .time(time)
        case "$timedelta":
            let fields = try array(body, tag)
            guard fields.count == 3, case .int(let days) = fields[0], case .int(let seconds) = fields[1],
                case .int(let microseconds) = fields[2]
            else { throw bad("$timedelta needs [days, seconds, microseconds] as integers") }
            guard let delta = PythonTimeDelta(days: days, seconds: seconds, microseconds: microseconds) else {
                throw bad("timedelta out of Python's range")
            }
            return .timedelta(delta)
        case "$decimal":
            guard let decimal = PythonDecimal(try string(body, tag)) else { throw bad("invalid decimal text") }
            return .decimal(decimal)
        case "$complex":
            let parts = try array(body, tag)
            guard parts.count == 2 else { throw bad("$complex needs [real, imaginary]") }
            return .complex(try complexPart(parts[0]), try complexPart(parts[1]))
        case "$uuid":
            let text = try string(body, tag)
            // The canonical dashed form only, as str(uuid) writes it.
            guard text.utf8.count == 36, let uuid = PythonUUID(text), uuid.description == text.lowercased() else {
                throw bad("$uuid needs the dashed form of 32 hex digits")
            }
            return .uuid(uuid)
        case "$markup":
            return .markup(try string(body, tag))
        case "$object", "$global", "$cycle":
            throw SecureCookieError.refused(
                tag, "the inspect-only form at \(pathText) shows what a pickle would build or call; it is not a value")
        default:
            throw bad("unknown tag (a key beginning with $ that is not a tagged-JSON tag)")
        }
    }

    private func array(_ body: PythonValue, _ tag: String) throws -> [PythonValue] {
        guard case .list(let items) = body else { throw bad("\(tag) needs an array, not \(body.typeName)") }
        return items
    }

    private func string(_ body: PythonValue, _ tag: String) throws -> String {
        guard case .str(let text) = body else { throw bad("\(tag) needs a string, not \(body.typeName)") }
        return text
    }

    private func integer(_ body: PythonValue) throws -> PythonValue {
        let text = try string(body, "$int")
        let digits = text.utf8.first == UInt8(ascii: "-") ? text.utf8.dropFirst() : text.utf8[...]
        guard !digits.isEmpty, digits.allSatisfy({ $0 &- UInt8(ascii: "0") < 10 }) else {
            throw bad("$int needs decimal digits with an optional leading '-'")
        }
        guard digits.count <= PythonBigInt.maximumDecimalDigits else {
            throw SecureCookieError.limitExceeded(
                .integerDigits, "$int of \(digits.count) digits at \(pathText) (Python's limit is \(PythonBigInt.maximumDecimalDigits))")
        }
        guard let big = PythonBigInt(decimal: text) else { throw bad("invalid $int") }
        return .integer(big)
    }

    private func nonFiniteFloat(_ body: PythonValue) throws -> Double {
        switch try string(body, "$float") {
        case "nan": return .nan
        case "inf": return .infinity
        case "-inf": return -.infinity
        default: throw bad("$float must be \"nan\", \"inf\" or \"-inf\"")
        }
    }

    private func base64(_ body: PythonValue, _ tag: String) throws -> [UInt8] {
        var bytes: [UInt8] = []
        guard Base64.decode(try string(body, tag).utf8, into: &bytes) else { throw bad("invalid base64") }
        return bytes
    }

    private func complexPart(_ part: PythonValue) throws -> Double {
        switch part {
        case .float(let double): return double
        case .int(let integer): return Double(integer)
        case .dict(let dict) where dict.count == 1 && dict.contains(key: "$float"):
            return try nonFiniteFloat(dict[.str("$float")] ?? .none)
        default: throw bad("$complex parts must be numbers, not \(part.typeName)")
        }
    }

    private mutating func pairs(_ items: [PythonValue], depth: Int) throws -> PythonDict {
        try enter(depth)
        var result = PythonDict()
        for (index, item) in items.enumerated() {
            path.append(.index(index))
            guard case .list(let pair) = item, pair.count == 2 else { throw bad("$dict items must be [key, value] arrays") }
            path.append(.index(0))
            let key = try value(from: pair[0], depth: depth + 1)
            guard key.isHashable else { throw bad("unhashable \(key.typeName) as a dict key") }
            path.removeLast()
            path.append(.index(1))
            result[key] = try value(from: pair[1], depth: depth + 1)
            path.removeLast(2)
        }
        return result
    }
}
