import Contracts
public import Kernel

/// A validated `POST /api/v1/affiliates` body.
public struct NewAffiliate: Sendable {
    let programID: ProgramID
    let email: String
    let fullName: String?
    let status: AffiliateStatus
    let customCommission: (CommissionType?, Int64?)
    let customAlias: String?

    public init(_ body: FieldReader) throws(DomainError) {
        let program = try FieldReader.required(try body.string("programId", maxLength: 64), "programId")
        guard let programID = ProgramID(program) else { throw DomainError.validation("programId", "programId must be a program id") }
        self.programID = programID
        email = try EmailAddress.normalized(try FieldReader.required(try body.string("email", maxLength: 254), "email"), field: "email")
        fullName = try body.string("fullName", maxLength: 200).value
        status = try body.oneOf("status", AffiliateStatus.self).value ?? .approved
        let commission = try CustomCommission.read(body)
        customCommission = try CustomCommission.resolve(type: commission.type, hundredths: commission.hundredths, current: (nil, nil))
        customAlias = try body.string("customAlias", maxLength: 64).value.map { (v) throws(DomainError) in
            try ReferralCode.validated(v, field: "customAlias")
        }
    }
}
