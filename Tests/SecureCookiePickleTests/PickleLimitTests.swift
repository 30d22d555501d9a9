import Foundation
import SecureCookie
import SecureCookiePickle
import Testing

/// Every limit the reader enforces has its error, and hostile shapes fail fast.
@Suite("Pickle reader: limits")
struct PickleLimitTests {
    let codec = PickleSerializationMethod.pickle

    func limitError(_ bytes: [UInt8], limits: SecureCookieLimits = .default, inspect: Bool = false) throws -> SecureCookieError {
        let error = try #require(throws: SecureCookieError.self) {
            if inspect { _ = try codec.inspect(bytes[...], limits: limits) } else { _ = try codec.loads(bytes[...], limits: limits) }
        }
        return error
    }

    /// 60 levels of `x = (x, x)` through the memo: 2^60 leaves when expanded.
    static func billionLaughs(levels: Int) -> [UInt8] {
        var bytes: [UInt8] = [0x80, 0x02, 0x5D, 0x71, 0x00]  // PROTO 2, EMPTY_LIST, BINPUT 0
        for level in 1...levels {
            bytes += [0x68, UInt8(level - 1), 0x68, UInt8(level - 1), 0x86, 0x71, UInt8(level)]  // BINGET, BINGET, TUPLE2, BINPUT
        }
        return bytes + [0x2E]
    }

    @Test(arguments: [false, true])
    func sharedReferencesCountAsExpanded(inspect: Bool) throws {
        let error = try limitError(Self.billionLaughs(levels: 60), inspect: inspect)
        #expect(error.kind == .limitExceeded)
        #expect(error.limit == .nodes)
    }

    @Test func sharedReferencesWithinTheLimitLoad() throws {
        // 10 levels: 2^10 empty lists, 2^11 - 1 nodes in all.
        let value = try codec.loads(Self.billionLaughs(levels: 10))
        #expect(value.nodeCount == 2047)
    }

    @Test(arguments: [false, true])
    func deepListChainIsADepthError(inspect: Bool) throws {
        // 30,000 empty lists, each appended into the one below: a chain 30,000 deep.
        let count = 30_000
        let bytes = [0x80, 0x02] + [UInt8](repeating: 0x5D, count: count) + [UInt8](repeating: 0x61, count: count - 1) + [0x2E]
        let error = try limitError(bytes, inspect: inspect)
        #expect(error.limit == .depth, "\(error)")
    }

    @Test func deepTupleChainIsADepthError() throws {
        let bytes = [0x80, 0x02, 0x4E] + [UInt8](repeating: 0x85, count: 60_000) + [0x2E]  // NONE, TUPLE1 × 60,000
        #expect(try limitError(bytes).limit == .depth)
    }

    @Test func nestingJustWithinTheLimitLoads() throws {
        let depth = SecureCookieLimits.default.maximumDepth
        let bytes = [0x80, 0x02] + [UInt8](repeating: 0x5D, count: depth) + [UInt8](repeating: 0x61, count: depth - 1) + [0x2E]
        var value = try codec.loads(bytes)
        var levels = 0
        while case .list(let items) = value {
            levels += 1
            value = items.first ?? .none
        }
        #expect(levels == depth)
        #expect(try limitError(bytes + [], limits: SecureCookieLimits(maximumDepth: depth - 1)).limit == .depth)
    }

    @Test func tooManyMarksIsADepthError() throws {
        #expect(try limitError([UInt8](repeating: 0x28, count: 5_000) + [0x2E]).limit == .depth)
    }

    @Test func stackSizeIsBounded() throws {
        let limits = SecureCookieLimits(maximumNodes: 1_000)
        let error = try limitError([UInt8](repeating: 0x4E, count: 2_000) + [0x2E], limits: limits)
        #expect(error.limit == .stack)
    }

    @Test func memoSizeIsBounded() throws {
        let limits = SecureCookieLimits(maximumNodes: 100)
        var bytes: [UInt8] = [0x80, 0x02, 0x4E]
        for index in 0..<200 { bytes += [0x72] + withUnsafeBytes(of: UInt32(index).littleEndian, Array.init) }
        #expect(try limitError(bytes + [0x2E], limits: limits).limit == .memo)
    }

    @Test func longBinPutOfFourBillionIsRefused() throws {
        // LONG_BINPUT 0xFFFFFFFF (pickletester's test_negative_32b_binput).
        let bytes: [UInt8] = [0x80, 0x03, 0x58, 0x01, 0, 0, 0, 0x61, 0x72, 0xFF, 0xFF, 0xFF, 0xFF, 0x2E]
        #expect(try limitError(bytes).limit == .memo)
    }

    @Test func sparseMemoIndexWithinBoundsWorks() throws {
        // LONG_BINPUT 0x7FFFFFFF then LONG_BINGET of it: one dictionary entry, not a 2-billion array.
        let bytes: [UInt8] = [0x80, 0x02, 0x4B, 0x07, 0x72, 0xFF, 0xFF, 0xFF, 0x7F, 0x6A, 0xFF, 0xFF, 0xFF, 0x7F, 0x86, 0x2E]
        #expect(try codec.loads(bytes) == .tuple([7, 7]))
    }

    @Test func textIntegerDigitsAreBounded() throws {
        for opcode in ["I", "L"] {
            let bytes = Array((opcode + String(repeating: "9", count: 4_301) + "\n.").utf8)
            #expect(try limitError(bytes).limit == .integerDigits)
        }
        let ok = Array(("L" + String(repeating: "9", count: 4_300) + "L\n.").utf8)
        #expect(throws: Never.self) { try codec.loads(ok) }
    }

    @Test func inputSizeIsBounded() throws {
        let bytes = [UInt8](repeating: 0x4E, count: 70_000) + [0x2E]
        #expect(try limitError(bytes).limit == .valueBytes)
    }

    /// Claimed lengths far past the input are errors before anything is allocated.
    @Test(
        arguments: [
            [0x80, 0x04, 0x8E] + [UInt8](repeating: 0xFF, count: 7) + [0x3F],  // BINBYTES8 2^62-ish
            [0x80, 0x04, 0x8D, 0, 0, 0, 0, 0, 0, 0, 0x40],  // BINUNICODE8 2^62
            [0x80, 0x05, 0x96, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F],  // BYTEARRAY8
            [0x80, 0x02, 0x8B, 0xFF, 0xFF, 0xFF, 0x7F],  // LONG4 2 GiB
            [0x80, 0x03, 0x42, 0xFF, 0xFF, 0xFF, 0xFF, 0x78],  // BINBYTES 4 GiB
            [0x80, 0x02, 0x58, 0xFF, 0xFF, 0xFF, 0xFF, 0x78],  // BINUNICODE 4 GiB
            [0x80, 0x04, 0x95, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x4E, 0x2E],  // FRAME 2^64-1
            [0x54, 0x00, 0x00, 0x00, 0x80],  // BINSTRING negative
            [0x80, 0x02, 0x8B, 0x00, 0x00, 0x00, 0x80],  // LONG4 negative
        ] as [[UInt8]])
    func hugeLengthClaimsAreTruncationErrors(_ bytes: [UInt8]) throws {
        let error = try limitError(bytes)
        #expect(error.kind == .undecodable, "\(error)")
    }

    /// Every prefix of a real pickle is an error, never a crash or a value.
    @Test func everyTruncationIsAnError() throws {
        let whole = PickleFixtures.base64(
            "gASVYQAAAAAAAAB9lCiMB3VzZXJfaWSUTTkwjARjYXJ0lF2UKEsBSwKGlEsDSwGGlGWMBHNlZW6UjAhkYXRldGltZZSMCGRhdGV0aW1llJOUQwoH6AUGBwgJAAAAlIWUUpSMBGZsYWeUiHUu"
        )
        #expect(try codec.loads(whole) != .none)
        for length in 0..<(whole.count - 1) {
            let error = try #require(throws: SecureCookieError.self) { try codec.loads(whole[..<length], limits: .default) }
            #expect(error.kind == .undecodable, "prefix \(length): \(error)")
        }
    }

    /// Random corruption of real pickles gives values or typed errors, never a crash.
    @Test func corruptedPicklesNeverCrash() throws {
        let seeds = [
            "gASVYQAAAAAAAAB9lCiMB3VzZXJfaWSUTTkwjARjYXJ0lF2UKEsBSwKGlEsDSwGGlGWMBHNlZW6UjAhkYXRldGltZZSMCGRhdGV0aW1llJOUQwoH6AUGBwgJAAAAlIWUUpSMBGZsYWeUiHUu",
            "KGRwMApWdXNlcl9pZApwMQpJMTIzNDUKc1ZjYXJ0CnAyCihscDMKKEkxCkkyCnRwNAphKEkzCkkxCnRwNQphcy4=",
        ].map(PickleFixtures.base64)
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            var bytes = seeds[Int.random(in: 0..<seeds.count, using: &generator)]
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            }
            do { _ = try codec.loads(bytes) } catch is SecureCookieError {} catch {
                Issue.record("untyped error \(error)")
            }
            do { _ = try codec.inspect(bytes[...], limits: .default) } catch is SecureCookieError {} catch {
                Issue.record("untyped error \(error)")
            }
        }
    }
}
