import Contracts
import Foundation
import Kernel

enum ConversionImportJobTag {}
typealias ConversionImportJobID = TypedID<ConversionImportJobTag>

/// The record of one conversion import (the spec's MigrationJob): its tallies and the rows it created, so it can
/// be undone.
struct ConversionImportJob: Codable {
    let id: ConversionImportJobID
    let createdAt: Date
    let total: Int
    var imported = 0
    var skipped = 0
    var errored = 0
    var reasons: [String: Int] = [:]
    var created: [ConversionID] = []
    /// The commission this import made payable: the Approved rows it created.
    var unpaidConfirmedCents: Int64 = 0

    init(id: ConversionImportJobID, createdAt: Date, total: Int) {
        self.id = id
        self.createdAt = createdAt
        self.total = total
    }

    mutating func tally(_ reason: String, errored isError: Bool) {
        if isError { errored += 1 } else { skipped += 1 }
        reasons[reason, default: 0] += 1
    }

    mutating func record(_ conversion: Conversion) {
        imported += 1
        created.append(conversion.id)
        if conversion.status == .approved { unpaidConfirmedCents += conversion.commission.minorUnits }
    }

    func json(confirmUnpaidPayout: Bool, excludePaid: Bool) -> JSONValue {
        .object([
            ("jobId", .string(id.description)),
            ("status", .string("Completed")),
            ("kind", .string("Conversions")),
            ("total", .int(Int64(total))),
            ("imported", .int(Int64(imported))),
            ("skipped", .int(Int64(skipped))),
            ("errored", .int(Int64(errored))),
            ("unpaidConfirmedCents", .int(unpaidConfirmedCents)),
            ("confirmUnpaidPayout", .bool(confirmUnpaidPayout)),
            ("excludePaid", .bool(excludePaid)),
            ("reasons", ConversionImporter.json(reasons)),
        ])
    }
}
