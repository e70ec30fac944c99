public import HTTPTypes

extension HTTPFields {
    /// `self[name]`, cheaply for a field sent once (the usual case): the subscript joins the values through an
    /// unspecialized generic path, about 3,500 instructions a lookup on every tracking request.
    public func value(_ name: HTTPField.Name) -> String? {
        var found: String?
        for field in self where field.name == name {
            guard found == nil else { return self[name] }
            found = field.value
        }
        return found
    }
}
