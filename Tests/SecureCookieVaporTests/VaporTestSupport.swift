// Built only with the package trait `Vapor` (see Package.swift).
#if Vapor
import Foundation
import Logging
import NIOConcurrencyHelpers
import SecureCookie
import SecureCookieJSON
import SecureCookieTestKit
import Vapor

/// A `Set-Cookie` header taken apart: the attributes as a set.
struct SetCookieHeader: Equatable {
    let pair: String
    let attributes: Set<String>

    init(_ header: String) {
        let parts = header.split(separator: ";").map { String($0.drop { $0 == " " }) }
        pair = parts.first ?? ""
        attributes = Set(parts.dropFirst())
    }

    func jsonSession(secretKeys: [SecretKey], name: String = "session", now: Double? = nil) throws -> SecureCookie<CookieFormat> {
        try SecureCookie.load(
            cookieHeader: pair, name: name, secretKeys: secretKeys, format: CookieFormat(serializationMethod: .json), now: now)
    }
}

extension HTTPHeaders {
    var setCookies: [SetCookieHeader] { self[.setCookie].map(SetCookieHeader.init) }
}
#endif
