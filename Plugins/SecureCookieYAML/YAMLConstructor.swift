import SecureCookie

/// Builds Python values from composed nodes as PyYAML's `SafeConstructor` does.
///
/// Only the tags `SafeLoader` knows are built (null, bool, int, float, str, binary, timestamp,
/// seq, map, set, omap, pairs); any other tag is refused, naming it. A node reached twice through
/// aliases is built once, as PyYAML's `constructed_objects` does.
internal struct YAMLConstructor {
    /// Builds the value of a root node.
    ///
    /// - Throws: ``SecureCookieError``: refused (tag), undecodable (a value Python would not accept).
    func construct(_ node: YAMLNode) throws -> PythonValue {
        if let value = node.constructed { return value }
        if node.isConstructing {
            throw SecureCookieError.refused("recursive node", "a node that contains itself at \(node.mark)")
        }
        node.isConstructing = true
        defer { node.isConstructing = false }
        let value = try build(node)
        node.constructed = value
        return value
    }

    /// Builds the value of a whole document's root: first walks the graph in PyYAML's order
    /// (``prepareInPyYAMLOrder(_:)``), then builds it.
    ///
    /// - Throws: As ``construct(_:)``.
    func constructDocument(_ root: YAMLNode) throws -> PythonValue {
        try prepareInPyYAMLOrder(root)
        return try construct(root)
    }

    private func build(_ node: YAMLNode) throws -> PythonValue {
        switch node.constructionTag ?? node.tag {
        case YAMLTag.null:
            _ = try scalar(node)
            return .none
        case YAMLTag.bool:
            switch try scalar(node).lowercased() {
            case "yes", "true", "on": return .bool(true)
            case "no", "false", "off": return .bool(false)
            default: throw error(node, "not a YAML 1.1 boolean")
            }
        case YAMLTag.int:
            return try integer(node)
        case YAMLTag.float:
            return try float(node)
        case YAMLTag.str:
            return .str(try scalar(node))
        case YAMLTag.binary:
            let text = try scalar(node)
            guard text.unicodeScalars.allSatisfy(\.isASCII) else {
                throw error(node, "!!binary: failed to convert base64 data into ascii")
            }
            return .bytes(try YAMLScalarText.base64DecodeBytes(text).get())
        case YAMLTag.timestamp:
            return try timestamp(node)
        case YAMLTag.seq:
            guard case .sequence(let items) = node.content else { throw expected("a sequence", node) }
            return .list(try items.map(construct))
        case YAMLTag.map:
            return .dict(try mapping(node))
        case YAMLTag.set:
            return .set(PythonSet(try mapping(node).orderedKeys))
        case YAMLTag.omap, YAMLTag.pairs:
            guard case .sequence(let items) = node.content else { throw expected("a sequence", node) }
            return .list(
                try items.map { item in
                    guard case .mapping(let pairs) = item.content else { throw expected("a mapping of length 1", item) }
                    guard pairs.count == 1 else {
                        throw error(item, "expected a single mapping item, but found \(pairs.count) items")
                    }
                    let key = try construct(pairs[0].key)
                    return .tuple([key, try construct(pairs[0].value)])
                })
        default:
            throw SecureCookieError.refused(
                "tag \(YAMLTag.display(node.tag))",
                "could not determine a constructor for the tag at \(node.mark)")
        }
    }

    private func error(_ node: YAMLNode, _ reason: String) -> SecureCookieError {
        .undecodable("YAML \(YAMLTag.display(node.tag)) at \(node.mark): \(reason)")
    }

    private func expected(_ what: String, _ node: YAMLNode) -> SecureCookieError {
        error(node, "expected \(what) node, but found \(node.kindName)")
    }

    private func scalar(_ node: YAMLNode) throws -> String {
        guard case .scalar(let value) = node.content else { throw expected("a scalar", node) }
        return value
    }

    /// `construct_mapping`, after `flatten_mapping` has moved merged pairs in front.
    private func mapping(_ node: YAMLNode) throws -> PythonDict {
        guard case .mapping = node.content else { throw expected("a mapping", node) }
        try flatten(node)
        guard case .mapping(let pairs) = node.content else { throw expected("a mapping", node) }
        var dict = PythonDict()
        dict.reserveCapacity(pairs.count)
        for (keyNode, valueNode) in pairs {
            let key = try construct(keyNode)
            guard key.isHashable else { throw error(keyNode, "found unhashable key (\(key.typeName))") }
            dict[key] = try construct(valueNode)
        }
        return dict
    }

    /// PyYAML 6.0.4's `flatten_mapping`: merge keys (`<<`) replaced by the pairs they name, in place.
    ///
    /// As PyYAML 6.0.4 does it: the merged mappings' pairs in order (a list of mappings is not
    /// reversed), each merged key kept only at its first occurrence *by identity*
    /// (``MergeKeyIdentity``), then the mapping's own pairs. Equal keys of different identity
    /// are all kept, so the later one wins when the dict is built.
    ///
    /// One pass: the pairs that stay are collected rather than the merge pairs removed one by
    /// one, so a mapping of many merge keys costs linear time.
    func flatten(_ node: YAMLNode) throws {
        guard case .mapping(let pairs) = node.content else { return }
        var merged: [(key: YAMLNode, value: YAMLNode)] = []
        var mergedKeys = Set<MergeKeyIdentity>()
        func merge(_ inner: [(key: YAMLNode, value: YAMLNode)]) {
            for pair in inner where mergedKeys.insert(MergeKeyIdentity(pair.key)).inserted {
                merged.append(pair)
            }
        }
        var kept: [(key: YAMLNode, value: YAMLNode)] = []
        kept.reserveCapacity(pairs.count)
        for (keyNode, valueNode) in pairs {
            if keyNode.tag == YAMLTag.merge {
                switch valueNode.content {
                case .mapping:
                    try flatten(valueNode)
                    if case .mapping(let inner) = valueNode.content { merge(inner) }
                case .sequence(let items):
                    for item in items {
                        guard case .mapping = item.content else {
                            throw error(node, "expected a mapping for merging, but found \(item.kindName)")
                        }
                        try flatten(item)
                        if case .mapping(let inner) = item.content { merge(inner) }
                    }
                case .scalar:
                    throw error(node, "expected a mapping or list of mappings for merging, but found scalar")
                }
            } else {
                if keyNode.tag == YAMLTag.value { keyNode.tag = YAMLTag.str }
                kept.append((keyNode, valueNode))
            }
        }
        node.content = .mapping(merged + kept)
    }

