import FuzzSupport
import SecureCookie
import SecureCookieFlask

/// The leaked-key threat model for Flask session cookies: the fuzzer's bytes become the payload of
/// a correctly signed cookie (key `fuzz-key`, Flask's salt and HMAC-SHA1, signed at ``signedAt``),
/// read back through ``FlaskSessionFraming``. The first byte says how the rest becomes the payload:
///
/// - 0: the session's JSON, not compressed;
/// - 1: the session's JSON, deflated by the framing's writer when that is shorter (as Flask does);
/// - 2: a zlib stream, behind the leading `.` (so inflating sees any bytes);
/// - 3: the payload field's text itself (base64 as sent: odd characters, padding, dots).
private enum Mode: Int, CaseIterable {
    case plain, flaskCompressed, zlibStream, payloadText
}

/// The signing time, and the clock of every read.
private let signedAt: Double = 1_700_000_000
/// Made once: deriving a key costs more than a fuzz iteration.
private let key: SecretKey = "fuzz-key"
private let derivedKey = SecretKey(bytes: key.authenticationCode(.sha1, of: Array("cookie-session".utf8)))
private let framing = FlaskSessionFraming(secretKeys: [key], limits: FuzzOracle.limits)
private let codec = FlaskTaggedJSONSerializationMethod()

/// Writes the first value of a session's dict as the payload, unchanged: the framing's writer then
/// compresses and signs the fuzzer's bytes as it would a session's JSON.
private struct RawPayload: SerializationMethod {
    var name: String { "raw" }
    func dumps(_ value: PythonValue) throws -> [UInt8] {
        guard case .dict(let dict) = value, let first = dict.first, let bytes = first.value.bytesValue else { return [] }
        return bytes
    }
    func loads(_ bytes: ArraySlice<UInt8>, limits: SecureCookieLimits) throws -> PythonValue { .bytes(Array(bytes)) }
}

private let rawWriter = FlaskSessionFraming(secretKeys: [key], serializationMethod: RawPayload(), limits: FuzzOracle.limits)

/// `payload "." timestamp "." signature`, signed with the derived key.
private func signed(payload: [UInt8]) -> [UInt8] {
    var cookie = payload
    cookie.append(UInt8(ascii: "."))
    cookie += Array("ZVPxAA".utf8)  // 1700000000, big-endian, unpadded base64url
    let signature = derivedKey.authenticationCode(.sha1, of: cookie)
    cookie.append(UInt8(ascii: "."))
    Base64URL.encode(signature, into: &cookie)
    return cookie
}

/// The cookie for one input: its mode, then its body made into the payload.
private func cookie(_ mode: Mode, _ body: [UInt8]) -> [UInt8]? {
    switch mode {
    case .plain:
        return signed(payload: Base64URL.encode(body))
    case .flaskCompressed:
        let written = FuzzOracle.attempt("flask raw write") { try rawWriter.write(["v": .bytes(body)], now: signedAt) }
        return written.map { Array($0.utf8) }
    case .zlibStream:
        var payload: [UInt8] = [UInt8(ascii: ".")]
        Base64URL.encode(body, into: &payload)
        return signed(payload: payload)
    case .payloadText:
        return signed(payload: body)
    }
}

