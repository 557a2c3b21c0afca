// swift-tools-version:6.0
import PackageDescription

/// A thin executable over libraries that each own one thing; dependencies point toward the model.
let package = Package(
    name: "inclusiebench",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "inclusiebench", targets: ["inclusiebench"])
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/JohnSundell/Plot", from: "0.14.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        .target(name: "InclusieModel"),
        .target(
            name: "InclusiePlugins",
            dependencies: ["InclusieModel", .product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "InclusieStore",
            dependencies: ["InclusieModel", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .target(name: "InclusieComparison", dependencies: ["InclusieModel"]),
        .target(
            name: "InclusieExport",
            dependencies: [
                "InclusieModel", "InclusieComparison",
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "InclusieReport",
            dependencies: ["InclusieModel", "InclusieComparison", "InclusieExport", .product(name: "Plot", package: "Plot")]
        ),
        .target(name: "InclusieSynthetic", dependencies: ["InclusieModel", "InclusiePlugins"]),
        .target(name: "InclusieDrafting", dependencies: ["InclusieModel", "InclusiePlugins"]),
        .executableTarget(
            name: "inclusiebench-benchmark",
            dependencies: ["InclusieModel", "InclusiePlugins", "InclusieStore", "InclusieComparison", "InclusieExport", "InclusieSynthetic"]
        ),
        .executableTarget(
            name: "inclusiebench",
            dependencies: [
                "InclusieModel", "InclusiePlugins", "InclusieStore", "InclusieComparison", "InclusieExport",
                "InclusieReport", "InclusieDrafting",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "InclusiebenchTests",
            dependencies: [
                "InclusieModel", "InclusiePlugins", "InclusieStore", "InclusieComparison", "InclusieExport",
                "InclusieReport", "InclusieSynthetic", "InclusieDrafting", "inclusiebench",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
    ]
)
