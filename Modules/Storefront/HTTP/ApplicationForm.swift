import Contracts
import Kernel

/// A validated `POST /api/p/id/{programId}/apply` body. Everything but `email` is optional; a
/// `recruitedByAffiliateId` that is not an id is ignored like any other mismatch.
enum ApplicationForm {
    static func read(_ body: FieldReader) throws(DomainError) -> AffiliateApplication {
        let email = try EmailAddress.normalized(try FieldReader.required(try body.string("email", maxLength: 254), "email"), field: "email")
        return AffiliateApplication(
            email: email,
            fullName: try body.string("fullName", maxLength: 200).value,
            website: try body.string("website", maxLength: 2_048).value,
            audience: try body.string("audience", maxLength: 2_000).value,
            whyInterested: try body.string("whyInterested", maxLength: 2_000).value,
            customAlias: try body.string("customAlias", maxLength: 64).value,
            recruitedBy: try body.string("recruitedByAffiliateId", maxLength: 64).value.flatMap { AffiliateID($0) })
    }
}
