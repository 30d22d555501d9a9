internal import CMsgPack

/// msgpack-c's packer writing into its simple buffer: the one place this codec calls msgpack-c.
///
/// The packer and the buffer are allocated on the heap because the packer keeps a pointer to
/// the buffer; both are freed in `deinit`. A writer is used by one `dumps` call and dropped.
internal final class MessagePackWriter {
    private let buffer: UnsafeMutablePointer<msgpack_sbuffer>
    private let packer: UnsafeMutablePointer<msgpack_packer>

    init() {
        buffer = .allocate(capacity: 1)
        msgpack_sbuffer_init(buffer)
        packer = .allocate(capacity: 1)
        msgpack_packer_init(packer, UnsafeMutableRawPointer(buffer), msgpack_sbuffer_write)
    }

    deinit {
        msgpack_sbuffer_destroy(buffer)
        buffer.deallocate()
        packer.deallocate()
    }

    /// The bytes written so far.
    var bytes: [UInt8] {
        guard let data = buffer.pointee.data else { return [] }
        return [UInt8](UnsafeRawBufferPointer(start: data, count: buffer.pointee.size))
    }

    /// Turns msgpack-c's status (0 or -1 when its buffer could not grow) into an error.
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
    func writeString(_ utf8: [UInt8]) throws {
        try check(msgpack_pack_str(packer, utf8.count))
        try utf8.withUnsafeBytes { try check(msgpack_pack_str_body(packer, $0.baseAddress, $0.count)) }
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
