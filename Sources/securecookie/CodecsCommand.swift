import ArgumentParser

/// `securecookie codecs`: list the registered codec names.
struct CodecsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "codecs",
        abstract: "Print the names of the codecs, one a line."
    )

    mutating func run() throws {
        let io = ToolIO.standard()
        for name in ToolCodecs.registry().names { io.writeLine(name) }
        io.flush()
    }
}
