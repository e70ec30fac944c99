import RichText
import Testing

@Suite struct HTMLSanitizerTests {
    @Test(arguments: [
        ("<p>Hi <strong>Alex</strong>, <em>welcome</em>!</p>", "<p>Hi <strong>Alex</strong>, <em>welcome</em>!</p>"),
        ("<ul><li>one</li><li>two<br>lines</li></ul><ol><li>x</li></ol>", "<ul><li>one</li><li>two<br>lines</li></ul><ol><li>x</li></ol>"),
        ("<b>b</b><i>i</i><u>u</u>", "<b>b</b><i>i</i><u>u</u>"),
        ("<a href=\"https://brand.com/terms?a=1&b=2\">terms</a>", "<a href=\"https://brand.com/terms?a=1&amp;b=2\">terms</a>"),
        ("plain & simple < 3", "plain &amp; simple &lt; 3"),
    ])
    func allowedMarkupSurvives(input: String, expected: String) {
        #expect(HTMLSanitizer.sanitize(input) == expected)
    }

    @Test(arguments: [
        ("<script>alert(1)</script><p>ok</p>", "<p>ok</p>"),
        ("<p onclick=\"alert(1)\" class=\"x\" style=\"color:red\">ok</p>", "<p>ok</p>"),
        ("<img src=x onerror=alert(1)>after", "after"),
        ("<a href=\"javascript:alert(1)\">x</a>", "<a>x</a>"),
        ("<a href=\" JaVaScRiPt:alert(1)\">x</a>", "<a>x</a>"),
        ("<a href=\"data:text/html;base64,PHNjcmlwdD4=\">x</a>", "<a>x</a>"),
        ("<a href=\"http://plain.example\">x</a>", "<a>x</a>"),
        ("<a href=\"//evil.example\">x</a>", "<a>x</a>"),
        ("<a href=\"https://ok.example\" onmouseover=\"alert(1)\" target=\"_blank\">x</a>", "<a href=\"https://ok.example\">x</a>"),
        ("<a href=\"&#106;avascript:alert(1)\">x</a>", "<a>x</a>"),
        ("<div><span>kept text</span></div>", "kept text"),
        ("<style>p{}</style><iframe src=\"https://x\"></iframe><svg><script>1</script></svg>text", "text"),
        ("<p>unclosed <b>bold <i>both", "<p>unclosed <b>bold <i>both</i></b></p>"),
        ("<scr<script>ipt>alert(1)</script>", "ipt&gt;alert(1)"),
        ("<!-- comment --><p>x</p>", "<p>x</p>"),
        ("<p>\"quotes\" & 'apostrophes'</p>", "<p>&quot;quotes&quot; &amp; &#39;apostrophes&#39;</p>"),
    ])
    func dangerousMarkupIsRemoved(input: String, expected: String) {
        let output = HTMLSanitizer.sanitize(input)
        #expect(output == expected, "\(input)")
        #expect(!output.lowercased().contains("<script"))
        #expect(!output.lowercased().contains("javascript:"))
        #expect(!output.lowercased().contains("onerror"))
    }

    @Test func mergeTagsRenderAfterSanitizingAndCannotInjectMarkup() {
        let note = HTMLSanitizer.sanitize("<p>Hi {{affiliate.firstName}}, earn {{ program.commission }} with {{brand.name}} {{unknown}}</p>")
        let rendered = MergeTags.render(
            note, values: ["affiliate.firstName": "<script>alert(1)</script>", "program.commission": "30%", "brand.name": "Acme & Co"])
        #expect(rendered == "<p>Hi &lt;script&gt;alert(1)&lt;/script&gt;, earn 30% with Acme &amp; Co {{unknown}}</p>")
    }
}
