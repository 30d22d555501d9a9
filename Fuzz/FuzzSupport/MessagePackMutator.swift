/// Format-level mutation of MessagePack: the input is split into items (a format byte, its
/// header, its payload; containers are just their headers), whose length prefixes and counts are
/// set to extremes, whose format bytes change within a family, and among which ext types,
/// timestamps (all three widths, nanoseconds past 999,999,999, seconds at the edges), containers
/// with huge counts and long strings are inserted, deleted, duplicated, swapped and repeated.
public enum MessagePackMutator {
    /// One item: format byte, header bytes after it, payload.
    public struct Item: Equatable {
        /// The format byte.
        public var format: UInt8
        /// The length/count/type bytes after the format byte.
        public var header: [UInt8]
        /// The payload.
        public var payload: [UInt8]
        /// The encoded bytes.
        public var bytes: [UInt8] { [format] + header + payload }
    }

    /// (header bytes after the format byte, of which the last `lengthWidth` before an ext type are the payload length; fixed payload).
    static func layout(_ format: UInt8) -> (lengthWidth: Int, extType: Bool, fixedPayload: Int) {
        switch format {
        case 0xA0...0xBF: return (0, false, Int(format & 0x1F))
        case 0xC4, 0xD9: return (1, false, 0)
        case 0xC5, 0xDA: return (2, false, 0)
        case 0xC6, 0xDB: return (4, false, 0)
        case 0xC7: return (1, true, 0)
        case 0xC8: return (2, true, 0)
        case 0xC9: return (4, true, 0)
        case 0xCA: return (0, false, 4)
        case 0xCB: return (0, false, 8)
        case 0xCC, 0xD0: return (0, false, 1)
        case 0xCD, 0xD1: return (0, false, 2)
        case 0xCE, 0xD2: return (0, false, 4)
        case 0xCF, 0xD3: return (0, false, 8)
        case 0xD4: return (0, true, 1)
        case 0xD5: return (0, true, 2)
        case 0xD6: return (0, true, 4)
        case 0xD7: return (0, true, 8)
        case 0xD8: return (0, true, 16)
        case 0xDC, 0xDE: return (2, false, 0)
        case 0xDD, 0xDF: return (4, false, 0)
        default: return (0, false, 0)
        }
    }

    static func isContainer(_ format: UInt8) -> Bool { (0x80...0x9F).contains(format) || (0xDC...0xDF).contains(format) }

    /// Splits bytes into items; a truncated one keeps what is there.
    public static func parse(_ bytes: [UInt8]) -> [Item] {
        var items: [Item] = []
        var index = 0
        while index < bytes.count {
            let format = bytes[index]
            index += 1
            let shape = layout(format)
            let headerLength = shape.lengthWidth + (shape.extType ? 1 : 0)
            let headerEnd = min(bytes.count, index + headerLength)
            let header = Array(bytes[index..<headerEnd])
            index = headerEnd
            var payloadLength = shape.fixedPayload
            if shape.lengthWidth > 0, !isContainer(format) {
                var length = 0
                for byte in header.prefix(shape.lengthWidth) { length = length << 8 | Int(byte) }
                payloadLength = length
            }
            let payloadEnd = min(bytes.count, index + payloadLength)
            items.append(Item(format: format, header: header, payload: Array(bytes[index..<payloadEnd])))
            index = payloadEnd
        }
        return items
    }

    static let families: [[UInt8]] = [
        [0xC4, 0xC5, 0xC6, 0xD9, 0xDA, 0xDB], [0xC7, 0xC8, 0xC9], [0xD4, 0xD5, 0xD6, 0xD7, 0xD8],
        [0xCC, 0xCD, 0xCE, 0xCF, 0xD0, 0xD1, 0xD2, 0xD3], [0xCA, 0xCB], [0xDC, 0xDD, 0xDE, 0xDF, 0x90, 0x80, 0x9F, 0x8F],
    ]

