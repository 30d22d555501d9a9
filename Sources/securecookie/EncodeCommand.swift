import ArgumentParser
import Foundation
import SecureCookie
import SecureCookieJSON

/// `securecookie encode`: write cookies from tagged-JSON dicts.
struct EncodeCommand: StreamingCommand {
    static let configuration = CommandConfiguration(
        commandName: "encode",
        abstract: "Write a cookie for each tagged-JSON dict read from standard input, one a line.",
        discussion: """
            Each input line is a dict with str keys in tagged JSON, such as {"user": 42, "roles": {"$tuple": ["admin"]}}. \
            Each output line is the cookie, signed with the first key, or {"$error": "<kind>", "message": "..."} \
            for a value that fails (unrepresentable: a value the codec cannot hold, as Python's own codec \
            refuses it; undecodable: the line is not tagged JSON). Exit 1 if any line failed.
            """
    )

    @OptionGroup var codecOptions: CodecOptions
    @Option(
        help: ArgumentHelp("The pickle protocol written, 0-5 (Python 3.8+ writes 4).", valueName: "n"),
        transform: parseProtocol)
    var `protocol`: Int = 4
    @Option(
        help: ArgumentHelp("Store an expiry, a Unix time, in the cookie's _expires item.", valueName: "unix"),
        transform: UnixTimeOptions.parseExpires)
    var expires: Int64?
    @Option(
        help: ArgumentHelp("Flask: the signing time stored in the cookie, a Unix time (default: the clock).", valueName: "unix"),
        transform: UnixTimeOptions.parseNow)
    var now: Double?
    @OptionGroup(title: "Keys") var secrets: SecretOptions
    @OptionGroup(title: "Limits") var limitOptions: LimitOptions

    /// Checks that `--expires` is not given for a framing that carries no expiry.
    ///
    /// - Throws: A usage error.
    func validate() throws {
        if codecOptions.framing == .flask && expires != nil {
            throw ValidationError(
                "--expires is for werkzeug cookies: a Flask cookie's age is its timestamp (--now), checked with --max-age")
        }
    }

    /// Runs the command on the given streams.
    ///
    /// - Returns: The exit status.
    func execute(io: ToolIO) throws -> Int32 {
        let limits = limitOptions.limits
        let framing = try codecOptions.cookieFraming(keys: secrets.keys, limits: limits, pickleProtocol: `protocol`)
        let progress = BatchProgress(io: io, verb: "encoded", noun: "values")
        while let next = io.nextLine() {
            do {
                let line = try next.get()
                guard let text = String(bytes: line, encoding: .utf8) else {
                    throw SecureCookieError.undecodable("the line is not valid UTF-8")
                }
                let given = try TaggedJSON.decode(text, limits: limits)
                // A Flask session's keys may be any JSON key (Flask writes int keys as strings); a Werkzeug
                // cookie's items are str.
                let data = codecOptions.framing == .flask ? try CookieData.anyDict(from: given) : try CookieData.dict(from: given)
                let value = try framing.write(data, now: now ?? Date().timeIntervalSince1970, expires: expires)
                try CookieData.checkLength(value, limits: limits)
                io.writeLine(value)
                progress.succeeded()
            } catch {
                io.writeLine(ErrorLine.text(for: error))
                progress.failed(error)
            }
        }
        progress.finish()
        return progress.status
    }
}
