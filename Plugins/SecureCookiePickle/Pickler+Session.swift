import SecureCookie

extension Pickler {
    /// One `dump`: the output buffer, the frame being filled, and the memo.
    ///
    /// Mirrors the C pickler's `_Pickler_Write`, `_Pickler_OpcodeBoundary`, `_Pickler_CommitFrame`,
    /// `_Pickler_write_bytes`, `memo_put` and `memo_get`. Every `save…` method begins with
    /// ``boundary()``, as every call of the C pickler's `save()` does; `write…` methods do not.
    struct Session: ~Copyable {
        /// The opcodes, by name.
        typealias Op = Pickler.Op

        /// The smallest frame given a `FRAME` header; smaller ones lose their reserved header.
        static let frameSizeMinimum = 4
        /// A frame is closed at the next `save` once it holds this many bytes; data this large is
        /// written outside any frame.
        static let frameSizeTarget = 64 * 1024
        /// The `FRAME` opcode and its 8-byte length.
        static let frameHeaderSize = 9

        /// The protocol written.
        let proto: Int
        /// The pickle so far.
        var output: OutputBuffer
        /// Whether frames are written (protocols 4 and 5, after `PROTO`).
        var framing = false
        /// Where the open frame's reserved header starts, or -1 when no frame is open.
        var frameStart = -1
        /// The number of memo entries written.
        var memoSize = 0
        /// Memo indices of the objects CPython shares.
        var shared = SharedMemo()
        /// Current container nesting.
        var depth = 0

        init(protocolVersion: Int, capacity: Int) {
            proto = protocolVersion
            output = OutputBuffer(capacity: capacity)
        }

        /// Writes the whole pickle: `PROTO`, the value, `STOP`, and closes the last frame.
        mutating func dump(_ value: PythonValue) throws {
            if proto >= 2 {
                write(Op.proto)
                write(UInt8(proto))
                if proto >= 4 { framing = true }
            }
            try save(value)
            write(Op.stop)
            commitFrame()
            framing = false
        }

        // MARK: Output and framing

        @inline(__always)
        mutating func openFrameIfNeeded() {
            if framing && frameStart < 0 {
                frameStart = output.count
                output.append(0xFE, count: Self.frameHeaderSize)
            }
        }

        /// Appends one byte, opening a frame first when framing and none is open.
        @inline(__always)
        mutating func write(_ byte: UInt8) {
            openFrameIfNeeded()
            output.append(byte)
        }

        /// Appends two bytes.
        @inline(__always)
        mutating func write(_ first: UInt8, _ second: UInt8) {
            openFrameIfNeeded()
            output.append(first, second)
        }

        /// Appends bytes.
        @inline(__always)
        mutating func write(contentsOf bytes: UnsafeBufferPointer<UInt8>) {
            openFrameIfNeeded()
            output.append(bytes)
        }

        /// Appends bytes.
        mutating func write<S: Sequence>(contentsOf bytes: S) where S.Element == UInt8 {
            openFrameIfNeeded()
            output.append(contentsOf: bytes)
        }

        /// Appends ASCII text (opcode arguments of the text protocols).
        mutating func write(ascii text: StaticString) {
            openFrameIfNeeded()
            output.append(text)
        }

        /// Appends a little-endian unsigned integer of `byteCount` bytes.
        @inline(__always)
        mutating func writeLittleEndian(_ value: UInt64, byteCount: Int) {
            openFrameIfNeeded()
            output.appendLittleEndian(value, byteCount: byteCount)
        }

        /// Appends a signed integer in decimal, as C's `%ld` writes it.
        mutating func writeDecimal(_ value: Int) {
            openFrameIfNeeded()
            output.appendDecimal(value)
        }

        /// Closes the open frame once it holds ``frameSizeTarget`` bytes (`_Pickler_OpcodeBoundary`).
        @inline(__always)
        mutating func boundary() {
            if framing && frameStart >= 0 && output.count - frameStart - Self.frameHeaderSize >= Self.frameSizeTarget {
                commitFrame()
            }
        }

        /// Fills in the open frame's header, or removes it when the frame is under 4 bytes.
        mutating func commitFrame() {
            guard framing, frameStart >= 0 else { return }
            let length = output.count - frameStart - Self.frameHeaderSize
            if length >= Self.frameSizeMinimum {
                output[frameStart] = Op.frame
                var rest = UInt64(length)
                for offset in 1..<Self.frameHeaderSize {
                    output[frameStart + offset] = UInt8(truncatingIfNeeded: rest)
                    rest >>= 8
                }
            } else {
                output.remove(from: frameStart, count: Self.frameHeaderSize)
            }
            frameStart = -1
        }

        /// Writes an opcode's header and its data, the data outside any frame when it is 64 KiB or
        /// more (`_Pickler_write_bytes`).
        mutating func writeHeaderAndData(
            header: (inout Session) -> Void, data: UnsafeBufferPointer<UInt8>
        ) {
            let dataCount = data.count
            let bypass = dataCount >= Self.frameSizeTarget
            let wasFraming = framing
            if bypass {
                commitFrame()
                framing = false
            }
            header(&self)
            write(contentsOf: data)
            framing = wasFraming
        }

        // MARK: Memo

        /// Records the object just written in the memo (`memo_put`).
        ///
        /// - Returns: Its memo index.
        @discardableResult
        mutating func memoPut() -> Int {
            let index = memoSize
            memoSize += 1
            if proto >= 4 {
                write(Op.memoize)
            } else if proto == 0 {
                write(Op.put)
                writeDecimal(index)
                write(UInt8(ascii: "\n"))
            } else if index < 256 {
                write(Op.binPut, UInt8(index))
            } else {
                write(Op.longBinPut)
                writeLittleEndian(UInt64(index), byteCount: 4)
            }
            return index
        }

        /// Fetches a memoized object (`memo_get`).
        mutating func memoGet(_ index: Int) {
            if proto == 0 {
                write(Op.get)
                writeDecimal(index)
                write(UInt8(ascii: "\n"))
            } else if index < 256 {
                write(Op.binGet, UInt8(index))
            } else {
                write(Op.longBinGet)
                writeLittleEndian(UInt64(index), byteCount: 4)
            }
        }

        /// Writes a reference to a shared object when it is already in the memo.
        ///
        /// - Returns: Whether it was.
        mutating func fetchShared(_ object: SharedObject?) -> Bool {
            guard let object, let index = shared[object] else { return false }
            memoGet(index)
            return true
        }

        /// Runs `body` one container level deeper.
        mutating func nested(_ body: (inout Session) throws -> Void) throws {
            guard depth < Pickler.maximumDepth else {
                throw SecureCookieError.unrepresentable(
                    "the value nests containers deeper than \(Pickler.maximumDepth) levels, more than CPython's pickle writes")
            }
            depth += 1
            defer { depth -= 1 }
            try body(&self)
        }
    }
}
