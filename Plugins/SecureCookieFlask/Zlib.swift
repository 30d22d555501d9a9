import CZlib
import SecureCookie

import class Foundation.NSLock

/// zlib as itsdangerous uses it: `zlib.compress(data)` (level 6, zlib header, the default window and
/// memory level) and a bounded `zlib.decompress`. C types stay in this file.
///
/// Starting a zlib stream allocates and clears a quarter of a megabyte for deflate (more than the
/// whole rest of a cookie's work), so finished streams are kept in a small pool and reset
/// (`deflateReset` and `inflateReset` restore the state `deflateInit` makes, so the bytes are the same).
internal enum Zlib {
    /// `zlib.compress(bytes)`: the same library and parameters as CPython, so the same bytes.
    ///
    /// - Returns: `nil` if zlib fails (it does not for in-memory input that fits its bound).
    static func compress(_ bytes: [UInt8]) -> [UInt8]? {
        guard let stream = deflaters.take() else { return nil }
        defer { deflaters.give(stream) }
        let bound = Int(deflateBound(stream, uLong(bytes.count)))  // checked: a cookie's JSON is far below uLong's range
        var output = [UInt8](repeating: 0, count: bound)
        let status = output.withUnsafeMutableBufferPointer { out in
            bytes.withUnsafeBufferPointer { input -> Int32 in
                stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
                stream.pointee.avail_in = uInt(input.count)  // checked: a cookie's JSON is far below uInt's range
                stream.pointee.next_out = out.baseAddress
                stream.pointee.avail_out = uInt(out.count)  // checked: deflateBound of a small input
                return deflate(stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { return nil }
        output.removeSubrange(Int(stream.pointee.total_out)...)  // checked: at most the bound zlib was given
        return output
    }

    /// `zlib.decompress(bytes)`, stopping as soon as the output passes `maximum` bytes.
    ///
    /// - Throws: ``SecureCookieError/Kind/limitExceeded`` (``SecureCookieError/Limit/materializedBytes``) past
    ///   `maximum`, at once, without inflating the rest; ``SecureCookieError/Kind/undecodable`` for data zlib
    ///   refuses or data that ends early (Python's `zlib.error`). Bytes after the end of the stream are
    ///   ignored, as `zlib.decompress` ignores them.
    static func decompress(_ bytes: ArraySlice<UInt8>, maximum: Int) throws -> [UInt8] {
        guard let stream = inflaters.take() else { throw SecureCookieError.undecodable("zlib could not start") }
        defer { inflaters.give(stream) }
        // A first guess of the inflated size; the output grows by doubling, never past `maximum` + a chunk.
        var output = [UInt8](repeating: 0, count: Swift.max(256, Swift.min(maximum, bytes.count * 8)))
        var produced = 0
        return try bytes.withUnsafeBufferPointer { input -> [UInt8] in
            stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
            stream.pointee.avail_in = uInt(input.count)  // checked: at most a cookie's length
            while true {
                if produced == output.count {
                    guard produced <= maximum else { break }
                    // One zero-filled block appended at once (the standard library's fill and copy, fast in
                    // debug builds too, where appending a repeated element goes byte by byte).
                    output += [UInt8](repeating: 0, count: Swift.min(output.count, maximum + 1 - produced))
                }
                let status = output.withUnsafeMutableBufferPointer { room -> Int32 in
                    stream.pointee.next_out = room.baseAddress.map { $0 + produced }
                    stream.pointee.avail_out = uInt(room.count - produced)  // checked: at most maximum + 1 bytes
                    let status = inflate(stream, Z_NO_FLUSH)
                    produced = room.count - Int(stream.pointee.avail_out)  // checked: at most the room's size
                    return status
                }
                guard produced <= maximum else { break }
                switch status {
                case Z_STREAM_END:
                    output.removeSubrange(produced...)
                    return output
                case Z_OK:
                    continue
                case Z_BUF_ERROR where stream.pointee.avail_in == 0:
                    throw SecureCookieError.undecodable("the compressed session ends early")
                default:
                    throw SecureCookieError.undecodable("the compressed session is not valid zlib data")
                }
            }
            throw SecureCookieError.limitExceeded(.materializedBytes, "the compressed session inflates past \(maximum) bytes")
        }
    }

    private static let deflaters = StreamPool(
        start: { deflateInit_($0, 6, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK },  // checked: a struct's size
        reset: { deflateReset($0) == Z_OK }, end: { deflateEnd($0) })
    private static let inflaters = StreamPool(
        start: { inflateInit_($0, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK },  // checked: a struct's size
        reset: { inflateReset($0) == Z_OK }, end: { inflateEnd($0) })
}

/// Started zlib streams, kept at fixed addresses (zlib's state points back at its stream) for reuse.
///
/// `@unchecked Sendable`: the list is only touched under the lock, and a stream is used by one caller
/// at a time, between ``take()`` and ``give(_:)``.
private final class StreamPool: @unchecked Sendable {
    private let lock = NSLock()
    private var idle: [UnsafeMutablePointer<z_stream>] = []
    private let start: (UnsafeMutablePointer<z_stream>) -> Bool
    private let reset: (UnsafeMutablePointer<z_stream>) -> Bool
    private let end: (UnsafeMutablePointer<z_stream>) -> Void
    /// At most this many idle streams are kept (one per thread that compresses at once, roughly).
    private let capacity = 16

    init(
        start: @escaping (UnsafeMutablePointer<z_stream>) -> Bool, reset: @escaping (UnsafeMutablePointer<z_stream>) -> Bool,
        end: @escaping (UnsafeMutablePointer<z_stream>) -> Void
    ) {
        self.start = start
        self.reset = reset
        self.end = end
    }

    /// A stream ready for a new input, or `nil` if zlib cannot start one.
    func take() -> UnsafeMutablePointer<z_stream>? {
        lock.lock()
        let reused = idle.popLast()
        lock.unlock()
        if let reused { return reused }
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        guard start(stream) else {
            stream.deinitialize(count: 1)
            stream.deallocate()
            return nil
        }
        return stream
    }

    /// Resets a stream and keeps it, or ends it when the pool is full or the reset fails.
    func give(_ stream: UnsafeMutablePointer<z_stream>) {
        if reset(stream) {
            lock.lock()
            let kept = idle.count < capacity
            if kept { idle.append(stream) }
            lock.unlock()
            if kept { return }
        }
        end(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
    }
}
