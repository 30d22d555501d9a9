import SecureCookie
import SecureCookieJSON
import SecureCookieMessagePack
import SecureCookiePickle
import SecureCookieYAML

/// The leaked-key threat model: the fuzzer's bytes become a correctly signed cookie value, so every
/// input reaches a codec through the whole cookie path. The first byte picks the codec.
private let formats: [CookieFormat] = [.json, .pickle, .yaml, .msgpack]
/// Made once: keying a secret's HMACs costs more than a fuzz iteration.
private let key: SecretKey = "fuzz-key"

/// The cookie reader on correctly signed cookies: the first byte picks the codec, the rest is the
/// value, signed with a known key and read back through `SecureCookie.unserialize`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSignedCookie(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let format = formats[Int(data[0]) % formats.count]
    let value = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let cookie = FuzzSigning.sign(value: value, key: key)
    _ = try? SecureCookie.unserialize(cookie, secretKeys: [key], format: format, now: 0)
    return 0
}
