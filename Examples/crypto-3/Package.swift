// swift-tools-version:6.1
// A consumer of SecureCookie that pins swift-crypto 3.12.3 (an application still on the 3.x major),
// using only the core and the JSON codec. Built and run by scripts/examples.sh (CI), which also
// checks from its build log that no Hummingbird or SwiftNIO module is compiled.
import Foundation
import PackageDescription

// A path dependency's identity is its folder's name, which differs between clones.
let secureCookie = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().lastPathComponent.lowercased()

let package = Package(
    name: "Crypto3Consumer",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: "../.."),
        .package(url: "https://github.com/apple/swift-crypto.git", exact: "3.12.3"),
    ],
    targets: [
        .executableTarget(
            name: "Crypto3Consumer",
            dependencies: [
                .product(name: "SecureCookie", package: secureCookie),
                .product(name: "SecureCookieJSON", package: secureCookie),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        )
    ],
    swiftLanguageModes: [.v6]
)
