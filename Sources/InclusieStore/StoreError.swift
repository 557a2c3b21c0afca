import Foundation
import GRDB
import InclusieModel

/// A database problem as a sentence the user can act on, naming the file; never a raw SQLite code.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    public var message: LocalizedText

    public init(_ message: LocalizedText) {
        self.message = message
    }

    public var description: String { message.nl }

    /// How long a second writer waits for the first before giving up.
    static let busyTimeout: TimeInterval = 5

    /// The user-facing form of an error from GRDB or the file system while using the database at `path`.
    static func describing(_ error: any Error, path: String) -> any Error {
        if error is StoreError { return error }
        guard let databaseError = error as? DatabaseError else {
            return StoreError(
                LocalizedText(
                    nl: "\(path): de database kon niet worden geopend of aangemaakt — controleer dat elke map op het pad een map is (geen bestand) en schrijfbaar is",
                    en: "\(path): the database could not be opened or created — check that every folder on the path is a folder (not a file) and writable"))
        }
        let detail = databaseError.message ?? "SQLite \(databaseError.resultCode.rawValue)"
        switch databaseError.resultCode.primaryResultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return StoreError(
                LocalizedText(
                    nl: "\(path): de database is al \(Int(busyTimeout)) seconden bezet door een andere import — wacht tot die klaar is en probeer het opnieuw",
                    en: "\(path): the database has been busy with another import for \(Int(busyTimeout)) seconds — wait until it is done and try again"))
        case .SQLITE_CANTOPEN:
            return StoreError(
                LocalizedText(
                    nl: "\(path): het databasebestand kan niet worden geopend — controleer of de map bestaat en schrijfbaar is, of kies met --db een ander bestand",
                    en: "\(path): the database file cannot be opened — check that the folder exists and is writable, or choose another file with --db"))
        case .SQLITE_NOTADB:
            return StoreError(
                LocalizedText(
                    nl: "\(path) is geen SQLite-database — kies met --db het bestand dat inclusiebench maakte, of een nieuwe naam",
                    en: "\(path) is not an SQLite database — choose the file inclusiebench made with --db, or a new name"))
        case .SQLITE_CORRUPT:
            return StoreError(
                LocalizedText(
                    nl: "\(path): de database is beschadigd — verwijder het bestand en voer 'inclusiebench import' opnieuw uit",
                    en: "\(path): the database is damaged — delete the file and run 'inclusiebench import' again"))
        case .SQLITE_READONLY, .SQLITE_PERM:
            return StoreError(
                LocalizedText(
                    nl: "\(path): de database is alleen-lezen — geef schrijfrechten of kies met --db een ander bestand",
                    en: "\(path): the database is read-only — allow writing or choose another file with --db"))
        case .SQLITE_FULL, .SQLITE_IOERR:
            return StoreError(
                LocalizedText(
                    nl: "\(path): schrijven mislukte (\(detail)) — controleer of de schijf vol is; de database is ongewijzigd",
                    en: "\(path): writing failed (\(detail)) — check whether the disk is full; the database is unchanged"))
        default:
            return StoreError(
                LocalizedText(
                    nl: "\(path): de database weigerde dit (\(detail)) — voer 'inclusiebench validate' uit en meld het als dat niets vindt",
                    en: "\(path): the database refused this (\(detail)) — run 'inclusiebench validate' and report it if that finds nothing"))
        }
    }
}
