public import Foundation

/// The resources this module ships: its part of the OpenAPI document (`openapi.json`) and the browser loader
/// (`loader.js`).
public enum TrackingResources {
    public static var bundle: Bundle { .module }

    /// The loader script's bytes.
    static func loaderScript() throws -> Data {
        guard let url = bundle.url(forResource: "loader", withExtension: "js") else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "loader.js in \(bundle.bundlePath)"])
        }
        return try Data(contentsOf: url)
    }
}
