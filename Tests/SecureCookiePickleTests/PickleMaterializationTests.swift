import SecureCookie
import SecureCookieJSON
import Testing

@testable import SecureCookiePickle

/// The materialization budget inside the pickle codec: both interpreters and inspect mode spend it
/// while they read, so a 4 KB pickle that shares one long value ~97,000 times is refused long before
/// anything expands it, while the same sharing below the budget reads as CPython reads it.
@Suite("Pickle codec: the materialization budget while reading")
struct PickleMaterializationTests {
    /// `leaf` memoized, then three levels of lists of `fanout` `BINGET`s of the level below:
    /// `fanout ** 3` references to the leaf in about `fanout * 6` bytes.
    static func shared(_ leaf: [UInt8], fanout: Int = 46) -> [UInt8] {
        var bytes: [UInt8] = [0x80, 0x04] + leaf + [0x94]
        for level in 0..<3 {
            bytes += [0x5D, 0x28]
            for _ in 0..<fanout { bytes += [0x68, UInt8(level)] }
            bytes += [0x65, 0x94]
        }
        return bytes + [0x2E]
    }

    static func binUnicode(_ count: Int) -> [UInt8] {
        [0x58, UInt8(count & 0xFF), UInt8(count >> 8 & 0xFF), 0, 0] + [UInt8](repeating: UInt8(ascii: "s"), count: count)
    }

    /// `LONG4` of `bytes` bytes whose top byte keeps it positive.
    static func long4(_ count: Int) -> [UInt8] {
        [0x8B, UInt8(count & 0xFF), UInt8(count >> 8 & 0xFF), 0, 0] + [UInt8](repeating: 0xFF, count: count - 1) + [0x7F]
    }

    static func isMaterializedLimit(_ error: SecureCookieError?) -> Bool {
        error?.kind == .limitExceeded && error?.limit == .materializedBytes
    }

    static let amplifiers: [(String, [UInt8])] = [
        ("a 2,700-byte str 97,336 times", shared(binUnicode(2700))),
        ("a 1,994-byte (4,800-digit) LONG4 97,336 times", shared(long4(1994))),
    ]

    @Test(arguments: 0..<2)
    func sharedAmplifiersAreRefusedByBothInterpretersAndInspect(_ index: Int) {
        let (name, bytes) = Self.amplifiers[index]
        #expect(bytes.count < 4200, "\(name): \(bytes.count) bytes")
        let codec = PickleSerializationMethod.pickle
        let fast = bytes.withUnsafeBufferPointer { PlainUnpickler.load($0, python2Strings: .ascii, limits: .default) }
        #expect(fast == nil, "\(name): the fast path read it")
        let loads = #expect(throws: SecureCookieError.self) { try codec.loads(bytes[...], limits: .default) }
        #expect(Self.isMaterializedLimit(loads), "\(name): \(loads.map(String.init(describing:)) ?? "")")
        let general = #expect(throws: SecureCookieError.self) { try codec.loadsInGeneral(bytes[...], limits: .default) }
        #expect(Self.isMaterializedLimit(general), "\(name): \(general.map(String.init(describing:)) ?? "")")
        let inspect = #expect(throws: SecureCookieError.self) { try codec.inspect(bytes[...], limits: .default) }
        #expect(Self.isMaterializedLimit(inspect), "\(name): \(inspect.map(String.init(describing:)) ?? "")")
    }

    /// 4 ** 3 = 64 references to a 100-byte str: 6,400 bytes, far below the budget; CPython reads
    /// it as three nested lists of four.
    @Test func sharingBelowTheBudgetReads() throws {
        let bytes = Self.shared(Self.binUnicode(100), fanout: 4)
        let leaf = PythonValue.str(String(repeating: "s", count: 100))
        let level1 = PythonValue.list(Array(repeating: leaf, count: 4))
        let level2 = PythonValue.list(Array(repeating: level1, count: 4))
        let expected = PythonValue.list(Array(repeating: level2, count: 4))
        #expect(try PickleSerializationMethod.pickle.loads(bytes[...], limits: .default) == expected)
        #expect(try PickleSerializationMethod.pickle.loadsInGeneral(bytes[...], limits: .default) == expected)
        #expect(try PickleSerializationMethod.pickle.inspect(bytes[...], limits: .default) == TaggedJSON.text(expected))
    }

    /// The budget counts references, not bytes read: a budget of 1,000 bytes admits a 100-byte str
    /// fetched 9 more times (1,000 bytes) and refuses it fetched 10 more times, on every path.
    @Test func theBudgetCountsEachGet() throws {
        var limits = SecureCookieLimits.default
        limits.maximumMaterializedBytes = 1000
        func pickle(gets: Int) -> [UInt8] {
            [0x80, 0x04, 0x5D, 0x28] + Self.binUnicode(100) + [0x94] + Array(repeating: [0x68, 0x00], count: gets).flatMap { $0 }
                + [0x65, 0x2E]
        }
        let codec = PickleSerializationMethod.pickle
        for path in 0..<3 {
            let read: ([UInt8]) throws -> Void = { bytes in
                switch path {
                case 0: _ = try codec.loads(bytes[...], limits: limits)
                case 1: _ = try codec.loadsInGeneral(bytes[...], limits: limits)
                default: _ = try codec.inspect(bytes[...], limits: limits)
                }
            }
            #expect(throws: Never.self) { try read(pickle(gets: 9)) }
            let error = #expect(throws: SecureCookieError.self) { try read(pickle(gets: 10)) }
            #expect(Self.isMaterializedLimit(error), "path \(path)")
        }
    }

    /// A container fetched again costs its whole contents again, in the resolver and in inspect mode.
    @Test func aSharedContainerIsCountedPerReference() throws {
        var limits = SecureCookieLimits.default
        limits.maximumMaterializedBytes = 1000
        // [s] memoized as 1, then [[s], [s], ...] with `gets` BINGETs of it: (1 + gets) * 100 bytes.
        func pickle(gets: Int) -> [UInt8] {
            [0x80, 0x04, 0x5D, 0x28, 0x5D, 0x94] + Self.binUnicode(100) + [0x94, 0x61]
                + Array(repeating: [0x68, 0x00], count: gets).flatMap { $0 } + [0x65, 0x2E]
        }
        let codec = PickleSerializationMethod.pickle
        #expect(throws: Never.self) { try codec.loadsInGeneral(pickle(gets: 9)[...], limits: limits) }
        #expect(throws: Never.self) { try codec.inspect(pickle(gets: 9)[...], limits: limits) }
        let general = #expect(throws: SecureCookieError.self) { try codec.loadsInGeneral(pickle(gets: 10)[...], limits: limits) }
        #expect(Self.isMaterializedLimit(general))
        let inspect = #expect(throws: SecureCookieError.self) { try codec.inspect(pickle(gets: 10)[...], limits: limits) }
        #expect(Self.isMaterializedLimit(inspect))
    }

    /// `bytes(n)` allocates nothing past the value-bytes limit.
    @Test func bytesOfACountIsBounded() throws {
        let small = Array("cbuiltins\nbytes\n(M\u{00}\u{01}tR.".utf8)
        #expect(try PickleSerializationMethod.pickle.loads(small[...], limits: .default) == .bytes([UInt8](repeating: 0, count: 256)))
        let huge: [UInt8] = Array("cbuiltins\nbytes\n(J".utf8) + [0xFF, 0xFF, 0xFF, 0x7F] + Array("tR.".utf8)
        let error = #expect(throws: SecureCookieError.self) { try PickleSerializationMethod.pickle.loads(huge[...], limits: .default) }
        #expect(error?.kind == .limitExceeded)
    }
}
