import ArgumentParser
import SecureCookie
import SecureCookiePickle

import struct Foundation.Date

/// `securecookie migrate`: re-issue cookies with another codec, hash or key.
struct MigrateCommand: StreamingCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Re-issue cookies read from standard input with another framing, codec, hash or key, one a line.",
        discussion: """
            Each cookie is verified with the --from-secret* keys and read in --from-format with --from-codec, then \
            written in --to-format with --to-codec, --to-hash and the first --to-secret* key (the first old key when \
            none is given). A Werkzeug cookie's expiry (_expires) is kept when the new cookie is a Werkzeug one; a \
            Flask cookie's deadline (its timestamp plus --max-age) becomes the new Werkzeug cookie's _expires. A new \
            Flask cookie is signed at --now (its age starts again). A cookie that fails, or holds a value the new \
            codec cannot hold, gives its {"$error": "<kind>", "message": "..."} line. Exit 1 if any line failed.
            """
    )

    @Option(name: .customLong("from-format"), help: ArgumentHelp("The old cookies' framing: werkzeug or flask.", valueName: "framing"))
    var fromFormat: ToolFraming = .werkzeug
    @Option(name: .customLong("to-format"), help: ArgumentHelp("The new cookies' framing: werkzeug or flask.", valueName: "framing"))
    var toFormat: ToolFraming = .werkzeug
    @Option(
        help: ArgumentHelp("The codec of the old cookies (default: pickle; flask with --from-format flask).", valueName: "name"),
        completion: ToolCompletions.codecs)
    var fromCodec: String?
    @Option(
        help: ArgumentHelp("The codec of the new cookies (default: json; flask with --to-format flask).", valueName: "name"),
        completion: ToolCompletions.codecs)
    var toCodec: String?
    @Option(
        help: ArgumentHelp("The old cookies' hash.", valueName: "name"), completion: ToolCompletions.hashes, transform: parseHash)
    var fromHash: HashMethod = .insecureSHA1
    @Option(
        help: ArgumentHelp("The new cookies' hash (default: the old one).", valueName: "name"), completion: ToolCompletions.hashes,
        transform: parseHash)
    var toHash: HashMethod?
    @Option(help: ArgumentHelp("Flask: the old cookies' salt.", valueName: "text"))
    var fromSalt: String = "cookie-session"
    @Option(help: ArgumentHelp("Flask: the new cookies' salt.", valueName: "text"))
    var toSalt: String = "cookie-session"
    @Option(
        name: .customLong("max-age"),
        help: ArgumentHelp("Flask: the oldest cookie accepted, in seconds (default 2678400).", valueName: "seconds"),
        transform: parseMaximumAge)
    var maxAge: Int64 = 2_678_400
    @Option(help: ArgumentHelp("The pickle protocol written, 0-5.", valueName: "n"), transform: parseProtocol)
    var `protocol`: Int = 4
    @Option(
        name: .customLong("py2-str"), help: ArgumentHelp("How Python 2 str values in old pickles are read.", valueName: "mode"),
        completion: ToolCompletions.python2Strings, transform: parsePython2Strings)
    var python2Strings: PicklePython2Strings = .ascii
    @Option(
        help: ArgumentHelp("The current Unix time, for expiry and new Flask timestamps (default: the clock).", valueName: "unix"),
        transform: UnixTimeOptions.parseNow)
    var now: Double?
    @OptionGroup(title: "Old keys") var fromSecrets: FromSecretOptions
    @OptionGroup(title: "New keys") var toSecrets: ToSecretOptions
    @OptionGroup(title: "Limits") var limitOptions: LimitOptions

    private var fromCodecName: String { fromCodec ?? (fromFormat == .werkzeug ? "pickle" : "flask") }
    private var toCodecName: String { toCodec ?? toFormat.defaultCodec }

    func validate() throws {
        let registry = ToolCodecs.registry()
        for name in [fromCodecName, toCodecName] {
            do { _ = try registry.method(named: name) } catch let error as SecureCookieError { throw ValidationError(error.reason) }
        }
    }

    /// Runs the command on the given streams.
    ///
    /// - Returns: The exit status.
    func execute(io: ToolIO) throws -> Int32 {
        let limits = limitOptions.limits
        let registry = ToolCodecs.registry(pickleProtocol: `protocol`, python2Strings: python2Strings)
        let fromMethod = try registry.method(named: fromCodecName)
        let toMethod = try registry.method(named: toCodecName)
        let oldKeys = fromSecrets.keys
        let newKeys = toSecrets.keys.isEmpty ? oldKeys : toSecrets.keys
        func framing(_ kind: ToolFraming, _ codec: any SerializationMethod, _ hash: HashMethod, _ keys: [SecretKey], _ salt: String)
            -> any CookieFraming
        {
            kind.framing(codec: codec, hash: hash, keys: keys, limits: limits, salt: salt, maxAge: maxAge)
        }
        let from = framing(fromFormat, fromMethod, fromHash, oldKeys, fromSalt)
        let to = framing(toFormat, toMethod, toHash ?? fromHash, newKeys, toSalt)
        let current = framing(toFormat, toMethod, toHash ?? fromHash, Array(newKeys.prefix(1)), toSalt)
        let progress = BatchProgress(io: io, verb: "migrated", noun: "cookies")
        while let next = io.nextLine() {
            do {
                let line = try next.get()
                guard !line.isEmpty else { throw SecureCookieError.malformed("the line is empty") }
                let time = now ?? Date().timeIntervalSince1970
                // Already current (the new primary key and hash verify it in the new framing and the new
                // codec reads it): passed through unchanged.
                if let session = try? current.read(line, now: time), !session.verification.needsReissue {
                    io.writeLine(String(decoding: line, as: UTF8.self))
                    progress.note("already current")
                    progress.succeeded()
                    continue
                }
                let old = try from.read(line, now: time)
                let value = try to.write(old.data, now: time, expires: try Self.expiry(of: old))
                try CookieData.checkLength(value, limits: limits)
                io.writeLine(value)
                progress.note("converted")
                progress.succeeded()
            } catch {
                io.writeLine(ErrorLine.text(for: error))
                progress.failed(error)
            }
        }
        progress.finish()
        return progress.status
    }

    /// The expiry a verified cookie carried (Werkzeug's `_expires`, a Flask cookie's deadline), as a whole
    /// Unix time (kept when re-issuing a Werkzeug cookie).
    static func expiry(of session: FramedSession) throws -> Int64? {
        guard let seconds = session.expiry else { return nil }
        guard seconds.isFinite, abs(seconds) < 9.0e18 else {  // checked: abs of a Double cannot trap
            throw SecureCookieError.unrepresentable("the expiry is not a Unix time that fits in 64 bits")
        }
        return Int64(seconds.rounded(.down))  // checked: finite and below 9e18 (checked above)
    }
}
