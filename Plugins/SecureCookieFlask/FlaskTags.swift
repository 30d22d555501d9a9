import SecureCookie

/// Flask's tagging rules (`flask.json.tag`): ``tag(_:depth:)`` before writing JSON, ``untag(_:)`` after reading it.
internal enum FlaskTags {
    /// The tag names, as `TaggedJSONSerializer.tags` holds them.
    static let names: Set<String> = [" di", " t", " b", " m", " u", " d"]

    /// The deepest nesting tagged. Flask's `tag` recurses in Python, four frames a level, against the
    /// default recursion limit of 1000.
    static let maximumDepth = 200

    /// `TaggedJSONSerializer.tag(value)`, then what the app JSON provider's `default` makes of a `date`
    /// and a `Decimal`. A value with nothing to tag is returned as it is, unrebuilt.
    static func tagged(_ value: PythonValue) throws -> PythonValue {
        try needsTags(value, depth: 0) ? tag(value, depth: 0) : value
    }

    /// Whether anything in `value` is tagged or converted when written, checking the depth bound.
    private static func needsTags(_ value: PythonValue, depth: Int) throws -> Bool {
        guard depth <= maximumDepth else {
            throw SecureCookieError.unrepresentable("value nested more than \(maximumDepth) levels deep")
        }
        switch value {
        case .dict(let dict):
            if dict.count == 1, let only = dict.first, let name = Self.tagName(only.key) { return true }
            for (_, item) in dict where try needsTags(item, depth: depth + 1) { return true }
            return false
        case .list(let items):
            for item in items where try needsTags(item, depth: depth + 1) { return true }
            return false
        case .tuple, .bytes, .markup, .uuid, .datetime, .date, .decimal:
            return true
        default:
            return false
        }
    }

    /// Whether any object in a parsed JSON value is a tag.
    private static func hasTags(_ value: PythonValue) -> Bool {
        switch value {
        case .dict(let dict):
            if dict.count == 1, let only = dict.first, let name = Self.tagName(only.key) { return true }
            return dict.contains { hasTags($0.value) }
        case .list(let items):
            return items.contains(where: hasTags)
        default:
            return false
        }
    }

    /// ``untag(_:)`` of a parsed JSON document, which is returned as it is when it holds no tag.
    static func untagged(_ value: PythonValue) throws -> PythonValue {
        hasTags(value) ? try untag(value) : value
    }

    private static func tag(_ value: PythonValue, depth: Int) throws -> PythonValue {
        guard depth <= maximumDepth else {
            throw SecureCookieError.unrepresentable("value nested more than \(maximumDepth) levels deep")
        }
        switch value {
        case .dict(let dict):
            if dict.count == 1, let only = dict.first, let name = Self.tagName(only.key) {
                return wrap(" di", .dict([.str(name + "__"): try tag(only.value, depth: depth + 1)]))
            }
            var tagged = PythonDict()
            tagged.reserveCapacity(dict.count)
            for (key, item) in dict { tagged[key] = try tag(item, depth: depth + 1) }
            return .dict(tagged)
        case .tuple(let items):
            return wrap(" t", .list(try items.map { try tag($0, depth: depth + 1) }))
        case .list(let items):
            return .list(try items.map { try tag($0, depth: depth + 1) })
        case .bytes(let bytes):
            return wrap(" b", .str(Base64.encode(bytes)))
        case .markup(let text):
            return wrap(" m", .str(text))
        case .uuid(let uuid):
            return wrap(" u", .str(uuid.hex))
        case .datetime(let datetime):
            guard let text = HTTPDate.format(datetime) else {
                throw SecureCookieError.unrepresentable("the datetime is outside years 1-9999 in UTC")
            }
            return wrap(" d", .str(text))
        case .date(let date):
            return .str(HTTPDate.format(date))
        case .decimal(let decimal):
            return .str(decimal.description)
        default:
            return value
        }
    }

    /// `TaggedJSONSerializer.untag`, applied to every object from the innermost out, as `object_hook` is.
    private static func untag(_ value: PythonValue) throws -> PythonValue {
        switch value {
        case .list(let items):
            return .list(try items.map(untag))
        case .dict(let dict):
            var untagged = PythonDict()
            untagged.reserveCapacity(dict.count)
            for (key, item) in dict { untagged[key] = try untag(item) }
            guard untagged.count == 1, let only = untagged.first, let name = Self.tagName(only.key) else {
                return .dict(untagged)
            }
            return try toPython(name, only.value)
        default:
            return value
        }
    }

