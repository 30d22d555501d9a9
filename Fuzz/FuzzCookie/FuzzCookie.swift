import FuzzSupport
import SecureCookie
import SecureCookieJSON

/// Made once: keying a secret's HMACs costs more than a fuzz iteration.
private let key: SecretKey = "k"

/// The cookie parser and verifier: any bytes as a cookie, verified with a known key; errors must be typed.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCookie(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if let cookie = FuzzOracle.attempt(
        "cookie unserialize",
        {
            try SecureCookie.unserialize(bytes: bytes, secretKeys: [key], format: .json, now: 0)
        })
    {
        for (_, value) in cookie.data { FuzzOracle.check(value, what: "cookie value") { try JSONSerializationMethod().dumps($0) } }
    }
    _ = FuzzOracle.attempt("cookie unverifiedItems") {
        try SecureCookie.unverifiedItems(of: String(decoding: bytes, as: UTF8.self), format: .json)
    }
    return 0
}

/// Token-level mutation (``FuzzVocabulary/cookie``), with libFuzzer's byte mutator one time in four.
@_cdecl("LLVMFuzzerCustomMutator")
public func mutateCookie(_ data: UnsafeMutablePointer<UInt8>, _ size: Int, _ maxSize: Int, _ seed: UInt32) -> Int {
    FuzzMutation.mutate(data, size, maxSize, seed) { FuzzVocabulary.cookie.mutate($0, &$1) }
}
