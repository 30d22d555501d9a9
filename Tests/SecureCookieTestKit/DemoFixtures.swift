import Foundation
import SecureCookie

/// Cookies issued by the Werkzeug 0.16.1 application in `Interop/demo/werkzeug_app.py`, written
/// to `Interop/demo/fixtures.json` by `Interop/demo/make_fixtures.py`.
public struct DemoFixtures: Decodable, Sendable {
    /// One cookie: the `Cookie` header a browser sends back, and what the Python side stored.
    public struct Cookie: Decodable, Sendable {
        /// The `Cookie` header value.
        public let cookie: String
        /// The visit count the Python app stored.
        public let count: Int
        /// Its `_expires`, if any.
        public let expires: Int64?
    }

    /// The server's current key, in hex.
    public let secretHex: String
    /// The key the server rotated out, in hex.
    public let rotatedSecretHex: String
    /// The cookies by name (`python3Pickle`, `json`...).
    public let cookies: [String: Cookie]

    /// Where they are.
    public static let url = TestPaths.packageRoot.appendingPathComponent("Interop/demo/fixtures.json")

    /// The fixtures, read once; when they cannot be read, none (every test that needs one fails, and
    /// the Hummingbird tests' `DemoFixtureFileTests` name the file and the error).
    public static let loaded: Result<DemoFixtures, any Error> = Result {
        try JSONDecoder().decode(DemoFixtures.self, from: Data(TestPaths.bytes(url)))
    }

    /// The fixtures, or empty ones when the file cannot be read.
    public static let shared: DemoFixtures =
        (try? loaded.get()) ?? DemoFixtures(secretHex: "", rotatedSecretHex: "", cookies: [:])

    /// The server's current key.
    public var secretKey: SecretKey { SecretKey(hex: secretHex) ?? SecretKey(bytes: []) }
    /// The key the server has rotated out.
    public var rotatedKey: SecretKey { SecretKey(hex: rotatedSecretHex) ?? SecretKey(bytes: []) }

    /// A cookie by name; a missing one (a broken fixture file, which `DemoFixtureFileTests` reports)
    /// is an empty cookie header with count -1, so the test using it fails instead of the process.
    public func cookie(_ name: String) -> Cookie {
        cookies[name] ?? Cookie(cookie: "", count: -1, expires: nil)
    }
}
