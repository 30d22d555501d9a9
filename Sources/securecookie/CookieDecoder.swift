import SecureCookie

import struct Foundation.Date

/// Verifies and decodes one cookie for `securecookie decode`.
struct CookieDecoder {
    let framing: any CookieFraming
    let now: Double?

    /// The cookie's data, and a remark when an older key or hash verified it.
    func decode(_ bytes: [UInt8]) throws -> (data: PythonDict, note: String?) {
        guard !bytes.isEmpty else { throw SecureCookieError.malformed("the line is empty") }
        let session = try framing.read(bytes, now: now ?? Date().timeIntervalSince1970)
        var note: String?
        if session.verification.needsReissue {
            note = "verified by an older key (re-issue them)"
            if session.verification.keyIndex > 0 { note = "verified by key \(session.verification.keyIndex + 1) (re-issue them)" }
        }
        return (session.data, note)
    }
}
