@preconcurrency import Crypto

/// The least any reader must do for a cookie: base64-decode its MAC and values and compute the
/// HMAC-SHA1 over its items — SHA-1 states keyed once (inner and outer) and copied per cookie, fed
/// through `update(bufferPointer:)`, a tight base64 decoder (four characters to three bytes, no
/// validation) into one reused buffer.
struct Floor {
    let inner: Insecure.SHA1
    let outer: Insecure.SHA1
    private static let separator: [UInt8] = [UInt8(ascii: "|")]
    private static let table: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 256)
        for (index, character) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
            table[Int(character)] = UInt8(index)
        }
        return table
    }()

    /// HMAC keying (RFC 2104) for a key of at most one block (64 bytes).
    init(secret: [UInt8]) {
        precondition(secret.count <= Insecure.SHA1.blockByteCount, "the floor takes keys of at most one block")
        let block = secret + [UInt8](repeating: 0, count: Insecure.SHA1.blockByteCount - secret.count)
        var inner = Insecure.SHA1()
        inner.update(data: block.map { $0 ^ 0x36 })
        var outer = Insecure.SHA1()
        outer.update(data: block.map { $0 ^ 0x5C })
        self.inner = inner
        self.outer = outer
    }

    /// Verifies and decodes one cookie's bytes; returns the number of decoded bytes, negative when the
    /// MAC does not match (so nothing is optimised away).
    func run(_ cookie: [UInt8], scratch: inout [UInt8]) -> Int {
        if scratch.count < cookie.count { scratch = [UInt8](repeating: 0, count: cookie.count) }
        return cookie.withUnsafeBytes { text in
            scratch.withUnsafeMutableBytes { output in
                Self.table.withUnsafeBytes { table in
                    guard let question = text.firstIndex(of: UInt8(ascii: "?")) else { return 0 }
                    var hmac = inner
                    let macLength = Self.decode(text, 0..<question, table, output, at: 0)
                    var written = macLength
                    var start = question + 1
                    while start < text.count {
                        var end = start
                        var equals = -1
                        while end < text.count && text[end] != UInt8(ascii: "&") {
                            if equals < 0 && text[end] == UInt8(ascii: "=") { equals = end }
                            end += 1
                        }
                        Self.separator.withUnsafeBytes { hmac.update(bufferPointer: $0) }
                        hmac.update(bufferPointer: UnsafeRawBufferPointer(rebasing: text[start..<end]))
                        written += Self.decode(text, (equals + 1)..<end, table, output, at: written)
                        start = end + 1
                    }
                    var outerHash = outer
                    hmac.finalize().withUnsafeBytes { outerHash.update(bufferPointer: $0) }
                    let valid = outerHash.finalize().withUnsafeBytes {
                        $0.elementsEqual(UnsafeRawBufferPointer(rebasing: output[..<macLength]))
                    }
                    return valid ? written : -written
                }
            }
        }
    }

    /// Decodes `text[range]` (length a multiple of four) to `output[at...]`; returns the bytes written.
    @inline(__always)
    static func decode(
        _ text: UnsafeRawBufferPointer, _ range: Range<Int>, _ table: UnsafeRawBufferPointer,
        _ output: UnsafeMutableRawBufferPointer, at offset: Int
    ) -> Int {
        var out = offset
        var index = range.lowerBound
        while index + 4 <= range.upperBound {
            let word =
                UInt32(table[Int(text[index])]) << 18 | UInt32(table[Int(text[index + 1])]) << 12
                | UInt32(table[Int(text[index + 2])]) << 6 | UInt32(table[Int(text[index + 3])])
            output[out] = UInt8(truncatingIfNeeded: word >> 16)
            output[out + 1] = UInt8(truncatingIfNeeded: word >> 8)
            output[out + 2] = UInt8(truncatingIfNeeded: word)
            out += 3
            index += 4
        }
        var padding = 0
        if range.count >= 1 && text[range.upperBound - 1] == UInt8(ascii: "=") { padding += 1 }
        if range.count >= 2 && text[range.upperBound - 2] == UInt8(ascii: "=") { padding += 1 }
        return out - offset - padding
    }
}
