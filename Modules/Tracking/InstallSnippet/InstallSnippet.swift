import Contracts
import Kernel
import RichText

/// The canonical install snippet (spec/001 "Install snippet renderer"): the async loader tag and the noscript pixel.
/// Every value in it is server-derived; attribute values are escaped all the same.
enum InstallSnippet {
    static func render(publicURL: String, programID: ProgramID, customParams: String?, pixelKey: String?) -> String {
        var base = Substring(publicURL)
        while base.hasSuffix("/") { base = base.dropLast() }
        let origin = HTMLSanitizer.escape(String(base))
        var attributes = #"data-program-id="\#(HTMLSanitizer.escape(programID.description))""#
        if let customParams { attributes += #" data-rkmi-params="\#(HTMLSanitizer.escape(customParams))""# }
        if let pixelKey { attributes += #" data-rekomi-org="\#(HTMLSanitizer.escape(pixelKey))""# }
        return """
            <!-- Rekomi tracking -->
            <script async src="\(origin)/api/v1/r/loader.js" \(attributes)></script>
            <noscript>
             <img src="\(origin)/api/v1/r/c.gif" width="1" height="1" alt="" />
            </noscript>
            """
    }
}
