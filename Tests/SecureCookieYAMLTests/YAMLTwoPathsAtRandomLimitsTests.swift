import SecureCookie
import SecureCookieTestKit
import Testing

@testable import SecureCookieYAML

/// The one-pass loader and the composer plus constructor on every input at random limits, in `swift
/// test` (so it gates CI): the fuzz seeds of `Fuzz/seeds/FuzzYAML` and byte mutations of each
/// (SplitMix64, fixed seed). Whenever the one-pass loader returns a value, the full path must return the
/// same value at the same limits; it must never read what the full path refuses.
@Suite struct YAMLTwoPathsAtRandomLimitsTests {
    static let seeds: [[UInt8]] = {
        let folder = TestPaths.packageRoot.appendingPathComponent("Fuzz/seeds/FuzzYAML")
        let names = (try? TestPaths.contentsOfDirectory(folder)) ?? []
        return names.sorted().compactMap { try? TestPaths.bytes(folder.appendingPathComponent($0)) }
    }()

    @Test func bothPathsAgreeAtRandomLimits() throws {
        #expect(Self.seeds.count >= 50)
        var random = SplitMix64(state: 0x7A31_0C1E)
        var compared = 0
        var fastValues = 0
        for seed in Self.seeds {
            for round in 0..<60 {
                let bytes = round == 0 ? seed : YAMLByteMutation.mutated(seed, &random)
                let limits = SecureCookieLimits(
                    maximumDepth: Int.random(in: 1...100, using: &random), maximumNodes: Int.random(in: 1...2_000, using: &random),
                    maximumMaterializedBytes: Int.random(in: 0...4_096, using: &random))
                compared += 1
                guard let parser = try? LibYAMLParser(bytes[...]), let fast = YAMLFastLoader.load(parser, limits: limits) else {
                    continue
                }
                fastValues += 1
                switch outcome({ try YAMLFastLoaderTests.fullPath(bytes, limits: limits) }) {
                case .success(let full):
                    if !YAMLFastLoaderTests.identical(fast, full) {
                        Issue.record("the two YAML paths differ on \(Hex.encode(bytes.prefix(64))) at \(limits)")
                    }
                case .failure(let error):
                    Issue.record("the one-pass loader read what the full path refuses (\(error.kind)): \(Hex.encode(bytes.prefix(64)))")
                }
            }
        }
        #expect(compared >= 5_000)
        #expect(fastValues >= 300, "too few inputs took the one-pass path to compare anything")
    }
}

/// Byte mutations: replace, delete, insert, duplicate a short slice.
enum YAMLByteMutation {
    static func mutated(_ bytes: [UInt8], _ random: inout SplitMix64) -> [UInt8] {
        var bytes = bytes
        let alphabet = Array(" \n-:[]{},&*!'\"#|>?0123456789.abcxyzTtNn~".utf8)
        for _ in 0..<Int.random(in: 1...3, using: &random) {
            switch Int.random(in: 0..<4, using: &random) {
            case 0 where !bytes.isEmpty:
                bytes[Int.random(in: 0..<bytes.count, using: &random)] = alphabet[Int.random(in: 0..<alphabet.count, using: &random)]
            case 1 where !bytes.isEmpty: bytes.remove(at: Int.random(in: 0..<bytes.count, using: &random))
            case 2:
                bytes.insert(
                    alphabet[Int.random(in: 0..<alphabet.count, using: &random)], at: Int.random(in: 0...bytes.count, using: &random))
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
