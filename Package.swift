// swift-tools-version:6.1
import PackageDescription

// Framework integrations are behind the `Hummingbird` and `Vapor` package traits, off by default: a
// package that uses only the core and codecs neither resolves nor compiles Hummingbird, Vapor, SwiftNIO,
// swift-log or swift-metrics (SwiftPM 6.1+ prunes the dependencies only a disabled trait uses). Turn one
// on with `.package(url: ..., from: ..., traits: ["Vapor"])`, or `--traits Hummingbird,Vapor` here.
let hummingbird: TargetDependencyCondition? = .when(traits: ["Hummingbird"])
let vapor: TargetDependencyCondition? = .when(traits: ["Vapor"])
let eitherFramework: TargetDependencyCondition? = .when(traits: ["Hummingbird", "Vapor"])

let package = Package(
    name: "SecureCookie",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "SecureCookie", targets: ["SecureCookie"]),
        .library(name: "SecureCookieCodable", targets: ["SecureCookieCodable"]),
        .library(name: "SecureCookieJSON", targets: ["SecureCookieJSON"]),
        .library(name: "SecureCookiePickle", targets: ["SecureCookiePickle"]),
        .library(name: "SecureCookieYAML", targets: ["SecureCookieYAML"]),
        .library(name: "SecureCookieMessagePack", targets: ["SecureCookieMessagePack"]),
        .library(name: "SecureCookieFlask", targets: ["SecureCookieFlask"]),
        .executable(name: "securecookie", targets: ["securecookie"]),
        .library(name: "SecureCookieHummingbird", targets: ["SecureCookieHummingbird"]),
        .library(name: "SecureCookieVapor", targets: ["SecureCookieVapor"]),
        .executable(name: "securecookie-demo", targets: ["securecookie-demo"]),
    ],
    traits: [
        .trait(
            name: "Hummingbird",
            description: "The SecureCookieHummingbird session middleware and the securecookie-demo server (Hummingbird 2)."),
        .trait(
            name: "Vapor",
            description: "The SecureCookieVapor session middleware, and the securecookie-demo server's `--framework vapor` (Vapor 4)."),
    ],
    dependencies: [
        // Both majors the core compiles against (tested with 3.12.3 and 4.5.2).
        .package(url: "https://github.com/apple/swift-crypto.git", "3.0.0"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.5.0"),
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
    ],
    targets: [
        // The core: value model, wire format, signing, the codec protocol and registry.
        .target(
            name: "SecureCookie",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")]
        ),
        // Codable over the value model: `PythonValueEncoder`/`PythonValueDecoder`, typed cookie values.
        .target(name: "SecureCookieCodable", dependencies: ["SecureCookie"]),
        // C libraries, wrapped as system libraries; C types never leave the codec targets.
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        .systemLibrary(
            name: "CMsgPack",
            // msgpack-c up to 5.x (Debian 12's libmsgpack-dev 4.0) installs pkg-config `msgpack`;
            // msgpack-c 6 renamed it `msgpack-c`: build with MSGPACK_PKG_CONFIG=msgpack-c there.
            pkgConfig: Context.environment["MSGPACK_PKG_CONFIG"] ?? "msgpack",
            providers: [.apt(["libmsgpack-dev"]), .brew(["msgpack"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // Codecs: one target and product each, under Plugins/.
        .target(
            name: "SecureCookieJSON", dependencies: ["SecureCookie"], path: "Plugins/SecureCookieJSON",
            exclude: ["README.md"]
        ),
        .target(
            name: "SecureCookiePickle", dependencies: ["SecureCookie", "SecureCookieJSON"], path: "Plugins/SecureCookiePickle",
            exclude: ["README.md"]
        ),
        .target(
            name: "SecureCookieYAML", dependencies: ["SecureCookie", "CLibYAML"], path: "Plugins/SecureCookieYAML",
            exclude: ["README.md"]
        ),
        .target(
            name: "SecureCookieMessagePack",
            dependencies: ["SecureCookie", "CMsgPack"],
            path: "Plugins/SecureCookieMessagePack",
            exclude: ["README.md"]
        ),
        // Flask's session cookie: the itsdangerous framing and Flask's tagged-JSON codec.
        .target(
            name: "SecureCookieFlask", dependencies: ["SecureCookie", "SecureCookieJSON", "CZlib"], path: "Plugins/SecureCookieFlask",
            exclude: ["README.md"]
        ),
        // The command-line tool.
        .executableTarget(
            name: "securecookie",
            dependencies: [
                "SecureCookie", "SecureCookieJSON", "SecureCookiePickle", "SecureCookieYAML", "SecureCookieMessagePack",
                "SecureCookieFlask", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Hummingbird 2 integration: session middleware (trait `Hummingbird`; without it the module is empty).
        .target(
            name: "SecureCookieHummingbird",
            dependencies: [
                "SecureCookie", "SecureCookieCodable",
                .product(name: "Hummingbird", package: "hummingbird", condition: hummingbird),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth", condition: hummingbird),
                .product(name: "Logging", package: "swift-log", condition: hummingbird),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio", condition: hummingbird),
                .product(name: "Metrics", package: "swift-metrics", condition: hummingbird),
            ]
        ),
        // Vapor 4 integration: session middleware and `Request.secureCookie` (trait `Vapor`; without it the
        // module is empty).
        .target(
            name: "SecureCookieVapor",
            dependencies: [
                "SecureCookie", "SecureCookieCodable",
                .product(name: "Vapor", package: "vapor", condition: vapor),
                .product(name: "Logging", package: "swift-log", condition: vapor),
                .product(name: "Metrics", package: "swift-metrics", condition: vapor),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio", condition: vapor),
            ]
        ),
        // The demo server: a counter session shared with a Werkzeug application, migrating pickle to JSON,
        // on Hummingbird or Vapor (traits `Hummingbird`, `Vapor`; without either the executable only says how
        // to build it).
        .executableTarget(
            name: "securecookie-demo",
            dependencies: [
                "SecureCookie", "SecureCookieHummingbird", "SecureCookieVapor", "SecureCookieJSON", "SecureCookiePickle",
                .product(name: "Hummingbird", package: "hummingbird", condition: hummingbird),
                .product(name: "Vapor", package: "vapor", condition: vapor),
                .product(name: "Logging", package: "swift-log", condition: eitherFramework),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Shared test helpers: fixture paths, tagged-JSON comparison, hostile-input runners.
        .target(
            name: "SecureCookieTestKit",
            dependencies: [
                "SecureCookie", "SecureCookieJSON",
                // CapturingLogHandler, for the middlewares' tests.
                .product(name: "Logging", package: "swift-log", condition: eitherFramework),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio", condition: eitherFramework),
            ],
            path: "Tests/SecureCookieTestKit"
        ),
        .testTarget(name: "SecureCookieTests", dependencies: ["SecureCookie", "SecureCookieCodable", "SecureCookieJSON", "SecureCookieTestKit"]),
        .testTarget(name: "SecureCookieJSONTests", dependencies: ["SecureCookieJSON", "SecureCookieTestKit"]),
        .testTarget(name: "SecureCookiePickleTests", dependencies: ["SecureCookiePickle", "SecureCookieJSON", "SecureCookieTestKit"]),
        .testTarget(name: "SecureCookieYAMLTests", dependencies: ["SecureCookieYAML", "SecureCookieJSON", "SecureCookieTestKit"]),
        .testTarget(name: "SecureCookieMessagePackTests", dependencies: ["SecureCookieMessagePack", "SecureCookieJSON", "SecureCookieTestKit"]),
        .testTarget(name: "SecureCookieFlaskTests", dependencies: ["SecureCookieFlask", "SecureCookieJSON", "SecureCookieTestKit"]),
        .testTarget(name: "securecookieTests", dependencies: ["securecookie", "SecureCookieJSON", "SecureCookieTestKit"]),
        // Across every codec: tamper sweeps over real Werkzeug cookies, hostile signed inputs.
        .testTarget(
            name: "SecureCookieHardeningTests",
            dependencies: [
                "SecureCookieJSON", "SecureCookiePickle", "SecureCookieYAML", "SecureCookieMessagePack", "SecureCookieFlask",
                "SecureCookieTestKit",
            ]
        ),
        .testTarget(
            name: "SecureCookieHummingbirdTests",
            dependencies: [
                "SecureCookieHummingbird", "securecookie-demo", "SecureCookieCodable", "SecureCookieJSON", "SecureCookiePickle", "SecureCookieFlask",
                "SecureCookieTestKit",
                .product(name: "HummingbirdTesting", package: "hummingbird", condition: hummingbird),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth", condition: hummingbird),
                .product(name: "Logging", package: "swift-log", condition: hummingbird),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio", condition: hummingbird),
                .product(name: "Metrics", package: "swift-metrics", condition: hummingbird),
                .product(name: "MetricsTestKit", package: "swift-metrics", condition: hummingbird),
            ]
        ),
        .testTarget(
            name: "SecureCookieVaporTests",
            dependencies: [
                "SecureCookieVapor", "securecookie-demo", "SecureCookieCodable", "SecureCookieJSON", "SecureCookiePickle", "SecureCookieFlask",
                "SecureCookieTestKit",
                .product(name: "VaporTesting", package: "vapor", condition: vapor),
                .product(name: "Logging", package: "swift-log", condition: vapor),
                .product(name: "MetricsTestKit", package: "swift-metrics", condition: vapor),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio", condition: vapor),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)

// libFuzzer targets, only when asked for (`SECURECOOKIE_FUZZ=1`, see Fuzz/run.sh): they have no
// `main`, so an ordinary build must not see them.
if Context.environment["SECURECOOKIE_FUZZ"] == "1" {
    let fuzzers: [(String, [Target.Dependency])] = [
        ("FuzzCookie", ["SecureCookie", "SecureCookieJSON"]),
        ("FuzzPickle", ["SecureCookie", "SecureCookieJSON", "SecureCookiePickle"]),
        ("FuzzJSON", ["SecureCookie", "SecureCookieJSON"]),
        ("FuzzYAML", ["SecureCookie", "SecureCookieYAML"]),
        ("FuzzMessagePack", ["SecureCookie", "SecureCookieMessagePack"]),
        ("FuzzSignedCookie", ["SecureCookie", "SecureCookieJSON", "SecureCookiePickle", "SecureCookieYAML", "SecureCookieMessagePack"]),
        ("FuzzFlask", ["SecureCookie", "SecureCookieFlask"]),
    ]
    // The oracle and the structure-aware mutators every fuzzer shares.
    package.targets.append(.target(name: "FuzzSupport", dependencies: ["SecureCookie", "SecureCookieJSON"], path: "Fuzz/FuzzSupport"))
    for (name, dependencies) in fuzzers {
        package.targets.append(
            .executableTarget(name: name, dependencies: dependencies + ["FuzzSupport"], path: "Fuzz/\(name)"))
        package.products.append(.executable(name: name, targets: [name]))
    }
}
