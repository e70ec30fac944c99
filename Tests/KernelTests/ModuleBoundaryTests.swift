import Foundation
import Testing

/// The rules of ARCHITECTURE.md that the compiler cannot check: contexts import Kernel, Contracts, HTTPSupport and
/// RichText but never each other, Storage, GeoIP or the C libraries; the shared modules import none of the contexts.
@Suite struct ModuleBoundaryTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let contexts: Set<String> = ["Billing", "Programs", "Affiliates", "Tracking", "Payouts", "Insights", "Storefront", "Webhooks", "Audit"]
    static let ours = contexts.union(["Kernel", "Contracts", "Storage", "CLMDB", "HTTPSupport", "RichText", "CLibXML2", "GeoIP", "CMaxMindDB", "HTTPServer", "Vouch"])

    /// The modules of this package each module imports.
    static func imports(of module: String) throws -> Set<String> {
        let folder = root.appendingPathComponent("Modules/\(module)")
        guard let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [] }
        var found: Set<String> = []
        for case let file as URL in files where file.pathExtension == "swift" {
            for line in try String(contentsOf: file, encoding: .utf8).split(separator: "\n") {
                let words = line.split(separator: " ")
                guard let index = words.firstIndex(of: "import"), index + 1 < words.count,
                    words[..<index].allSatisfy({ ["public", "package", "internal", "@testable"].contains($0) })
                else { continue }
                let name = String(words[index + 1])
                if ours.contains(name) { found.insert(name) }
            }
        }
        return found
    }

    static var presentContexts: [String] {
        contexts.filter { FileManager.default.fileExists(atPath: root.appendingPathComponent("Modules/\($0)").path) }.sorted()
    }

    @Test func contextsImportOnlyTheSharedModules() throws {
        #expect(!Self.presentContexts.isEmpty)
        for context in Self.presentContexts {
            let forbidden = try Self.imports(of: context).subtracting(["Kernel", "Contracts", "HTTPSupport", "RichText"])
            #expect(forbidden.isEmpty, "\(context) imports \(forbidden.sorted())")
        }
    }

    @Test func sharedModulesStayBelowTheContexts() throws {
        #expect(try Self.imports(of: "Kernel").isEmpty)
        #expect(try Self.imports(of: "Contracts").subtracting(["Kernel"]).isEmpty)
        #expect(try Self.imports(of: "HTTPSupport").subtracting(["Kernel"]).isEmpty)
        #expect(try Self.imports(of: "Storage").subtracting(["Kernel", "CLMDB"]).isEmpty)
        #expect(try Self.imports(of: "RichText").subtracting(["CLibXML2"]).isEmpty)
        #expect(try Self.imports(of: "GeoIP").subtracting(["Contracts", "CMaxMindDB"]).isEmpty)
    }
}
