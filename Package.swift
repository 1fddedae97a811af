// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "kplan",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "kplan", targets: ["kplan"]),
        .library(name: "KPlanCore", targets: ["KPlanCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .target(
            name: "KPlanCore",
            resources: [.copy("Resources/catalog.json"), .copy("Resources/policies"), .copy("Resources/strings")]
        ),
        .executableTarget(
            name: "kplan",
            dependencies: [
                "KPlanCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "KPlanCoreTests",
            dependencies: ["KPlanCore"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "KPlanCLITests",
            dependencies: ["KPlanCore"]
        ),
    ]
)
