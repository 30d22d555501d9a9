import Foundation
import SecureCookie
import SecureCookieTestKit

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

    /// The fixtures, read once.
    static let shared: DemoFixtures = {
        let url = TestPaths.packageRoot.appendingPathComponent("Interop/demo/fixtures.json")
        do {
            return try JSONDecoder().decode(DemoFixtures.self, from: Data(contentsOf: url))
        } catch {
            preconditionFailure("cannot read \(url.path): \(error); run Interop/demo/make_fixtures.py")
        }
    }()

    /// The server's current key.
    var secretKey: SecretKey { SecretKey(hex: secretHex) ?? SecretKey(bytes: []) }
    /// The key the server has rotated out.
    var rotatedKey: SecretKey { SecretKey(hex: rotatedSecretHex) ?? SecretKey(bytes: []) }

    /// A cookie by name; a missing one is a broken fixture file.
    func cookie(_ name: String) -> Cookie {
        guard let cookie = cookies[name] else { preconditionFailure("no cookie \(name) in Interop/demo/fixtures.json") }
        return cookie
    }
}