    /// `construct_yaml_int`.
    private func integer(_ node: YAMLNode) throws -> PythonValue {
        var text = Substring(try scalar(node).filter { $0 != "_" })
        guard let first = text.first else { throw error(node, "empty integer") }
        let negative = first == "-"
        if first == "-" || first == "+" { text = text.dropFirst() }
        func parse(_ digits: Substring, _ base: UInt32) throws -> (negative: Bool, magnitude: YAMLScalarText.Magnitude) {
            guard let parsed = try YAMLScalarText.pythonInt(digits, base: base) else {
                throw error(node, "invalid literal for int() with base \(base)")
            }
            return parsed
        }
        func signed(_ parsed: (negative: Bool, magnitude: YAMLScalarText.Magnitude)) -> PythonValue {
            parsed.magnitude.value(negative: parsed.negative != negative)
        }
        if text == "0" { return .int(0) }
        if text.hasPrefix("0b") { return signed(try parse(text.dropFirst(2), 2)) }
        if text.hasPrefix("0x") { return signed(try parse(text.dropFirst(2), 16)) }
        if text.first == "0" { return signed(try parse(text, 8)) }
        if text.contains(":") {
            // Horner's rule over the base-60 parts; equal to PyYAML's sum of part * 60**k, where
            // `int(part)` may read a sign (`!!int 1:-2` is 58). Python's ints do not overflow;
            // the work is bounded by the text (at most `maximumValueBytes`).
            let parts = try text.split(separator: ":", omittingEmptySubsequences: false).map { try parse($0, 10) }
            var total = YAMLSignedMagnitude()
            for part in parts {
                total.multiply(by: 60)
                total.add(negative: part.negative, part.magnitude)
            }
            return total.magnitude.value(negative: total.negative != negative)
        }
        return signed(try parse(text, 10))
    }

    /// `construct_yaml_float`.
    private func float(_ node: YAMLNode) throws -> PythonValue {
        var text = Substring(try scalar(node).filter { $0 != "_" }.lowercased())
        guard let first = text.first else { throw error(node, "empty float") }
        let sign: Double = first == "-" ? -1 : 1
        if first == "-" || first == "+" { text = text.dropFirst() }
        if text == ".inf" { return .float(sign * .infinity) }
        if text == ".nan" { return .float(.nan) }
        if text.contains(":") {
            var parts: [Double] = []
            for part in text.split(separator: ":", omittingEmptySubsequences: false) {
                guard let value = YAMLScalarText.pythonFloat(part) else {
                    throw error(node, "could not convert string to float")
                }
                parts.append(value)
            }
            // PyYAML's `base` is a Python int (60**k, exact), converted to the nearest double at
            // each `digit*base`; past 60**173 that conversion raises OverflowError.
            var value = 0.0
            var base = YAMLScalarText.Magnitude(limbs: [1])
            for digit in parts.reversed() {
                guard let scale = base.correctlyRoundedDouble else {
                    throw error(node, "a sexagesimal float of \(parts.count) parts: int too large to convert to float")
                }
                value += digit * scale
                base.multiply(by: 60, adding: 0)
            }
            return .float(sign * value)
        }
        guard let value = YAMLScalarText.pythonFloat(text) else { throw error(node, "could not convert string to float") }
        return .float(sign * value)
    }

    /// `construct_yaml_timestamp`.
    private func timestamp(_ node: YAMLNode) throws -> PythonValue {
        guard let fields = YAMLScalarText.timestampFields(try scalar(node)) else {
            throw error(node, "not a timestamp")
        }
        guard let time = fields.time else {
            guard let date = PythonDate(year: fields.year, month: fields.month, day: fields.day) else {
                throw error(node, "day is out of range for month")
            }
            return .date(date)
        }
        var microsecond = 0
        if let fraction = time.fraction, !fraction.isEmpty {
            let six = String(fraction.prefix(6)) + String(repeating: "0", count: max(0, 6 - fraction.count))
            microsecond = Int(six) ?? 0
        }
        var offset: PythonTimeDelta?
        if let zone = fields.zone {
            let seconds = (zone.hour * 60 + zone.minute) * 60
            offset = PythonTimeDelta(days: 0, seconds: zone.sign == "-" ? -seconds : seconds)
        }
        guard
            let datetime = PythonDateTime(
                year: fields.year, month: fields.month, day: fields.day, hour: time.hour,
                minute: time.minute, second: time.second, microsecond: microsecond,
                utcOffset: offset)
        else {
            throw error(node, "a date, time or UTC offset out of range")
        }
        return .datetime(datetime)
    }
}
