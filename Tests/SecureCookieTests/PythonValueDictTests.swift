import Testing

@testable import SecureCookie

/// `PythonDict` and `PythonSet` behave as Python's `dict` and `set` do (checked in CPython 3.11).
@Suite struct PythonValueDictTests {
    @Test func keepsInsertionOrder() {
        // Python: list({"b": 1, "a": 2, "c": 3}) == ["b", "a", "c"].
        let dict: PythonDict = ["b": 1, "a": 2, "c": 3]
        #expect(dict.orderedKeys == ["b", "a", "c"])
        #expect(dict.orderedValues == [1, 2, 3])
        #expect(dict.map(\.key) == ["b", "a", "c"])
    }

    @Test func replacementKeepsPositionAndFirstKey() {
        // Python: d = {"a": 1, 1: "x", "b": 2}; d[True] = "y"; d["a"] = 3
        //   -> {'a': 3, 1: 'y', 'b': 2}: positions kept, the key object stays 1, not True.
        var dict: PythonDict = ["a": 1, .int(1): "x", "b": 2]
        dict[.bool(true)] = "y"
        dict["a"] = 3
        #expect(dict.count == 3)
        #expect(dict.orderedKeys == ["a", .int(1), "b"])
        if case .int(1) = dict.orderedKeys[1] {} else { Issue.record("key object replaced: \(dict.orderedKeys[1])") }
        #expect(dict.orderedValues == [3, "y", 2])
    }

    @Test func removalAndReinsertion() {
        // Python: d = {"a": 1, "b": 2, "c": 3}; del d["a"]; d["a"] = 4 -> {'b': 2, 'c': 3, 'a': 4}.
        var dict: PythonDict = ["a": 1, "b": 2, "c": 3]
        #expect(dict.removeValue(forKey: "a") == 1)
        #expect(dict.removeValue(forKey: "zz") == nil)
        #expect(dict.orderedKeys == ["b", "c"])
        #expect(dict["c"] == 3)
        #expect(dict.contains(key: "b"))
        #expect(!dict.contains(key: "a"))
        dict["a"] = 4
        #expect(dict.orderedKeys == ["b", "c", "a"])
        dict["b"] = nil
        #expect(dict.orderedKeys == ["c", "a"])
        #expect(dict["a"] == 4)
        #expect(dict["c"] == 3)
        dict.removeAll()
        #expect(dict.isEmpty)
        #expect(dict["a"] == nil)
    }

    @Test func laterDuplicateInInitialiserWins() {
        // Python: dict([("a", 1), ("b", 2), ("a", 3)]) == {'a': 3, 'b': 2}, in that order.
        let dict = PythonDict([("a", 1), ("b", 2), ("a", 3)] as [(PythonValue, PythonValue)])
        #expect(dict.orderedKeys == ["a", "b"])
        #expect(dict.orderedValues == [3, 2])
    }

    @Test func equalDictsHashAlikeInAnyOrder() {
        let a: PythonDict = ["x": 1, "y": [1, 2]]
        let b: PythonDict = ["y": [1, 2], "x": 1.0]
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
    }

    @Test func setDropsPythonEqualDuplicates() {
        // Python: {1, 1.0, True, "1", b"1"} == {1, "1", b"1"}, three elements, 1 kept first.
        let set: PythonSet = [.int(1), .float(1.0), .bool(true), "1", .bytes([0x31])]
        #expect(set.count == 3)
        #expect(set.contains(member: .bool(true)))
        #expect(!set.contains(member: .int(2)))
        if case .int(1) = set[0] {} else { Issue.record("first element replaced: \(set[0])") }
        #expect(set == [.bytes([0x31]), "1", .float(1)])
    }
}
