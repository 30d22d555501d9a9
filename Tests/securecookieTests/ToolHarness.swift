import ArgumentParser
import Foundation
import SecureCookie

@testable import securecookie

/// The result of one run of the tool.
struct ToolRun {
    /// The exit status.
    var status: Int32
    /// Standard output, one element a line.
    var lines: [String]
    /// Standard error.
    var errors: String
}

/// Runs the tool's parsed commands in this process, on memory streams.
enum InProcess {
    /// Parses `arguments` as the tool would and runs the command with `input` as standard input.
    ///
    /// - Throws: The parse error for a bad command line.
    static func run(_ arguments: [String], input: [String] = []) throws -> ToolRun {
        let command = try SecureCookieTool.parseAsRoot(arguments)
        let io = ToolIO.memory(input: input)
        let status: Int32
        switch command {
        case let command as DecodeCommand: status = try command.execute(io: io)
        case let command as EncodeCommand: status = try command.execute(io: io)
        case let command as InspectCommand: status = try command.execute(io: io)
        case let command as MigrateCommand: status = try command.execute(io: io)
        case let command as KeygenCommand:
            io.writeLine(command.key())
            status = 0
        case is CodecsCommand:
            for name in ToolCodecs.registry().names { io.writeLine(name) }
            status = 0
        default:
            throw ToolHarnessError("no runner for \(type(of: command))")
        }
        return ToolRun(status: status, lines: io.outputLines, errors: io.collectedErrors)
    }

    /// The exit code the tool gives for a command line that does not parse.
    static func exitCode(_ arguments: [String]) -> Int32 {
        do {
            _ = try SecureCookieTool.parseAsRoot(arguments)
            return 0
        } catch {
            return SecureCookieTool.exitCode(for: error).rawValue
        }
    }

    /// The message the tool prints for a command line that does not parse.
    static func usageMessage(_ arguments: [String]) -> String {
        do {
            _ = try SecureCookieTool.parseAsRoot(arguments)
            return ""
        } catch {
            return SecureCookieTool.message(for: error)
        }
    }
}

/// Runs the built `securecookie` binary as a separate process.
enum Binary {
    /// The binary beside the test bundle, in the same build folder.
    static var url: URL? {
        let candidates = [
            Bundle.main.executableURL?.deletingLastPathComponent(),
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL.deletingLastPathComponent(),
        ].compactMap { $0 }
        for folder in candidates {
            let url = folder.appendingPathComponent("securecookie")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }

    /// Runs the binary with `stdin` as standard input, and `environment` added to this process's.
    static func run(_ arguments: [String], stdin: String = "", environment: [String: String] = [:]) throws -> ToolRun {
        guard let url else { throw ToolHarnessError("the securecookie binary is not in the build folder") }
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let writer = Thread {
            input.fileHandleForWriting.write(Data(stdin.utf8))
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let errorData = ErrorCollector(errors.fileHandleForReading)
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: outData, as: UTF8.self)
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        return ToolRun(status: process.terminationStatus, lines: lines, errors: errorData.text())
    }
}

/// Reads a pipe on another thread so neither pipe fills up.
final class ErrorCollector: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread {
            self.data = handle.readDataToEndOfFile()
            self.done.signal()
        }.start()
    }

    func text() -> String {
        done.wait()
        return String(decoding: data, as: UTF8.self)
    }
}

/// A failure of the harness itself.
struct ToolHarnessError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// The `$error` kind of an error line, or `nil` for any other line.
func errorKind(_ line: String) -> String? {
    guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return nil }
    return object["$error"] as? String
}
