// Built only with the package trait `Hummingbird` (see Package.swift).
#if Hummingbird
import Foundation
import SecureCookie
import SecureCookieTestKit
import Testing

/// Cookies issued by the Werkzeug 0.16.1 application in `Interop/demo/werkzeug_app.py`, written
/// to `Interop/demo/fixtures.json` by `Interop/demo/make_fixtures.py`.
struct DemoFixtures: Decodable {
    /// One cookie: the `Cookie` header a browser sends back, and what the Python side stored.
    struct Cookie: Decodable {
        let cookie: String
        let count: Int
        let expires: Int64?
    }

    let secretHex: String
    let rotatedSecretHex: String
    let cookies: [String: Cookie]

    /// Where they are.
    static let url = TestPaths.packageRoot.appendingPathComponent("Interop/demo/fixtures.json")

    /// The fixtures, read once; when they cannot be read, none (every test that needs one fails, and
    /// `DemoFixtureFileTests` names the file and the error).
    static let loaded: Result<DemoFixtures, any Error> = Result {
        try JSONDecoder().decode(DemoFixtures.self, from: Data(TestPaths.bytes(url)))
    }

    /// The fixtures, or empty ones when the file cannot be read.
    static let shared: DemoFixtures =
        (try? loaded.get()) ?? DemoFixtures(secretHex: "", rotatedSecretHex: "", cookies: [:])

    /// The server's current key.
    var secretKey: SecretKey { SecretKey(hex: secretHex) ?? SecretKey(bytes: []) }
    /// The key the server has rotated out.
    var rotatedKey: SecretKey { SecretKey(hex: rotatedSecretHex) ?? SecretKey(bytes: []) }

    /// A cookie by name; a missing one (a broken fixture file, which `DemoFixtureFileTests` reports)
    /// is an empty cookie header with count -1, so the test using it fails instead of the process.
    func cookie(_ name: String) -> Cookie {
        cookies[name] ?? Cookie(cookie: "", count: -1, expires: nil)
    }
}

/// The fixture file itself: readable, with every cookie the tests use.
@Suite struct DemoFixtureFileTests {
    @Test func fixturesAreReadable() {
        if case .failure(let error) = DemoFixtures.loaded {
            Issue.record("cannot read \(TestPaths.relativePath(DemoFixtures.url)): \(error); run Interop/demo/make_fixtures.py")
        }
    }

    @Test func everyCookieTheTestsUseIsThere() {
        let names = ["python3Pickle", "python2Pickle", "pickleWithExpiry", "json", "jsonRotatedKey", "jsonExpired"]
        #expect(names.filter { DemoFixtures.shared.cookies[$0] == nil } == [], "in \(TestPaths.relativePath(DemoFixtures.url))")
    }
}
#endif
