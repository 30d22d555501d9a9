import SecureCookie

import struct Foundation.Date

/// Counts a batch run's lines: progress on standard error when it is a terminal, and the closing summary.
final class BatchProgress {
    private let io: ToolIO
    private let verb: String
    private let noun: String
    private let started = Date()
    private var lastShown = Date.distantPast
    private(set) var total = 0
    private(set) var failed = 0
    private var kinds: [String: Int] = [:]
    private var notes: [String: Int] = [:]

    /// - Parameters:
    ///   - io: Where to write.
    ///   - verb: What was done to a line (`decoded`, `encoded`, `migrated`).
    ///   - noun: What a line holds (`cookies`, `values`).
    init(io: ToolIO, verb: String, noun: String) {
        self.io = io
        self.verb = verb
        self.noun = noun
    }

    /// Records a line that succeeded.
    func succeeded() { advance() }

    /// Records a line that failed.
    func failed(_ error: any Error) {
        failed += 1
        kinds[ErrorLine.describe(error).kind, default: 0] += 1
        advance()
    }

    /// Counts a remark about a line that succeeded (such as "verified by an older key").
    func note(_ text: String) { notes[text, default: 0] += 1 }

    private func advance() {
        total += 1
        guard io.stderrIsTerminal, total & 0x3FF == 0 else { return }
        let now = Date()
        guard now.timeIntervalSince(lastShown) >= 0.25 else { return }
        lastShown = now
        io.writeError("\r\(total) \(noun), \(failed) failed…")
    }

    /// Writes the one-line summary to standard error.
    func finish() {
        io.flush()
        let seconds = Date().timeIntervalSince(started)
        var text = "\(verb) \(total - failed) of \(total) \(noun)"
        if failed > 0 {
            let detail = kinds.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            text += "; \(failed) failed (\(detail))"
        }
        for (note, count) in notes.sorted(by: { $0.key < $1.key }) { text += "; \(count) \(note)" }
        text += " in " + String(format: seconds)
        io.writeError((io.stderrIsTerminal ? "\r\u{1B}[K" : "") + text + "\n")
    }

    /// The exit status: 0 when every line succeeded.
    var status: Int32 { failed == 0 ? 0 : 1 }
}

extension String {
    /// Seconds with two decimals, without Foundation's formatters.
    fileprivate init(format seconds: Double) {
        let hundredths = Int(exactly: (seconds * 100).rounded()) ?? 0
        let fraction = hundredths % 100
        self = "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction) s"
    }
}
