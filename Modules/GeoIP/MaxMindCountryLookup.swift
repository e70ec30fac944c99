import CMaxMindDB
public import Contracts

/// Countries from a MaxMind-format database (GeoIP2 or GeoLite2 Country or City), memory-mapped by libmaxminddb.
///
/// `@unchecked Sendable` because the handle is written only by `init` and `deinit`. Lookups only read it, and
/// libmaxminddb(3) states the library is thread safe (given a thread-safe malloc): one opened database serves every
/// request concurrently, without a lock.
public final class MaxMindCountryLookup: CountryLookup, @unchecked Sendable {
    /// On the heap because every lookup result points back at it.
    private let database: UnsafeMutablePointer<MMDB_s>

    public init(path: String) throws(GeoIPDatabaseError) {
        let database = UnsafeMutablePointer<MMDB_s>.allocate(capacity: 1)
        database.initialize(to: MMDB_s())
        let status = MMDB_open(path, UInt32(MMDB_MODE_MMAP), database)
        guard status == MMDB_SUCCESS else {
            // A failed MMDB_open frees what it allocated; only the struct is ours.
            database.deallocate()
            throw GeoIPDatabaseError(path: path, reason: String(cString: MMDB_strerror(status)))
        }
        self.database = database
    }

    deinit {
        MMDB_close(database)
        database.deallocate()
    }

    /// The country's ISO code, or the registered country's when the database has no better answer (anycast and
    /// satellite ranges). `nil` for an address that is not an IP address or is in no network of the database.
    public func country(forAddress address: String) -> String? {
        var resolveError: Int32 = 0
        var databaseError: Int32 = 0
        // withCString, not the implicit conversion, which copies a short string to the heap.
        var result = address.withCString { MMDB_lookup_string(database, $0, &resolveError, &databaseError) }
        guard resolveError == 0, databaseError == MMDB_SUCCESS, result.found_entry else { return nil }
        return Self.isoCode(&result.entry, Self.countryPath) ?? Self.isoCode(&result.entry, Self.registeredCountryPath)
    }

    /// The two-letter code at `path`, upper-cased; anything else there is treated as absent.
    private static func isoCode(_ entry: inout MMDB_entry_s, _ path: [UnsafePointer<CChar>?]) -> String? {
        var data = MMDB_entry_data_s()
        guard MMDB_aget_value(&entry, &data, path) == MMDB_SUCCESS, data.has_data,
            data.type == UInt32(MMDB_DATA_TYPE_UTF8_STRING), data.data_size == 2,
            let first = upperLetter(data.utf8_string[0]), let second = upperLetter(data.utf8_string[1])
        else { return nil }
        // At most 15 bytes: a small string, built without a heap allocation.
        return String(unsafeUninitializedCapacity: 2) { buffer in
            buffer[0] = first
            buffer[1] = second
            return 2
        }
    }

    private static func upperLetter(_ char: CChar) -> UInt8? {
        let byte = UInt8(bitPattern: char)
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return byte
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return byte - 32
        default: return nil
        }
    }

    /// `MMDB_aget_value` paths (NULL-terminated arrays of C strings), built once so a lookup copies no strings.
    /// The pointers are to string literals, which live as long as the process.
    private static func path(_ keys: StaticString...) -> [UnsafePointer<CChar>?] {
        keys.map { UnsafeRawPointer($0.utf8Start).assumingMemoryBound(to: CChar.self) } + [nil]
    }

    nonisolated(unsafe) private static let countryPath = path("country", "iso_code")
    nonisolated(unsafe) private static let registeredCountryPath = path("registered_country", "iso_code")
}