    /// One tag's `to_python`.
    private static func toPython(_ name: String, _ body: PythonValue) throws -> PythonValue {
        switch name {
        case " di":
            // `key = next(iter(value)); return {key[:-2]: value[key]}`
            guard case .dict(let inner) = body, let first = inner.first, let key = Self.text(first.key) else {
                throw bad(name, "a dict with a str key", body)
            }
            return .dict([.str(String(String.UnicodeScalarView(key.unicodeScalars.dropLast(2)))): first.value])
        case " t":
            return .tuple(try iterated(body, name))
        case " b":
            switch body {
            case .str(let text), .markup(let text):
                guard text.utf8.allSatisfy({ $0 < 0x80 }), let bytes = Base64URL.decodeStandardLikePython(text.utf8) else {
                    throw bad(name, "ASCII base64", body)
                }
                return .bytes(bytes)
            case .bytes(let raw):
                guard let bytes = Base64URL.decodeStandardLikePython(raw) else { throw bad(name, "ASCII base64", body) }
                return .bytes(bytes)
            default:
                throw bad(name, "a str", body)
            }
        case " m":
            return .markup(try markupText(body))
        case " u":
            guard let text = Self.text(body), let uuid = PythonUUID(text) else {
                throw bad(name, "UUID text", body)
            }
            return .uuid(uuid)
        default:  // " d"
            return try dateTime(body)
        }
    }

    /// `tuple(value)`: what iterating a value gives.
    private static func iterated(_ body: PythonValue, _ name: String) throws -> [PythonValue] {
        switch body {
        case .list(let items), .tuple(let items): return items
        case .str(let text), .markup(let text): return text.unicodeScalars.map { .str(String($0)) }
        case .dict(let dict): return dict.orderedKeys
        case .bytes(let bytes): return bytes.map { .int(Int($0)) }  // checked: a byte widens
        default: throw bad(name, "an iterable", body)
        }
    }

    /// `Markup(value)`: `str(value)` of a scalar.
    private static func markupText(_ body: PythonValue) throws -> String {
        switch body {
        case .str(let text), .markup(let text): return text
        case .none: return "None"
        case .bool(let flag): return flag ? "True" : "False"
        case .int(let integer): return String(integer)
        case .bigInt(let integer): return try integer.decimalText()
        case .float(let double): return PythonFloatRepr.repr(double)
        default: throw bad(" m", "a str or number", body)
        }
    }

    /// `werkzeug.http.parse_date(value)`: `None` for a falsy value or an unparsable date.
    private static func dateTime(_ body: PythonValue) throws -> PythonValue {
        switch body {
        case .str(let text), .markup(let text):
            return try HTTPDate.parse(text).map(PythonValue.datetime) ?? .none
        case .none: return .none
        case .bool(false), .int(0): return .none
        case .float(let double) where double == 0: return .none
        case .list(let items) where items.isEmpty: return .none
        case .tuple(let items) where items.isEmpty: return .none
        case .dict(let dict) where dict.isEmpty: return .none
        case .bytes: return .none  // b"".split() is falsy; other bytes fail on a str method: None either way
        default: throw bad(" d", "a date string", body)
        }
    }

    /// The key as a tag name (` t`, ` di`...) when it is one: a cheap test of the bytes, no hashing.
    private static func tagName(_ key: PythonValue) -> String? {
        guard let text = Self.text(key) else { return nil }
        let utf8 = text.utf8
        guard utf8.count == 2 || utf8.count == 3, utf8.first == UInt8(ascii: " ") else { return nil }
        return names.contains(text) ? text : nil
    }

    private static func text(_ value: PythonValue) -> String? {
        switch value {
        case .str(let text), .markup(let text): return text
        default: return nil
        }
    }

    private static func wrap(_ name: String, _ body: PythonValue) -> PythonValue {
        .dict([.str(name): body])
    }

    private static func bad(_ name: String, _ expected: String, _ body: PythonValue) -> SecureCookieError {
        .undecodable("tag \"\(name)\" needs \(expected), not \(body.typeName)")
    }
}
