import SecureCookie
import SecureCookieJSON

/// One cookie written by real Werkzeug 0.16.1, a line of `Fixtures/werkzeug/cookies-py3.jsonl` or
/// `cookies-py2.7.jsonl` (made by `Fixtures/werkzeug/make_fixtures.py`), with what Python read
/// from it: the one model of those files that every test target reads them through.
///
/// Lines are read with tagged JSON, so ``expected`` keeps every Python type; a line that cannot be
/// read becomes a fixture named `unreadable fixture line`, which fails whatever test gets it rather
/// than vanishing.
public struct WerkzeugCookieFixture: Sendable, CustomStringConvertible {
    /// One of the keys the cookie may be signed with, as the fixture spells it.
    public enum Secret: Sendable, Hashable {
        /// Key bytes in hexadecimal.
        case hex(String)
        /// A text key (its UTF-8 bytes).
        case text(String)

        /// The key, or `nil` for hex that is not hex.
        public var key: SecretKey? {
            switch self {
            case .hex(let hex): return SecretKey(hex: hex)
            case .text(let text): return SecretKey(text)
            }
        }

        /// The `securecookie` options that pass this key.
        public var toolArguments: [String] {
            switch self {
            case .hex(let hex): return ["--secret-hex", hex]
            case .text(let text): return ["--secret", text]
            }
        }
    }

    /// `cookies-py3.jsonl` or `cookies-py2.7.jsonl`.
    public var file: String
    /// The line's number in its file, from 1.
    public var lineNumber: Int
    /// What the cookie holds or tests (`empty`, `rotated key`...).
    public var name: String
    /// The Python that wrote it (`3.11.7`, `2.7.18`).
    public var python: String
    /// The codec's registry name (`json`, `pickle`, `yaml`, `msgpack`).
    public var codec: String
    /// The hash's name (`sha1`, `sha256`...).
    public var hash: String
    /// The pickle protocol, for pickle cookies.
    public var protocolVersion: Int?
    /// The Python 2 `str` mode the cookie must be read with (`--py2-str`), where it matters.
    public var python2Strings: String?
    /// The clock the cookie must be read at, for cookies with an expiry.
    public var now: Double?
    /// The `_expires` Werkzeug wrote, if any.
    public var expires: Int?
    /// The keys to read it with, the signing key first.
    public var secrets: [Secret]
    /// The cookie's text.
    public var cookie: String
    /// What Werkzeug read from it, when it reads.
    public var expected: PythonValue?
    /// The error kind expected instead (`bad-signature`, `expired`...).
    public var expectedError: String?
    /// Which of ``secrets`` signed it, when not the first.
    public var keyIndex: Int?

    /// The file, line, codec and name.
    public var description: String { "\(file):\(lineNumber) \(codec) \(name)" }

    /// The hash, or `nil` for a name this build does not know.
    public var hashMethod: HashMethod? { HashMethod(named: hash) }

    /// The keys as ``SecretKey`` values (a secret that is not valid hex is left out).
    public var secretKeys: [SecretKey] { secrets.compactMap(\.key) }

    /// Whether Python 3 wrote it.
    public var isPython3: Bool { python.hasPrefix("3") }

    /// Whether writing ``expected`` again with the first key (and ``expires``) must give ``cookie``
    /// byte for byte: Python 3's cookies Werkzeug read, signed with the first key. (Python 2.7's
    /// cookies differ in their codecs' bytes: its `repr` of floats, its pickles of `str`.)
    public var isRewritable: Bool { isPython3 && expected != nil && (keyIndex ?? 0) == 0 }

    /// Every line of both files, in file order.
    public static let all: [WerkzeugCookieFixture] = load()

    /// The lines of one codec.
    ///
    /// - Parameter codec: The codec's registry name.
    /// - Returns: Its fixtures, in file order.
    public static func of(codec: String) -> [WerkzeugCookieFixture] { all.filter { $0.codec == codec } }

    private static func load() -> [WerkzeugCookieFixture] {
        var fixtures: [WerkzeugCookieFixture] = []
        for file in ["cookies-py3.jsonl", "cookies-py2.7.jsonl"] {
            let url = TestPaths.fixtures.appendingPathComponent("werkzeug").appendingPathComponent(file)
            guard let lines = try? TestPaths.lines(url) else {
                fixtures.append(unreadable(file, 0))
                continue
            }
            for (index, line) in lines.enumerated() {
                fixtures.append(parse(line, file: file, lineNumber: index + 1))
            }
        }
        return fixtures
    }

    private static func unreadable(_ file: String, _ lineNumber: Int) -> WerkzeugCookieFixture {
        WerkzeugCookieFixture(
            file: file, lineNumber: lineNumber, name: "unreadable fixture line", python: "", codec: "", hash: "",
            secrets: [], cookie: "")
    }

    private static func parse(_ line: String, file: String, lineNumber: Int) -> WerkzeugCookieFixture {
        let roomy = SecureCookieLimits(
            maximumCookieLength: 1 << 22, maximumItems: 1 << 16, maximumDepth: 1000,
            maximumNodes: 1 << 22, maximumValueBytes: 1 << 22)
        guard case .dict(let fields)? = try? TaggedJSON.decode(line, limits: roomy) else {
            return unreadable(file, lineNumber)
        }
        func string(_ key: String) -> String? { fields[key]?.stringValue }
        func int(_ key: String) -> Int? { fields[key]?.intValue }
        let now = fields["now"]?.intValue.map(Double.init) ?? fields["now"]?.doubleValue
        let secrets: [Secret] = (fields["secrets"]?.arrayValue ?? []).compactMap { secret in
            if let hex = secret["hex"]?.stringValue { return .hex(hex) }
            return secret["text"]?.stringValue.map(Secret.text)
        }
        return WerkzeugCookieFixture(
            file: file, lineNumber: lineNumber, name: string("name") ?? "", python: string("python") ?? "",
            codec: string("codec") ?? "", hash: string("hash") ?? "", protocolVersion: int("protocol"),
            python2Strings: string("py2_str"), now: now, expires: int("expires"), secrets: secrets,
            cookie: string("cookie") ?? "", expected: fields["expected"], expectedError: string("expected_error"),
            keyIndex: int("key_index"))
    }

    private init(
        file: String, lineNumber: Int, name: String, python: String, codec: String, hash: String,
        protocolVersion: Int? = nil, python2Strings: String? = nil, now: Double? = nil, expires: Int? = nil,
        secrets: [Secret], cookie: String, expected: PythonValue? = nil, expectedError: String? = nil,
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
        self.secrets = secrets
        self.cookie = cookie
        self.expected = expected
        self.expectedError = expectedError
        self.keyIndex = keyIndex
    }
}
