/// A `uuid.UUID`: 128 bits, as Flask sessions carry them.
///
/// Python compares UUIDs by their integer value; so does this type. The text forms are Python's:
/// ``description`` is `str(uuid)` (lowercase, dashed) and ``hex`` is `uuid.hex` (32 digits, no dashes).
public struct PythonUUID: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The high 64 bits.
    public let high: UInt64
    /// The low 64 bits.
    public let low: UInt64

    /// A UUID from its two halves.
    ///
    /// - Parameters:
    ///   - high: The first 64 bits (the most significant).
    ///   - low: The last 64 bits.
    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// A UUID from 16 bytes, most significant first (`uuid.UUID(bytes=...)`).
    ///
    /// Fails (is `nil`) unless there are exactly 16 bytes.
    ///
    /// - Parameter bytes: The bytes.
    public init?(bytes: some Collection<UInt8>) {
        guard bytes.count == 16 else { return nil }
        var high: UInt64 = 0
        var low: UInt64 = 0
        for (index, byte) in bytes.enumerated() {
            if index < 8 {
                high = high << 8 | UInt64(byte)  // checked: a byte widens; 8 of them fill 64 bits exactly
            } else {
                low = low << 8 | UInt64(byte)  // checked: a byte widens; 8 of them fill 64 bits exactly
            }
        }
        self.init(high: high, low: low)
    }

    /// A UUID from text, as `uuid.UUID(text)` reads it (Flask's ` u` tag loads UUIDs this way).
    ///
    /// `urn:` and `uuid:` are removed wherever they are, braces stripped from both ends, dashes
    /// removed; then 32 characters that Python's `int(text, 16)` reads (surrounding whitespace, a sign,
    /// a `0x` prefix, single underscores between digits), in 0..<2^128. So the canonical shapes
    /// (32 hex digits, with or without the four dashes of ``description``, in braces, after
    /// `urn:uuid:`) and the odd ones Python also takes.
    ///
    /// Fails (is `nil`) where Python raises `ValueError`.
    ///
    /// - Parameter text: The text.
    public init?(_ text: some StringProtocol) {
        var hex = String(text).replacingAll("urn:", with: "").replacingAll("uuid:", with: "")
        while hex.first == "{" || hex.first == "}" { hex.removeFirst() }
        while hex.last == "{" || hex.last == "}" { hex.removeLast() }
        hex = hex.replacingAll("-", with: "")
        guard hex.unicodeScalars.count == 32, let (negative, digits) = PythonIntText.digits(hex, base: 16) else { return nil }
        var high: UInt64 = 0
        var low: UInt64 = 0
        for nibble in digits {
            // At most 32 characters, so at most 32 digits: 128 bits.
            high = high << 4 | low >> 60  // checked: shifting a 128-bit value held in two words, by 4
            low = low << 4 | UInt64(nibble)  // checked: a nibble widens
        }
        if negative && (high != 0 || low != 0) { return nil }
        self.init(high: high, low: low)
    }

    /// The 16 bytes, most significant first (`uuid.bytes`).
    public var bytes: [UInt8] {
        // checked: shifts of a 64-bit word by multiples of 8 below 64, truncated to a byte on purpose
        (0..<16).map { index in UInt8(truncatingIfNeeded: (index < 8 ? high : low) >> UInt64(56 - 8 * (index % 8))) }
    }

    /// `uuid.hex`: 32 lowercase hex digits.
    public var hex: String { Hex.encode(bytes) }

    /// `str(uuid)`: `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`, lowercase.
    public var description: String {
        let digits = Array(hex.utf8)
        var text = [UInt8]()
        text.reserveCapacity(36)
        for (index, digit) in digits.enumerated() {
            if index == 8 || index == 12 || index == 16 || index == 20 { text.append(UInt8(ascii: "-")) }
            text.append(digit)
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// Orders by the integer value, as Python orders UUIDs.
    public static func < (lhs: PythonUUID, rhs: PythonUUID) -> Bool {
        (lhs.high, lhs.low) < (rhs.high, rhs.low)
    }
}

extension String {
    /// Python's `str.replace(target, replacement)`, by code points.
    fileprivate func replacingAll(_ target: String, with replacement: String) -> String {
        let scalars = Array(unicodeScalars)
        let pattern = Array(target.unicodeScalars)
        guard !pattern.isEmpty else { return self }
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if index + pattern.count <= scalars.count, Array(scalars[index..<(index + pattern.count)]) == pattern {
                result.append(contentsOf: replacement.unicodeScalars)
                index += pattern.count
            } else {
                result.append(scalars[index])
                index += 1
            }
        }
        return String(result)
    }
}
