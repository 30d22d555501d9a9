import SecureCookie
import SecureCookieJSON

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The checks every fuzz target makes on what a codec accepted: a finding aborts the process, so
/// libFuzzer saves the input.
///
/// - decoding, re-serializing and reading tagged JSON throw only ``SecureCookieError``;
/// - a value within ``SecureCookieLimits/maximumMaterializedBytes`` (what the cookie path accepts)
///   has at most ``SecureCookieLimits/maximumNodes`` nodes and depth ``SecureCookieLimits/maximumDepth``
///   once shared references are followed (with slack for how a codec counts);
/// - its tagged JSON is written or refused typed, and is no longer than 6 bytes per materialized
///   byte (the longest escape) plus ``bytesPerNode`` per node;
/// - tagged JSON read back gives the same tagged JSON.
public enum FuzzOracle {
    /// The limits every target decodes with.
    public static let limits = SecureCookieLimits.default

    /// Limits drawn from the input's bytes (FNV-1a, so a finding replays with the same limits): what
    /// the targets that have two paths compare them at, as well as at ``limits``, since a limit one
    /// path checks earlier or later than the other is a disagreement default limits never reach.
    ///
    /// - Parameter bytes: The input.
    /// - Returns: Depth 1...100, nodes 1...2,000, value bytes 16...65,536, materialized bytes 0...4,096.
    public static func randomLimits(for bytes: [UInt8]) -> SecureCookieLimits {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }  // checked: a byte widens
        func draw(_ range: ClosedRange<Int>) -> Int {
            hash = hash &* 0x5851_F42D_4C95_7F2D &+ 1_442_695_040_888_963_407
            let width = UInt64(range.upperBound - range.lowerBound + 1)  // checked: small constant ranges
            return range.lowerBound + Int((hash >> 33) % width)  // checked: below the range's width
        }
        return SecureCookieLimits(
            maximumDepth: draw(1...100), maximumNodes: draw(1...2_000), maximumValueBytes: draw(16...65_536),
            maximumMaterializedBytes: draw(0...4_096))
    }
    /// The most tagged-JSON bytes one node may cost besides its materialized bytes: a tag, a
    /// datetime's `isoformat()`, a complex's two floats.
    public static let bytesPerNode = 128

    /// Whether two values are the same Python value, bit for bit: floats by bit pattern (any NaN
    /// equals any NaN), containers item by item in order, the rest by tagged JSON. A value whose
    /// tagged JSON is refused (an int past 4300 digits) is compared by that refusal's absence.
    ///
    /// - Parameters:
    ///   - a: One value.
    ///   - b: The other.
    /// - Returns: Whether they are identical.
    public static func identical(_ a: PythonValue, _ b: PythonValue) -> Bool {
        switch (a, b) {
        case (.float(let x), .float(let y)): return x.bitPattern == y.bitPattern || (x.isNaN && y.isNaN)
        case (.list(let x), .list(let y)), (.tuple(let x), .tuple(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { identical($0, $1) }
        case (.dict(let x), .dict(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { identical($0.key, $1.key) && identical($0.value, $1.value) }
        default: return (try? TaggedJSON.encode(a)) == (try? TaggedJSON.encode(b))
        }
    }

    /// Reports a finding and aborts.
    public static func fail(_ message: String) -> Never {
        let line = Array("==FUZZ FINDING== \(message)\n".utf8)
        _ = line.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
        abort()
    }

    /// A thrown error must be the typed ``SecureCookieError``.
    public static func expectTyped(_ error: any Error, _ what: String) {
        guard error is SecureCookieError else { fail("\(what) threw \(type(of: error)), not SecureCookieError") }
    }

    /// Runs `body`; a non-``SecureCookieError`` error is a finding; returns nil for a typed one.
    public static func attempt<T>(_ what: String, _ body: () throws -> T) -> T? {
        do { return try body() } catch {
            expectTyped(error, what)
            return nil
        }
    }

    /// Checks a value a codec accepted; `dumps` re-serializes it with the same codec.
    ///
    /// - Returns: Its tagged JSON, or nil when the cookie path would refuse it for its size (or tagged
    ///   JSON refuses it, typed).
    @discardableResult
    public static func check(_ value: PythonValue, what: String, dumps: (PythonValue) throws -> [UInt8]) -> String? {
        guard attempt("\(what): checkMaterializedSize", { try value.checkMaterializedSize(limits) }) != nil else {
            return nil
        }
        var tally = FuzzTally(nodeCap: limits.maximumNodes * 4)
        tally.walk(value, depth: 1)
        if tally.nodes > limits.maximumNodes * 2 {
            fail("\(what): accepted a value of more than \(tally.nodes) nodes (limit \(limits.maximumNodes))")
        }
        if tally.depth > limits.maximumDepth + 1 {
            fail("\(what): accepted a value of depth \(tally.depth) (limit \(limits.maximumDepth))")
        }
        // Tagged JSON refuses an int past 4300 digits as Python's str() does: a typed error, as decode prints it.
        guard let text = attempt("\(what): tagged JSON", { try TaggedJSON.encode(value) }) else { return nil }
        let bound = 6 * tally.bytes + bytesPerNode * tally.nodes
        if text.utf8.count > bound {
            fail("\(what): tagged JSON of \(text.utf8.count) bytes for \(tally.nodes) nodes and \(tally.bytes) bytes (bound \(bound))")
        }
        do {
            let again = try TaggedJSON.decode(text, limits: limits)
            let second = try TaggedJSON.encode(again)
            if second != text { fail("\(what): tagged JSON read back differs: \(text.prefix(300)) vs \(second.prefix(300))") }
        } catch {
            fail("\(what): its own tagged JSON does not read back: \(error) — \(text.prefix(300))")
        }
        _ = attempt("\(what): dumps") { try dumps(value) }
        return text
    }

    /// The longest output an inspector may write for one input: the materialized budget, escaped,
    /// plus every node.
    public static var inspectBound: Int { 6 * limits.maximumMaterializedBytes + bytesPerNode * limits.maximumNodes }
}

/// Counts the nodes, depth and materialized bytes of a value, following shared references, and
/// stops at a cap (so a shared-reference bomb costs at most the cap).
public struct FuzzTally {
    /// Where counting stops.
    public let nodeCap: Int
    /// Nodes seen.
    public private(set) var nodes = 0
    /// The deepest level seen.
    public private(set) var depth = 0
    /// The UTF-8 bytes of strs and Markup, the bytes of bytes, the digits of big ints and Decimals.
    public private(set) var bytes = 0

    /// A tally that stops at `nodeCap` nodes.
    public init(nodeCap: Int) { self.nodeCap = nodeCap }

    /// Counts `value` at `level`.
    public mutating func walk(_ value: PythonValue, depth level: Int) {
        guard nodes <= nodeCap else { return }
        nodes += 1
        depth = max(depth, level)
        switch value {
        case .none, .bool, .int, .float, .complex, .date, .time, .timedelta, .datetime, .uuid: return
        case .bigInt(let integer): bytes += integer.decimalDigitBound
        case .decimal(let decimal): bytes += String(describing: decimal).utf8.count
        case .str(let text), .markup(let text): bytes += text.utf8.count
        case .bytes(let data), .bytearray(let data): bytes += data.count
        case .list(let items), .tuple(let items): for item in items { walk(item, depth: level + 1) }
        case .dict(let dict):
            for (key, item) in dict {
                walk(key, depth: level + 1)
                walk(item, depth: level + 1)
            }
        case .set(let set), .frozenset(let set): for item in set { walk(item, depth: level + 1) }
        }
    }
}
