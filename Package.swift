// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "kplan",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "kplan", targets: ["kplan"]),
        .library(name: "KPlanCore", targets: ["KPlanCore"]),
    ],
    targets: [
        .target(
            name: "KPlanCore",
            resources: [.copy("Resources/catalog.json"), .copy("Resources/policies"), .copy("Resources/strings")]
        ),
        .target(name: "KPlanFuzzCheck", dependencies: ["KPlanCore"]),
        .target(name: "TermUI"),
        .systemLibrary(name: "CNcursesw", providers: [.apt(["libncurses-dev"])]),
        .target(name: "CursesBackend", dependencies: ["TermUI", "CNcursesw"]),
        .target(name: "KPlanApp", dependencies: ["KPlanCore", "TermUI"]),
        .executableTarget(
            name: "kplan",
            dependencies: [
                "KPlanCore",
                "KPlanApp",
                "TermUI",
                "CursesBackend",
            ]
        ),
        .testTarget(
            name: "KPlanCoreTests",
            dependencies: ["KPlanCore", "KPlanFuzzCheck"],
            exclude: ["Goldens"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "TermUITests",
            dependencies: ["TermUI"]
        ),
        .testTarget(
            name: "KPlanAppTests",
            dependencies: ["KPlanApp", "KPlanCore", "TermUI"],
            resources: [.copy("Snapshots")]
        ),
        .testTarget(
            name: "KPlanCLITests",
            dependencies: ["KPlanCore"]
        ),
    ]
)

// The libFuzzer target exists only when Scripts/fuzz builds it: it links only with
// -sanitize=fuzzer, which provides the fuzzing driver.
if Context.environment["KPLAN_FUZZ"] != nil {
    package.targets.append(.executableTarget(
        name: "kplan-fuzz",
        dependencies: ["KPlanFuzzCheck"],
        path: "Fuzz"
    ))
}
