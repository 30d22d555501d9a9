import SecureCookie

/// Verifies and decodes one cookie for `securecookie decode`.
struct CookieDecoder {
    let format: CookieFormat
    let keys: [SecretKey]
    let now: Double?

    /// The cookie's data, and a remark when an older key or hash verified it.
    func decode(_ bytes: [UInt8]) throws -> (data: PythonDict, note: String?) {
        guard !bytes.isEmpty else { throw SecureCookieError.malformed("the line is empty") }
        let cookie = try SecureCookie.unserialize(bytes: bytes, secretKeys: keys, format: format, now: now)
        var note: String?
        if let verification = cookie.verification, verification.needsReissue {
            note = "verified by an older key (re-issue them)"
            if verification.keyIndex > 0 { note = "verified by key \(verification.keyIndex + 1) (re-issue them)" }
        }
        return (cookie.data, note)
    }
}
