import Foundation
import InclusieDrafting
import InclusieModel
import InclusiePlugins

/// A municipality made on the start page: what `municipality.yaml` needs, each field checked before
/// anything is written.
public struct NewMunicipality: Sendable, Equatable {
    public var slug: String
    public var name: String
    public var province: String
    public var cbsCode: String
    public var population: String
    public var referenceDate: String
    public var publisher: String

    public init(slug: String, name: String, province: String, cbsCode: String, population: String, referenceDate: String, publisher: String) {
        self.slug = slug
        self.name = name
        self.province = province
        self.cbsCode = cbsCode
        self.population = population
        self.referenceDate = referenceDate
        self.publisher = publisher
    }

    /// The twelve provinces, as `municipality.yaml` names them.
    public static let provinces = [
        "Drenthe", "Flevoland", "Friesland", "Gelderland", "Groningen", "Limburg", "Noord-Brabant", "Noord-Holland",
        "Overijssel", "Utrecht", "Zeeland", "Zuid-Holland",
    ]

    /// The file's text, or every field that is wrong and what to write instead.
    public func yaml() throws(ReviewError) -> String {
        var problems: [LocalizedText] = []
        let trimmed = { (text: String) in text.trimmingCharacters(in: .whitespacesAndNewlines) }
        if !DraftFiles.isSlug(slug) {
            problems.append(LocalizedText(
                nl: "de korte naam (slug) heeft kleine letters, cijfers en streepjes, zoals den-haag",
                en: "the short name (slug) has lower-case letters, digits and dashes, such as den-haag"))
        }
        let name = trimmed(name)
        if name.isEmpty || name.count > 100 || name.contains(where: \.isNewline) {
            problems.append(LocalizedText(nl: "vul de naam van de gemeente in (hoogstens 100 tekens)", en: "fill in the municipality's name (at most 100 characters)"))
        }
        if !Self.provinces.contains(province) {
            problems.append(LocalizedText(nl: "kies een van de twaalf provincies", en: "choose one of the twelve provinces"))
        }
        let code = trimmed(cbsCode).uppercased()
        if !(code.count == 6 && code.hasPrefix("GM") && code.dropFirst(2).allSatisfy { $0.isASCII && $0.isNumber }) {
            problems.append(LocalizedText(nl: "de CBS-code is GM en vier cijfers, zoals GM0363", en: "the CBS code is GM and four digits, such as GM0363"))
        }
        let digits = trimmed(population).filter { $0 != "." && $0 != " " }
        let count = Int(digits).flatMap { (1...PluginLimits.maximumPopulation).contains($0) ? $0 : nil }
        if count == nil || !digits.allSatisfy({ $0.isASCII && $0.isNumber }) {
            problems.append(LocalizedText(nl: "het inwonertal is een heel getal, zoals 52340", en: "the population is a whole number, such as 52340"))
        }
        let date = trimmed(referenceDate)
        if date.range(of: #"^(19|20)\d\d-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$"#, options: .regularExpression) == nil {
            problems.append(LocalizedText(nl: "de peildatum is een datum als 2025-01-01", en: "the reference date is a date such as 2025-01-01"))
        }
        let publisher = trimmed(publisher)
        if publisher.isEmpty || publisher.count > 100 || publisher.contains(where: \.isNewline) {
            problems.append(LocalizedText(nl: "noem wie het inwonertal publiceert, zoals CBS", en: "name who publishes the population, such as CBS"))
        }
        guard problems.isEmpty, let count else {
            throw ReviewError(
                LocalizedText(
                    nl: "de gemeente is niet aangemaakt: " + problems.map(\.nl).joined(separator: "; "),
                    en: "the municipality was not created: " + problems.map(\.en).joined(separator: "; ")))
        }
        let population = YAMLValue.fields(["reference_date": .text(date), "count": .text(String(count)), "publisher": .text(publisher)])
        let value = YAMLValue.fields([
            "slug": .text(slug),
            "name": .text(name),
            "province": .text(province),
            "cbs_code": .text(code),
            "population": .sequence([population], flow: false),
        ])
        let text = YAMLValueWriter.yaml(value, layout: YAMLValueWriter.Layout(of: ""))
        // The same reader `validate` uses must take it, or nothing is written.
        guard (try? MunicipalityReader.read(yaml: text)) != nil else {
            throw ReviewError(
                LocalizedText(nl: "de gemeente is niet aangemaakt: het bestand zou ongeldig zijn", en: "the municipality was not created: the file would be invalid"))
        }
        return text
    }
}

