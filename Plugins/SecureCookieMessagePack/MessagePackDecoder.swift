import SecureCookie

/// Reads MessagePack as `msgpack.unpackb(data, raw=False, strict_map_key=False, timestamp=3)` does.
///
/// Every length and count is checked against the bytes really left before anything is
/// allocated for it: an array of `n` elements needs at least `n` more bytes and a map of `n`
/// pairs at least `2n`, so a 5-byte map header claiming a billion entries fails at once.
/// The decoder keeps its own stack instead of recursing, so the depth limit alone bounds
/// nesting; it counts nodes against the node limit and refuses bytes after the value.
///
/// Values: nil, bool, every integer width (uint 64 above `Int64.max` becomes a big int),
/// float 32 and 64, str (strict UTF-8), bin (bytes), array (list), map (dict, any hashable key,
/// a later duplicate key replacing the value as in Python), and the timestamp extension (an
/// aware UTC datetime, truncated to microseconds). Other extension types are refused by type
/// code, as are array and map keys, which Python cannot hash.
internal struct MessagePackDecoder {
    private var reader: MessagePackReader
    private let limits: SecureCookieLimits
    private var nodes = 0
    /// Bytes of str and bin and digits of big ints read so far. Nothing is shared in MessagePack,
    /// so this is bounded by the input already; it is spent for the same limit as every codec.
    private var budget: MaterializationBudget

    /// One container being filled, kept in place on the decoder's stack.
    private struct Frame {
        let isMap: Bool
        let offset: Int
        var remaining: Int
        var items: [PythonValue] = []
        var dict = PythonDict()
        var pendingKey: PythonValue?
        var pendingKeyOffset = 0

        /// Room for all `count` elements or pairs, which the header check bounds by the bytes left.
        init(isMap: Bool, count: Int, offset: Int) {
            self.isMap = isMap
            self.offset = offset
            self.remaining = count
            if isMap { dict.reserveCapacity(count) } else { items.reserveCapacity(count) }
        }
    }

    /// What a format byte and its fields announce.
    private enum Header {
        case scalar(PythonValue)
        case array(Int)
        case map(Int)
    }

    private init(_ bytes: UnsafeBufferPointer<UInt8>, limits: SecureCookieLimits) {
        self.reader = MessagePackReader(bytes)
        self.limits = limits
        self.budget = MaterializationBudget(limits)
    }

    private mutating func spend(_ bytes: Int, at offset: Int) throws {
        do {
            try budget.spend(bytes)
        } catch {
            throw MessagePackError.materializedBytes(budget.maximum, at: offset)
        }
    }

    /// Decodes exactly one value filling all of `bytes`.
    ///
    /// - Parameters:
    ///   - bytes: The MessagePack bytes.
    ///   - limits: Depth, node and size bounds.
    /// - Returns: The value.
    /// - Throws: ``SecureCookieError``: undecodable, refused or limit exceeded.
    static func decode(_ bytes: ArraySlice<UInt8>, limits: SecureCookieLimits) throws -> PythonValue {
        guard bytes.count <= limits.maximumValueBytes else {
            throw MessagePackError.valueBytes(bytes.count, limit: limits.maximumValueBytes)
        }
        return try bytes.withUnsafeBufferPointer { buffer in
            var decoder = MessagePackDecoder(buffer, limits: limits)
            return try decoder.decodeAll()
        }
    }

    private mutating func decodeAll() throws -> PythonValue {
        var stack: [Frame] = []
        next: while true {
            let start = reader.offset
            nodes += 1
            guard nodes <= limits.maximumNodes else { throw MessagePackError.nodes(limits.maximumNodes, at: start) }

            var value: PythonValue
            switch try readHeader(at: start) {
            case .scalar(let scalar):
                value = scalar
            case .array(let count):
                guard stack.count < limits.maximumDepth else { throw MessagePackError.depth(limits.maximumDepth, at: start) }
                if count > 0 {
                    stack.append(Frame(isMap: false, count: count, offset: start))
                    continue next
                }
                value = .list([])
            case .map(let count):
                guard stack.count < limits.maximumDepth else { throw MessagePackError.depth(limits.maximumDepth, at: start) }
                if count > 0 {
                    stack.append(Frame(isMap: true, count: count, offset: start))
                    continue next
                }
                value = .dict(PythonDict())
            }

            // Hand the finished value to its container, closing every container it completes.
            // A key waits for its value; like Python, an unhashable key fails only once the pair is read.
            var valueStart = start
            while true {
                let top = stack.count - 1
                guard top >= 0 else {
                    if reader.remaining > 0 { throw MessagePackError.trailingBytes(reader.remaining, at: reader.offset) }
                    return value
                }
                if stack[top].isMap {
                    var key: PythonValue? = nil
                    swap(&key, &stack[top].pendingKey)
                    guard let key else {
                        stack[top].pendingKey = consume value
                        stack[top].pendingKeyOffset = valueStart
                        continue next
                    }
                    guard key.isHashable else {
                        throw MessagePackError.unhashableKey(key.typeName, at: stack[top].pendingKeyOffset)
                    }
                    stack[top].dict[key] = consume value
                } else {
                    stack[top].items.append(consume value)
                }
                stack[top].remaining -= 1
                guard stack[top].remaining == 0 else { continue next }
                let frame = stack.removeLast()
                value = frame.isMap ? .dict(frame.dict) : .list(frame.items)
                valueStart = frame.offset
            }
        }
    }

