import SecureCookie

/// Signs raw bytes as a cookie value: a pass-through codec writes them, so the MAC is the one any
/// codec's cookie with those bytes would carry.
enum FuzzSigning {
    struct RawBytes: SerializationMethod {
        var name: String { "raw" }
        func dumps(_ value: PythonValue) throws -> [UInt8] { value.bytesValue ?? [] }
        func loads(_ bytes: ArraySlice<UInt8>, limits: SecureCookieLimits) throws -> PythonValue { .bytes(Array(bytes)) }
    }

    static func sign(value: [UInt8], key: SecretKey) -> String {
        var cookie = SecureCookie(["v": .bytes(value)], secretKey: key, format: CookieFormat(serializationMethod: RawBytes()))
        return (try? cookie.serialize()) ?? ""
    }
}