/// A document uploaded on the start page, to be drafted for a municipality.
public struct NewDraft: Sendable {
    /// The file's name as the browser gave it: only its extension and a slug of its base name are used.
    public var fileName: String
    public var document: Data
    /// A kind from `Drafter.kinds`, or nil to let the drafter choose.
    public var kind: String?
    /// An existing municipality's slug, or a new municipality.
    public var municipality: Municipality

    public enum Municipality: Sendable {
        case existing(String)
        case new(NewMunicipality)
    }

    public init(fileName: String, document: Data, kind: String?, municipality: Municipality) {
        self.fileName = fileName
        self.document = document
        self.kind = kind
        self.municipality = municipality
    }

    /// The document kinds the start page takes; a PDF is read through `pdftotext`, as `draft` reads it.
    public static let extensions = ["txt", "md", "pdf"]
}

extension ReviewWorkspace {
    /// The municipalities in the folder: real folders (no links) that hold a `municipality.yaml`.
    public func municipalities() -> [String] {
        names(in: directory).filter { isFolder(join(directory, $0)) && isRegularFile(join(join(directory, $0), PluginLoader.municipalityFileName)) }
    }

    /// Drafts an uploaded document into the folder, as `draft` does, and returns the plugin file written.
    ///
    /// What is written: for a new municipality its folder and `municipality.yaml`; the plugin file and its
    /// source text in `sources/` (through `DraftFiles`, which never replaces a file and never writes
    /// through a link). The uploaded bytes are read from a private temporary folder outside the
    /// municipalities folder, named by a slug of the file name, and removed after. Nothing from the
    /// request becomes a path but a checked slug.
    public func draft(_ upload: NewDraft) throws(ReviewError) -> PluginFile {
        let pathExtension = (upload.fileName as NSString).pathExtension.lowercased()
        guard NewDraft.extensions.contains(pathExtension) else {
            throw ReviewError(
                LocalizedText(
                    nl: "alleen een .txt-, .md- of .pdf-bestand kan worden ingelezen", en: "only a .txt, .md or .pdf file can be read"))
        }
        let isPDF = upload.document.starts(with: Data("%PDF".utf8))
        guard isPDF == (pathExtension == "pdf") else {
            throw ReviewError(
                LocalizedText(
                    nl: isPDF ? "dit is een PDF met een andere extensie; geef het de extensie .pdf" : "dit bestand heet .pdf maar is geen PDF",
                    en: isPDF ? "this is a PDF with another extension; give it the extension .pdf" : "this file is called .pdf but is not a PDF"))
        }
        if let kind = upload.kind, !Drafter.kinds.contains(kind) {
            throw ReviewError(LocalizedText(nl: "onbekende soort programma", en: "unknown kind of programme"))
        }
        let loaded = PluginLoader().load(directory: directory)
        guard let taxonomy = loaded.taxonomy else {
            throw ReviewError(
                LocalizedText(nl: "de map heeft geen geldige taxonomy.yaml", en: "the folder has no valid taxonomy.yaml"))
        }
        let slug: String
        var municipalityText: String?
        var known = loaded.municipalities
        switch upload.municipality {
        case .existing(let chosen):
            guard let found = municipalities().first(where: { $0 == chosen }) else {
                throw ReviewError(LocalizedText(nl: "kies een gemeente uit de lijst", en: "choose a municipality from the list"))
            }
            slug = found
        case .new(let municipality):
            municipalityText = try municipality.yaml()
            guard !names(in: directory).contains(municipality.slug) else {
                throw ReviewError(
                    LocalizedText(
                        nl: "er is al een map \(municipality.slug); kies die gemeente uit de lijst",
                        en: "there is a folder \(municipality.slug) already; choose that municipality from the list"))
            }
            slug = municipality.slug
            known.append(
                InclusieModel.Municipality(slug: slug, name: municipality.name.trimmingCharacters(in: .whitespacesAndNewlines), province: nil, cbsCode: nil, population: []))
        }

        // The upload gets a folder of its own outside the municipalities folder, named by a slug.
        let upload = upload
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("inclusiebench-upload-\(UUID().uuidString)").path
        guard mkdir(scratch, 0o700) == 0 else {
            throw ReviewError(LocalizedText(nl: "kon geen tijdelijke map maken", en: "could not make a temporary folder"))
        }
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let base = DraftFiles.slug(((upload.fileName as NSString).lastPathComponent as NSString).deletingPathExtension)
        let document = join(scratch, "\(base).\(pathExtension)")
        guard FileManager.default.createFile(atPath: document, contents: upload.document) else {
            throw ReviewError(LocalizedText(nl: "kon het document niet tijdelijk bewaren", en: "could not keep the document for a moment"))
        }
        let files = DraftFiles(source: document, municipality: slug, pluginsDirectory: directory, out: nil)
        let shown = "\(base).\(pathExtension)"
        do {
            try files.checkTargets(force: false, database: database, document: document)
        } catch {
            guard FileManager.default.fileExists(atPath: files.pluginPath) else { throw ReviewError(error.message) }
            throw ReviewError(
                LocalizedText(
                    nl: "er is al een programmabestand \(slug)/\(files.programmeID).yaml; open het vanaf de startpagina of geef het document een andere naam",
                    en: "there is a programme file \(slug)/\(files.programmeID).yaml already; open it from the start page or rename the document"))
        }
        let text: String
        let drafted: DocumentDraft
        do {
            text = try DocumentReader.read(path: document)
            var view = loaded
            view.municipalities = known
            drafted = try DocumentDraft(text: text, kind: upload.kind, files: files, loaded: view, taxonomy: taxonomy, document: document)
        } catch {
            throw ReviewError(
                LocalizedText(
                    nl: "\(shown): \(error.message.nl) — \(error.fix.nl)", en: "\(shown): \(error.message.en) — \(error.fix.en)"))
        }
        let folder = join(directory, slug)
        let municipalityFile = join(folder, PluginLoader.municipalityFileName)
        if let municipalityText {
            guard mkdir(folder, 0o755) == 0 else {
                throw ReviewError(
                    LocalizedText(nl: "kon de map \(slug) niet maken", en: "could not make the folder \(slug)"))
            }
            do {
                try OutputFile.write(
                    Data(municipalityText.utf8), to: municipalityFile, protecting: [database],
                    existing: .keepUnlessIdentical(advice: LocalizedText(nl: "kies de gemeente uit de lijst", en: "choose the municipality from the list")))
            } catch {
                rmdir(folder)
                throw ReviewError(error.message)
            }
        }
        do {
            try files.write(plugin: drafted.plugin, text: text, force: false, database: database, document: document)
        } catch {
            // Only what this call made is taken back.
            if municipalityText != nil {
                unlink(municipalityFile)
                rmdir(files.sourcesDirectory)
                rmdir(folder)
            }
            throw ReviewError(error.message)
        }
        return try file(municipality: slug, name: files.programmeID + ".yaml")
    }

