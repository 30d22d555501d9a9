import Foundation

/// Where the shared test data lives, found from this file's path so tests run from any directory.
public enum TestPaths {
    /// The package root (the folder holding `Package.swift`).
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `Fixtures/` in this package.
    public static let fixtures: URL = packageRoot.appendingPathComponent("Fixtures")

    /// `../shared/conformance` beside the package root (present in CI and on developer machines).
    public static let conformance: URL = packageRoot.deletingLastPathComponent()
        .appendingPathComponent("shared").appendingPathComponent("conformance")

    /// The bytes of a file.
    public static func bytes(_ url: URL) throws -> [UInt8] { [UInt8](try Data(contentsOf: url)) }

    /// The lines of a JSON-lines file, without empty lines.
    public static func lines(_ url: URL) throws -> [String] {
        try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init).filter { !$0.isEmpty }
    }
}
