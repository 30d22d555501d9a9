// Built only with the package trait `Vapor` (see Package.swift).
#if Vapor
import Foundation
import Logging
import NIOConcurrencyHelpers
import SecureCookie
import SecureCookieJSON
import SecureCookieTestKit
import Vapor

/// Cookies issued by the Werkzeug 0.16.1 application in `Interop/demo/werkzeug_app.py`
/// (`Interop/demo/fixtures.json`, written by `Interop/demo/make_fixtures.py`), as the Hummingbird tests read them.
struct WerkzeugFixtures: Decodable {
    struct Cookie: Decodable {
        let cookie: String
        let count: Int
        let expires: Int64?
    }

    let secretHex: String
    let rotatedSecretHex: String
    let cookies: [String: Cookie]

    static let shared: WerkzeugFixtures =
        (try? JSONDecoder().decode(
            WerkzeugFixtures.self,
            from: Data(TestPaths.bytes(TestPaths.packageRoot.appendingPathComponent("Interop/demo/fixtures.json")))))
        ?? WerkzeugFixtures(secretHex: "", rotatedSecretHex: "", cookies: [:])

    var secretKey: SecretKey { SecretKey(hex: secretHex) ?? SecretKey(bytes: []) }
    var rotatedKey: SecretKey { SecretKey(hex: rotatedSecretHex) ?? SecretKey(bytes: []) }

    /// A cookie by name; a missing one is an empty header with count -1, so the test using it fails.
    func cookie(_ name: String) -> Cookie { cookies[name] ?? Cookie(cookie: "", count: -1, expires: nil) }
}

/// A log handler that keeps every record.
struct CapturingLogHandler: LogHandler {
    struct Record: Sendable {
        let level: Logger.Level
        let message: String
        let metadata: [String: String]
        var fullText: String { ([message] + metadata.map { "\($0.key)=\($0.value)" }).joined(separator: " ") }
    }

    final class Store: Sendable {
        private let box = NIOLockedValueBox<[Record]>([])
        var records: [Record] { box.withLockedValue { $0 } }
        func append(_ record: Record) { box.withLockedValue { $0.append(record) } }
    }

    let store: Store
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        store.append(Record(level: event.level, message: "\(event.message)", metadata: merged.mapValues { "\($0)" }))
    }

    static func logger() -> (Logger, Store) {
        let store = Store()
        return (Logger(label: "test") { _ in CapturingLogHandler(store: store) }, store)
    }
}

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
