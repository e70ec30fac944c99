public import Contracts
public import Kernel

/// The answer of `POST /api/tracking/click`: a click to keep in the visitor's cookie, or why nothing was recorded.
public struct ClickResult: Sendable, Equatable {
    public enum Status: String, Sendable {
        case ok, ignored
    }

    public var status = Status.ok
    /// Why no click was recorded, when `ignored`.
    public var reason: String?
    public var affiliateCode: String?
    public let programID: ProgramID
    /// `nil` without consent or when ignored.
    public var clickToken: String?
    public let cookieDurationDays: Int
    public let cookieDomain: String?
    /// The referral params found on the page, for the loader to remove from the address bar.
    public let cleanupParams: [String]
    public var warnings: [String] = []
    /// The click stored by this call, if one was.
    public var recordedClick: ClickID?

    init(program: ProgramSummary, cleanupParams: [String]) {
        programID = program.id
        cookieDurationDays = program.cookieWindowDays
        cookieDomain = program.websiteDomain
        self.cleanupParams = cleanupParams
    }

    func ignored(_ reason: String) -> ClickResult {
        var result = self
        result.status = .ignored
        result.reason = reason
        return result
    }

    /// The answer as JSON, written member by member: the busiest endpoint's answer skips building a `JSONValue`.
    public var json: [UInt8] {
        var json = JSONWriter(capacity: 320)
        json.beginObject()
        json.member("status", status.rawValue)
        if let reason { json.member("reason", reason) }
        if status == .ok {
            json.member("affiliateCode", affiliateCode)
            json.member("programId", programID.description)
            json.member("clickToken", clickToken)
        } else {
            json.member("programId", programID.description)
        }
        json.member("cookieDurationDays", cookieDurationDays)
        json.member("cookieDomain", cookieDomain)
        json.member("cleanupParams", cleanupParams)
        json.member("warnings", warnings)
        json.endObject()
        return json.bytes
    }
}
