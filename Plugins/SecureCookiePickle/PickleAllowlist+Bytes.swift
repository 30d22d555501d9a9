import SecureCookie

extension PickleAllowlist.Builder {
    /// `bytes(...)` / `bytearray(...)`: no argument, a count of zero bytes, bytes, an iterable of
    /// ints in `range(256)`, or `(str, encoding[, errors])`, as CPython 3.11 reads them.
    func byteString() throws -> [UInt8] {
        guard arguments.count <= 3 else { throw bad("takes at most 3 arguments, got \(arguments.count)") }
        guard let first = arguments.first else { return [] }
        if arguments.count >= 2 {
            guard let text = try text(first) else { throw bad("encoding without a string argument") }
            return try encode(text, encodingArgument: arguments[1], errorsArgument: arguments.count == 3 ? arguments[2] : nil)
        }
        switch try decoded(first) {
        case .value(.bytes(let bytes)), .value(.bytearray(let bytes)): return bytes
        case .value(.str): throw bad("string argument without an encoding")
        case .value(.int(let count)):
            guard count >= 0 else { throw bad("negative count") }
            guard count <= limits.maximumValueBytes, count <= budgetLeft else {
                throw SecureCookieError.limitExceeded(
                    .valueBytes,
                    "\(global.name)() of \(count) zero bytes exceeds \(Swift.min(limits.maximumValueBytes, budgetLeft)) "
                        + "(\(PickleOpcode.name(reader.opcode)) at offset \(reader.opcodeOffset))")
            }
            return [UInt8](repeating: 0, count: count)
        case .value(.bool(let flag)): return flag ? [0] : []
        case .value(.bigInt): throw bad("cannot fit an int of more than 64 bits into an index-sized integer")
        case let item:
            guard let elements = try elements(item) else { throw bad("cannot convert a \(item.typeName) to bytes") }
            return try elements.map { element in
                guard let value = Self.integer(element) else { throw bad("needs ints, not \(element.typeName)") }
                guard (0...255).contains(value) else { throw bad("bytes must be in range(0, 256)") }
                return UInt8(value)  // checked: range-checked 0...255 just above
            }
        }
    }

    /// `_codecs.encode(obj, encoding='utf-8', errors='strict')`, for str objects and the text encodings
    /// the codec knows (UTF-8, Latin-1, ASCII under every alias Python has for them).
    func codecsEncode() throws -> [UInt8] {
        guard (1...3).contains(arguments.count) else { throw bad("takes 1 to 3 arguments, got \(arguments.count)") }
        guard let text = try text(arguments[0]) else { throw bad("needs a str to encode, not \(arguments[0].typeName)") }
        return try encode(
            text, encodingArgument: arguments.count >= 2 ? arguments[1] : nil,
            errorsArgument: arguments.count == 3 ? arguments[2] : nil)
    }

    private func encode(_ text: String, encodingArgument: PickleItem?, errorsArgument: PickleItem?) throws -> [UInt8] {
        var encodingName = "utf-8"
        if let encodingArgument {
            guard let name = try self.text(encodingArgument) else {
                throw bad("the encoding must be a str, not \(encodingArgument.typeName)")
            }
            encodingName = name
        }
        var errors = "strict"
        if let errorsArgument {
            guard let name = try self.text(errorsArgument) else {
                throw bad("the errors argument must be a str, not \(errorsArgument.typeName)")
            }
            errors = name
        }
        guard let encoding = Self.textEncoding(encodingName) else {
            throw bad("an encoding name of \(encodingName.utf8.count) bytes is not UTF-8, Latin-1 or ASCII")
        }
        let highest: UInt32 = encoding == .latin1 ? 0xFF : 0x7F
        if encoding == .utf8 || text.unicodeScalars.allSatisfy({ $0.value <= highest }) {
            return encoding == .latin1 ? text.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) } : Array(text.utf8)
        }
        var bytes: [UInt8] = []
        for scalar in text.unicodeScalars {
            if scalar.value <= highest {
                bytes.append(UInt8(truncatingIfNeeded: scalar.value))
                continue
            }
            switch errors {
            case "ignore": continue
            case "replace": bytes.append(UInt8(ascii: "?"))
            case "xmlcharrefreplace": bytes += Array("&#\(scalar.value);".utf8)
            case "backslashreplace": bytes += Self.backslashEscape(scalar)
            case "namereplace":
                if let name = scalar.properties.name {
                    bytes += Array("\\N{\(name)}".utf8)
                } else {
                    bytes += Self.backslashEscape(scalar)
                }
            case "strict", "surrogateescape", "surrogatepass":
                throw bad("the \(encoding) codec cannot encode a character of the str")
            default: throw bad("an unknown error handler (\(errors.utf8.count) bytes)")
            }
        }
        return bytes
    }

    /// `\xNN`, `\uNNNN` or `\UNNNNNNNN`, as the `backslashreplace` handler writes a character.
    private static func backslashEscape(_ scalar: Unicode.Scalar) -> [UInt8] {
        let (prefix, width) = scalar.value < 0x100 ? ("\\x", 2) : scalar.value < 0x10000 ? ("\\u", 4) : ("\\U", 8)
        let hex = String(scalar.value, radix: 16)
        return Array((prefix + String(repeating: "0", count: Swift.max(0, width - hex.utf8.count)) + hex).utf8)
    }

    enum TextEncoding: String, CustomStringConvertible {
        case utf8 = "utf-8"
        case latin1 = "latin-1"
        case ascii
        var description: String { "'\(rawValue)'" }
    }

    /// An encoding name as `codecs.lookup` reads it: lower-cased, normalised as
    /// `encodings.normalize_encoding` does (each run of characters other than ASCII letters, digits
    /// and `.` becomes one `_`, none at either end), then looked up among `encodings.aliases`. A name
    /// holding NUL is no encoding (CPython's `ValueError: embedded null character`).
    static func textEncoding(_ name: String) -> TextEncoding? {
        // CPython refuses a name holding NUL before looking it up ("embedded null character").
        guard !name.unicodeScalars.contains("\u{0}") else { return nil }
        var normal = ""
        var punctuation = false
        for scalar in name.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar == "." {
                if punctuation, !normal.isEmpty { normal += "_" }
                if scalar.isASCII { normal.unicodeScalars.append(scalar) }
                punctuation = false
            } else {
                punctuation = true
            }
        }
        let module = aliases[normal] ?? aliases[normal.replacingOccurrences(of: ".", with: "_")] ?? normal
        switch module {
        case "utf_8": return .utf8
        case "latin_1": return .latin1
        case "ascii": return .ascii
        default: return nil
        }
    }

    /// CPython 3.11's `encodings.aliases` entries for the three encodings.
    private static let aliases: [String: String] = {
        var table: [String: String] = [:]
        for name in ["cp65001", "u8", "utf", "utf8", "utf8_ucs2", "utf8_ucs4"] { table[name] = "utf_8" }
        for name in [
            "8859", "cp819", "csisolatin1", "ibm819", "iso8859", "iso8859_1", "iso_8859_1", "iso_8859_1_1987", "iso_ir_100",
            "l1", "latin", "latin1",
        ] { table[name] = "latin_1" }
        for name in [
            "646", "ansi_x3.4_1968", "ansi_x3.4_1986", "ansi_x3_4_1968", "cp367", "csascii", "ibm367", "iso646_us",
            "iso_646.irv_1991", "iso_ir_6", "us", "us_ascii",
        ] { table[name] = "ascii" }
        return table
    }()
}