    /// The text `file` gets when its source text is drafted again as another `kind`: what the start page
    /// writes for that document with that kind chosen, with the file's own municipality, id and source.
    /// Only for a draft (a file with review marks): a kind decides the whole native structure, so every
    /// edit made so far is replaced. Nothing is written here.
    public func redraft(_ file: PluginFile, kind: String) throws(ReviewError) -> String {
        guard Drafter.kinds.contains(kind), kind != file.value["kind"]?.string else {
            throw ReviewError(
                LocalizedText(nl: "kies een andere soort programma uit de lijst", en: "choose another kind of programme from the list"))
        }
        guard ReviewUnit.units(in: file.value).contains(where: \.isSuggestion) else {
            throw ReviewError(
                LocalizedText(
                    nl: "dit bestand is al nagekeken; alleen een concept (met onderdelen na te kijken) wordt opnieuw ingelezen",
                    en: "this file is reviewed already; only a draft (with parts left to review) is read again"))
        }
        guard let id = file.value["id"]?.string, let source = file.value["source"]?.string, let text = sourceText(of: file) else {
            throw ReviewError(
                LocalizedText(
                    nl: "de brontekst van dit bestand staat niet in \(file.municipality)/sources/; zonder brontekst kan het niet opnieuw worden ingelezen",
                    en: "this file's source text is not in \(file.municipality)/sources/; without it the file cannot be read again"))
        }
        let loaded = PluginLoader().load(directory: directory)
        guard let taxonomy = loaded.taxonomy else {
            throw ReviewError(LocalizedText(nl: "de map heeft geen geldige taxonomy.yaml", en: "the folder has no valid taxonomy.yaml"))
        }
        var files = DraftFiles(source: source, municipality: file.municipality, pluginsDirectory: directory, out: file.path)
        files.programmeID = id
        files.sourceFile = source
        do {
            return try DocumentDraft(text: text, kind: kind, files: files, loaded: loaded, taxonomy: taxonomy, document: source).plugin
        } catch {
            throw ReviewError(
                LocalizedText(nl: "\(source): \(error.message.nl) — \(error.fix.nl)", en: "\(source): \(error.message.en) — \(error.fix.en)"))
        }
    }
}
