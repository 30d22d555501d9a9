import Foundation

/// The committed libFuzzer seeds (`Fuzz/seeds/<target>/`) and byte mutations of them, for tests that
/// compare two implementations on many inputs inside `swift test` (so the comparison gates CI).
public enum FuzzSeeds {
    /// The seed files of one fuzz target, in name order.
    ///
    /// - Parameter target: The target's folder, such as `FuzzPickle`.
    /// - Returns: Their bytes (none when the folder cannot be read: a test that counts them fails).
    public static func of(_ target: String) -> [[UInt8]] {
        let folder = TestPaths.packageRoot.appendingPathComponent("Fuzz/seeds/\(target)")
        let names = (try? TestPaths.contentsOfDirectory(folder)) ?? []
        return names.sorted().compactMap { try? TestPaths.bytes(folder.appendingPathComponent($0)) }
    }

    /// One to four byte mutations: replace, delete or insert a byte drawn from `alphabet` (any byte when
    /// it is empty), or duplicate a short slice (memo games, repeated opcodes, repeated YAML nodes).
    ///
    /// - Parameters:
    ///   - bytes: The input.
    ///   - alphabet: The bytes to insert and replace with; empty for all 256.
    ///   - random: The generator (a fixed seed reproduces the run).
    /// - Returns: The mutated input.
    public static func mutated(_ bytes: [UInt8], alphabet: [UInt8] = [], _ random: inout SplitMix64) -> [UInt8] {
        var bytes = bytes
        func draw() -> UInt8 {
            alphabet.isEmpty ? UInt8.random(in: 0...255, using: &random) : alphabet[Int.random(in: 0..<alphabet.count, using: &random)]
        }
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            switch Int.random(in: 0..<4, using: &random) {
            case 0 where !bytes.isEmpty: bytes[Int.random(in: 0..<bytes.count, using: &random)] = draw()
            case 1 where !bytes.isEmpty: bytes.remove(at: Int.random(in: 0..<bytes.count, using: &random))
            case 2: bytes.insert(draw(), at: Int.random(in: 0...bytes.count, using: &random))
            default:
                guard bytes.count > 2 else { continue }
                let start = Int.random(in: 0..<(bytes.count - 1), using: &random)
                let end = Int.random(in: (start + 1)...Swift.min(bytes.count, start + 16), using: &random)
                bytes.insert(contentsOf: bytes[start..<end], at: start)
            }
        }
        return bytes
    }
}
