import ArgumentParser
import SecureCookie
import SecureCookieFlask
import SecureCookieJSON
import SecureCookieMessagePack
import SecureCookiePickle
import SecureCookieYAML

/// The codecs the tool offers, built with the command line's codec options.
enum ToolCodecs {
    /// Every codec, as a registry: `json`, `pickle`, `yaml`, `msgpack`, `secure-cookie-json`, `flask`.
    ///
    /// - Parameters:
    ///   - pickleProtocol: The protocol pickles are written with.
    ///   - python2Strings: How Python 2 `str` values in pickles are read.
    /// - Returns: A registry holding the six codecs.
    static func registry(pickleProtocol: Int = 4, python2Strings: PicklePython2Strings = .ascii) -> SerializationRegistry {
        SerializationRegistry([
            JSONSerializationMethod(),
            PickleSerializationMethod(protocolVersion: pickleProtocol, python2Strings: python2Strings),
            YAMLSerializationMethod(),
            MessagePackSerializationMethod(),
            SecureCookieJSONSerializationMethod(),
            FlaskTaggedJSONSerializationMethod(),
        ])
    }
}

/// Parses a hash name.
func parseHash(_ name: String) throws -> HashMethod {
    guard let method = HashMethod(named: name) else {
        let names = HashMethod.all.map(\.name).joined(separator: ", ")
        throw ValidationError("no hash named '\(name)' (known: \(names))")
    }
    return method
}

/// The framings the tool offers: `werkzeug` and `flask`.
enum ToolFraming: String, CaseIterable, ExpressibleByArgument {
    /// Werkzeug's `SecureCookie`.
    case werkzeug
    /// Flask's session cookie.
    case flask

    /// The codec a framing's cookies use unless `--codec` says otherwise.
    var defaultCodec: String { self == .werkzeug ? "json" : "flask" }

    /// The framing, with its keys and settings.
    ///
    /// - Parameters:
    ///   - codec: The codec.
    ///   - hash: Werkzeug's MAC hash.
    ///   - keys: The keys, the first signing.
    ///   - limits: The limits.
    ///   - salt: Flask's salt.
    ///   - maxAge: Flask's maximum age.
    /// - Returns: The framing.
    func framing(
        codec: any SerializationMethod, hash: HashMethod, keys: [SecretKey], limits: SecureCookieLimits, salt: String,
        maxAge: Int64
    ) -> any CookieFraming {
        switch self {
        case .werkzeug:
            return WerkzeugFraming(
                format: CookieFormat(serializationMethod: codec, hashMethod: hash, limits: limits), secretKeys: keys)
        case .flask:
            return FlaskSessionFraming(
                secretKeys: keys, salt: salt, maximumAge: maxAge, serializationMethod: codec, limits: limits)
        }
    }
}

/// Parses `--max-age`.
func parseMaximumAge(_ text: String) throws -> Int64 {
    guard let value = Int64(text), value >= 0 else {  // checked: failable parse, then range-checked
        throw ValidationError("--max-age is a whole number of seconds from 0; not '\(text)'")
    }
    return value
}

/// Parses a `--py2-str` mode.
func parsePython2Strings(_ name: String) throws -> PicklePython2Strings {
    guard ["ascii", "latin1", "utf-8", "bytes"].contains(name), let mode = PicklePython2Strings(named: name) else {
        throw ValidationError("--py2-str is one of ascii, latin1, utf-8, bytes; not '\(name)'")
    }
    return mode
}

/// Parses a pickle protocol.
func parseProtocol(_ text: String) throws -> Int {
    guard let value = Int(text), (0...5).contains(value) else {  // checked: failable parse, then range-checked
        throw ValidationError("--protocol is a pickle protocol from 0 to 5; not '\(text)'")
    }
    return value
}

/// `--format`, `--codec`, `--hash`, `--py2-str`, `--salt`, `--max-age`: the cookie type of the cookies read or written.
struct CodecOptions: ParsableArguments {
    @Option(
        name: .customLong("format"),
        help: ArgumentHelp(
            "The cookie framing: werkzeug (SecureCookie) or flask (Flask's session cookie).", valueName: "framing"))
    var framing: ToolFraming = .werkzeug

    @Option(
        help: ArgumentHelp(
            "The codec: json, secure-cookie-json, pickle, yaml, msgpack or flask (default: json; flask with --format flask).",
            valueName: "name"),
        completion: ToolCompletions.codecs)
    var codec: String?

    @Option(help: ArgumentHelp("Flask: the salt of the signing key's derivation.", valueName: "text"))
    var salt: String = "cookie-session"

    @Option(
        name: .customLong("max-age"),
        help: ArgumentHelp(
            "Flask: the oldest cookie accepted, in seconds (default 2678400, Flask's 31 days).", valueName: "seconds"),
        transform: parseMaximumAge)
    var maxAge: Int64 = FlaskSessionFraming.defaultMaximumAge

    @Option(
        help: ArgumentHelp("The MAC's hash: md5, sha1 (Werkzeug's default), sha256, sha384 or sha512.", valueName: "name"),
        completion: ToolCompletions.hashes, transform: parseHash)
    var hash: HashMethod = .insecureSHA1

    @Option(
        name: .customLong("py2-str"),
        help: ArgumentHelp(
            "How Python 2 str values in pickles are read: ascii (Python 3's default), latin1, utf-8 or bytes.",
            valueName: "mode"),
        completion: ToolCompletions.python2Strings, transform: parsePython2Strings)
    var python2Strings: PicklePython2Strings = .ascii

    /// The codec, with the pickle options applied.
    func method(pickleProtocol: Int = 4) throws -> any SerializationMethod {
        try ToolCodecs.registry(pickleProtocol: pickleProtocol, python2Strings: python2Strings)
            .method(named: codec ?? framing.defaultCodec)
    }

    /// The framing, with its codec and keys.
    func cookieFraming(keys: [SecretKey], limits: SecureCookieLimits, pickleProtocol: Int = 4) throws -> any CookieFraming {
        framing.framing(
            codec: try method(pickleProtocol: pickleProtocol), hash: hash, keys: keys, limits: limits, salt: salt, maxAge: maxAge)
    }

    /// The cookie type.
    func format(limits: SecureCookieLimits, pickleProtocol: Int = 4) throws -> CookieFormat {
        CookieFormat(serializationMethod: try method(pickleProtocol: pickleProtocol), hashMethod: hash, limits: limits)
    }

    func validate() throws {
        do {
            _ = try method()
        } catch let error as SecureCookieError {
            throw ValidationError(error.reason)
        }
    }
}
