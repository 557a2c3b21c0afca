import ArgumentParser

/// Where the source documents are, for checking quotes; each plugin's own `sources/` folder is used too.
struct SourceOptions: ParsableArguments {
    @Option(
        name: .customLong("sources"),
        help: "Map met brondocumenten, mag vaker; ook <gemeente>/sources/ wordt gebruikt / folder of source documents, repeatable.")
    var directories: [String] = []
}
