import SecureCookie

/// How the pickle codec reads a Python 2 `str` (the `STRING`, `BINSTRING` and `SHORT_BINSTRING`
/// opcodes): the analog of the `encoding` argument of Python 3's `pickle.loads`.
///
/// Python 2 wrote its byte strings without saying what text, if any, they hold. The default,
/// ``ascii``, is what Python 3 does: ASCII bytes become a `str`, and any other byte is an
/// error that names this option, so nothing is guessed silently. Choose ``latin1``, ``utf8`` or
/// ``bytes`` for cookies whose Python 2 side stored other bytes.
///
/// Python 2 `datetime`, `date` and `time` values carry their fields packed in such a `str`;
/// the codec always reads those fields as raw bytes, whatever this option says.
public struct PicklePython2Strings: Sendable, Hashable, CustomStringConvertible {
    internal enum Mode: Sendable, Hashable { case ascii, latin1, utf8, bytes }
    internal let mode: Mode

    private init(_ mode: Mode) { self.mode = mode }

    /// ASCII only, as Python 3's default `encoding="ASCII"`: a non-ASCII byte is an error.
    public static let ascii = PicklePython2Strings(.ascii)
    /// Each byte is one character U+0000-U+00FF, as `encoding="latin1"`; never fails.
    public static let latin1 = PicklePython2Strings(.latin1)
    /// UTF-8, as `encoding="utf-8"`: invalid UTF-8 is an error.
    public static let utf8 = PicklePython2Strings(.utf8)
    /// Kept as `bytes`, as `encoding="bytes"`.
    public static let bytes = PicklePython2Strings(.bytes)

    /// The option's name as Python spells the encoding: `ASCII`, `latin1`, `utf-8` or `bytes`.
    public var description: String {
        switch mode {
        case .ascii: return "ASCII"
        case .latin1: return "latin1"
        case .utf8: return "utf-8"
        case .bytes: return "bytes"
        }
    }

    /// The option named as Python's `encoding` argument names it (case-insensitive; `latin-1`,
    /// `iso-8859-1`, `utf8`, `us-ascii` are accepted too).
    ///
    /// Fails (is `nil`) for an encoding the codec does not offer.
    ///
    /// - Parameter name: The encoding's name.
    public init?(named name: String) {
        switch name.lowercased().replacingOccurrences(of: "_", with: "-") {
        case "ascii", "us-ascii": self = .ascii
        case "latin1", "latin-1", "iso-8859-1", "iso8859-1", "l1": self = .latin1
        case "utf-8", "utf8": self = .utf8
        case "bytes": self = .bytes
        default: return nil
        }
    }

    /// Decodes one Python 2 `str`.
    internal func decode(_ bytes: [UInt8]) throws -> PythonValue {
        switch mode {
        case .bytes:
            return .bytes(bytes)
        case .latin1:
            var text = ""
            text.unicodeScalars.append(contentsOf: bytes.lazy.map { Unicode.Scalar($0) })
            return .str(text)
        case .ascii:
            if let bad = bytes.firstIndex(where: { $0 >= 0x80 }) {
                throw SecureCookieError.undecodable(
                    "a Python 2 str of \(bytes.count) bytes holds a non-ASCII byte at index \(bad); the pickle codec's "
                        + "python2Strings option is ASCII (choose latin1, utf-8 or bytes to read it)")
            }
            return .str(String(decoding: bytes, as: UTF8.self))
        case .utf8:
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw SecureCookieError.undecodable(
                    "a Python 2 str is not valid UTF-8; the pickle codec's python2Strings option is utf-8 "
                        + "(choose latin1 or bytes to read it)")
            }
            return .str(text)
        }
    }
}
