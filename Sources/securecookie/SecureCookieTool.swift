import ArgumentParser

/// `securecookie`: read, write, inspect and migrate Werkzeug `SecureCookie` cookies.
@main
struct SecureCookieTool: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "securecookie",
        abstract: "Read, write, inspect and migrate Werkzeug 0.16.1 SecureCookie cookies.",
        discussion: """
            Values are shown and typed in as tagged JSON, one document a line: tuples, bytes, sets, \
            datetimes and big integers keep their Python type ({"$tuple": [1, 2]}, {"$bytes": "AAE="}...).
            Batch commands read one cookie or value a line from standard input and print exactly one \
            line for each: the result, or {"$error": "<kind>", "message": "..."}; they exit 1 if any \
            line failed, and end with a one-line summary on standard error.
            """,
        version: ToolVersion.current,
        subcommands: [
            DecodeCommand.self, EncodeCommand.self, InspectCommand.self, MigrateCommand.self,
            KeygenCommand.self, CodecsCommand.self,
        ]
    )
}
