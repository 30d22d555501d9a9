import Foundation
import SecureCookie
import Testing

@testable import securecookie

/// `decode` on several threads: the same lines, in the same order, with the same summary and
/// status as on one; and the bound on an input line's length, in every batch command.
@Suite("Batch decode on several threads, and overlong lines")
struct ParallelDecodeTests {
    static let known = "XqZOmAc4aVSF3N3Kri4mETmzR10=?a=MQ==&b=Mg=="

    /// Cookies of every outcome, each one distinct, so that a line out of place shows.
    static func mixedInput(count: Int) throws -> [String] {
        let values = (0..<count).map { "{\"n\": \($0)}" }
        let current = try InProcess.run(["encode", "--secret", "new"], input: values).lines
        let old = try InProcess.run(["encode", "--secret", "old"], input: values).lines
        return (0..<count).map { index in
            switch index % 7 {
            case 0, 1, 2: return current[index]
            case 3: return old[index]  // verified by the older key: a note in the summary
            case 4: return current[index].replacingOccurrences(of: "=?", with: "A=?")  // bad signature
            case 5: return index % 2 == 0 ? "" : "not a cookie \(index)"  // malformed
            default: return "   " + current[index] + "\r"
            }
        }
    }

    /// The summary without its timing.
    static func summary(_ errors: String) -> String {
        errors.components(separatedBy: " in ").first ?? errors
    }

    @Test("the same lines, summary and status on 1, 2, 3 and 7 threads, across chunk boundaries", arguments: [2, 3, 7])
    func sameAsOneThread(jobs: Int) throws {
        let input = try Self.mixedInput(count: BatchDecoder.chunkSize * 2 + 37)
        let arguments = ["decode", "--secret", "new", "--secret", "old"]
        let serial = try InProcess.run(arguments + ["--jobs", "1"], input: input)
        let parallel = try InProcess.run(arguments + ["--jobs", "\(jobs)"], input: input)
        #expect(parallel.lines.count == input.count)
        #expect(parallel.lines == serial.lines)
        #expect(parallel.status == serial.status && serial.status == 1)
        #expect(Self.summary(parallel.errors) == Self.summary(serial.errors), "\(parallel.errors)")
        #expect(serial.errors.contains("verified by key 2"), "\(serial.errors)")
        // Each decoded line is the value of its own input line.
        for (index, line) in parallel.lines.enumerated() where index % 7 != 4 && index % 7 != 5 {
            #expect(line == "{\"n\": \(index)}", "line \(index)")
        }
    }

    @Test("--jobs outside 1...64 is a usage error", arguments: ["0", "65", "-1"])
    func jobsRange(_ jobs: String) {
        #expect(InProcess.exitCode(["decode", "--secret", "k", "--jobs", jobs]) == 64)
    }

    @Test(
        "a line longer than the bound is a limit-exceeded error line, and the next line is read",
        arguments: [
            ["decode", "--secret", "k", "--jobs", "1"], ["decode", "--secret", "k", "--jobs", "2"],
            ["inspect"], ["migrate", "--from-codec", "pickle", "--to-codec", "json", "--from-secret", "k"],
            ["encode", "--secret", "k"],
        ])
    func overlongLineInProcess(_ arguments: [String]) throws {
        let next = arguments[0] == "encode" ? #"{"a": 1}"# : Self.known
        let overlong = String(repeating: "a", count: maximumLineLength + 1)
        let run = try InProcess.run(arguments, input: [overlong, next])
        try #require(run.lines.count == 2, "\(run.lines.map { $0.prefix(80) })")
        #expect(errorKind(run.lines[0]) == "limit-exceeded")
        #expect(run.lines[0].contains("line length"), "\(run.lines[0])")
        #expect(errorKind(run.lines[1]) == nil, "\(run.lines[1])")
        #expect(run.status == 1)
    }

    @Test("the binary drops an overlong line as it reads it, in the middle and at the end of input")
    func overlongLineThroughTheBinary() throws {
        let overlong = String(repeating: "A", count: maximumLineLength + 70_000)
        let stdin = overlong + "\n" + Self.known + "\n" + String(repeating: "b", count: maximumLineLength) + "\n" + overlong
        let run = try Binary.run(["decode", "--secret", "k"], stdin: stdin)
        try #require(run.lines.count == 4, "\(run.lines.map { $0.prefix(80) })")
        #expect(errorKind(run.lines[0]) == "limit-exceeded")
        #expect(run.lines[0].contains("\(maximumLineLength + 70_000) bytes"), "\(run.lines[0])")
        #expect(errorKind(run.lines[1]) == nil)
        #expect(errorKind(run.lines[2]) == "limit-exceeded")  // at the bound: a cookie longer than 4096 bytes
        #expect(run.lines[2].contains("cookie length"), "\(run.lines[2])")
        #expect(errorKind(run.lines[3]) == "limit-exceeded")
        #expect(run.lines[3].contains("line length"), "\(run.lines[3])")
        #expect(run.status == 1)
    }
}
