import SecureCookie

/// The JSON writer's buffer and primitives, laid out as Python's `json` encoder (`_json.c`) writes them.
///
/// ``JSONText/write(_:options:)`` (`json.dumps`) and ``TaggedJSON`` both write through these.
internal struct JSONOutput: ~Copyable {
    /// The text so far.
    internal var bytes: OutputBuffer
    internal let options: JSONText.WriteOptions
    private let itemSeparator: [UInt8]
    private let keySeparator: [UInt8]

    private static let hexDigits: StaticString = "0123456789abcdef"

    /// Creates a writer that appends to `bytes`.
    internal init(options: JSONText.WriteOptions, appendingTo bytes: consuming OutputBuffer = OutputBuffer(capacity: 64)) {
        self.options = options
        itemSeparator = Array(options.itemSeparator.utf8)
        keySeparator = Array(options.keySeparator.utf8)
        self.bytes = bytes
    }

    /// The buffer, with everything written appended.
    internal consuming func finish() -> OutputBuffer { bytes }

    internal mutating func raw(_ text: StaticString) { bytes.append(text) }

    internal mutating func raw(_ text: String) { bytes.append(utf8Of: text) }

    internal mutating func byte(_ byte: UInt8) { bytes.append(byte) }

    internal mutating func itemSeparatorText() { bytes.append(contentsOf: itemSeparator) }

    internal mutating func keySeparatorText() { bytes.append(contentsOf: keySeparator) }

    /// Checks the nesting bound before opening a container at `depth` (1 for the outermost).
    internal func check(depth: Int) throws {
        if let maximum = options.maximumDepth, depth > maximum {
            throw SecureCookieError.unrepresentable("value nested more than \(maximum) levels deep")
        }
    }

    /// A string literal: `"`, `\\`, `\b \f \n \r \t`, other controls and U+0085, U+2028, U+2029 escaped; with
    /// ``JSONText/WriteOptions/asciiOnly``, everything outside U+0020...U+007E as `\uXXXX`
    /// (lower-case hex, astral characters as surrogate pairs), as `ensure_ascii=True` writes.
    internal mutating func string(_ string: String) {
        let written: Void? = string.utf8.withContiguousStorageIfAvailable { self.string(utf8: $0) }
        if written == nil {
            var copy = string
            copy.withUTF8 { self.string(utf8: $0) }
        }
    }

    private mutating func string(utf8: UnsafeBufferPointer<UInt8>) {
        bytes.append(UInt8(ascii: "\""))
        let asciiOnly = options.asciiOnly
        var index = 0
        while index < utf8.count {
            // A run that needs no escaping is copied in one go.
            let runStart = index
            // Outside ASCII mode, multi-byte characters are copied too, except those whose lead byte may
            // start a line break `str.splitlines()` splits on (U+0085 is C2 85, U+2028/U+2029 E2 80 A8/A9).
            while index < utf8.count,
                Self.isPlain(utf8[index]) || (!asciiOnly && utf8[index] >= 0x7F && utf8[index] != 0xC2 && utf8[index] != 0xE2)
            {
                index += 1
            }
            if index > runStart { bytes.append(UnsafeBufferPointer(rebasing: utf8[runStart..<index])) }
            guard index < utf8.count else { break }
            let byte = utf8[index]
            if byte == 0x22 || byte == 0x5C {
                bytes.append(UInt8(ascii: "\\"))
                bytes.append(byte)
                index += 1
            } else if byte < 0x20 {
                if let short = Self.shortEscape(UInt32(byte)) {  // checked: UInt8 widens to UInt32
                    bytes.append(UInt8(ascii: "\\"))
                    bytes.append(short)
                } else {
                    unicodeEscape(UInt32(byte))  // checked: UInt8 widens to UInt32
                }
                index += 1
            } else if byte == 0x7F {
                unicodeEscape(0x7F)
                index += 1
            } else {
                // A Swift string is valid UTF-8: decode one scalar of two, three or four bytes.
                let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                var value = UInt32(byte) & (length == 4 ? 0x07 : length == 3 ? 0x0F : 0x1F)  // checked: UInt8 widens to UInt32
                for offset in 1..<length where index + offset < utf8.count {
                    value = value << 6 | UInt32(utf8[index + offset] & 0x3F)  // checked: at most 21 bits of a UTF-8 scalar
                }
                if !asciiOnly && !Self.isLineBreak(value) {
                    bytes.append(UnsafeBufferPointer(rebasing: utf8[index..<min(index + length, utf8.count)]))
                    index += length
                    continue
                }
                index += length
                if value >= 0x10000 {
                    let reduced = value - 0x10000
                    unicodeEscape(0xD800 | (reduced >> 10))  // checked: reduced is below 0x100000
                    unicodeEscape(0xDC00 | (reduced & 0x3FF))
                } else {
                    unicodeEscape(value)
                }
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// U+0085, U+2028 and U+2029: line breaks for `str.splitlines()` that `ensure_ascii=False` would
    /// write raw; escaped in every mode, so one JSON document is always one line to a Python reader
    /// (the others it splits on, `\n \r \x0b \x0c \x1c \x1d \x1e`, are controls, always escaped).
    @inline(__always)
    private static func isLineBreak(_ scalar: UInt32) -> Bool {
        scalar == 0x85 || scalar == 0x2028 || scalar == 0x2029
    }

    /// Printable ASCII other than `"` and `\\`: written as it is in every mode.
    @inline(__always)
    private static func isPlain(_ byte: UInt8) -> Bool {
        byte >= 0x20 && byte < 0x7F && byte != 0x22 && byte != 0x5C
    }

    private static func shortEscape(_ value: UInt32) -> UInt8? {
        switch value {
        case 0x08: return UInt8(ascii: "b")
        case 0x0C: return UInt8(ascii: "f")
        case 0x0A: return UInt8(ascii: "n")
        case 0x0D: return UInt8(ascii: "r")
        case 0x09: return UInt8(ascii: "t")
        default: return nil
        }
    }

    private mutating func unicodeEscape(_ unit: UInt32) {
        bytes.append(UInt8(ascii: "\\"), UInt8(ascii: "u"))
        for shift in stride(from: 12, through: 0, by: -4) {
            bytes.append(Self.hexDigits.utf8Start[Int((unit >> UInt32(shift)) & 0xF)])  // checked: a 4-bit index
        }
    }

    /// A float as `json.dumps` writes it: `float.__repr__`, or `NaN`, `Infinity`, `-Infinity`.
    internal mutating func float(_ value: Double) {
        if value.isNaN {
            raw("NaN")
        } else if value.isInfinite {
            raw(value < 0 ? "-Infinity" : "Infinity")
        } else {
            PythonFloatRepr.append(value, to: &bytes)
        }
    }

    /// The text `json.dumps` writes for a float, also used for float dict keys.
    internal static func floatText(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        return PythonFloatRepr.repr(value)
    }

    /// An integer in decimal.
    internal mutating func integer(_ value: Int) { bytes.appendDecimal(value) }
}
