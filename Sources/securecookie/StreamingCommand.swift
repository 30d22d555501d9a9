import ArgumentParser

/// A command that reads and writes the standard streams through a buffered ``ToolIO`` and ends
/// with an exit status: `decode`, `encode`, `inspect`, `migrate`.
protocol StreamingCommand: ParsableCommand {
    /// Runs the command on the given streams.
    ///
    /// - Returns: The exit status.
    func execute(io: ToolIO) throws -> Int32
}

extension StreamingCommand {
    /// Runs on the process's streams, flushes them, and exits with the command's status.
    mutating func run() throws {
        let io = ToolIO.standard()
        let status = try execute(io: io)
        io.flush()
        if status != 0 { throw ExitCode(status) }
    }
}
