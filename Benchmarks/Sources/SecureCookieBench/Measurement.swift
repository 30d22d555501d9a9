import CAllocationCounter

/// One measured operation: nanoseconds and heap allocations per call (best of five runs).
struct Measurement {
    let nanoseconds: Double
    let allocations: Double

    /// Runs `body` in batches until each run lasts at least `minimumSeconds`, five times, keeping the fastest.
    static func of(minimumSeconds: Double = 0.15, _ body: () throws -> Void) rethrows -> Measurement {
        let clock = ContinuousClock()
        var iterations = 1
        // Warm up and find a batch size that runs long enough to time.
        while true {
            let elapsed = try clock.measure { for _ in 0..<iterations { try body() } }
            if elapsed.seconds >= minimumSeconds / 4 || iterations >= 1 << 24 { break }
            iterations *= 2
        }
        iterations *= 4
        var best = Double.infinity
        var allocations = 0.0
        for _ in 0..<5 {
            let before = allocation_counter_total()
            let elapsed = try clock.measure { for _ in 0..<iterations { try body() } }
            let after = allocation_counter_total()
            let perCall = elapsed.seconds * 1e9 / Double(iterations)
            if perCall < best {
                best = perCall
                allocations = Double(after - before) / Double(iterations)
            }
        }
        return Measurement(nanoseconds: best, allocations: allocations)
    }
}

extension Duration {
    var seconds: Double {
        let (whole, attoseconds) = components
        return Double(whole) + Double(attoseconds) * 1e-18
    }
}
