import CLibXML2

/// Reduces user-supplied HTML to a strict allowlist: `p, br, strong, b, em, i, u, ul, ol, li, a`, with `href` the only
/// attribute and only on `a`, and only for `https://` URLs.
///
/// The input is parsed by libxml2's HTML parser, which repairs malformed and nested markup the way browsers do, and
/// the output is written from the parsed tree by this type, never copied from the input: only allowlisted elements
/// are emitted, text is escaped, and everything else is dropped. Elements whose content is code or metadata
/// (`script`, `style`, …) are dropped with their content; any other unknown element is unwrapped, keeping its text.
public enum HTMLSanitizer {
    static let allowedElements: Set<String> = ["p", "br", "strong", "b", "em", "i", "u", "ul", "ol", "li", "a"]
    static let voidElements: Set<String> = ["br"]
    static let droppedWithContent: Set<String> = [
        "script", "style", "iframe", "object", "embed", "template", "noscript", "svg", "math", "textarea", "select", "title", "head",
    ]

    public static func sanitize(_ html: String) -> String {
        guard !html.isEmpty else { return "" }
        xmlInitParser()
        let options = Int32(HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue)
        // Inside a container, bare text stays bare (in body, libxml2 would imply a <p>); the container is unwrapped.
        let bytes = Array("<div>\(html)</div>".utf8)
        guard let document = bytes.withUnsafeBufferPointer({ buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                htmlReadMemory($0, Int32(buffer.count), nil, "UTF-8", options)
            }
        }) else { return escape(html) }
        defer { xmlFreeDoc(document) }
        var output = ""
        if let body = findBody(xmlDocGetRootElement(document)) {
            writeChildren(of: body, to: &output)
        }
        return output
    }

    /// Escapes text for HTML element content and attribute values.
    public static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    private static func findBody(_ node: xmlNodePtr?) -> xmlNodePtr? {
        var current = node
        while let element = current {
            if element.pointee.type == XML_ELEMENT_NODE, name(of: element) == "body" { return element }
            if let found = findBody(element.pointee.children) { return found }
            current = element.pointee.next
        }
        return nil
    }

    private static func writeChildren(of node: xmlNodePtr, to output: inout String) {
        var child = node.pointee.children
        while let current = child {
            write(current, to: &output)
            child = current.pointee.next
        }
    }

    private static func write(_ node: xmlNodePtr, to output: inout String) {
        switch node.pointee.type {
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            output += escape(node.pointee.content.map { String(cString: $0) } ?? "")
        case XML_ELEMENT_NODE:
            let tag = name(of: node)
            if droppedWithContent.contains(tag) { return }
            guard allowedElements.contains(tag) else {
                writeChildren(of: node, to: &output)
                return
            }
            output += "<\(tag)"
            if tag == "a", let href = safeHref(node) { output += " href=\"\(escape(href))\"" }
            output += ">"
            guard !voidElements.contains(tag) else { return }
            writeChildren(of: node, to: &output)
            output += "</\(tag)>"
        default:
            return  // comments, processing instructions, doctype, entity declarations
        }
    }

    /// The link target when it is an absolute `https://` URL with a host; anything else (`javascript:`, `data:`,
    /// relative or protocol-relative URLs, other schemes) is dropped.
    private static func safeHref(_ node: xmlNodePtr) -> String? {
        guard let raw = attribute("href", of: node) else { return nil }
        let href = raw.trimmingCharacters(in: " \t\r\n")
        guard href.lowercased().hasPrefix("https://"), href.count > 8, !href.contains(where: { $0.isWhitespace || $0.asciiValue.map { $0 < 0x20 } == true })
        else { return nil }
        return href
    }

    /// An attribute's value, read from the parsed tree (its text children, entities already resolved).
    private static func attribute(_ wanted: String, of node: xmlNodePtr) -> String? {
        var property = node.pointee.properties
        while let current = property {
            if current.pointee.name.map({ String(cString: $0).lowercased() }) == wanted {
                var value = ""
                var child = current.pointee.children
                while let text = child {
                    value += text.pointee.content.map { String(cString: $0) } ?? ""
                    child = text.pointee.next
                }
                return value
            }
            property = current.pointee.next
        }
        return nil
    }

    private static func name(of node: xmlNodePtr) -> String {
        node.pointee.name.map { String(cString: $0).lowercased() } ?? ""
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: String) -> String {
        let characters = Set(set)
        var view = Substring(self)
        while let first = view.first, characters.contains(first) { view = view.dropFirst() }
        while let last = view.last, characters.contains(last) { view = view.dropLast() }
        return String(view)
    }
}
