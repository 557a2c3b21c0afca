import Foundation
import InclusieExport

/// The benchmark's command line; small enough to read by hand, so this target needs no argument parser.
struct BenchmarkOptions {
    static let usage =
        "usage: swift run -c release inclusiebench-benchmark [--count N] [--seed N] [--views a,b] [--strict] [--keep]"

    /// The number of municipalities in the Netherlands (2023), the scale the tool must handle.
    var count = 342
    var seed: UInt64 = 342
    var views = ViewName.allCases
    /// Exit non-zero when a target is missed.
    var strict = false
    /// Keep the generated plugins, sources and database instead of removing them.
    var keep = false

    init(arguments: [String]) throws {
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            switch argument {
            case "--count": count = try Self.number(remaining.popFirst(), for: argument)
            case "--seed": seed = UInt64(try Self.number(remaining.popFirst(), for: argument))
            case "--views": views = try Self.views(remaining.popFirst())
            case "--strict": strict = true
            case "--keep": keep = true
            case "--help", "-h": throw UsageError(message: "")
            default: throw UsageError(message: "unknown argument '\(argument)'")
            }
        }
    }

    private static func number(_ text: String?, for option: String) throws -> Int {
        guard let text, let value = Int(text), value >= 0 else {
            throw UsageError(message: "\(option) needs a whole number")
        }
        return value
    }

    /// Names separated by commas; an empty list runs no views (for profiling the other steps).
    private static func views(_ text: String?) throws -> [ViewName] {
        guard let text else { throw UsageError(message: "--views needs a list such as themes,budgets") }
        return try text.split(separator: ",").map { name in
            guard let view = ViewName(rawValue: String(name)) else {
                let known = ViewName.allCases.map(\.rawValue).joined(separator: ", ")
                throw UsageError(message: "unknown view '\(name)'; known: \(known)")
            }
            return view
        }
    }
}

struct UsageError: Error, CustomStringConvertible {
    var message: String
    var description: String { message.isEmpty ? BenchmarkOptions.usage : "\(message)\n\(BenchmarkOptions.usage)" }
}

/// Prints the message to standard error and ends the benchmark with a failure.
func stop(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(1)
}
