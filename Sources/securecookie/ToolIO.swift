import SecureCookie
import SecureCookieJSON

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a command reads its lines and writes its output: the process's standard streams, or memory for tests.
///
/// Standard output is buffered (64 KiB) and written with `write(2)`: batch runs over millions of
/// cookies must not pay a system call per line. Standard error is written at once.
final class ToolIO {
    /// Whether standard error is a terminal (progress is shown only then).
    let stderrIsTerminal: Bool
    private let input: LineSource
    private var output = OutputBuffer(capacity: ToolIO.bufferSize + 4096)
    private let outputDescriptor: Int32?
    private(set) var collectedOutput: [UInt8] = []
    private(set) var collectedErrors: String = ""
    private let errorDescriptor: Int32?
    private static let bufferSize = 1 << 16

    private init(input: LineSource, outputDescriptor: Int32?, errorDescriptor: Int32?, stderrIsTerminal: Bool) {
        self.input = input
        self.outputDescriptor = outputDescriptor
        self.errorDescriptor = errorDescriptor
        self.stderrIsTerminal = stderrIsTerminal
    }

    /// The process's standard input, output and error.
    static func standard() -> ToolIO {
        ToolIO(
            input: DescriptorLineSource(descriptor: 0), outputDescriptor: 1, errorDescriptor: 2,
            stderrIsTerminal: isatty(2) != 0)
    }

    /// Memory streams: `lines` as standard input; output and errors collected.
    static func memory(input lines: [String] = []) -> ToolIO {
        ToolIO(input: ArrayLineSource(lines), outputDescriptor: nil, errorDescriptor: nil, stderrIsTerminal: false)
    }

    /// The next input line, surrounding white space removed, or the error for a line longer than
    /// ``maximumLineLength``; `nil` at the end of input.
    func nextLine() -> Result<[UInt8], SecureCookieError>? { input.next() }

    /// Writes one line to standard output (buffered).
    func writeLine(_ text: String) {
        output.append(utf8Of: text)
        output.append(UInt8(ascii: "\n"))
        if output.count >= Self.bufferSize { flush() }
    }

    /// Writes bytes that are already whole lines to standard output (buffered).
    func writeLines(_ bytes: UnsafeBufferPointer<UInt8>) {
        output.append(bytes)
        if output.count >= Self.bufferSize { flush() }
    }

    /// Writes a value as one line of tagged JSON, straight into the output buffer.
    ///
    /// - Throws: ``SecureCookieError`` for a value tagged JSON refuses (an int of more than 4300
    ///   digits); nothing is written then.
    func writeTaggedLine(_ value: PythonValue) throws {
        try TaggedJSON.encode(value, appendingTo: &output)
        output.append(UInt8(ascii: "\n"))
        if output.count >= Self.bufferSize { flush() }
    }

    /// Writes text to standard error at once.
    func writeError(_ text: String) {
        guard let errorDescriptor else {
            collectedErrors += text
            return
        }
        flush()
        ToolIO.writeAll(Array(text.utf8), to: errorDescriptor)
    }

    /// Writes what is buffered for standard output.
    func flush() {
        guard output.count > 0 else { return }
        output.withUnsafeBytes { bytes in
            if let outputDescriptor {
                ToolIO.writeAll(UnsafeRawBufferPointer(bytes), to: outputDescriptor)
            } else {
                collectedOutput.append(contentsOf: bytes)
            }
        }
        output.removeAll()
    }

    /// The collected output lines (memory streams).
    var outputLines: [String] {
        flush()
        return String(decoding: collectedOutput, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .dropLast().map(String.init)
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) {
        bytes.withUnsafeBytes { writeAll($0, to: descriptor) }
    }

    private static func writeAll(_ raw: UnsafeRawBufferPointer, to descriptor: Int32) {
        var offset = 0
        while offset < raw.count {
            guard let base = raw.baseAddress else { return }
            let written = write(descriptor, base + offset, raw.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return  // a closed pipe: nothing more can be written
            }
            offset += written
        }
    }
}
