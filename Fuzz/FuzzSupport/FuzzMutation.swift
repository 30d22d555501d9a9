/// libFuzzer's own byte-level mutator (dictionary entries included), for the custom mutators to fall back on.
@_silgen_name("LLVMFuzzerMutate")
private func libFuzzerMutate(_ data: UnsafeMutablePointer<UInt8>, _ size: Int, _ maxSize: Int) -> Int

/// Glue between libFuzzer's `LLVMFuzzerCustomMutator` and a structure-aware mutator in Swift.
public enum FuzzMutation {
    /// The cookie size: no input is ever longer.
    public static let maximumInput = 4096

    /// Mutates `data` in place: one time in `byteLevelOneIn` with libFuzzer's byte mutator, otherwise
    /// with `structured` (which may return nil to fall back to the byte mutator). Inputs stay at
    /// most `min(maxSize, 4096)` bytes.
    public static func mutate(
        _ data: UnsafeMutablePointer<UInt8>, _ size: Int, _ maxSize: Int, _ seed: UInt32, byteLevelOneIn: Int = 4,
        _ structured: ([UInt8], inout FuzzRandom) -> [UInt8]?
    ) -> Int {
        let cap = min(maxSize, maximumInput)
        var random = FuzzRandom(seed: seed)
        if !random.oneIn(byteLevelOneIn) {
            let input = Array(UnsafeBufferPointer(start: data, count: min(size, cap)))
            for _ in 0..<4 {
                if let output = structured(input, &random), !output.isEmpty, output.count <= cap, output != input {
                    output.withUnsafeBufferPointer { buffer in
                        guard let base = buffer.baseAddress else { return }
                        data.update(from: base, count: output.count)
                    }
                    return output.count
                }
            }
        }
        return libFuzzerMutate(data, min(size, cap), cap)
    }
}

/// Helpers for little- and big-endian integers in mutated bytes.
public enum FuzzBytes {
    /// `value`'s low `width` bytes, little-endian.
    public static func little(_ value: UInt64, width: Int) -> [UInt8] {
        (0..<width).map { UInt8(truncatingIfNeeded: value >> (8 * UInt64($0))) }
    }

    /// `value`'s low `width` bytes, big-endian.
    public static func big(_ value: UInt64, width: Int) -> [UInt8] { little(value, width: width).reversed() }

    /// Extreme values for a field of `width` bytes.
    public static func extremes(width: Int, random: inout FuzzRandom) -> UInt64 {
        let bits = UInt64(width * 8)
        let all: UInt64 = bits >= 64 ? .max : (1 << bits) - 1
        let candidates: [UInt64] = [
            0, 1, 2, all, all - 1, all >> 1, (all >> 1) + 1, 0x7F, 0x80, 0xFF, 0x100, 0x7FFF, 0x8000, 0xFFFF,
            0x7FFF_FFFF, 0x8000_0000, 0xFFFF_FFFF, 999_999_999, 86_399, 86_400, 999_999, 1_000_000, 4096, 65_536,
            1 << 20, UInt64(bitPattern: -999_999_999), UInt64(bitPattern: -1),
        ]
        return random.pick(candidates) & all
    }
}
