public import Foundation
public import Kernel

public enum ProgramTag {}
public typealias ProgramID = TypedID<ProgramTag>

/// What kind of change happened to a program.
public enum ProgramChange: String, Sendable {
    case created, updated, archived
}

/// A program was created, updated or archived.
public struct ProgramChanged: DomainEvent {
    public static let name = "program.changed"
    public let tenant: TenantID
    public let programID: ProgramID
    public let change: ProgramChange
    public let at: Date

    public init(tenant: TenantID, programID: ProgramID, change: ProgramChange, at: Date) {
        self.tenant = tenant
        self.programID = programID
        self.change = change
        self.at = at
    }
}

/// The sub-affiliate recruiting setting of a program changed (`program.sub_affiliate_config_changed`).
public struct SubAffiliateConfigChanged: DomainEvent {
    public static let name = "program.sub_affiliate_config_changed"
    public let tenant: TenantID
    public let programID: ProgramID
    public let enabled: Bool
    public let percent: Double
    public let at: Date

    public init(tenant: TenantID, programID: ProgramID, enabled: Bool, percent: Double, at: Date) {
        self.tenant = tenant
        self.programID = programID
        self.enabled = enabled
        self.percent = percent
        self.at = at
    }
}
