public import Contracts
public import Kernel

/// A validated body of `POST /api/tracking/s2s`.
public struct SaleReport: Sendable {
    public let externalEventID: String
    public let affiliateSlug: String
    public let amount: Money
    public let customerID: String?
    public let customerEmail: String?

    public init(_ body: FieldReader) throws(DomainError) {
        externalEventID = try FieldReader.required(body.string("externalEventId", maxLength: 255), "externalEventId")
        affiliateSlug = try FieldReader.required(body.string("affiliateSlug", maxLength: 128), "affiliateSlug")
        let cents = try FieldReader.required(body.integer("amountCents", in: 0...1_000_000_000_000), "amountCents")
        let code = try FieldReader.required(body.string("currency", maxLength: 3), "currency")
        amount = Money(minorUnits: cents, currency: try Currency.parse(code.uppercased(), field: "currency"))
        customerID = try body.string("customerId", maxLength: 255).value
        customerEmail = try body.string("customerEmail", maxLength: 254).value.map { (v) throws(DomainError) in
            try EmailAddress.normalized(v, field: "customerEmail")
        }
    }
}

/// A lead: a customer email tied to the affiliate who referred them, from `POST /api/tracking/lead` or the loader.
public struct LeadReport: Sendable {
    public let affiliateSlug: String
    public let email: String
    public let name: String?
    public let programID: ProgramID?
    public let externalEventID: String?

    /// The signed API's body: `affiliateSlug`, `email`, optional `name` and `externalEventId`.
    public init(signed body: FieldReader) throws(DomainError) {
        try self.init(body, slugKey: "affiliateSlug")
    }

    /// The browser's body: `slug`, `email`, optional `name` and `programId`.
    public init(browser body: FieldReader) throws(DomainError) {
        try self.init(body, slugKey: "slug")
    }

    private init(_ body: FieldReader, slugKey: String) throws(DomainError) {
        affiliateSlug = try FieldReader.required(body.string(slugKey, maxLength: 128), slugKey)
        email = try EmailAddress.normalized(try FieldReader.required(body.string("email", maxLength: 254), "email"), field: "email")
        name = try body.string("name", maxLength: 200).value
        let rawProgram = try body.string("programId", maxLength: 64).value
        programID = try rawProgram.map { (raw) throws(DomainError) -> ProgramID in
            guard let id = ProgramID(raw) else { throw DomainError.validation("programId", "programId must be a program id (UUID)") }
            return id
        }
        externalEventID = try body.string("externalEventId", maxLength: 255).value
    }
}

/// What the ledger did with a report.
public enum LedgerEntry: Sendable, Equatable {
    case recorded(ConversionID)
    /// The same `externalEventId` (or, for leads, the same email) was recorded before.
    case deduplicated

    /// The spec's answer: `{ ok, conversionId }` or `{ ok, deduped: true }`.
    public func json(idKey: String) -> JSONValue {
        switch self {
        case .recorded(let id): .object([("ok", .bool(true)), (idKey, .string(id.description))])
        case .deduplicated: .object([("ok", .bool(true)), ("deduped", .bool(true))])
        }
    }
}
