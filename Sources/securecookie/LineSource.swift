import SecureCookie

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A source of input lines, surrounding white space (CR and LF too) removed.
///
/// A line longer than ``maximumLineLength`` is never held in memory: its bytes are read and
/// dropped up to its newline, and it comes back as a ``SecureCookieError/Kind/limitExceeded``
/// error, so that the command writes an error line for it and goes on with the next one.
protocol LineSource: AnyObject {
    /// The next line or the error for an overlong one, or `nil` at the end.
    func next() -> Result<[UInt8], SecureCookieError>?
}

/// The longest input line the tool reads: far above any cookie (4 KiB by default) or tagged-JSON
/// value a cookie can hold, far below what would strain memory.
let maximumLineLength = 1 << 20

/// The error for a line longer than ``maximumLineLength``.
func lineTooLong(_ length: Int) -> SecureCookieError {
    .limitExceeded(.lineLength, "the line is \(length) bytes long; the tool reads lines of at most \(maximumLineLength) bytes")
}

/// Removes ASCII white space at both ends.
func trimmedLine<C: BidirectionalCollection>(_ bytes: C) -> [UInt8] where C.Element == UInt8 {
    func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
    guard let first = bytes.firstIndex(where: { !isSpace($0) }),
        let last = bytes.lastIndex(where: { !isSpace($0) })
    else { return [] }
    return Array(bytes[first...last])
}

/// Lines read from a file descriptor in 64 KiB chunks.
final class DescriptorLineSource: LineSource {
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false

    init(descriptor: Int32) { self.descriptor = descriptor }

    func next() -> Result<[UInt8], SecureCookieError>? {
        while true {
            if let newline = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) {
                let line = buffer[start..<newline]
                start = newline + 1
                return line.count > maximumLineLength ? .failure(lineTooLong(line.count)) : .success(trimmedLine(line))
            }
            if atEnd {
                guard start < buffer.count else { return nil }
                let line = buffer[start...]
                start = buffer.count
                return line.count > maximumLineLength ? .failure(lineTooLong(line.count)) : .success(trimmedLine(line))
            }
            if buffer.count - start > maximumLineLength { return .failure(skipOverlongLine()) }
            fill()
        }
    }

    /// Reads and drops the rest of a line that has outgrown ``maximumLineLength``, up to and
    /// including its newline.
    private func skipOverlongLine() -> SecureCookieError {
        var length = buffer.count - start
        buffer.removeAll(keepingCapacity: true)
        start = 0
        while !atEnd {
            fill()
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                length += newline
                start = newline + 1
                return lineTooLong(length)
            }
            length += buffer.count
            buffer.removeAll(keepingCapacity: true)
        }
        return lineTooLong(length)
    }

    private func fill() {
        if start > 0 {
            buffer.removeSubrange(0..<start)
            start = 0
        }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 {
                atEnd = true
            } else {
                buffer.append(contentsOf: chunk[0..<count])
            }
            return
        }
    }
}

/// Lines from memory.
final class ArrayLineSource: LineSource {
    private var lines: ArraySlice<String>

    init(_ lines: [String]) { self.lines = lines[...] }

    func next() -> Result<[UInt8], SecureCookieError>? {
        guard let line = lines.popFirst() else { return nil }
        let length = line.utf8.count
        return length > maximumLineLength ? .failure(lineTooLong(length)) : .success(trimmedLine(Array(line.utf8)))
    }
}
