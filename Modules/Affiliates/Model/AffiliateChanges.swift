import Contracts
public import Kernel

/// A validated `PATCH /api/v1/affiliates/{id}` body: only the keys sent change.
public struct AffiliateChanges: Sendable {
    let fullName: Field<String>
    let status: Field<AffiliateStatus>
    let commissionType: Field<CommissionType>
    let commissionHundredths: Field<Int64>
    let notes: Field<String>
    let tags: Field<[String]>

    public init(_ body: FieldReader) throws(DomainError) {
        if case .null = body.raw("status") { throw DomainError.validation("status", "status cannot be null") }
        fullName = try body.string("fullName", maxLength: 200)
        status = try body.oneOf("status", AffiliateStatus.self)
        (commissionType, commissionHundredths) = try CustomCommission.read(body)
        notes = try body.string("notes", maxLength: 5_000, allowEmpty: true)
        tags = try body.strings("tags", maxCount: 50, maxLength: 50)
    }
}
