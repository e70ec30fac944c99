public import Foundation
public import Contracts
public import Kernel

public enum ImportJobTag {}
public typealias ImportJobID = TypedID<ImportJobTag>

/// The record of one import (the spec's MigrationJob): its tallies, and the affiliates it created so it can be
/// undone.
public struct ImportJob: Sendable, Codable {
    public let id: ImportJobID
    public let kind: String
    public var total = 0
    public var imported = 0
    public var skipped = 0
    public var errored = 0
    public var reasons: [String: Int] = [:]
    public var createdAffiliates: [AffiliateID] = []
    public let createdAt: Date

    mutating func tally(_ reason: String, errored isError: Bool) {
        if isError { errored += 1 } else { skipped += 1 }
        reasons[reason, default: 0] += 1
    }

    public var json: JSONValue {
        .object([
            ("jobId", .string(id.description)),
            ("status", .string("Completed")),
            ("kind", .string(kind)),
            ("total", .int(total)),
            ("imported", .int(imported)),
            ("skipped", .int(skipped)),
            ("errored", .int(errored)),
            ("reasons", .object(reasons.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) })),
        ])
    }
}
