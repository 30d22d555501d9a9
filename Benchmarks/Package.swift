// swift-tools-version:6.0
// Release-mode benchmarks, in their own package so the main dependency graph and CI stay small.
// Run: swift run -c release --package-path Benchmarks securecookie-bench   (see README "Speed")
import Foundation
import PackageDescription

// A path dependency's identity is its folder's name, which differs between clones.
let parent = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent.lowercased()

let package = Package(
    name: "SecureCookieBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/apple/swift-crypto.git", exact: "3.12.3"),
    ],
    targets: [
        // Counts malloc/calloc/realloc/aligned allocations by interposing them in the executable.
        .target(name: "CAllocationCounter", path: "Sources/CAllocationCounter"),
        // Starts and stops callgrind's collection around the loop of `--profile` (no-op outside valgrind).
        .target(name: "CProfilerControl", path: "Sources/CProfilerControl"),
        .executableTarget(
            name: "securecookie-bench",
            dependencies: [
                "CAllocationCounter",
                "CProfilerControl",
                .product(name: "SecureCookie", package: parent),
                .product(name: "SecureCookieJSON", package: parent),
                .product(name: "SecureCookiePickle", package: parent),
                .product(name: "SecureCookieYAML", package: parent),
                .product(name: "SecureCookieMessagePack", package: parent),
                .product(name: "SecureCookieFlask", package: parent),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            path: "Sources/SecureCookieBench",
            swiftSettings: [.unsafeFlags(["-cross-module-optimization"])],
            linkerSettings: [.unsafeFlags(["-Xlinker", "--export-dynamic"])]
        ),
    ],
    swiftLanguageModes: [.v6]
)
