/// Strings from UTF-8 bytes that came from outside, for the codecs' string readers.
package enum UTF8Text {
    /// The string the bytes spell, or `nil` when they are not valid UTF-8 (which includes
    /// surrogates, which a Swift string cannot hold).
    ///
    /// ASCII is checked eight bytes at a time. ASCII that fits in a small string is copied straight
    /// in: `String(decoding:)` would check it again and take its repairing path, costing twice as
    /// much (valid bytes are never repaired, so both make the same string). Longer text costs
    /// about the same either way.
    ///
    /// - Parameter bytes: The UTF-8.
    /// - Returns: The string, or `nil` for bytes that are not valid UTF-8.
    package static func string(validating bytes: UnsafeBufferPointer<UInt8>) -> String? {
        if ASCII.isASCII(bytes) {
            if bytes.count <= smallStringCapacity {
                return String(unsafeUninitializedCapacity: bytes.count) { text in
                    copySmall(bytes, to: text)
                    return bytes.count
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    /// Copies at most 16 bytes into `target` (as long as `source`): two loads and two stores that
    /// may overlap, or a few single bytes, instead of a call to `memcpy`.
    @inline(__always)
    private static func copySmall(_ source: UnsafeBufferPointer<UInt8>, to target: UnsafeMutableBufferPointer<UInt8>) {
        let count = source.count
        guard count <= target.count, count <= 16, let from = source.baseAddress, let to = target.baseAddress else {
            _ = target.initialize(fromContentsOf: source)
            return
        }
        let load = UnsafeRawPointer(from)
        let store = UnsafeMutableRawPointer(to)
        if count >= 8 {
            let head = load.loadUnaligned(as: UInt64.self)
            let tail = load.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
            store.storeBytes(of: head, as: UInt64.self)
            store.storeBytes(of: tail, toByteOffset: count - 8, as: UInt64.self)
        } else if count >= 4 {
            let head = load.loadUnaligned(as: UInt32.self)
            let tail = load.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
            store.storeBytes(of: head, as: UInt32.self)
            store.storeBytes(of: tail, toByteOffset: count - 4, as: UInt32.self)
        } else {
            for i in 0..<count { to[i] = from[i] }
        }
    }

    /// The most UTF-8 bytes a Swift string keeps inline, without an allocation, on 64-bit platforms.
    private static let smallStringCapacity = 15
}
