// Built with the package trait `Hummingbird` or `Vapor` (see Package.swift).
#if Hummingbird || Vapor
import ArgumentParser
import Logging
import SecureCookie
import SecureCookiePickle

#if Hummingbird
import Hummingbird
import SecureCookieHummingbird
#endif

/// `securecookie-demo`: a counter whose session a Werkzeug application can share, migrating pickle cookies to JSON.
@main
@available(macOS 14, iOS 17, tvOS 17, visionOS 1, *)
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "securecookie-demo",
        abstract: "Serve a session counter in Werkzeug's SecureCookie format.",
        discussion: """
            Keys: --secret-hex, --secret-file and --secret-env, each repeatable, in command-line order \
            (the first signs, every one verifies); a file or an environment variable keeps the key out of ps. \
            GET /counter adds one to `count` in the `session` cookie and answers the count; \
            GET /grow?bytes=N adds N bytes to the session, to show the 4096-byte cookie limit. \
            With --legacy-codec pickle --codec json, cookies a Werkzeug application wrote with pickle \
            are read and re-issued as JSON. --framework vapor serves the same routes with the same \
            session rules on Vapor 4 instead of Hummingbird 2.
            """)

    /// The frameworks this build has (each behind its package trait), the default first.
    static let frameworks: [String] = {
        var names: [String] = []
        #if Hummingbird
        names.append("hummingbird")
        #endif
        #if Vapor
        names.append("vapor")
        #endif
        return names
    }()

    @Option(help: "The web framework that serves the demo: hummingbird or vapor.")
    var framework: String = DemoCommand.frameworks.first ?? "hummingbird"

    @Option(help: "The port to listen on (0 picks a free one; the log says which).")
    var port: Int = 8080

    @Option(help: "The address to listen on.")
    var hostname: String = "127.0.0.1"

    @Option(
        name: .customLong("secret-hex"), help: ArgumentHelp("A secret key in hex (shows in ps).", valueName: "hex"),
        transform: { try DemoSecret.hex($0) })
    var secretHex: [DemoSecret] = []

    @Option(
        name: .customLong("secret-file"),
        help: ArgumentHelp("A file holding a secret key as raw bytes (one trailing newline removed).", valueName: "path"),
        transform: { try DemoSecret.file($0) })
    var secretFile: [DemoSecret] = []

    @Option(
        name: .customLong("secret-env"), help: ArgumentHelp("An environment variable holding a secret key as text.", valueName: "name"),
        transform: { try DemoSecret.environment($0) })
    var secretEnv: [DemoSecret] = []

    /// The keys in command-line order, whichever options gave them: the first signs, every one verifies.
    var keys: [SecretKey] { DemoSecret.keys(secretHex, secretFile, secretEnv) }

    @Option(help: "The codec sessions are written with (json or pickle).")
    var codec: String = "json"

    @Option(name: .customLong("legacy-codec"), help: "A codec old sessions were written with, read and re-issued.")
    var legacyCodec: String?

    @Option(name: .customLong("python2-strings"), help: "How pickle reads Python 2 str: ascii, latin1, utf-8 or bytes.")
    var python2Strings: String = "ascii"

    @Option(name: .customLong("max-age"), help: "Max-Age of the cookie and lifetime of the session, in seconds.")
    var maxAge: Int?

    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical.")
    var logLevel: String = "info"

    /// The longest `--max-age` accepted: ten years.
    static let maximumMaxAge = 315_360_000

    func validate() throws {
        if keys.isEmpty {
            throw ValidationError("give at least one key: --secret-hex, --secret-file or --secret-env (repeat for rotation)")
        }
        if PicklePython2Strings(named: python2Strings) == nil { throw ValidationError("unknown --python2-strings \(python2Strings)") }
        if Logger.Level(rawValue: logLevel) == nil { throw ValidationError("unknown --log-level \(logLevel)") }
        // Bounded so that the clock plus it is a date a browser keeps (and no sum can overflow).
        if let maxAge, !(0...Self.maximumMaxAge).contains(maxAge) {
            throw ValidationError("--max-age must be 0 to \(Self.maximumMaxAge) seconds (ten years)")
        }
        if !(0...65_535).contains(port) { throw ValidationError("--port must be 0-65535") }
        if !Self.frameworks.contains(framework) {
            throw ValidationError(
                "--framework \(framework) is not in this build (it has \(Self.frameworks.joined(separator: ", "))); "
                    + "build with --traits Hummingbird,Vapor")
        }
    }

    func run() async throws {
        let strings = PicklePython2Strings(named: python2Strings) ?? .ascii
        let format: CookieFormat
        do {
            format = try DemoCodecs.format(codec: codec, legacyCodec: legacyCodec, python2Strings: strings)
        } catch let error as SecureCookieError {
            throw ValidationError(error.description)
        }
        var cookie = SetCookieOptions(httpOnly: true, sameSite: .lax)
        cookie.maxAge = maxAge
        // checked: 0...maximumMaxAge
        let lifetime = maxAge.map { Int64($0) }
        var logger = Logger(label: "securecookie-demo")
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        logger.info("Sessions in the \(format.serializationMethod.name) codec, cookie \(cookie.name), on \(framework)")
        switch framework {
        #if Vapor
        case "vapor":
            try await DemoVaporApplication.run(
                hostname: hostname, port: port, secretKeys: keys, format: format, cookie: cookie, sessionLifetime: lifetime,
                logger: logger)
        #endif
        default:
            #if Hummingbird
            let configuration = SecureCookieSessionConfiguration(cookie: cookie, sessionLifetime: lifetime)
            let app = Hummingbird.Application(
                router: DemoApplication.router(secretKeys: keys, format: format, configuration: configuration),
                configuration: .init(address: .hostname(hostname, port: port), serverName: "securecookie-demo"),
                logger: logger)
            try await app.runService()
            #else
            // validate() lets through only the frameworks this build has.
            throw ValidationError("--framework \(framework) is not in this build")
            #endif
        }
    }
}
#endif
