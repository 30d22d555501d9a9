/// Byte-level ASCII checks shared by the codecs' string readers.
package enum ASCII {
    /// Whether every byte is below 0x80: eight at a time, the last few in one load that overlaps
    /// the ones before (every load stays inside `bytes`).
    @inlinable @inline(__always)
    package static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        let count = bytes.count
        if count >= 8 {
            var seen: UInt64 = raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
            var i = 0
            while i + 8 <= count {
                seen |= raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                i += 8
            }
            return seen & 0x8080_8080_8080_8080 == 0
        }
        if count >= 4 {
            let seen = raw.loadUnaligned(as: UInt32.self) | raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
            return seen & 0x8080_8080 == 0
        }
        var seen: UInt8 = 0
        for i in 0..<count { seen |= base[i] }
        return seen < 0x80
    }
}
