internal import CMsgPack

/// msgpack-c's packer writing into a growable byte buffer: the one place this codec calls msgpack-c.
///
/// ``withWriter(_:)`` lends a writer whose packer lives on the stack and whose write callback
/// copies into a buffer that starts on the stack too (a session fits) and moves to the heap only
/// when it outgrows it, so a `dumps` call allocates little more than the array it returns.
internal struct MessagePackWriter {
    private let packer: UnsafeMutablePointer<msgpack_packer>

    /// The bytes written so far: `count` of `capacity` at `base`, on the heap once `heap` is set.
    private struct Output {
        var base: UnsafeMutableRawPointer
        var count: Int
        var capacity: Int
        var heap: Bool

        /// Appends `length` bytes, doubling the room (onto the heap) when they do not fit.
        ///
        /// - Returns: `false`, writing nothing, when the size would overflow `Int`.
        @inline(__always)
        mutating func append(_ bytes: UnsafeRawPointer, _ length: Int) -> Bool {
            if capacity &- count < length {
                let (needed, overflow) = count.addingReportingOverflow(length)
                guard !overflow else { return false }
                var newCapacity = capacity
                while newCapacity < needed {
                    let (doubled, tooLarge) = newCapacity.multipliedReportingOverflow(by: 2)
                    newCapacity = tooLarge ? needed : doubled
                }
                let grown = UnsafeMutableRawPointer.allocate(byteCount: newCapacity, alignment: 1)
                grown.copyMemory(from: base, byteCount: count)
                if heap { base.deallocate() }
                base = grown
                capacity = newCapacity
                heap = true
            }
            let target = base + count
            if length <= 8 {
                // Headers and short strings: a few single-byte stores beat a call to memcpy.
                var index = 0
                while index < length {
                    target.storeBytes(of: bytes.load(fromByteOffset: index, as: UInt8.self), toByteOffset: index, as: UInt8.self)
                    index &+= 1
                }
            } else {
                target.copyMemory(from: bytes, byteCount: length)
            }
            count &+= length
            return true
        }
    }

    /// The bytes on the stack before the output moves to the heap: a session's value fits. (Swift
    /// places a temporary allocation of at most 1024 bytes on the stack without asking whether it fits.)
    private static let stackCapacity = 1024

    /// msgpack-c's write callback: `data` is the ``Output``.
    private static let append: msgpack_packer_write = { data, buffer, length in
        guard let data, let buffer, length > 0 else { return 0 }
        return data.assumingMemoryBound(to: Output.self).pointee.append(UnsafeRawPointer(buffer), length) ? 0 : -1
    }

    /// Runs `body` with a writer and returns the bytes it wrote.
    ///
    /// - Parameter body: Writes the value; the writer must not escape it.
    /// - Returns: The MessagePack bytes.
    /// - Throws: What `body` throws.
    static func withWriter(_ body: (MessagePackWriter) throws -> Void) throws -> [UInt8] {
        try withUnsafeTemporaryAllocation(byteCount: stackCapacity, alignment: 16) { stack in
            // A non-empty temporary allocation always has a base address.
            var output = Output(base: stack.baseAddress.unsafelyUnwrapped, count: 0, capacity: stack.count, heap: false)
            defer { if output.heap { output.base.deallocate() } }
            var packer = msgpack_packer()
            try withUnsafeMutablePointer(to: &output) { output in
                try withUnsafeMutablePointer(to: &packer) { packer in
                    msgpack_packer_init(packer, UnsafeMutableRawPointer(output), append)
                    try body(MessagePackWriter(packer: packer))
                }
            }
            return [UInt8](UnsafeRawBufferPointer(start: output.base, count: output.count))
        }
    }

    /// Turns msgpack-c's status (0, or -1 when its output could not grow) into an error.
    @inline(__always)
    private func check(_ status: Int32) throws {
        if status != 0 { throw MessagePackError.outOfMemory() }
    }

    func writeNil() throws { try check(msgpack_pack_nil(packer)) }

    func write(_ value: Bool) throws { try check(value ? msgpack_pack_true(packer) : msgpack_pack_false(packer)) }

    /// Writes the smallest form: positive fixint, uint8-64 for non-negatives, negative fixint, int8-64 below zero.
    func write(_ value: Int64) throws { try check(msgpack_pack_int64(packer, value)) }

    /// Writes the smallest unsigned form.
    func write(_ value: UInt64) throws { try check(msgpack_pack_uint64(packer, value)) }

    /// Writes float 64, as Python's `packb` does unless `use_single_float` is set.
    func write(_ value: Double) throws { try check(msgpack_pack_double(packer, value)) }

    /// Writes a `str`: fixstr, str 8, 16 or 32 header and the UTF-8 bytes.
    func writeString(_ utf8: UnsafeRawBufferPointer) throws {
        try check(msgpack_pack_str(packer, utf8.count))
        try check(msgpack_pack_str_body(packer, utf8.baseAddress, utf8.count))
    }

    /// Writes a `bin` 8, 16 or 32.
    func writeBinary(_ bytes: [UInt8]) throws {
        try check(msgpack_pack_bin(packer, bytes.count))
        try bytes.withUnsafeBytes { try check(msgpack_pack_bin_body(packer, $0.baseAddress, $0.count)) }
    }

    /// Writes an array header for `count` elements.
    func writeArrayHeader(_ count: Int) throws { try check(msgpack_pack_array(packer, count)) }

    /// Writes a map header for `count` pairs.
    func writeMapHeader(_ count: Int) throws { try check(msgpack_pack_map(packer, count)) }

    /// Writes a timestamp extension (type -1) in the smallest of its three forms.
    func writeTimestamp(_ timestamp: MessagePackTimestamp) throws {
        var value = msgpack_timestamp(tv_sec: timestamp.seconds, tv_nsec: timestamp.nanoseconds)
        try check(msgpack_pack_timestamp(packer, &value))
    }
}
