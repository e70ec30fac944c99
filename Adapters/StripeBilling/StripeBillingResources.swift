public import Foundation

/// The resources this adapter ships: its part of the OpenAPI document (`openapi.json`).
public enum StripeBillingResources {
    public static var bundle: Bundle { .module }
}
