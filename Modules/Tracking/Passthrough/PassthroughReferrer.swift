public import Foundation
public import Kernel

/// A domain (booking engine, payment processor, sandboxed iframe) whose traffic must not replace a visitor's
/// attribution; when the visitor has no session, its fallback UTMs are recorded instead.
public struct PassthroughReferrer: Sendable, Codable {
    public let id: UInt64
    public var domain: String
    public var utmSource: String
    public var utmMedium: String
    public var utmCampaign: String
    public var utmTerm: String
    public var serviceName: String?
    public var isActive: Bool
    public let createdAt: Date
    public var updatedAt: Date

    /// The passthrough API's snake_case shape.
    public func json(accountID: String) -> JSONValue {
        .object([
            ("id", .int(Int64(id))),
            ("account_id", .string(accountID)),
            ("domain", .string(domain)),
            ("utm_source", .string(utmSource)),
            ("utm_medium", .string(utmMedium)),
            ("utm_campaign", .string(utmCampaign)),
            ("utm_term", .string(utmTerm)),
            ("service_name", .string(serviceName)),
            ("is_active", .bool(isActive)),
            ("created_at", .timestamp(createdAt)),
            ("updated_at", .timestamp(updatedAt)),
        ])
    }
}

/// A validated create or PATCH body of the passthrough API.
public struct PassthroughChanges: Sendable {
    let domain: Field<String>
    let utmSource: Field<String>
    let utmMedium: Field<String>
    let utmCampaign: Field<String>
    let utmTerm: Field<String>
    let serviceName: Field<String>
    let isActive: Field<Bool>

    public init(_ body: FieldReader) throws(DomainError) {
        for key in ["domain", "utm_source", "is_active"] {
            if case .null = body.raw(key) { throw DomainError.validation(key, "\(key) cannot be null") }
        }
        domain = try body.string("domain", maxLength: 255).map { (v) throws(DomainError) in try DomainName.normalized(v, field: "domain") }
        utmSource = try body.string("utm_source", maxLength: 255)
        utmMedium = try body.string("utm_medium", maxLength: 100, allowEmpty: true)
        utmCampaign = try body.string("utm_campaign", maxLength: 255, allowEmpty: true)
        utmTerm = try body.string("utm_term", maxLength: 255, allowEmpty: true)
        serviceName = try body.string("service_name", maxLength: 100, allowEmpty: true)
        isActive = try body.bool("is_active")
    }

    func apply(to referrer: inout PassthroughReferrer) {
        referrer.domain = domain.value ?? referrer.domain
        referrer.utmSource = utmSource.value ?? referrer.utmSource
        referrer.utmMedium = utmMedium.resolved(current: referrer.utmMedium) ?? "passthrough"
        referrer.utmCampaign = utmCampaign.resolved(current: referrer.utmCampaign) ?? ""
        referrer.utmTerm = utmTerm.resolved(current: referrer.utmTerm) ?? ""
        referrer.serviceName = serviceName.resolved(current: referrer.serviceName)
        referrer.isActive = isActive.value ?? referrer.isActive
    }
}
