// swift-tools-version: 6.1
import PackageDescription

/// One settings list for every Swift target, built fresh for each (a shared `let` does not take effect, SwiftPM #6597).
func sharedSettings() -> [SwiftSetting] {
    [
        .swiftLanguageMode(.v6),
        .enableUpcomingFeature("ExistentialAny"),
        .enableUpcomingFeature("MemberImportVisibility"),
        .enableUpcomingFeature("InternalImportsByDefault"),
    ]
}

let hummingbird: Target.Dependency = .product(name: "Hummingbird", package: "hummingbird")
let crypto: Target.Dependency = .product(name: "Crypto", package: "swift-crypto")
let logging: Target.Dependency = .product(name: "Logging", package: "swift-log")
let httpTypes: Target.Dependency = .product(name: "HTTPTypes", package: "swift-http-types")
let lifecycle: Target.Dependency = .product(name: "ServiceLifecycle", package: "swift-service-lifecycle")

/// A bounded context or shared library under `Modules/<name>`.
func module(_ name: String, _ dependencies: [Target.Dependency] = [], exclude: [String] = [], resources: [Resource]? = nil) -> Target {
    .target(name: name, dependencies: dependencies, path: "Modules/\(name)", exclude: exclude, resources: resources, swiftSettings: sharedSettings())
}

/// A provider adapter under `Adapters/<name>`.
func adapter(_ name: String, _ dependencies: [Target.Dependency] = [], resources: [Resource]? = nil) -> Target {
    .target(name: name, dependencies: dependencies, path: "Adapters/\(name)", resources: resources, swiftSettings: sharedSettings())
}

/// The test target of a module, under `Tests/<name>Tests`.
func tests(_ name: String, _ dependencies: [Target.Dependency]) -> Target {
    .testTarget(name: "\(name)Tests", dependencies: dependencies, path: "Tests/\(name)Tests", swiftSettings: sharedSettings())
}

let package = Package(
    name: "Vouch",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "vouch", targets: ["Vouch"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
    ],
    targets: [
        module("Kernel", [lifecycle, logging]),
        module("Contracts", ["Kernel"]),
        .systemLibrary(name: "CLMDB", path: "Modules/Storage/CLMDB", pkgConfig: "lmdb", providers: [.apt(["liblmdb-dev"])]),
        module("Storage", ["Kernel", "CLMDB"], exclude: ["CLMDB"]),
        module("HTTPSupport", ["Kernel", hummingbird, logging]),
        .systemLibrary(name: "CLibXML2", path: "Modules/RichText/CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        module("RichText", ["CLibXML2"], exclude: ["CLibXML2"]),
        .systemLibrary(name: "CMaxMindDB", path: "Modules/GeoIP/CMaxMindDB", pkgConfig: "libmaxminddb", providers: [.apt(["libmaxminddb-dev"])]),
        module("GeoIP", ["Contracts", "CMaxMindDB"], exclude: ["CMaxMindDB"]),
        module("Billing", ["Kernel", "Contracts", "HTTPSupport", hummingbird, crypto], resources: [.copy("openapi.json")]),
        module("Programs", ["Kernel", "Contracts", "HTTPSupport", hummingbird], resources: [.copy("openapi.json")]),
        module("Affiliates", ["Kernel", "Contracts", "HTTPSupport", "RichText", hummingbird, crypto], resources: [.copy("openapi.json")]),
        module("Storefront", ["Kernel", "Contracts", "HTTPSupport", hummingbird], resources: [.copy("openapi.json")]),
        module("Tracking", ["Kernel", "Contracts", "HTTPSupport", "RichText", hummingbird, crypto, .product(name: "HTTPTypes", package: "swift-http-types")], resources: [.copy("openapi.json"), .copy("Loader/loader.js")]),
        module("Insights", ["Kernel", "Contracts", "HTTPSupport", hummingbird], resources: [.copy("openapi.json")]),
        adapter("StripeBilling", ["Kernel", "Contracts", "HTTPSupport", hummingbird, crypto, httpTypes], resources: [.copy("openapi.json")]),
        module("HTTPServer", ["Kernel", "Contracts", "Storage", "GeoIP", "HTTPSupport", "Billing", "Programs", "Affiliates", "Storefront", "Tracking", "Insights", "StripeBilling", hummingbird, logging, lifecycle, crypto,
            .product(name: "NIOCore", package: "swift-nio"), .product(name: "HTTPTypes", package: "swift-http-types"),
        ], resources: [.copy("openapi.json")]),
        .executableTarget(
            name: "Vouch", dependencies: ["HTTPServer", "Insights", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Modules/Vouch", swiftSettings: sharedSettings()),
        .executableTarget(name: "StorageCrashWriter", dependencies: ["Kernel", "Storage"], path: "tools/crash-writer", swiftSettings: sharedSettings()),
        .executableTarget(
            name: "InsightsSeeder",
            dependencies: [
                "Kernel", "Contracts", "Storage", "Billing", "Programs", "Affiliates", "Tracking", "Insights", crypto, logging,
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "tools/bench/insights-seeder", swiftSettings: sharedSettings()),

        .target(name: "TestSupport", dependencies: ["Kernel", "Contracts", "Storage", logging], path: "Tests/TestSupport", swiftSettings: sharedSettings()),
        tests("Kernel", ["Kernel", "TestSupport"]),
        tests("Storage", ["Storage", "Kernel", "TestSupport", "StorageCrashWriter"]),
        tests("Billing", ["Billing", "Kernel", "Contracts", "TestSupport"]),
        tests("Programs", ["Programs", "Kernel", "Contracts", "TestSupport"]),
        tests("RichText", ["RichText"]),
        tests("GeoIP", ["GeoIP", "TestSupport"]),
        tests("Tracking", ["Tracking", "Kernel", "Contracts", "TestSupport"]),
        tests("Insights", ["Insights", "Kernel", "Contracts", "TestSupport"]),
        tests("Affiliates", ["Affiliates", "Programs", "Kernel", "Contracts", "TestSupport"]),
        tests("StripeBilling", ["StripeBilling", "Kernel", "Contracts", "HTTPSupport", "TestSupport", hummingbird, .product(name: "HummingbirdTesting", package: "hummingbird"), crypto, httpTypes]),
        tests("HTTPServer", ["HTTPServer", "Kernel", "Contracts", "Storage", "TestSupport", hummingbird]),
        .testTarget(
            name: "APITests",
            dependencies: [
                "HTTPServer", "Insights", "Kernel", "Contracts", "Storage", "Tracking", "TestSupport", hummingbird, .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"), logging, crypto,
            ],
            path: "Tests/APITests", swiftSettings: sharedSettings()),
    ]
)
