import SecureCookie
import SecureCookieTestKit
import Testing

/// Input made to hurt: lengths that claim more than is there, nesting, node floods, junk.
@Suite("hostile MessagePack input")
struct HostileInputTests {
    @Test("a 5-byte map header claiming a billion pairs fails at once, naming the claim")
    func hugeMapClaim() throws {
        let error = try #require(thrownError { try codec.loads([0xDF, 0x41, 0x72, 0x72, 0x61]) })
        #expect(error.kind == .undecodable)
        #expect(error.reason.contains("1098019425"))
        #expect(error.reason.contains("offset 0"))
    }

    @Test(
        "claimed lengths past the end are undecodable",
        arguments: [
            [0xDD, 0xFF, 0xFF, 0xFF, 0xFF],  // array 32 of 2**32-1
            [0xDF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01],  // map 32
            [0xDB, 0xFF, 0xFF, 0xFF, 0xFF, 0x61],  // str 32
            [0xC6, 0xFF, 0xFF, 0xFF, 0xFF, 0x00],  // bin 32
            [0xC9, 0xFF, 0xFF, 0xFF, 0xFF, 0x01, 0x00],  // ext 32
            [0xDE, 0x00, 0x02, 0x01, 0x02, 0x03],  // map 16 of 2 pairs, 3 bytes left
            [0x92, 0x90],  // fixarray of 2 with 1 byte left
            [0x91, 0x91, 0x91, 0x91, 0x92, 0x01],  // nested, the innermost short
        ] as [[UInt8]])
    func lengthsPastTheEnd(_ input: [UInt8]) {
        #expect(errorKind { try codec.loads(input) } == .undecodable)
    }