    /// A fresh item: a timestamp, an ext, a container with a big count, a long string, a scalar at an edge.
    static func fresh(_ random: inout FuzzRandom) -> [UInt8] {
        switch random.below(9) {
        case 0: return [0xD6, 0xFF] + FuzzBytes.big(FuzzBytes.extremes(width: 4, random: &random), width: 4)
        case 1:
            let nanoseconds = UInt64(random.pick([0, 999_999_999, 1_000_000_000, 0x3FFF_FFFF] as [UInt32]))
            let seconds = FuzzBytes.extremes(width: 8, random: &random) & 0x3_FFFF_FFFF
            return [0xD7, 0xFF] + FuzzBytes.big(nanoseconds << 34 | seconds, width: 8)
        case 2:
            let nanoseconds = UInt64(random.pick([0, 999_999_999, 1_000_000_000, 0xFFFF_FFFF] as [UInt32]))
            let edges: [UInt64] = [
                0, 1 << 63, (1 << 63) - 1, UInt64(bitPattern: -62_135_596_800), UInt64(bitPattern: -62_135_596_801),
                253_402_300_799, 253_402_300_800,
            ]
            let seconds = random.pick(edges)
            return [0xC7, 0x0C, 0xFF] + FuzzBytes.big(nanoseconds, width: 4) + FuzzBytes.big(seconds, width: 8)
        case 3: return [random.pick([0xD4, 0xD5, 0xD6, 0xC7] as [UInt8]), UInt8(truncatingIfNeeded: random.below(256)), 0, 0, 0, 0]
        case 4: return [random.pick([0xDC, 0xDD, 0xDE, 0xDF] as [UInt8]), 0xFF, 0xFF, 0xFF, 0xFF]
        case 5:
            let length = random.pick([31, 255, 256, 1000, 3000])
            return [0xDA] + FuzzBytes.big(UInt64(length), width: 2)
                + Array(repeating: random.pick([0x61, 0xFF, 0xC3, 0xED]), count: length)
        case 6:
            return [0xCB] + FuzzBytes.big(random.pick([0x7FF0_0000_0000_0000, 0x7FF8_0000_0000_0001, 0x8000_0000_0000_0000, 1]), width: 8)
        case 7: return [random.pick([0xCF, 0xD3] as [UInt8])] + FuzzBytes.big(FuzzBytes.extremes(width: 8, random: &random), width: 8)
        default: return [random.pick([0xC0, 0xC1, 0xC2, 0xC3, 0x00, 0x7F, 0xE0, 0xFF, 0x90, 0x80, 0xA0] as [UInt8])]
        }
    }

    /// One format-level mutation.
    public static func mutate(_ input: [UInt8], _ random: inout FuzzRandom, maxSize: Int = FuzzMutation.maximumInput) -> [UInt8]? {
        var items = parse(input)
        if items.isEmpty { return fresh(&random) }
        for _ in 0..<(1 + random.below(3)) {
            let at = random.below(items.count)
            switch random.below(9) {
            case 0: if items.count > 1 { items.remove(at: at) }
            case 1: items.insert(items[at], at: at)
            case 2: items.swapAt(at, random.below(items.count))
            case 3, 4: items.insert(contentsOf: parse(fresh(&random)), at: at)
            case 5:  // a length or count to an extreme (or off by one)
                let shape = layout(items[at].format)
                if shape.lengthWidth > 0 {
                    let value =
                        random.oneIn(2)
                        ? FuzzBytes.extremes(width: shape.lengthWidth, random: &random)
                        : UInt64(items[at].payload.count) &+ UInt64(random.below(3)) &- 1
                    items[at].header.replaceSubrange(
                        0..<min(shape.lengthWidth, items[at].header.count), with: FuzzBytes.big(value, width: shape.lengthWidth))
                } else if shape.extType, !items[at].header.isEmpty {
                    items[at].header[0] = random.pick([0xFF, 0x00, 0x7F, 0x80, 0xFE])
                } else {
                    items[at].format ^= UInt8(1 << random.below(5))
                }
            case 6:  // within a family
                if let family = families.first(where: { $0.contains(items[at].format) }) { items[at].format = random.pick(family) }
            case 7:
                let end = min(items.count, at + 1 + random.below(6))
                let span = Array(items[at..<end])
                for _ in 0..<random.pick([2, 10, 100]) { items.insert(contentsOf: span, at: at) }
            default:  // a container header over what follows
                let count = random.pick([1, 2, 15, 16, 100, 65_535] as [Int])
                items.insert(Item(format: 0xDC, header: FuzzBytes.big(UInt64(count), width: 2), payload: []), at: at)
            }
        }
        var out = items.flatMap(\.bytes)
        if out.count > maxSize { out.removeLast(out.count - maxSize) }
        return out
    }
}
