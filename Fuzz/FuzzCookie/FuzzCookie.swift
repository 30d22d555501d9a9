import SecureCookie
import SecureCookieJSON

/// Made once: keying a secret's HMACs costs more than a fuzz iteration.
private let key: SecretKey = "k"

/// The cookie parser and verifier: any bytes as a cookie, verified with a known key.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCookie(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = try? SecureCookie.unserialize(bytes: bytes, secretKeys: [key], format: .json, now: 0)
    _ = try? SecureCookie.unverifiedItems(of: String(decoding: bytes, as: UTF8.self), format: .json)
    return 0
}
