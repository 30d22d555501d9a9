import ArgumentParser
import SecureCookie

/// `securecookie decode`: verify cookies and print their data as tagged JSON.
struct DecodeCommand: StreamingCommand {
    static let configuration = CommandConfiguration(
        commandName: "decode",
        abstract: "Verify cookies and print their data as one line of tagged JSON each.",
        discussion: """
            With COOKIE, decodes that one cookie: its data, or an error line (and a message on standard \
            error, exit 1). Without it, reads one cookie a line from standard input and prints one line \
            for each: the data or {"$error": "<kind>", "message": "..."} with kind one of bad-signature, \
            expired, malformed, undecodable, refused, limit-exceeded. Exit 0 if every line decoded, 1 otherwise.
            """
    )

    @OptionGroup var codecOptions: CodecOptions
    @OptionGroup(title: "Keys") var secrets: SecretOptions
    @Option(help: ArgumentHelp("The current Unix time, for expiry (default: the clock).", valueName: "unix"))
    var now: Double?
    @OptionGroup(title: "Limits") var limitOptions: LimitOptions
    @Argument(help: "A cookie (default: one a line from standard input).")
    var cookie: String?

    /// Runs the command on the given streams.
    ///
    /// - Returns: The exit status.
    func execute(io: ToolIO) throws -> Int32 {
        let decoder = CookieDecoder(format: try codecOptions.format(limits: limitOptions.limits), keys: secrets.keys, now: now)
        if let cookie {
            do {
                let result = try decoder.decode(trimmedLine(Array(cookie.utf8)))
                io.writeTaggedLine(.dict(result.data))
                if let note = result.note { io.writeError("securecookie: \(note)\n") }
                return 0
            } catch {
                io.writeLine(ErrorLine.text(for: error))
                io.writeError("securecookie: \(error)\n")
                return 1
            }
        }
        let progress = BatchProgress(io: io, verb: "decoded", noun: "cookies")
        while let line = io.nextLine() {
            do {
                let result = try decoder.decode(line)
                io.writeTaggedLine(.dict(result.data))
                progress.succeeded()
                if let note = result.note { progress.note(note) }
            } catch {
                io.writeLine(ErrorLine.text(for: error))
                progress.failed(error)
            }
        }
        progress.finish()
        return progress.status
    }
}
