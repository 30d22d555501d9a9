/// URL-safe base64 (RFC 4648 `-_` alphabet) without padding, as itsdangerous writes it, and read as
/// itsdangerous reads it (`base64_decode`: padding added, then Python's lenient `a2b_base64`).
package enum Base64URL {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
    /// Both alphabets: itsdangerous translates `-_` to `+/` and Python then reads either.
    private static let urlSafeTable: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (index, character) in alphabet.enumerated() { table[Int(character)] = UInt8(index) }  // checked: 64 entries: index below 64
        table[Int(UInt8(ascii: "+"))] = 62  // checked: an ASCII byte indexes a 256-entry table
        table[Int(UInt8(ascii: "/"))] = 63  // checked: an ASCII byte indexes a 256-entry table
        return table
    }()

    /// The unpadded URL-safe base64 text of some bytes, appended to `output`.
    package static func encode(_ bytes: some Collection<UInt8>, into output: inout [UInt8]) {
        var standard: [UInt8] = []
        Base64.encode(bytes, into: &standard)
        for character in standard {
            switch character {
            case UInt8(ascii: "+"): output.append(UInt8(ascii: "-"))
            case UInt8(ascii: "/"): output.append(UInt8(ascii: "_"))
            case UInt8(ascii: "="): continue
            default: output.append(character)
            }
        }
    }

    /// The unpadded URL-safe base64 text of some bytes.
    package static func encode(_ bytes: some Collection<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        encode(bytes, into: &output)
        return output
    }

    /// Decodes as itsdangerous' `base64_decode` does: `=` added to a multiple of four characters, then
    /// CPython's non-strict `binascii.a2b_base64`: characters outside both alphabets are skipped, a
    /// padding run ends the data once it completes a quad, and a dangling character is an error.
    ///
    /// - Returns: `nil` where Python raises (`BadData`).
    package static func decode(_ text: some Collection<UInt8>) -> [UInt8]? {
        // What itsdangerous writes (URL-safe characters only, no padding) is decoded in one pass; anything
        // else takes the step-by-step path that follows CPython's decoder exactly.
        if let fast = text.withContiguousStorageIfAvailable({ decodeUnpadded($0) }), let fast { return fast }
        return decodeLikePython(text, table: urlSafeTable, padding: (4 - text.count % 4) % 4)
    }

    /// Unpadded URL-safe base64 (`-_` only, a length not 1 more than a multiple of 4), or `nil` for
    /// anything else. The unused low bits of the last character are ignored, as Python ignores them.
    private static func decodeUnpadded(_ text: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        let count = text.count
        guard count % 4 != 1 else { return nil }
        let table = urlOnlyTable
        var output = [UInt8](repeating: 0, count: count / 4 * 3 + (count % 4 == 0 ? 0 : count % 4 - 1))
        let valid = table.withUnsafeBufferPointer { table -> Bool in
            output.withUnsafeMutableBufferPointer { out -> Bool in
                var input = 0
                var written = 0
                var bad: UInt8 = 0
                while input + 4 <= count {
                    let v0 = table[Int(text[input])]  // checked: a byte index into a 256-entry table
                    let v1 = table[Int(text[input + 1])]  // checked: a byte index into a 256-entry table
                    let v2 = table[Int(text[input + 2])]  // checked: a byte index into a 256-entry table
                    let v3 = table[Int(text[input + 3])]  // checked: a byte index into a 256-entry table
                    bad |= v0 | v1 | v2 | v3
                    out[written] = v0 << 2 | v1 >> 4  // checked: 6-bit values, bits past a byte dropped on purpose
                    out[written + 1] = v1 << 4 | v2 >> 2  // checked: 6-bit values, bits past a byte dropped on purpose
                    out[written + 2] = v2 << 6 | v3  // checked: 6-bit values, bits past a byte dropped on purpose
                    input += 4
                    written += 3
                }
                let rest = count - input
                if rest >= 2 {
                    let v0 = table[Int(text[input])]  // checked: a byte index into a 256-entry table
                    let v1 = table[Int(text[input + 1])]  // checked: a byte index into a 256-entry table
                    bad |= v0 | v1
                    out[written] = v0 << 2 | v1 >> 4  // checked: 6-bit values, bits past a byte dropped on purpose
                    if rest == 3 {
                        let v2 = table[Int(text[input + 2])]  // checked: a byte index into a 256-entry table
                        bad |= v2
                        out[written + 1] = v1 << 4 | v2 >> 2  // checked: 6-bit values, bits past a byte dropped on purpose
                    }
                }
                return bad & 0xC0 == 0
            }
        }
        return valid ? output : nil
    }

    /// The URL-safe alphabet alone (`+`, `/` and `=` are invalid: they take the step-by-step path).
    private static let urlOnlyTable: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (index, character) in alphabet.enumerated() { table[Int(character)] = UInt8(index) }  // checked: 64 entries: index below 64
        return table
    }()

    /// Decodes as Python's `base64.b64decode(text)` does (standard alphabet, not validated): characters
    /// outside `A-Za-z0-9+/=` are skipped, no padding is added.
    ///
    /// - Returns: `nil` where Python raises (`binascii.Error`).
    package static func decodeStandardLikePython(_ text: some Collection<UInt8>) -> [UInt8]? {
        decodeLikePython(text, table: standardTable, padding: 0)
    }

    private static let standardTable: [UInt8] = {
        var table = urlSafeTable
        table[Int(UInt8(ascii: "-"))] = 0xFF  // checked: an ASCII byte indexes a 256-entry table
        table[Int(UInt8(ascii: "_"))] = 0xFF  // checked: an ASCII byte indexes a 256-entry table
        return table
    }()

    /// CPython's non-strict `a2b_base64` over `text` and then `padding` more `=`.
    private static func decodeLikePython(_ text: some Collection<UInt8>, table decodeTable: [UInt8], padding: Int) -> [UInt8]? {
        var output: [UInt8] = []
        output.reserveCapacity(text.count / 4 * 3 + 3)
        var quad = 0
        var pads = 0
        var left: UInt8 = 0
        var finished = false
        func feed(_ character: UInt8) {
            if character == UInt8(ascii: "=") {
                if quad >= 2 {
                    pads += 1
                    if quad + pads >= 4 { finished = true }
                }
                return
            }
            let value = decodeTable[Int(character)]  // checked: a byte index into a 256-entry table
            guard value < 64 else { return }
            pads = 0
            switch quad {
            case 0:
                left = value
                quad = 1
            case 1:
                output.append(left << 2 | value >> 4)  // checked: 6-bit values, bits past a byte dropped on purpose
                left = value & 0x0F
                quad = 2
            case 2:
                output.append(left << 4 | value >> 2)  // checked: 6-bit values, bits past a byte dropped on purpose
                left = value & 0x03
                quad = 3
            default:
                output.append(left << 6 | value)  // checked: 6-bit values, bits past a byte dropped on purpose
                quad = 0
            }
        }
        for character in text {
            feed(character)
            if finished { return output }
        }
        for _ in 0..<padding {
            feed(UInt8(ascii: "="))
            if finished { return output }
        }
        return quad == 0 ? output : nil
    }
}
