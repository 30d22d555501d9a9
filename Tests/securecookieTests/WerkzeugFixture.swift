import SecureCookieTestKit

/// The tool's tests read Werkzeug's cookies through the test kit's one model of them.
typealias WerkzeugFixture = WerkzeugCookieFixture

extension WerkzeugCookieFixture {
    /// `["--secret-hex", "..."]` or `["--secret", "..."]` for each key, signing key first.
    var secretArguments: [[String]] { secrets.map(\.toolArguments) }

    /// The `decode` options for this cookie (without the cookie).
    var decodeArguments: [String] {
        var arguments = ["decode", "--codec", codec, "--hash", hash]
        for secret in secretArguments { arguments += secret }
        if let python2Strings { arguments += ["--py2-str", python2Strings] }
        if let now { arguments += ["--now", String(now)] }
        return arguments
    }

    /// The one `make demo` decodes.
    static var demo: WerkzeugFixture? { all.first { $0.name.hasPrefix("demo:") } }
}
