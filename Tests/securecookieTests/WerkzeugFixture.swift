import Foundation
import SecureCookie
import SecureCookieJSON
import SecureCookieTestKit

/// One cookie written by real Werkzeug 0.16.1, from `Fixtures/werkzeug/cookies-*.jsonl`
/// (made by `Fixtures/werkzeug/make_fixtures.py`), with what Python reads from it.
struct WerkzeugFixture: Sendable, CustomStringConvertible {
    var file: String
    var lineNumber: Int
    var name: String
    var python: String
    var codec: String
    var hash: String
    var protocolVersion: Int?
    var python2Strings: String?
    var now: Double?
    var expires: Int?
    /// `["--secret-hex", "..."]` or `["--secret", "..."]` for each key, signing key first.
    var secretArguments: [[String]]
    var cookie: String
    var expected: PythonValue?
    var expectedError: String?
    var keyIndex: Int?

    var description: String { "\(file):\(lineNumber) \(codec) \(name)" }

    /// The `decode` options for this cookie (without the cookie).
    var decodeArguments: [String] {
        var arguments = ["decode", "--codec", codec, "--hash", hash]
        for secret in secretArguments { arguments += secret }
        if let python2Strings { arguments += ["--py2-str", python2Strings] }
        if let now { arguments += ["--now", String(now)] }
        return arguments
    }

    /// Every fixture line of both files.
    static let all: [WerkzeugFixture] = load()

    /// The one `make demo` decodes.
    static var demo: WerkzeugFixture? { all.first { $0.name.hasPrefix("demo:") } }

    private static func load() -> [WerkzeugFixture] {
        var fixtures: [WerkzeugFixture] = []
        for file in ["cookies-py3.jsonl", "cookies-py2.7.jsonl"] {
            let url = TestPaths.fixtures.appendingPathComponent("werkzeug").appendingPathComponent(file)
            guard let lines = try? TestPaths.lines(url) else { continue }
            for (index, line) in lines.enumerated() {
                if let fixture = parse(line, file: file, lineNumber: index + 1) { fixtures.append(fixture) }
            }
        }
        return fixtures
    }

    /// Reads a line with the core's tagged-JSON reader, so `expected` keeps every Python type.
    private static func parse(_ line: String, file: String, lineNumber: Int) -> WerkzeugFixture? {
        let roomy = SecureCookieLimits(
            maximumCookieLength: 1 << 22, maximumItems: 1 << 16, maximumDepth: 1000,
            maximumNodes: 1 << 22, maximumValueBytes: 1 << 22)
        guard case .dict(let fields)? = try? TaggedJSON.decode(line, limits: roomy) else {
            return WerkzeugFixture(
                file: file, lineNumber: lineNumber, name: "unreadable fixture line", python: "", codec: "",
                hash: "", secretArguments: [], cookie: "")
        }
        func string(_ key: String) -> String? { fields[key]?.stringValue }
        func int(_ key: String) -> Int? { fields[key]?.intValue }
        var secrets: [[String]] = []
        for secret in fields["secrets"]?.arrayValue ?? [] {
            if let hex = secret["hex"]?.stringValue { secrets.append(["--secret-hex", hex]) }
            if let text = secret["text"]?.stringValue { secrets.append(["--secret", text]) }
        }
        return WerkzeugFixture(
            file: file, lineNumber: lineNumber, name: string("name") ?? "", python: string("python") ?? "",
            codec: string("codec") ?? "", hash: string("hash") ?? "", protocolVersion: int("protocol"),
            python2Strings: string("py2_str"), now: int("now").map(Double.init), expires: int("expires"),
            secretArguments: secrets, cookie: string("cookie") ?? "", expected: fields["expected"],
            expectedError: string("expected_error"), keyIndex: int("key_index"))
    }

    private init(
        file: String, lineNumber: Int, name: String, python: String, codec: String, hash: String,
        protocolVersion: Int? = nil, python2Strings: String? = nil, now: Double? = nil, expires: Int? = nil,
        secretArguments: [[String]], cookie: String, expected: PythonValue? = nil, expectedError: String? = nil,
        keyIndex: Int? = nil
    ) {
        self.file = file
        self.lineNumber = lineNumber
        self.name = name
        self.python = python
        self.codec = codec
        self.hash = hash
        self.protocolVersion = protocolVersion
        self.python2Strings = python2Strings
        self.now = now
        self.expires = expires
        self.secretArguments = secretArguments
        self.cookie = cookie
        self.expected = expected
        self.expectedError = expectedError
        self.keyIndex = keyIndex
    }
}
