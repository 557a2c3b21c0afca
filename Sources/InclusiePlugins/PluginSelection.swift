import Foundation
import InclusieModel

/// The part of a load that `validate --only` looks at: some municipalities or programmes.
///
/// Someone adding their own municipality wants to see its problems, not the bundled ones; problems in
/// the shared taxonomy are always kept, because they stand in the way of every plugin.
public struct PluginSelection: Sendable {
    /// Municipality slugs, programme keys (`slug/id`), programme ids or programme file names without `.yaml`.
    public var names: Set<String>

    public init(names: Set<String>) {
        self.names = names
    }

    /// The names from a comma-separated option value.
    public init(list: String) {
        self.init(names: Set(list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }))
    }

    /// The load restricted to the selection, and the names that matched nothing.
    public func apply(to loaded: LoadedPlugins, directory: String) -> (selected: LoadedPlugins, unmatched: [String]) {
        var matched = Set<String>()
        /// The names that select a file (or folder) of the plugins directory.
        func selectors(of file: String) -> Set<String> {
            let parts = relativePath(file, in: directory).split(separator: "/").map(String.init)
            guard let folder = parts.first else { return [] }
            var candidates: Set<String> = [folder]
            if parts.count > 1 {
                let stem = (parts[1] as NSString).deletingPathExtension
                candidates.formUnion([stem, "\(folder)/\(stem)"])
            }
            return names.intersection(candidates)
        }
        var selected = loaded
        selected.programmes = loaded.programmes.filter { loaded in
            let id = String(loaded.programme.key.split(separator: "/").last ?? "")
            let hits = selectors(of: loaded.file).union(names.intersection([loaded.programme.key, id]))
            matched.formUnion(hits)
            return !hits.isEmpty
        }
        let slugs = Set(selected.programmes.map(\.programme.municipalitySlug)).union(names)
        selected.municipalities = loaded.municipalities.filter { slugs.contains($0.slug) }
        let files = Set(selected.programmes.map(\.file))
        selected.diagnostics = loaded.diagnostics.filter { diagnostic in
            let hits = selectors(of: diagnostic.file)
            matched.formUnion(hits)
            return files.contains(diagnostic.file) || !hits.isEmpty
                || relativePath(diagnostic.file, in: directory) == PluginLoader.taxonomyFileName
        }
        matched.formUnion(names.intersection(loaded.municipalities.map(\.slug)))
        return (selected, names.subtracting(matched).sorted())
    }

    private func relativePath(_ file: String, in directory: String) -> String {
        let base = directory.hasSuffix("/") ? directory : directory + "/"
        return file.hasPrefix(base) ? String(file.dropFirst(base.count)) : file
    }
}
