import SecureCookie
import SecureCookieJSON
import Testing

@testable import SecureCookiePickle

/// The fast path's working storage: its stack, marks, memo and kept copies outgrowing the room they
/// start with, `GET`s answered from copies, refusals that leave the stack whole, and reads across a
/// frame's end. Every pickle here is compared with the general path.
@Suite struct PlainUnpicklerStorageTests {
    /// A protocol 4 pickle, opcode by opcode.
    struct Assembler {
        var bytes: [UInt8] = [0x80, 0x04]

        mutating func str(_ text: String) {
            bytes += [0x8C, UInt8(text.utf8.count)] + Array(text.utf8)
        }
        mutating func int(_ value: UInt8) { bytes += [0x4B, value] }
        mutating func memoize() { bytes.append(0x94) }
        mutating func get(_ index: Int) {
            if index < 256 { bytes += [0x68, UInt8(index)] } else { longGet(index) }
        }
        mutating func longGet(_ index: Int) {
            bytes.append(0x6A)
            for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: index >> shift)) }
        }
        mutating func put(_ index: UInt8) { bytes += [0x71, index] }
        mutating func mark() { bytes.append(0x28) }
        mutating func emptyList() { bytes.append(0x5D) }
        mutating func emptyDict() { bytes.append(0x7D) }
        mutating func emptySet() { bytes.append(0x8F) }
        mutating func appends() { bytes.append(0x65) }
        mutating func setItems() { bytes.append(0x75) }
        mutating func addItems() { bytes.append(0x90) }
        mutating func tuple1() { bytes.append(0x85) }
        mutating func stop() { bytes.append(0x2E) }
    }

    /// The fast path's value, after checking the general path reads the same.
    func fast(_ bytes: [UInt8], limits: SecureCookieLimits = .default) -> PythonValue? {
        let fast = bytes.withUnsafeBufferPointer { PlainUnpickler.load($0, python2Strings: .ascii, limits: limits) }
        if let fast {
            let general = try? PickleSerializationMethod().loadsInGeneral(bytes[...], limits: limits)
            #expect(general.map(TaggedJSON.text) == TaggedJSON.text(fast))
        }
        return fast
    }

    @Test func repeatedGetsAndPutsOfAGetAreCopies() {
        var p = Assembler()
        p.emptyList()
        p.memoize()  // memo 0: the list
        p.mark()
        p.str("key")
        p.memoize()  // memo 1
        p.get(1)
        p.get(1)
        p.get(1)
        p.put(2)  // memo 2: a PUT of a GET
        p.get(2)
        p.get(1)
        p.int(7)
        p.memoize()  // memo 3
        p.get(3)
        p.get(3)
        p.appends()
        p.stop()
        #expect(fast(p.bytes) == .list(["key", "key", "key", "key", "key", "key", 7, 7, 7]))
    }

    @Test func aGetOfAContainerGivesUp() {
        var p = Assembler()
        p.emptyList()
        p.memoize()
        p.mark()
        p.get(0)
        p.appends()
        p.stop()
        #expect(fast(p.bytes) == nil)
    }

    @Test func manyKeysOutgrowTheMemoAndTheCopies() {
        // 30 dicts of the same 12 keys, as CPython writes them: each key once, then GETs.
        let keys = (0..<12).map { "key\($0)" }
        var p = Assembler()
        p.emptyList()
        p.memoize()
        p.mark()
        var memo = 1
        var keyIndex: [Int] = []
        var expected: [PythonValue] = []
        for row in 0..<30 {
            p.emptyDict()
            p.memoize()
            memo += 1
            p.mark()
            var dict = PythonDict()
            for (k, key) in keys.enumerated() {
                if row == 0 {
                    p.str(key)
                    p.memoize()
                    keyIndex.append(memo)
                    memo += 1
                } else {
                    p.get(keyIndex[k])
                }
                p.str("v\(row).\(k)")
                p.memoize()
                memo += 1
                dict[.str(key)] = .str("v\(row).\(k)")
            }
            p.setItems()
            expected.append(.dict(dict))
        }
        p.appends()
        p.stop()
        #expect(memo > 300)
        #expect(fast(p.bytes) == .list(expected))
    }

    @Test func deepNestingOutgrowsTheStackAndTheMarks() {
        // 90 lists, each holding an int and the next: 180 stack entries and 90 open MARKs at the deepest.
        var p = Assembler()
        for _ in 0..<90 {
            p.emptyList()
            p.mark()
            p.int(1)
        }
        for _ in 0..<90 { p.appends() }
        p.stop()
        var expected: PythonValue = .list([1])
        for _ in 1..<90 { expected = .list([1, expected]) }
        #expect(fast(p.bytes) == expected)

        // Nested 1-tuples never open a MARK but still count as depth.
        var tuples = Assembler()
        tuples.int(5)
        for _ in 0..<99 { tuples.tuple1() }
        tuples.stop()
        var nested: PythonValue = 5
        for _ in 0..<99 { nested = .tuple([nested]) }
        #expect(fast(tuples.bytes) == nested)
        tuples.bytes.insert(contentsOf: [0x85, 0x85], at: tuples.bytes.count - 1)  // 101 levels: past the limit
        #expect(fast(tuples.bytes) == nil)
    }

    @Test func aLongFlatListOutgrowsTheStack() {
        var p = Assembler()
        p.emptyList()
        p.mark()
        for i in 0..<200 { p.int(UInt8(i)) }
        p.appends()
        p.stop()
        #expect(fast(p.bytes) == .list((0..<200).map { .int($0) }))
        #expect(fast(p.bytes, limits: SecureCookieLimits(maximumNodes: 150)) == nil)
    }

    @Test func itemsForTheWrongContainerGiveUpAndLeaveTheStackWhole() {
        // APPENDS onto a dict, SETITEMS onto a list, ADDITEMS onto a list, an unhashable key:
        // each gives up after values were pushed (they are destroyed, not leaked or freed twice).
        var appends = Assembler()
        appends.emptyDict()
        appends.mark()
        appends.str("a long string of more than 15 bytes")
        appends.appends()
        appends.stop()
        var setItems = Assembler()
        setItems.emptyList()
        setItems.mark()
        setItems.str("k")
        setItems.str("a long value of more than 15 bytes")
        setItems.setItems()
        setItems.stop()
        var addItems = Assembler()
        addItems.emptyList()
        addItems.mark()
        addItems.int(1)
        addItems.addItems()
        addItems.stop()
        var unhashable = Assembler()
        unhashable.emptyDict()
        unhashable.mark()
        unhashable.emptyList()
        unhashable.int(1)
        unhashable.setItems()
        unhashable.stop()
        for bytes in [appends.bytes, setItems.bytes, addItems.bytes, unhashable.bytes] {
            #expect(fast(bytes) == nil)
        }
        var set = Assembler()
        set.emptySet()
        set.mark()
        set.str("x")
        set.int(1)
        set.str("x")
        set.addItems()
        set.stop()
        #expect(fast(set.bytes) == .set(["x", 1]))
    }

    @Test func framesEndWhereTheySay() throws {
        // A frame holding `]` and `K 1`, then `a` and `.` outside any frame.
        let outside: [UInt8] = [0x80, 0x04, 0x95, 3, 0, 0, 0, 0, 0, 0, 0, 0x5D, 0x4B, 0x01, 0x61, 0x2E]
        #expect(fast(outside) == .list([1]))
        // A frame that ends right after `K`: its argument is read after the frame, as CPython does.
        let boundary: [UInt8] = [0x80, 0x04, 0x95, 2, 0, 0, 0, 0, 0, 0, 0, 0x5D, 0x4B, 0x01, 0x61, 0x2E]
        #expect(fast(boundary) == .list([1]))
        // A frame that ends inside `M`'s two-byte argument: C `_pickle` ignores frame ends once
        // their bytes are known to be present (CPython 3.11 loads it as [1]), and so do both paths.
        let straddling: [UInt8] = [0x80, 0x04, 0x95, 3, 0, 0, 0, 0, 0, 0, 0, 0x5D, 0x4D, 0x01, 0x00, 0x61, 0x2E]
        #expect(fast(straddling) == .list([1]))
        #expect(try PickleSerializationMethod().loadsInGeneral(straddling[...], limits: .default) == .list([1]))
        // A frame claiming more bytes than follow is refused.
        let long: [UInt8] = [0x80, 0x04, 0x95, 9, 0, 0, 0, 0, 0, 0, 0, 0x4B, 0x01, 0x2E]
        #expect(fast(long) == nil)
        #expect(throws: SecureCookieError.self) { try PickleSerializationMethod().loads(long[...], limits: .default) }
    }
}
