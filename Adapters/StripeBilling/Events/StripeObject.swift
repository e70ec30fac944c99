import Kernel

/// A Stripe API object read leniently: fields come and go between API versions and any of them may be `null`, so
/// every accessor answers `nil` (or empty) rather than failing, and id fields are read whether Stripe sent the id
/// itself or expanded it into the object it names.
struct StripeObject {
    let json: JSONValue

    /// `nil` unless `json` is an object.
    init?(_ json: JSONValue?) {
        guard let json, case .object = json else { return nil }
        self.json = json
    }

    /// A non-empty string member.
    func string(_ key: String) -> String? {
        guard let text = json[key]?.stringValue?.trimmingWhitespace(), !text.isEmpty else { return nil }
        return text
    }

    func integer(_ key: String) -> Int64? {
        if case .int(let number)? = json[key] { number } else { nil }
    }

    func object(_ key: String) -> StripeObject? { StripeObject(json[key]) }

    /// The members of an array member; nothing when it is absent or not an array.
    func items(_ key: String) -> [JSONValue] {
        if case .array(let items)? = json[key] { items } else { [] }
    }

    /// An expandable reference: `"cus_…"`, or the expanded object's `id`.
    func reference(_ key: String) -> String? {
        string(key) ?? object(key)?.string("id")
    }

    /// The object's `metadata`, where integrations put their own keys.
    var metadata: StripeObject? { object("metadata") }
}
