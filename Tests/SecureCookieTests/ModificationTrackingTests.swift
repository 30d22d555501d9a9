import Testing

@testable import SecureCookie

/// Werkzeug's `ModificationTrackingDict` rules: every assignment or removal marks the cookie
/// modified — even `update({})` and `clear()` of an empty dict — except `setdefault` of a key
/// already there and `pop` of a missing key.
@Suite struct ModificationTrackingTests {
    func fresh() -> SecureCookie<DigitsCookie> { SecureCookie(["a": 1], secretKey: "k", format: DigitsCookie()) }

    @Test func aNewCookieIsNewAndUnmodified() {
        let cookie = fresh()
        #expect(cookie.isNew)
        #expect(!cookie.isModified)
        #expect(!cookie.shouldSave)
    }

    @Test func assignmentAndRemovalMarkModified() {
        var set = fresh()
        set["a"] = 1
        #expect(set.isModified, "even assigning the same value")
        var removed = fresh()
        removed["a"] = nil
        #expect(removed.isModified)
        #expect(removed.isEmpty)
    }

    @Test func removingAMissingKeyDoesNot() {
        var cookie = fresh()
        #expect(cookie.removeValue(forKey: "missing") == nil)
        cookie["missing"] = nil
        #expect(!cookie.isModified)
    }

    @Test func setDefaultMarksOnlyWhenAbsent() {
        var cookie = fresh()
        #expect(cookie.setDefault("a", 9) == 1)
        #expect(!cookie.isModified)
        #expect(cookie.setDefault("b", 9) == 9)
        #expect(cookie.isModified)
    }

    @Test func emptyUpdateAndClearStillMark() {
        var updated = fresh()
        updated.update([:])
        #expect(updated.isModified)
        var cleared = SecureCookie([:], secretKey: "k", format: DigitsCookie())
        cleared.removeAll()
        #expect(cleared.isModified)
    }

    @Test func popLastRemovesTheNewestItem() {
        var cookie = SecureCookie(["a": 1, "b": 2], secretKey: "k", format: DigitsCookie())
        let last = cookie.popLast()
        #expect(last?.key == "b")
        #expect(cookie.isModified)
        var empty = SecureCookie([:], secretKey: "k", format: DigitsCookie())
        #expect(empty.popLast() == nil)
        #expect(!empty.isModified)
    }

    @Test func aReadCookieIsNeitherNewNorModified() throws {
        var cookie = try SecureCookie.unserialize("XqZOmAc4aVSF3N3Kri4mETmzR10=?a=MQ==&b=Mg==", secretKey: "k", format: DigitsCookie())
        #expect(!cookie.isNew)
        #expect(!cookie.shouldSave)
        cookie["c"] = 3
        #expect(cookie.shouldSave)
    }
}