    private mutating func readHeader(at start: Int) throws -> Header {
        let format = try reader.readByte("value", at: start)
        switch format {
        case 0x00...0x7F:
            return .scalar(.int(Int(format)))
        case 0x80...0x8F:
            return try mapHeader(UInt64(format & 0x0F), at: start)
        case 0x90...0x9F:
            return try arrayHeader(UInt64(format & 0x0F), at: start)
        case 0xA0...0xBF:
            return try string(length: UInt64(format & 0x1F), at: start)
        case 0xC0:
            return .scalar(.none)
        case 0xC1:
            throw MessagePackError.reservedFormat(at: start)
        case 0xC2, 0xC3:
            return .scalar(.bool(format == 0xC3))
        case 0xC4, 0xC5, 0xC6:
            let length = try reader.readBigEndian(1 << Int(format - 0xC4), "bin length", at: start)
            let payload = try reader.readPayload(length, "bin", at: start)
            try spend(payload.count, at: start)
            return .scalar(.bytes(Array(payload)))
        case 0xC7, 0xC8, 0xC9:
            let length = try reader.readBigEndian(1 << Int(format - 0xC7), "ext length", at: start)
            return try extensionValue(length: length, at: start)
        case 0xCA:
            let bits = UInt32(try reader.readBigEndian(4, "float 32", at: start))
            return .scalar(.float(Double(Float(bitPattern: bits))))
        case 0xCB:
            return .scalar(.float(Double(bitPattern: try reader.readBigEndian(8, "float 64", at: start))))
        case 0xCC...0xCF:
            let unsigned = try reader.readBigEndian(1 << Int(format - 0xCC), "uint", at: start)
            // Above `Int.max` (uint 64 only) the value is a big int, as `.integer` would make it.
            if unsigned <= UInt64(Int.max) { return .scalar(.int(Int(unsigned))) }
            let big = PythonBigInt(unsigned)
            try spend(big.decimalDigitBound, at: start)
            return .scalar(.integer(big))
        case 0xD0...0xD3:
            let width = 1 << Int(format - 0xD0)
            let raw = try reader.readBigEndian(width, "int", at: start)
            let shift = UInt64(64 - 8 * width)
            return .scalar(.int(Int(Int64(bitPattern: raw << shift) >> shift)))
        case 0xD4...0xD8:
            return try extensionValue(length: 1 << UInt64(format - 0xD4), at: start)
        case 0xD9, 0xDA, 0xDB:
            let length = try reader.readBigEndian(1 << Int(format - 0xD9), "str length", at: start)
            return try string(length: length, at: start)
        case 0xDC, 0xDD:
            let count = try reader.readBigEndian(2 << Int(format - 0xDC), "array length", at: start)
            return try arrayHeader(count, at: start)
        case 0xDE, 0xDF:
            let count = try reader.readBigEndian(2 << Int(format - 0xDE), "map length", at: start)
            return try mapHeader(count, at: start)
        default:  // 0xE0...0xFF, negative fixint
            return .scalar(.int(Int(Int8(bitPattern: format))))
        }
    }

    /// An array needs at least one byte per element.
    private func arrayHeader(_ count: UInt64, at start: Int) throws -> Header {
        guard count <= UInt64(reader.remaining) else {
            throw MessagePackError.lengthPastEnd(
                "array", at: start, claims: count, unit: "elements",
                remaining: reader.remaining)
        }
        return .array(Int(count))
    }

    /// A map needs at least two bytes per pair.
    private func mapHeader(_ count: UInt64, at start: Int) throws -> Header {
        guard count <= UInt64(reader.remaining) / 2 else {
            throw MessagePackError.lengthPastEnd(
                "map", at: start, claims: count, unit: "pairs",
                remaining: reader.remaining)
        }
        return .map(Int(count))
    }

    /// A `str`, strictly UTF-8 as Python's `raw=False` reads it.
    ///
    private mutating func string(length: UInt64, at start: Int) throws -> Header {
        let payload = try reader.readPayload(length, "str", at: start)
        try spend(payload.count, at: start)
        guard let text = UTF8Text.string(validating: payload) else { throw MessagePackError.invalidUTF8(at: start) }
        return .scalar(.str(text))
    }

    private mutating func extensionValue(length: UInt64, at start: Int) throws -> Header {
        let type = Int8(bitPattern: try reader.readByte("ext type", at: start))
        let payload = try reader.readPayload(length, "ext", at: start)
        guard type == MessagePackTimestamp.extensionType else {
            throw MessagePackError.extType(type, length: payload.count, at: start)
        }
        let timestamp = try MessagePackTimestamp(payload: payload, at: start)
        return .scalar(.datetime(try timestamp.datetime(at: start)))
    }
}
