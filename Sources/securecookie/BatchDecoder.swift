import Dispatch
import SecureCookie
import SecureCookieJSON

/// Decodes a batch run's lines, a chunk at a time, on one thread or several, and writes each
/// chunk's output in input order: one tagged-JSON or error line per input line, and what became of
/// each line for the progress count.
///
/// A chunk's lines are split into one contiguous share per thread; each thread decodes its share
/// and writes its lines into its own buffer, so the buffers, written one after the other, keep the
/// input's order. With one job, or a short chunk, the calling thread decodes it alone.
struct BatchDecoder {
    /// What became of one line.
    enum Outcome {
        /// It decoded; with a remark when an older key or hash verified it.
        case decoded(note: String?)
        /// It failed.
        case failed(any Error)
    }

    /// Lines read before the threads start on them: enough to amortize starting them, few
    /// enough that the output keeps flowing.
    static let chunkSize = 512
    /// A chunk also ends once its lines hold this many bytes, so that long lines (up to
    /// ``maximumLineLength`` each) do not pile up in memory.
    static let chunkBytes = 4 << 20
    /// Chunks shorter than this are decoded on the calling thread.
    static let parallelMinimum = 64

    let decoder: CookieDecoder
    /// The number of threads.
    let jobs: Int

    /// Decodes every line of `io`'s input, writing the output lines and counting them in `progress`.
    ///
    /// - Parameters:
    ///   - io: The streams.
    ///   - progress: The count of lines that succeeded and failed.
    func run(io: ToolIO, progress: BatchProgress) {
        let shares = (0..<jobs).map { _ in Share() }
        var lines: [Result<[UInt8], SecureCookieError>] = []
        lines.reserveCapacity(Self.chunkSize)
        while true {
            lines.removeAll(keepingCapacity: true)
            var bytes = 0
            while lines.count < Self.chunkSize, bytes < Self.chunkBytes, let line = io.nextLine() {
                if case .success(let text) = line { bytes += text.count }
                lines.append(line)
            }
            guard !lines.isEmpty else { return }
            // A short chunk (a small batch, or the end of one) is not worth waking threads for.
            let used = lines.count < Self.parallelMinimum ? 1 : jobs
            let perShare = (lines.count + used - 1) / used
            lines.withUnsafeBufferPointer { chunk in
                guard used > 1 else { return shares[0].decode(chunk[...], with: decoder) }
                // The threads only read the chunk, which outlives them: concurrentPerform returns
                // when every one has finished.
                nonisolated(unsafe) let chunk = chunk
                DispatchQueue.concurrentPerform(iterations: used) { index in
                    let start = min(index * perShare, chunk.count)
                    let end = min(start + perShare, chunk.count)
                    shares[index].decode(chunk[start..<end], with: decoder)
                }
            }
            for share in shares.prefix(used) {
                share.output.withUnsafeBytes { io.writeLines($0) }
                for outcome in share.outcomes {
                    switch outcome {
                    case .decoded(let note):
                        progress.succeeded()
                        if let note { progress.note(note) }
                    case .failed(let error):
                        progress.failed(error)
                    }
                }
            }
        }
    }

    /// One thread's share of a chunk: its lines' output, in order, and what became of each line.
    /// Only that thread touches it while the chunk is decoded, and only the calling thread after
    /// `concurrentPerform` has returned: never two threads at once, hence `@unchecked`.
    private final class Share: @unchecked Sendable {
        var output = OutputBuffer(capacity: 1 << 16)
        var outcomes: [Outcome] = []

        func decode(_ lines: Slice<UnsafeBufferPointer<Result<[UInt8], SecureCookieError>>>, with decoder: CookieDecoder) {
            output.removeAll()
            outcomes.removeAll(keepingCapacity: true)
            for line in lines {
                do {
                    let result = try decoder.decode(try line.get())
                    try TaggedJSON.encode(.dict(result.data), appendingTo: &output)
                    outcomes.append(.decoded(note: result.note))
                } catch {
                    output.append(utf8Of: ErrorLine.text(for: error))
                    outcomes.append(.failed(error))
                }
                output.append(UInt8(ascii: "\n"))
            }
        }
    }
}
