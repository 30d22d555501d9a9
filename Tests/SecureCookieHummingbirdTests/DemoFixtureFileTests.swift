// Built only with the package trait `Hummingbird` (see Package.swift).
#if Hummingbird
import Foundation
import SecureCookie
import SecureCookieTestKit
import Testing

/// The fixture file itself: readable, with every cookie the tests use.
@Suite struct DemoFixtureFileTests {
    @Test func fixturesAreReadable() {
        if case .failure(let error) = DemoFixtures.loaded {
            Issue.record("cannot read \(TestPaths.relativePath(DemoFixtures.url)): \(error); run Interop/demo/make_fixtures.py")
        }
    }

    @Test func everyCookieTheTestsUseIsThere() {
        let names = ["python3Pickle", "python2Pickle", "pickleWithExpiry", "json", "jsonRotatedKey", "jsonExpired"]
        #expect(names.filter { DemoFixtures.shared.cookies[$0] == nil } == [], "in \(TestPaths.relativePath(DemoFixtures.url))")
    }
}
#endif
