import Contracts
public import Kernel

/// The program fields a create or PATCH request sent, each already validated on its own. Cross-field rules are
/// checked by `apply` on the result.
public struct ProgramChanges: Sendable {
    var name: Field<String>
    var slug: Field<String>
    var description: Field<String>
    var termsUrl: Field<String>
    var isActive: Field<Bool>
    var commissionType: Field<CommissionType>
    var commissionHundredths: Field<Int64>
    var commissionModel: Field<CommissionModel>
    var cookieWindowDays: Field<Int64>
    var recurringMonths: Field<Int64>
    var recurringDelayInvoices: Field<Int64>
    var attributionModel: Field<AttributionModel>
    var autoApprove: Field<Bool>
    var customDomain: Field<String>
    var networkVisibility: Field<NetworkVisibility>
    var isPubliclyDiscoverable: Field<Bool>
    var websiteDomain: Field<String>
    var maxAffiliates: Field<Int64>

    /// Fields that have a value on every program, so `null` is refused for them.
    private static let notNullable = [
        "name", "slug", "isActive", "defaultCommissionType", "defaultCommissionValue", "defaultCommissionModel",
        "cookieWindowDays", "recurringDelayInvoices", "attributionModel", "autoApprove", "networkVisibility",
        "isPubliclyDiscoverable",
    ]

    public init(_ body: FieldReader) throws(DomainError) {
        for key in Self.notNullable {
            if case .null = body.raw(key) { throw DomainError.validation(key, "\(key) cannot be null") }
        }
        name = try body.string("name", maxLength: 200)
        slug = try body.string("slug", maxLength: 64).map { (v) throws(DomainError) in try ProgramValidation.slug(v) }
        description = try body.string("description", maxLength: 5_000, allowEmpty: true)
        termsUrl = try body.string("termsUrl", maxLength: 2_048).map { (v) throws(DomainError) in try ProgramValidation.url(v, field: "termsUrl") }
        isActive = try body.bool("isActive")
        commissionType = try body.oneOf("defaultCommissionType", CommissionType.self)
        commissionHundredths = try body.number("defaultCommissionValue", in: 0...10_000_000).map { (v) throws(DomainError) in
            try ProgramValidation.hundredths(v, field: "defaultCommissionValue")
        }
        commissionModel = try body.oneOf("defaultCommissionModel", CommissionModel.self)
        cookieWindowDays = try body.integer("cookieWindowDays", in: 1...3_650)
        recurringMonths = try body.integer("recurringMonths", in: -1...1_200)
        recurringDelayInvoices = try body.integer("recurringDelayInvoices", in: 0...120)
        attributionModel = try body.oneOf("attributionModel", AttributionModel.self)
        autoApprove = try body.bool("autoApprove")
        customDomain = try body.string("customDomain", maxLength: 253).map { (v) throws(DomainError) in
            try DomainName.normalized(v, field: "customDomain")
        }
        networkVisibility = try body.string("networkVisibility").map { (v) throws(DomainError) in
            guard let visibility = NetworkVisibility(input: v) else {
                throw DomainError.validation("networkVisibility", "networkVisibility must be one of Private | Networked | InviteOnly")
            }
            return visibility
        }
        isPubliclyDiscoverable = try body.bool("isPubliclyDiscoverable")
        websiteDomain = try body.string("websiteDomain", maxLength: 253).map { (v) throws(DomainError) in
            try DomainName.normalized(v, field: "websiteDomain")
        }
        maxAffiliates = try body.integer("maxAffiliates", in: 1...10_000_000)
    }

    /// Applies what was sent. `recurringMonths` of -1 or `null` means lifetime; a changed `customDomain` is
    /// unverified again.
    func apply(to program: inout Program) throws(DomainError) {
        program.name = name.value ?? program.name
        program.slug = slug.value ?? program.slug
        program.description = description.resolved(current: program.description)
        program.termsUrl = termsUrl.resolved(current: program.termsUrl)
        program.isActive = isActive.value ?? program.isActive
        program.defaultCommissionType = commissionType.value ?? program.defaultCommissionType
        program.defaultCommissionHundredths = commissionHundredths.value ?? program.defaultCommissionHundredths
        program.defaultCommissionModel = commissionModel.value ?? program.defaultCommissionModel
        program.cookieWindowDays = cookieWindowDays.value.map(Int.init) ?? program.cookieWindowDays
        switch recurringMonths {
        case .absent: break
        case .null: program.recurringMonths = nil
        case .value(let months): program.recurringMonths = months < 0 ? nil : Int(months)
        }
        program.recurringDelayInvoices = recurringDelayInvoices.value.map(Int.init) ?? program.recurringDelayInvoices
        program.attributionModel = attributionModel.value ?? program.attributionModel
        program.autoApprove = autoApprove.value ?? program.autoApprove
        let domain = customDomain.resolved(current: program.customDomain)
        if domain != program.customDomain {
            program.customDomain = domain
            program.customDomainVerified = false
        }
        program.networkVisibility = networkVisibility.value ?? program.networkVisibility
        program.isPubliclyDiscoverable = isPubliclyDiscoverable.value ?? program.isPubliclyDiscoverable
        program.websiteDomain = websiteDomain.resolved(current: program.websiteDomain)
        program.maxAffiliates = maxAffiliates.resolved(current: program.maxAffiliates.map(Int64.init)).map(Int.init)

        if program.defaultCommissionType == .percentage, program.defaultCommissionHundredths > 10_000 {
            throw DomainError.validation("defaultCommissionValue", "defaultCommissionValue is a percentage and must be between 0 and 100")
        }
    }
}
