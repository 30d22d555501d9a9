@preconcurrency import Crypto

/// The least any reader must do for a cookie: base64-decode its MAC and values and compute the
/// HMAC-SHA1 over its items (a keyed HMAC copied per cookie, a tight base64 decoder into one buffer).
struct Floor {
    let keyed: HMAC<Insecure.SHA1>
    private static let table: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (index, character) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
            table[Int(character)] = UInt8(index)
        }
        return table
    }()

    init(secret: [UInt8]) { keyed = HMAC(key: SymmetricKey(data: secret)) }

    /// Verifies and decodes one cookie's bytes; returns the number of decoded bytes (so nothing is optimised away).
    func run(_ cookie: [UInt8], scratch: inout [UInt8]) -> Int {
        guard let question = cookie.firstIndex(of: UInt8(ascii: "?")) else { return 0 }
        var hmac = keyed
        scratch.removeAll(keepingCapacity: true)
        Self.decode(cookie[..<question], into: &scratch)
        let macLength = scratch.count
        var start = question + 1
        cookie.withUnsafeBytes { raw in
            while start < cookie.count {
                var end = start
                while end < cookie.count && cookie[end] != UInt8(ascii: "&") { end += 1 }
                hmac.update(data: [UInt8(ascii: "|")])
                hmac.update(data: UnsafeRawBufferPointer(rebasing: raw[start..<end]))
                var equals = start
                while equals < end && cookie[equals] != UInt8(ascii: "=") { equals += 1 }
                Self.decode(cookie[(equals + 1)..<end], into: &scratch)
                start = end + 1
            }
        }
        let valid = scratch.withUnsafeBytes { hmac.finalize() == UnsafeRawBufferPointer(rebasing: $0[..<macLength]) }
        return valid ? scratch.count : -scratch.count
    }

    static func decode(_ text: ArraySlice<UInt8>, into output: inout [UInt8]) {
        table.withUnsafeBufferPointer { table in
            var accumulator: UInt32 = 0
            var bits = 0
            for character in text where character != UInt8(ascii: "=") {
                accumulator = accumulator << 6 | UInt32(table[Int(character)] & 0x3F)
                bits += 6
                if bits >= 8 {
                    bits -= 8
                    output.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
                }
            }
        }
    }
}
