import ArgumentParser
import SecureCookie
import SecureCookiePickle

/// `securecookie migrate`: re-issue cookies with another codec, hash or key.
struct MigrateCommand: StreamingCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Re-issue cookies read from standard input with another codec, hash or key, one a line.",
        discussion: """
            Each cookie is verified with the --from-secret* keys and read with --from-codec, then written with \
            --to-codec, --to-hash and the first --to-secret* key (the first old key when none is given). The \
            expiry (_expires) is kept. A cookie that fails, or holds a value the new codec cannot hold, gives \
            its {"$error": "<kind>", "message": "..."} line. Exit 1 if any line failed.
            """
    )

    @Option(help: ArgumentHelp("The codec of the old cookies.", valueName: "name"), completion: ToolCompletions.codecs)
    var fromCodec: String = "pickle"
    @Option(help: ArgumentHelp("The codec of the new cookies.", valueName: "name"), completion: ToolCompletions.codecs)
    var toCodec: String = "json"
    @Option(
        help: ArgumentHelp("The old cookies' hash.", valueName: "name"), completion: ToolCompletions.hashes, transform: parseHash)
    var fromHash: HashMethod = .sha1
    @Option(
        help: ArgumentHelp("The new cookies' hash (default: the old one).", valueName: "name"), completion: ToolCompletions.hashes,
        transform: parseHash)
    var toHash: HashMethod?
    @Option(help: ArgumentHelp("The pickle protocol written, 0-5.", valueName: "n"), transform: parseProtocol)
    var `protocol`: Int = 4
    @Option(
        name: .customLong("py2-str"), help: ArgumentHelp("How Python 2 str values in old pickles are read.", valueName: "mode"),
        completion: ToolCompletions.python2Strings, transform: parsePython2Strings)
    var python2Strings: PicklePython2Strings = .ascii
    @Option(
        help: ArgumentHelp("The current Unix time, for expiry (default: the clock).", valueName: "unix"),
        transform: UnixTimeOptions.parseNow)
    var now: Double?
    @OptionGroup(title: "Old keys") var fromSecrets: FromSecretOptions
    @OptionGroup(title: "New keys") var toSecrets: ToSecretOptions
    @OptionGroup(title: "Limits") var limitOptions: LimitOptions

    func validate() throws {
        let registry = ToolCodecs.registry()
        for name in [fromCodec, toCodec] {
            do { _ = try registry.method(named: name) } catch let error as SecureCookieError { throw ValidationError(error.reason) }
        }
    }

    /// Runs the command on the given streams.
    ///
    /// - Returns: The exit status.
    func execute(io: ToolIO) throws -> Int32 {
        let limits = limitOptions.limits
        let registry = ToolCodecs.registry(pickleProtocol: `protocol`, python2Strings: python2Strings)
        let from = CookieFormat(serializationMethod: try registry.method(named: fromCodec), hashMethod: fromHash, limits: limits)
        let to = CookieFormat(serializationMethod: try registry.method(named: toCodec), hashMethod: toHash ?? fromHash, limits: limits)
        let oldKeys = fromSecrets.keys
        let newKeys = toSecrets.keys.isEmpty ? oldKeys : toSecrets.keys
        let primaryKey = Array(newKeys.prefix(1))
        let progress = BatchProgress(io: io, verb: "migrated", noun: "cookies")
        while let next = io.nextLine() {
            do {
                let line = try next.get()
                guard !line.isEmpty else { throw SecureCookieError.malformed("the line is empty") }
                // Already current (the new primary key and hash verify it and the new codec reads
                // it): passed through unchanged.
                if let current = try? SecureCookie.unserialize(bytes: line, secretKeys: primaryKey, format: to, now: now),
                    current.verification?.needsReissue == false
                {
                    io.writeLine(String(decoding: line, as: UTF8.self))
                    progress.note("already current")
                    progress.succeeded()
                    continue
                }
                let old = try SecureCookie.unserialize(bytes: line, secretKeys: oldKeys, format: from, now: now)
                var new = SecureCookie(old.data, secretKeys: newKeys, format: to)
                let value = try new.serialize(expires: try Self.expiry(of: old))
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

    /// The `_expires` a verified cookie carried, as a whole Unix time (kept when re-issuing).
    static func expiry(of cookie: SecureCookie<CookieFormat>) throws -> Int64? {
        guard let seconds = cookie.sessionExpiry else { return nil }
        guard seconds.isFinite, abs(seconds) < 9.0e18 else {  // checked: abs of a Double cannot trap
            throw SecureCookieError.unrepresentable("_expires is not a Unix time that fits in 64 bits")
        }
        return Int64(seconds.rounded(.down))  // checked: finite and below 9e18 (checked above)
    }
}
