public import Foundation

/// The resources this module ships: its part of the OpenAPI document (`openapi.json`).
public enum InsightsResources {
    public static var bundle: Bundle { .module }
}
