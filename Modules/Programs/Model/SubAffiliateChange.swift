public import Kernel

/// A validated `PUT …/sub-affiliate-config` body; keys not sent keep their value.
public struct SubAffiliateChange: Sendable {
    let enabled: Bool?
    let percentHundredths: Int64?

    /// A percent outside [0, 100] is a 400 `unsupported_value`; wrong types and `null` are `validation_failed`.
    public init(_ body: FieldReader) throws(DomainError) {
        for key in ["enabled", "percent"] {
            if case .null = body.raw(key) { throw DomainError.validation(key, "\(key) cannot be null") }
        }
        enabled = try body.bool("enabled").value
        guard let percent = try body.number("percent", in: -Double.infinity...Double.infinity).value else {
            percentHundredths = nil
            return
        }
        guard (0...100).contains(percent) else {
            throw DomainError(.badRequest, "unsupported_value", "percent must be between 0 and 100", field: "percent")
        }
        percentHundredths = try ProgramValidation.hundredths(percent, field: "percent")
    }

    func apply(to config: SubAffiliateConfig) -> SubAffiliateConfig {
        SubAffiliateConfig(enabled: enabled ?? config.enabled, percentHundredths: percentHundredths ?? config.percentHundredths)
    }
}
