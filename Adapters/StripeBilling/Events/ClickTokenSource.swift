/// Where a Stripe object carries the click token the brand's checkout was given (PRODUCT.md, INTEGRATIONS.md §1.8).
enum ClickTokenSource {
    /// Our metadata key, then AgentRef's, so checkouts wired for either work unchanged.
    static let metadataKeys = ["rekomi_cid", "agentref_cid"]

    /// The first token in `metadata`, searched in order, then `clientReferenceID`. The metadata keys come first
    /// because they exist only for us, while brands also use `client_reference_id` for their own cart or user ids:
    /// it counts only when it has the form of a click token (`clk_…`, spec/002).
    static func token(metadata: [StripeObject?], clientReferenceID: String? = nil) -> String? {
        for case let object? in metadata {
            for key in metadataKeys {
                if let token = object.string(key) { return token }
            }
        }
        return clientReferenceID.flatMap { $0.hasPrefix("clk_") ? $0 : nil }
    }
}
