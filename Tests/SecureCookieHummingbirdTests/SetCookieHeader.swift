// Built only with the package trait `Hummingbird` (see Package.swift).
#if Hummingbird
import Hummingbird
import SecureCookie
import SecureCookieJSON

/// A `Set-Cookie` header taken apart: the attributes as a set, since their order is not part of the contract.
struct SetCookieHeader: Equatable {
    /// `name=value`, as a browser sends it back in `Cookie`.
    let pair: String
    /// The attributes, such as `Path=/` and `HttpOnly`.
    let attributes: Set<String>

    init(_ header: String) {
        let parts = header.split(separator: ";").map { $0.trimmingCharacters(in: " ") }
        pair = parts.first ?? ""
        attributes = Set(parts.dropFirst())
    }

    /// The session in the cookie, read as a JSON-only cookie type: it fails for any other codec.
    func jsonSession(secretKeys: [SecretKey], now: Double? = nil) throws -> SecureCookie<CookieFormat> {
        try SecureCookie.load(
            cookieHeader: pair, name: "session", secretKeys: secretKeys,
            format: CookieFormat(serializationMethod: .json), now: now)
    }
}

extension HTTPFields {
    /// The `Set-Cookie` headers, taken apart.
    var setCookies: [SetCookieHeader] { self[values: .setCookie].map(SetCookieHeader.init) }
}

extension Substring {
    fileprivate func trimmingCharacters(in character: Character) -> String {
        var text = self
        while text.first == character { text.removeFirst() }
        while text.last == character { text.removeLast() }
        return String(text)
    }
}
#endif
