// swift-tools-version:6.1
// A consumer of SecureCookie beside vapor/jwt-kit 5.8.0, which needs swift-crypto 4.1.0..<6.0.0:
// the two resolve together on swift-crypto 4.x. Built and run by scripts/examples.sh (CI).
import Foundation
import PackageDescription

// A path dependency's identity is its folder's name, which differs between clones.
let secureCookie = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().lastPathComponent.lowercased()

let package = Package(
    name: "WithJWTKit",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: "../.."),
        .package(url: "https://github.com/vapor/jwt-kit.git", exact: "5.8.0"),
    ],
    targets: [
        .executableTarget(
            name: "WithJWTKit",
            dependencies: [
                .product(name: "SecureCookie", package: secureCookie),
                .product(name: "SecureCookieJSON", package: secureCookie),
                .product(name: "JWTKit", package: "jwt-kit"),
            ]
        )
    ],
    swiftLanguageModes: [.v6]
)
