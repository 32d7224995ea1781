// swift-tools-version:6.0
import PackageDescription

// One library target per pipeline stage; the CLI and the benchmarks are thin executables over them.
let package = Package(
    name: "brief",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "brief", targets: ["BriefCLI"]),
        .executable(name: "brief-bench", targets: ["BriefBench"]),
        .library(name: "BriefSite", targets: ["BriefSite"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        .systemLibrary(name: "CMark", pkgConfig: "libcmark",
                       providers: [.apt(["libcmark-dev"])]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0",
                       providers: [.apt(["libxml2-dev"])]),
        .target(name: "CAtomicSwap"),
        .target(name: "BriefModel"),
        .target(name: "BriefHTML", dependencies: ["CLibXML2"]),
        .target(name: "BriefIngest",
                dependencies: ["BriefModel", "BriefHTML", .product(name: "Yams", package: "Yams")]),
        .target(name: "BriefMerge", dependencies: ["BriefModel"]),
        .target(name: "BriefEntities",
                dependencies: ["BriefModel", .product(name: "Yams", package: "Yams")],
                resources: [.copy("Resources/gazetteer.tsv")]),
        .target(name: "BriefNotes",
                dependencies: ["BriefModel", "BriefIngest"]),
        .target(name: "BriefRender",
                dependencies: ["BriefModel", "CMark", .product(name: "Mustache", package: "swift-mustache")]),
        .target(name: "BriefSite",
                dependencies: ["BriefModel", "BriefIngest", "BriefMerge", "BriefEntities", "BriefNotes",
                               "BriefRender", "CAtomicSwap", .product(name: "Yams", package: "Yams")]),
        .executableTarget(name: "BriefCLI",
                          dependencies: ["BriefSite", "BriefIngest", "BriefNotes", "BriefModel",
                                         .product(name: "ArgumentParser", package: "swift-argument-parser"),
                                         .product(name: "FlyingFox", package: "FlyingFox")],
                          // mimalloc (Debian's libmimalloc) replaces glibc's malloc in the brief
                          // binary: a build allocates millions of small strings and arrays on
                          // every core, and spends about a tenth less time with it.
                          linkerSettings: [.linkedLibrary("mimalloc", .when(platforms: [.linux]))]),
        .executableTarget(name: "BriefBench",
                          dependencies: ["BriefSite", "BriefIngest", "BriefHTML", "BriefMerge", "BriefEntities", "BriefModel",
                                         .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        .testTarget(name: "BriefTests",
                    dependencies: ["BriefModel", "BriefHTML", "BriefIngest", "BriefMerge", "BriefEntities",
                                   "BriefNotes", "BriefRender", "BriefSite"],
                    resources: [.copy("Fixtures")]),
    ]
)
