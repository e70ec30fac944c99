import Contracts
import Kernel
import Testing
@testable import Tracking

@Suite struct InstallSnippetTests {
    @Test func attributeValuesAreEscaped() throws {
        let id = try #require(ProgramID("0190a3c4-0000-7000-8000-000000000000"))
        let snippet = InstallSnippet.render(publicURL: #"https://x.test/?a="<b>'&"#, programID: id, customParams: nil, pixelKey: nil)
        #expect(snippet.contains(#"src="https://x.test/?a=&quot;&lt;b&gt;&#39;&amp;/api/v1/r/loader.js""#))
        #expect(!snippet.contains("data-rkmi-params") && !snippet.contains("data-rekomi-org"))
    }

    @Test func theLoaderTagCarriesParamsBeforeThePixelKey() throws {
        let id = try #require(ProgramID("0190a3c4-0000-7000-8000-000000000000"))
        let snippet = InstallSnippet.render(publicURL: "http://localhost:8080//", programID: id, customParams: "my_aff", pixelKey: "rkpk_x")
        #expect(snippet.hasPrefix("<!-- Rekomi tracking -->\n<script async src=\"http://localhost:8080/api/v1/r/loader.js\""))
        #expect(snippet.contains(#"data-program-id="0190a3c4-0000-7000-8000-000000000000" data-rkmi-params="my_aff" data-rekomi-org="rkpk_x"></script>"#))
    }
}
