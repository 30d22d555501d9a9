import Foundation

/// Where the test data lives, found from this file's path so tests run from any directory.
///
/// Everything the tests read is inside the repository: `Fixtures/` (this project's own data) and
/// `Fixtures/conformance/` (the third-party suites, each with its license). A missing or unreadable
/// file is a ``TestDataError`` that names its path, so a test that needs it fails saying which.
public enum TestPaths {
    /// The package root (the folder holding `Package.swift`).
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `Fixtures/` in this package.
    public static let fixtures: URL = packageRoot.appendingPathComponent("Fixtures")

    /// `Fixtures/conformance/`: JSONTestSuite, yaml-test-suite, msgpack-test-suite, CPython's
    /// pickletester and the Python 2 pickles (origin, versions and counts in its README).
    public static let conformance: URL = fixtures.appendingPathComponent("conformance")

    /// A path as the repository names it (`Fixtures/conformance/...`), or the full path outside it.
    ///
    /// - Parameter url: A file or folder.
    /// - Returns: The path relative to ``packageRoot`` when it is inside, else `url.path`.
    public static func relativePath(_ url: URL) -> String {
        let root = packageRoot.standardizedFileURL.path + "/"
        let path = url.standardizedFileURL.path
        return path.hasPrefix(root) ? String(path.dropFirst(root.count)) : path
    }

    /// The bytes of a file.
    ///
    /// - Parameter url: The file.
    /// - Returns: Its contents.
    /// - Throws: ``TestDataError`` naming the path when it is missing or cannot be read.
    public static func bytes(_ url: URL) throws -> [UInt8] {
        guard FileManager.default.fileExists(atPath: url.path) else { throw TestDataError.missing(relativePath(url)) }
        do {
            return [UInt8](try Data(contentsOf: url))
        } catch {
            throw TestDataError.unreadable(relativePath(url), "\(error)")
        }
    }

    /// The text of a UTF-8 file.
    ///
    /// - Parameter url: The file.
    /// - Returns: Its contents.
    /// - Throws: ``TestDataError`` naming the path when it is missing, unreadable or not UTF-8.
    public static func text(_ url: URL) throws -> String {
        let contents = try bytes(url)
        guard let text = String(validating: contents, as: UTF8.self) else {
            throw TestDataError.unreadable(relativePath(url), "not UTF-8")
        }
        return text
    }

    /// The lines of a JSON-lines file, without empty lines.
    ///
    /// - Parameter url: The file.
    /// - Returns: Its non-empty lines.
    /// - Throws: ``TestDataError`` naming the path when it is missing, unreadable or not UTF-8.
    public static func lines(_ url: URL) throws -> [String] {
        try text(url).split(separator: "\n").map(String.init).filter { !$0.isEmpty }
    }

    /// The names in a folder.
    ///
    /// - Parameter url: The folder.
    /// - Returns: The names of its entries, unsorted.
    /// - Throws: ``TestDataError`` naming the path when it is missing or cannot be listed.
    public static func contentsOfDirectory(_ url: URL) throws -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw TestDataError.missing(relativePath(url))
        }
        do {
            return try FileManager.default.contentsOfDirectory(atPath: url.path)
        } catch {
            throw TestDataError.unreadable(relativePath(url), "\(error)")
        }
    }

    /// Which of some repository paths do not exist.
    ///
    /// - Parameter paths: Paths relative to ``packageRoot``, such as `Fixtures/conformance/JSONTestSuite/LICENSE`.
    /// - Returns: The missing ones, in the order given.
    public static func missing(_ paths: [String]) -> [String] {
        paths.filter { !FileManager.default.fileExists(atPath: packageRoot.appendingPathComponent($0).path) }
    }
}

/// Test data that is not where the tests expect it: the error names the path, never the contents.
public enum TestDataError: Error, CustomStringConvertible, Equatable {
    /// The file or folder does not exist (the path relative to the package root).
    case missing(String)
    /// It exists but cannot be read: the path and why.
    case unreadable(String, String)

    /// What is wrong, with the path.
    public var description: String {
        switch self {
        case .missing(let path): return "missing test data: \(path) (it is part of the repository; restore it with git checkout)"
        case .unreadable(let path, let why): return "unreadable test data: \(path): \(why)"
        }
    }
}
