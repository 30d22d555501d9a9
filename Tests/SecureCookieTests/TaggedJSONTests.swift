import Testing
@testable import SecureCookie

@Suite struct TaggedJSONSmoke {
    @Test func smoke() throws {
        let text = #"{"a": [1, 2.5, {"$tuple": [1, "x"]}], "b": {"$bytes": "AAE="}, "c": {"$datetime": "2024-01-02T03:04:05.123456+00:00"}, "d": {"$dict": [[1, 2]]}, "e": {"$timedelta": [-1, 5, 7]}, "f": {"$int": "123456789012345678901234567890"}, "g": {"$float": "nan"}, "h": {"$decimal": "1.10"}, "i": {"$complex": [1.0, -2.0]}, "j": {"$set": [1]}, "k": "é\n"}"#
        let value = try TaggedJSON.decode(text)
        #expect(TaggedJSON.encode(value) == text)
    }
}
