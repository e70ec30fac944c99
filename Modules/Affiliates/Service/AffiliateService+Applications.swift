public import Contracts
import Foundation
import Kernel

extension AffiliateService: AffiliateApplications {
    /// Enrolls a storefront applicant: Approved when the program auto-approves, else Pending. An email already on
    /// the roster is `duplicate` and changes nothing. A full roster is 409 `program_at_capacity`; a taken alias 409
    /// `alias_already_taken`. A recruiter counts only when it is an Approved affiliate of the same tenant.
    public func apply(to program: ProgramSummary, _ application: AffiliateApplication) async throws -> ApplicationOutcome {
        let alias = try application.customAlias.map { (v) throws(DomainError) in try ReferralCode.validated(v, field: "customAlias") }
        let now = clock.now()
        let tenant = program.tenant
        let status: AffiliateStatus = program.autoApprove ? .approved : .pending
        let draft = Affiliate(
            id: ids.next(), programID: program.id, email: application.email, fullName: application.fullName, status: status,
            customCommissionType: nil, customCommissionHundredths: nil, tags: [], notes: nil, source: .public, appliedAt: now,
            approvedAt: status == .approved ? now : nil, rejectionReason: nil,
            application: ApplicationAnswers(website: application.website, audience: application.audience, whyInterested: application.whyInterested),
            recruitedBy: nil, links: [], createdAt: now, updatedAt: now, deletedAt: nil)
        let linkID: AffiliateLinkID = ids.next()
        return try await database.write { store, events in
            let emailKey = AffiliateKeys.email(tenant, program.id, application.email)
            if try store.get(.indexes, emailKey) != nil { return .duplicate }
            if let cap = program.maxAffiliates {
                let roster = try store.count(.indexes, prefix: AffiliateKeys.emails(tenant).key(program.id))
                guard roster < cap else {
                    throw DomainError.conflict("program_at_capacity", "This program is not taking new affiliates right now")
                }
            }
            var applicant = draft
            if let recruiter = application.recruitedBy, recruiter != applicant.id,
                try affiliate(tenant, recruiter, in: store)?.status == .approved
            {
                applicant.recruitedBy = recruiter
            }
            guard let enrolled = try enroll(applicant, linkID: linkID, alias: alias, tenant, in: store, events: &events) else {
                return .duplicate
            }
            let link = enrolled.links[0]
            return .accepted(enrolled.id, enrolled.status, linkSlug: enrolled.status == .approved ? link.customAlias ?? link.slug : nil)
        }
    }
}
