public import Contracts
import Foundation
import RichText
public import Kernel

extension AffiliateService {
    /// Imports a roster in one transaction and records the job. Emails already on the program or earlier in the
    /// batch are skipped (`already_exists`), so re-running is idempotent; one import per tenant runs at a time (409
    /// `migration_already_in_progress`).
    ///
    /// With `notifyAffiliates` and `mayNotify` (Growth+ on an Active subscription, decided by the caller), each
    /// imported affiliate is sent the message through `notifier` after the commit; otherwise nobody is.
    public func importRoster(
        _ tenant: TenantID, _ request: RosterImportRequest, mayNotify: Bool = false, notifier: (any Notifier)? = nil
    ) async throws -> ImportJob {
        guard let program = try programs.programSummary(tenant, request.programID), !program.isArchived else {
            throw DomainError(.notFound, "program_not_found", "Program not found", field: "programId")
        }
        let busy = DomainError.conflict("migration_already_in_progress", "Another import is running for this organization")
        let job = try await importLock.withLock(tenant, busy: busy) {
            let now = clock.now()
            let jobID: ImportJobID = ids.next()
            let planned = request.rows.map { row in (row: RosterRow(row), id: ids.next(AffiliateTag.self), link: ids.next(AffiliateLinkTag.self)) }
            return try await database.write { store, events in
                var job = ImportJob(id: jobID, kind: "Affiliates", total: planned.count, createdAt: now)
                for entry in planned {
                    guard case .affiliate(let email, let fullName, let status, let slug) = entry.row else {
                        if case .unusable(let reason) = entry.row { job.tally(reason, errored: true) }
                        continue
                    }
                    if let allowed = request.includeStatuses, !allowed.contains(status) {
                        job.tally("status_excluded", errored: false)
                        continue
                    }
                    let draft = Affiliate(
                        id: entry.id, programID: program.id, email: email, fullName: fullName, status: status, customCommissionType: nil,
                        customCommissionHundredths: nil, tags: [], notes: nil, source: .direct, appliedAt: nil,
                        approvedAt: status == .approved ? now : nil, rejectionReason: nil, application: nil, recruitedBy: nil, links: [],
                        createdAt: now, updatedAt: now, deletedAt: nil)
                    guard let affiliate = try enroll(draft, linkID: entry.link, alias: nil, preferredSlug: slug, tenant, in: store, events: &events) else {
                        job.tally("already_exists", errored: false)
                        continue
                    }
                    job.imported += 1
                    job.createdAffiliates.append(affiliate.id)
                }
                try store.put(.records, Keyspace.tenant(tenant, "import-job").key(job.id), RecordCoding.encode(job))
                return job
            }
        }
        if request.notifyAffiliates, mayNotify, let notifier {
            for id in job.createdAffiliates {
                guard let affiliate = try affiliate(tenant, id) else { continue }
                let values = ["affiliate.firstName": affiliate.fullName?.split(separator: " ").first.map(String.init) ?? "there", "program.name": program.name]
                let html = MergeTags.render(request.notificationMessageHtml ?? "<p>You have been added to {{program.name}}.</p>", values: values)
                await notifier.send(OutgoingMessage(to: affiliate.email, subject: "You're now an affiliate of \(program.name)", html: html))
            }
        }
        return job
    }
}
