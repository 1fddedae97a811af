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
        // DWARF 4: valgrind 3.19 (callgrind, Scripts/bench --instructions) gives up on the
        // DWARF 5 that clang 21 writes for C.
        .target(name: "CByteScan", cSettings: [.unsafeFlags(["-gdwarf-4"])]),
        .target(
            name: "KPlanCore",
            dependencies: ["CByteScan"],
            resources: [
                .embedInCode("Resources/catalog.json"), .embedInCode("Resources/strings/nb.json"),
                .embedInCode("Resources/policies/k2025.json"), .embedInCode("Resources/policies/leve-hele-livet.json"),
                .embedInCode("Resources/policies/bo-trygt-hjemme.json"), .embedInCode("Resources/policies/post68-2026.json"),
            ]
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
