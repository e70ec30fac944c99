import Affiliates
import Billing
import Foundation
import Insights
import Kernel
import Programs
import Storefront
import StripeBilling
import Tracking

/// The OpenAPI 3.1 document served at `/openapi.json`: the server's base document (info, security, shared schemas,
/// health and admin-free routes) merged with the fragment each context ships beside its routes.
enum OpenAPIDocument {
    static func load() throws -> JSONValue {
        let fragments = try [Bundle.module, BillingResources.bundle, ProgramsResources.bundle, AffiliatesResources.bundle, InsightsResources.bundle, StorefrontResources.bundle, TrackingResources.bundle, StripeBillingResources.bundle].map { bundle in
            guard let url = bundle.url(forResource: "openapi", withExtension: "json") else {
                throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "openapi.json in \(bundle.bundlePath)"])
            }
            return try JSONValue.parse(try Data(contentsOf: url))
        }
        return fragments.dropFirst().reduce(fragments[0]) { merge($0, $1) }
    }

    /// Objects merge member by member (recursively); anything else in `addition` replaces what `base` had.
    static func merge(_ base: JSONValue, _ addition: JSONValue) -> JSONValue {
        guard case .object(var members) = base, case .object(let added) = addition else { return addition }
        for (key, value) in added {
            if let index = members.firstIndex(where: { $0.0 == key }) {
                members[index].1 = merge(members[index].1, value)
            } else {
                members.append((key, value))
            }
        }
        return .object(members)
    }
}
