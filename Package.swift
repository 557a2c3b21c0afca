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
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        .target(name: "InclusieModel"),
        .target(
            name: "InclusiePlugins",
            dependencies: ["InclusieModel", .product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "InclusieStore",
            dependencies: [
                "InclusieModel", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        .target(name: "InclusieComparison", dependencies: ["InclusieModel"]),
        .target(
            name: "InclusieExport",
            dependencies: [
                "InclusieModel", "InclusieComparison",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Pictures (heat map, bars, timeline) as inline SVG: one component the report and the site both draw with.
        .target(name: "InclusieCharts", dependencies: ["InclusieModel", "InclusieComparison", .product(name: "Plot", package: "Plot")]),
        .target(
            name: "InclusieReport",
            dependencies: ["InclusieModel", "InclusieComparison", "InclusieExport", "InclusieCharts", .product(name: "Plot", package: "Plot")]
        ),
        .target(name: "InclusieSynthetic", dependencies: ["InclusieModel", "InclusiePlugins"]),
        .target(
            name: "InclusieDrafting",
            dependencies: ["InclusieModel", "InclusiePlugins", .product(name: "Yams", package: "Yams")]),
        .target(
            name: "InclusieServer",
            dependencies: [
                "InclusieModel", "InclusiePlugins", "InclusieStore", "InclusieComparison", "InclusieExport",
                "InclusieReport", "InclusieCharts",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Plot", package: "Plot"),
            ]
        ),
        // The review application: it edits plugin files, so it is kept apart from the read-only site.
        .target(
            name: "InclusieReview",
            dependencies: [
                "InclusieModel", "InclusiePlugins", "InclusieStore", "InclusieServer", "InclusieDrafting", "InclusieCharts",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Plot", package: "Plot"),
            ]
        ),
        .executableTarget(
            name: "inclusiebench-benchmark",
            dependencies: ["InclusieModel", "InclusiePlugins", "InclusieStore", "InclusieComparison", "InclusieExport", "InclusieSynthetic"]
        ),
        .executableTarget(
            name: "inclusiebench",
            dependencies: [
                "InclusieModel", "InclusiePlugins", "InclusieStore", "InclusieComparison", "InclusieExport",
                "InclusieReport", "InclusieDrafting", "InclusieServer", "InclusieReview",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // A release build carries the Swift runtime and Foundation inside: it runs on a machine without
            // Swift, and each `compare` process starts sooner (0.128 -> 0.109 s for budgets at 342) for
            // not resolving their symbols at launch.
            swiftSettings: [.unsafeFlags(["-static-stdlib"], .when(configuration: .release))],
            linkerSettings: [.unsafeFlags(["-static-stdlib"], .when(configuration: .release))]
        ),
        .testTarget(
            name: "InclusiebenchTests",
            dependencies: [
                "InclusieModel", "InclusiePlugins", "InclusieStore", "InclusieComparison", "InclusieExport",
                "InclusieReport", "InclusieCharts", "InclusieSynthetic", "InclusieDrafting", "InclusieServer", "InclusieReview",
                "inclusiebench",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                // The reference the CSV writer is checked against, and the reader that parses exports back.
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
    ]
)
