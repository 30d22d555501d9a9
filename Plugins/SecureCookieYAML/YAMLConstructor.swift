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

    private func build(_ node: YAMLNode) throws -> PythonValue {
        switch node.tag {
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
                YAMLTag.displayInError(node.tag),
                "could not determine a constructor for the tag at \(node.mark)")
        }
    }

    private func error(_ node: YAMLNode, _ reason: String) -> SecureCookieError {
        .undecodable("YAML \(YAMLTag.displayInError(node.tag)) at \(node.mark): \(reason)")
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
        for (keyNode, valueNode) in pairs {
            let key = try construct(keyNode)
            guard key.isHashable else { throw error(keyNode, "found unhashable key (\(key.typeName))") }
            dict[key] = try construct(valueNode)
        }
        return dict
    }

    /// PyYAML's `flatten_mapping`: merge keys (`<<`) replaced by the pairs they name, in place.
    private func flatten(_ node: YAMLNode) throws {
        guard case .mapping(var pairs) = node.content else { return }
        var merged: [(key: YAMLNode, value: YAMLNode)] = []
        var index = 0
        while index < pairs.count {
            let (keyNode, valueNode) = pairs[index]
            if keyNode.tag == YAMLTag.merge {
                pairs.remove(at: index)
                switch valueNode.content {
                case .mapping:
                    try flatten(valueNode)
                    if case .mapping(let inner) = valueNode.content { merged.append(contentsOf: inner) }
                case .sequence(let items):
                    var groups: [[(key: YAMLNode, value: YAMLNode)]] = []
                    for item in items {
                        guard case .mapping = item.content else {
                            throw error(node, "expected a mapping for merging, but found \(item.kindName)")
                        }
                        try flatten(item)
                        if case .mapping(let inner) = item.content { groups.append(inner) }
                    }
                    for group in groups.reversed() { merged.append(contentsOf: group) }
                case .scalar:
                    throw error(node, "expected a mapping or list of mappings for merging, but found scalar")
                }
            } else {
                if keyNode.tag == YAMLTag.value { keyNode.tag = YAMLTag.str }
                index += 1
            }
        }
        node.content = .mapping(merged + pairs)
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
            // Horner's rule over the base-60 parts; equal to PyYAML's sum of part * 60^k.
            var total = YAMLScalarText.Magnitude()
            for part in text.split(separator: ":", omittingEmptySubsequences: false) {
                let parsed = try parse(part, 10)
                guard !parsed.negative || parsed.magnitude.limbs.isEmpty else {
                    throw error(node, "negative sexagesimal part is not supported")
                }
                total.multiply(by: 60, adding: 0)
                total.add(parsed.magnitude)
            }
            return total.value(negative: negative)
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
            var value = 0.0
            var base = 1.0
            for digit in parts.reversed() {
                value += digit * base
                base *= 60
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
