import CZlib
import SecureCookie

/// zlib as itsdangerous uses it: `zlib.compress(data)` (level 6, zlib header) and a bounded
/// `zlib.decompress`. C types stay in this file.
internal enum Zlib {
    /// `zlib.compress(bytes)`: the same library and parameters as CPython, so the same bytes.
    ///
    /// - Returns: `nil` if zlib fails (it does not for in-memory input that fits its bound).
    static func compress(_ bytes: [UInt8]) -> [UInt8]? {
        let bound = compressBound(uLong(bytes.count))  // checked: a cookie's JSON is far below uLong's range
        var output = [UInt8](repeating: 0, count: Int(bound))  // checked: compressBound of a small input
        var written = bound
        let status = output.withUnsafeMutableBufferPointer { out in
            bytes.withUnsafeBufferPointer { input in
                // checked: a cookie's JSON is far below uLong's range
                compress2(out.baseAddress, &written, input.baseAddress, uLong(input.count), 6)
            }
        }
        guard status == Z_OK else { return nil }
        output.removeSubrange(Int(written)...)  // checked: at most the bound zlib was given
        return output
    }

    /// `zlib.decompress(bytes)`, stopping as soon as the output passes `maximum` bytes.
    ///
    /// - Throws: ``SecureCookieError/Kind/limitExceeded`` (``SecureCookieError/Limit/materializedBytes``) past
    ///   `maximum`, at once, without inflating the rest; ``SecureCookieError/Kind/undecodable`` for data zlib
    ///   refuses or data that ends early (Python's `zlib.error`). Bytes after the end of the stream are
    ///   ignored, as `zlib.decompress` ignores them.
    static func decompress(_ bytes: ArraySlice<UInt8>, maximum: Int) throws -> [UInt8] {
        var stream = z_stream()
        guard inflateInit_(&stream, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {  // checked: a struct's size
            throw SecureCookieError.undecodable("zlib could not start")
        }
        defer { inflateEnd(&stream) }
        let chunk = 16_384
        var output: [UInt8] = []
        var room = [UInt8](repeating: 0, count: chunk)
        let input = Array(bytes)
        return try input.withUnsafeBufferPointer { input -> [UInt8] in
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
            stream.avail_in = uInt(input.count)  // checked: at most a cookie's length
            while true {
                let (status, produced) = room.withUnsafeMutableBufferPointer { room -> (Int32, Int) in
                    stream.next_out = room.baseAddress
                    stream.avail_out = uInt(room.count)  // checked: the chunk's size
                    let status = inflate(&stream, Z_NO_FLUSH)
                    return (status, room.count - Int(stream.avail_out))  // checked: at most the chunk's size
                }
                guard produced <= maximum - output.count else {
                    throw SecureCookieError.limitExceeded(
                        .materializedBytes, "the compressed session inflates past \(maximum) bytes")
                }
                output.append(contentsOf: room[..<produced])
                switch status {
                case Z_STREAM_END:
                    return output
                case Z_OK:
                    continue
                case Z_BUF_ERROR where stream.avail_in == 0:
                    throw SecureCookieError.undecodable("the compressed session ends early")
                default:
                    throw SecureCookieError.undecodable("the compressed session is not valid zlib data")
                }
            }
        }
    }
}
