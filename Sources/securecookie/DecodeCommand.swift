import ArgumentParser
import SecureCookie

import class Foundation.ProcessInfo

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
    @Option(
        help: ArgumentHelp("The current Unix time, for expiry (default: the clock).", valueName: "unix"),
        transform: UnixTimeOptions.parseNow)
    var now: Double?
    @OptionGroup(title: "Limits") var limitOptions: LimitOptions
    @Option(help: ArgumentHelp("Threads that decode standard input's lines (default: one per CPU, at most 8).", valueName: "n"))
    var jobs: Int?
    @Argument(help: "A cookie (default: one a line from standard input).")
    var cookie: String?

    /// Checks `--jobs`.
    ///
    /// - Throws: A usage error for a thread count outside 1...64.
    func validate() throws {
        if let jobs, !(1...64).contains(jobs) { throw ValidationError("--jobs must be between 1 and 64, not \(jobs)") }
    }

    /// The number of threads for a batch: `--jobs`, or one per CPU up to 8.
    private func jobCount() -> Int {
        jobs ?? min(8, max(1, ProcessInfo.processInfo.activeProcessorCount))
    }

    /// Runs the command on the given streams.
    ///
    /// - Returns: The exit status.
    func execute(io: ToolIO) throws -> Int32 {
        let decoder = CookieDecoder(
            framing: try codecOptions.cookieFraming(keys: secrets.keys, limits: limitOptions.limits), now: now)
        if let cookie {
            do {
                let result = try decoder.decode(trimmedLine(Array(cookie.utf8)))
                try io.writeTaggedLine(.dict(result.data))
                if let note = result.note { io.writeError("securecookie: \(note)\n") }
                return 0
            } catch {
                io.writeLine(ErrorLine.text(for: error))
                io.writeError("securecookie: \(error)\n")
                return 1
            }
        }
        let progress = BatchProgress(io: io, verb: "decoded", noun: "cookies")
        BatchDecoder(decoder: decoder, jobs: jobCount()).run(io: io, progress: progress)
        progress.finish()
        return progress.status
    }
}
