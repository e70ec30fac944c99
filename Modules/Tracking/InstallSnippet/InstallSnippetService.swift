public import Contracts
public import Kernel

/// Renders a tenant's install snippet with its program id, custom attribution params and, on request, pixel key.
public struct InstallSnippetService: Sendable {
    let programs: any ProgramDirectory
    let params: AttributionParamsService
    let pixelKeys: PixelKeyService
    let publicURL: String

    public init(programs: any ProgramDirectory, params: AttributionParamsService, pixelKeys: PixelKeyService, publicURL: String) {
        self.programs = programs
        self.params = params
        self.pixelKeys = pixelKeys
        self.publicURL = publicURL
    }

    /// The spec's response. Without `programID` the tenant's newest open program is used; a named program may be
    /// paused but not archived (an archived program tracks nothing).
    public func snippet(_ tenant: TenantID, programID: ProgramID?, withPixel: Bool) throws -> JSONValue {
        let found = try programID.map { try programs.programSummary(tenant, $0) } ?? programs.newestOpenProgram(tenant)
        guard let program = found, !program.isArchived else {
            throw DomainError(.notFound, "no_program_found", "No matching program in this organization")
        }
        var pixelKey: String?
        if withPixel {
            guard let key = try pixelKeys.pixelKey(tenant) else {
                throw DomainError.conflict(
                    "pixel_not_provisioned", "No pixel public key yet; create one with POST /api/v1/settings/web-tracking/pixel-key")
            }
            pixelKey = key
        }
        // Stored params were validated when set; checked again because they land in HTML.
        let custom = try params.custom(tenant).filter(AttributionParams.isValid)
        let customText = custom.isEmpty ? nil : custom.joined(separator: ",")
        return .object([
            ("snippet", .string(InstallSnippet.render(publicURL: publicURL, programID: program.id, customParams: customText, pixelKey: pixelKey))),
            ("programId", .string(program.id.description)),
            ("programSlug", .string(program.slug)),
            ("withPixel", .bool(withPixel)),
            ("hasCustomAttributionParams", .bool(customText != nil)),
            ("customAttributionParams", .string(customText)),
        ])
    }
}