/// The Flask framing on correctly signed cookies: a session read goes through ``FuzzOracle/check``,
/// is written again (or fails typed), and a session written reads back and writes the same cookie;
/// the unverified payload (what `securecookie inspect` shows) stays within ``FuzzOracle/inspectBound``.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFlask(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let mode = Mode.allCases[Int(data[0]) % Mode.allCases.count]
    let body = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    guard let cookie = cookie(mode, body) else { return 0 }

    // Unverified, as inspect reads it.
    let text = String(decoding: cookie, as: UTF8.self)
    if let payload = FuzzOracle.attempt("flask unverified payload", { try framing.unverifiedPayload(of: text) }),
        let value = FuzzOracle.attempt("flask unverified loads", { try codec.loads(payload[...], limits: FuzzOracle.limits) }),
        let shown = FuzzOracle.check(value, what: "flask unverified", dumps: { try codec.dumps($0) }),
        shown.utf8.count > FuzzOracle.inspectBound
    {
        FuzzOracle.fail("flask unverified: \(shown.utf8.count) bytes of tagged JSON (bound \(FuzzOracle.inspectBound))")
    }

    guard let session = FuzzOracle.attempt("flask read", { try framing.read(cookie, now: signedAt) }) else { return 0 }
    FuzzOracle.check(.dict(session.data), what: "flask") { try codec.dumps($0) }
    guard let written = FuzzOracle.attempt("flask write", { try framing.write(session.data, now: signedAt) }),
        let again = FuzzOracle.attempt("flask read back", { try framing.read(Array(written.utf8), now: signedAt) })
    else { return 0 }
    // What was read once is what Flask writes: reading and writing it again changes nothing.
    guard let rewritten = FuzzOracle.attempt("flask write again", { try framing.write(again.data, now: signedAt) }) else {
        FuzzOracle.fail("flask: a session written and read back does not write again")
    }
    if rewritten != written {
        FuzzOracle.fail("flask: a session read back writes another cookie: \(written.prefix(300)) vs \(rewritten.prefix(300))")
    }
    return 0
}

/// JSON tokens with Flask's tags, HTTP dates, UUID hex and base64 among them.
private let vocabulary = TokenMutator(
    punctuation: "[]{},:\"\\",
    vocabulary: [
        "\" t\"", "\" di\"", "\" b\"", "\" m\"", "\" u\"", "\" d\"", "\" t__\"", "\" di__\"", "\"x__\"", "\"__\"", "{\" t\":",
        "{\" di\":{\" t__\":", "\"Tue, 02 Jan 2024 03:04:05 GMT\"", "\"02 Jan 2024 03:04:05 +0200\"", "\"01 Jan 0001 00:00:00 +0100\"",
        "\"31 Dec 9999 23:59:59 -2359\"", "\"2147483648\"", "\"00000000000000000000000000000001\"",
        "\"{01234567-89ab-cdef-0123-456789abcdef}\"", "\"urn:uuid:\"", "\"0x\"", "\"AP8=\"", "\"QQ\"", "\"!!!\"", "\"<b>x</b>\"",
        "[", "]", "{", "}", ",", ":", "\"", "\\", "\"a\"", "\"$error\"", "\"\\ud800\"", "\"\\u0000\"", "0", "-0.0", "1e400",
        "9223372036854775808", String(repeating: "9", count: 4300), String(repeating: "9", count: 4301), "NaN", "Infinity",
        "-Infinity", "true", "false", "null", "\u{FEFF}",
    ],
    snippets: { random in
        let depth = random.pick([49, 50, 51, 100, 101])
        switch random.below(3) {
        case 0: return Array((String(repeating: "{\" di\":{\" t__\":", count: depth) + "1" + String(repeating: "}}", count: depth)).utf8)
        case 1: return Array(("{\" t\":\"" + String(repeating: "x", count: random.pick([255, 256, 4000])) + "\"}").utf8)
        default:
            let braces = String(repeating: "{", count: random.pick([1, 100, 3000]))
            return Array(("{\" u\":\"" + braces + "0123456789abcdef0123456789abcdef\"}").utf8)
        }
    })

/// Token-level mutation of the JSON modes, libFuzzer's byte mutator for the others (and one time in
/// four); the first byte, the mode, changes one time in 32.
@_cdecl("LLVMFuzzerCustomMutator")
public func mutateFlask(_ data: UnsafeMutablePointer<UInt8>, _ size: Int, _ maxSize: Int, _ seed: UInt32) -> Int {
    FuzzMutation.mutate(data, size, maxSize, seed) { input, random in
        let mode = input.first ?? UInt8(truncatingIfNeeded: random.below(Mode.allCases.count))
        let body = Array(input.dropFirst())
        let room = FuzzMutation.maximumInput - 1
        let first = random.oneIn(32) ? UInt8(truncatingIfNeeded: random.below(Mode.allCases.count)) : mode
        switch Int(mode) % Mode.allCases.count {
        case Mode.plain.rawValue, Mode.flaskCompressed.rawValue:
            return vocabulary.mutate(body, &random, maxSize: room).map { [first] + $0 }
        default:
            return first == mode ? nil : [first] + body
        }
    }
}
