public import Foundation

/// The resources this module ships: its part of the OpenAPI document (`openapi.json`).
public enum TrackingResources {
    public static var bundle: Bundle { .module }
}
