import InclusieModel

/// Words the generator builds titles and sentences from: plain Dutch policy language, no names of people.
///
/// Organisations, parties and municipalities are all called "Synthetisch…" so that no generated file can be
/// mistaken for a real document.
enum Vocabulary {
    static let provinces = [
        "Drenthe", "Flevoland", "Friesland", "Gelderland", "Groningen", "Limburg", "Noord-Brabant", "Noord-Holland",
        "Overijssel", "Utrecht", "Zeeland", "Zuid-Holland",
    ]

    /// Openings that read right before any theme, "discriminatie op de woningmarkt" as well as "onderwijs".
    static let titleOpenings = [
        "Aandacht voor", "Aanpak van", "Werken aan", "Inzet op", "Verkennen van", "Samenwerken aan", "Onderzoek naar",
        "Gesprek over", "Plan voor", "Agenda voor",
    ]

    static let qualifiers = [
        "in de wijken", "samen met partners in de stad", "binnen de eigen organisatie", "voor alle inwoners",
        "op scholen en in buurthuizen", "in het hele sociaal domein", "in de komende vier jaar",
    ]

    static let fillers = [
        "Deze tekst is synthetisch en beschrijft geen bestaand beleid.",
        "De gemeente werkt dit onderdeel verder uit met inwoners en organisaties.",
        "Over de voortgang rapporteert het college jaarlijks aan de raad.",
        "Waar nodig stellen we de aanpak tussentijds bij.",
        "Dit sluit aan bij wat inwoners in eerdere gesprekken hebben gezegd.",
    ]

    static let departments = [
        "Samenleving", "Communicatie", "Werk en Inkomen", "Onderwijs", "P&O", "Zorg en Welzijn", "Veiligheid",
        "Stedelijke ontwikkeling", "programma Inclusie",
    ]

    static let units = ["kernorganisatie", "team leefomgeving", "wijkteam"]

    static let organisationKinds = [
        "Synthetische Stichting", "Synthetisch Platform", "Synthetische Vereniging", "Synthetisch Netwerk",
        "Synthetisch Kenniscentrum",
    ]

    static let staffRoles = ["diversiteitsmanager", "projectleider inclusie", "beleidsadviseur", "inclusieteam"]

    static let budgetBlocks = ["Programmabudget", "Reguliere subsidies", "Incidentele middelen"]

    /// A label as it reads inside a sentence: "Onderwijs" becomes "onderwijs", "VN-verdrag" stays.
    static func inSentence(_ label: String) -> String {
        let characters = Array(label)
        guard characters.count > 1, characters[1].isLowercase, let first = characters.first else { return label }
        return first.lowercased() + String(characters.dropFirst())
    }

    static func padded(_ number: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, 3 - digits.count)) + digits
    }
}