    @Test("every truncation of valid input is undecodable, never a crash")
    func everyPrefixFails() throws {
        for record in try MessagePackFixtures.records("roundtrip.jsonl") {
            guard let text = record.string("msgpack"), text.count < 2000, let data = bytes(fromHex: text) else { continue }
            guard record.value("loaded") != nil else { continue }
            for length in 0..<data.count {
                #expect(
                    errorKind { try codec.loads(data[..<length], limits: roomyLimits) } == .undecodable,
                    "\(record.testDescription) cut at \(length)")
            }
        }
    }

    @Test("bytes after the value are an error naming where they start")
    func trailingBytes() throws {
        let error = try #require(thrownError { try codec.loads([0x91, 0x01, 0xC0, 0xC0]) })
        #expect(error.kind == .undecodable)
        #expect(error.reason.contains("offset 2"))
        #expect(error.reason.contains("2 trailing bytes"))
    }

    @Test("nesting up to the depth limit reads; one more level is a depth error")
    func depthLimit() throws {
        let limits = SecureCookieLimits(maximumDepth: 100)
        let deepest = [UInt8](repeating: 0x91, count: 99) + [0x90]  // 100 arrays
        #expect(throws: Never.self) { try codec.loads(deepest[...], limits: limits) }
        let tooDeep = [UInt8](repeating: 0x91, count: 100) + [0x90]  // 101 arrays
        let error = try #require(thrownError { try codec.loads(tooDeep[...], limits: limits) })
        #expect(error.kind == .limitExceeded)
        #expect(error.limit == .depth)
        // maps count as levels too
        let maps =
            [UInt8](repeating: 0x81, count: 1).flatMap { _ in [UInt8]() }
            + Array([[UInt8]](repeating: [0x81, 0xC0], count: 101).joined()) + [0xC0]
        #expect(thrownError { try codec.loads(maps[...], limits: limits) }?.limit == .depth)
    }

    @Test("5000 levels under a generous depth limit read without recursion")
    func deepNestingIsIterative() throws {
        let levels = 5000
        let input = [UInt8](repeating: 0x91, count: levels) + [0xC0]
        let limits = SecureCookieLimits(maximumDepth: levels + 1, maximumNodes: levels + 1, maximumValueBytes: levels + 1)
        let value = try codec.loads(input[...], limits: limits)
        // walk down without recursion
        var current = value
        var depth = 0
        while case .list(let items) = current, let first = items.first {
            current = first
            depth += 1
        }
        #expect(depth == levels)
        #expect(current == .none)
        // the Python limit for writing is 1024 levels, so this value is unrepresentable, without recursing deeply
        #expect(errorKind { try codec.dumps(value) } == .unrepresentable)
    }

    @Test("the node limit counts keys, values and containers")
    func nodeLimit() throws {
        let limits = SecureCookieLimits(maximumNodes: 5)
        // {1: 2, 3: 4} is 5 nodes; [1, 2, 3, 4, 5] is 6
        #expect(throws: Never.self) { try codec.loads([0x82, 0x01, 0x02, 0x03, 0x04][...], limits: limits) }
        let error = try #require(thrownError { try codec.loads([0x95, 0x01, 0x02, 0x03, 0x04, 0x05][...], limits: limits) })
        #expect(error.limit == .nodes)
    }

    @Test("input longer than the value-bytes limit is refused before reading")
    func valueBytesLimit() throws {
        let input = [UInt8](repeating: 0xC0, count: 11)
        let error = try #require(thrownError { try codec.loads(input[...], limits: SecureCookieLimits(maximumValueBytes: 10)) })
        #expect(error.limit == .valueBytes)
    }

    @Test("the unused format byte 0xc1 is undecodable wherever it appears")
    func reservedByte() {
        #expect(errorKind { try codec.loads([0xC1]) } == .undecodable)
        #expect(errorKind { try codec.loads([0x81, 0xC1, 0x01]) } == .undecodable)
    }

    @Test("other extension types are refused, naming the type code")
    func extensionRefusal() throws {
        let error = try #require(thrownError { try codec.loads([0xD4, 0x2A, 0x00]) })
        #expect(error.kind == .refused)
        #expect(error.construct == "ext type 42")
        let negative = try #require(thrownError { try codec.loads([0xC7, 0x01, 0x80, 0x00]) })
        #expect(negative.construct == "ext type -128")
    }

    @Test("array and map keys are refused as unhashable, as Python's TypeError")
    func unhashableKeys() throws {
        let list = try #require(thrownError { try codec.loads([0x81, 0x92, 0x01, 0x02, 0x03]) })
        #expect(list.kind == .refused)
        #expect(list.construct == "map key of type list")
        let dict = try #require(thrownError { try codec.loads([0x81, 0x80, 0x03]) })
        #expect(dict.construct == "map key of type dict")
    }

    @Test("slices are read from their own start, not from index 0")
    func sliceOffsets() throws {
        let buffer: [UInt8] = [0xFF, 0xFF, 0x92, 0x01, 0xA1, 0x61, 0xFF]
        let value = try codec.loads(buffer[2..<6], limits: .default)
        #expect(same(value, .list([.int(1), .str("a")])))
        let error = try #require(thrownError { try codec.loads(buffer[2..<5], limits: .default) })
        #expect(error.reason.contains("offset 2"))  // the str at offset 2 of the slice
    }

    @Test("random corruption of valid input never crashes")
    func corruption() throws {
        var generator = SplitMix64(state: 0x5EC0_0C1E)
        let records = try MessagePackFixtures.records("roundtrip.jsonl")
        let samples = records.compactMap { $0.string("msgpack") }.filter { $0.count < 400 }.compactMap { bytes(fromHex: $0) }
        for _ in 0..<20_000 {
            var data = samples[Int(generator.next() % UInt64(samples.count))]
            guard !data.isEmpty else { continue }
            for _ in 0...(generator.next() % 3) {
                data[Int(generator.next() % UInt64(data.count))] = UInt8(truncatingIfNeeded: generator.next())
            }
            do {
                let value = try codec.loads(data[...], limits: .default)
                // anything that reads must write back without crashing (maybe unrepresentable: a tuple key)
                _ = try? codec.dumps(value)
            } catch let error as SecureCookieError {
                #expect([.undecodable, .refused, .limitExceeded].contains(error.kind))
            }
        }
    }
}
