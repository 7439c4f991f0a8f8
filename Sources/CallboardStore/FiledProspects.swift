import CallboardCore
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Every prospect, oldest filed first, without all of them in memory at once: for an
/// export of a long history.
///
/// Made by ``Store/filedProspects(visiting:)``, which reads the buckets one at a time and
/// keeps of each prospect only when it was filed, its id and where its bytes are in its
/// bucket (whose file stays open, so a bucket replaced meanwhile is read as it was).
/// ``forEach(_:)`` then decodes them one by one in filing order.
public final class FiledProspects {
    struct Place {
        var filed: Date
        var id: ProspectID
        var bucket: Int
        var bytes: Range<Int>
    }

    private let places: [Place]
    /// Each bucket's open file and path, by bucket number.
    private let files: [Int: (descriptor: Int32, path: String)]
    /// Prospects held as values: those of a file that had to be migrated in memory, or of
    /// the single `prospects.json` of earlier versions.
    private let held: [Prospect]

    init(places: [Place], files: [Int: (descriptor: Int32, path: String)], held: [Prospect]) {
        self.places = places.sorted { ($0.filed, $0.id) < ($1.filed, $1.id) }
        self.files = files
        self.held = held.sorted(by: Store.filedFirst)
    }

    deinit {
        for file in files.values { close(file.descriptor) }
    }

    /// How many there are.
    public var count: Int { places.count + held.count }

    /// Hands every prospect to `body`, oldest filed first (then by id).
    public func forEach(_ body: (Prospect) throws -> Void) throws {
        let decoder = StoreCoding.decoder()
        var next = held.startIndex
        for place in places {
            while next < held.endIndex, (held[next].createdAt, held[next].id) < (place.filed, place.id) {
                try body(held[next])
                next += 1
            }
            try body(try prospect(at: place, decoder: decoder))
        }
        for prospect in held[next...] { try body(prospect) }
    }

    private func prospect(at place: Place, decoder: JSONDecoder) throws(StoreError) -> Prospect {
        guard let file = files[place.bucket] else {
            throw .io(path: "prospects", operation: "Reading", reason: "bucket \(place.bucket) is not open")
        }
        let bytes = try AtomicFile.readPart(file.descriptor, place.bytes, path: file.path)
        let prospect: Prospect
        do {
            prospect = try decoder.decode(Prospect.self, from: bytes)
        } catch {
            throw .badData(file: file.path, problem: StoreCoding.explain(error, in: bytes, reading: Prospect.self))
        }
        // The bytes were found by a scan of the file the decoder read just before.
        guard prospect.id == place.id else {
            throw .badData(file: file.path, problem: "the prospect \"\(place.id)\" was not where it was read")
        }
        return prospect
    }
}

extension Store {
    /// Every prospect in filing order, for export: the buckets are read and checked one at
    /// a time (a broken one is reported before anything is handed out), and each prospect
    /// is shown to `visit` then, in no particular order.
    public func filedProspects(visiting visit: (Prospect) throws -> Void = { _ in }) throws -> FiledProspects {
        try requireProspectsFolder()
        if hasLegacyProspects {
            let all = try legacyProspects()
            for prospect in all { try visit(prospect) }
            return FiledProspects(places: [], files: [:], held: all)
        }
        var places: [FiledProspects.Place] = []
        var files: [Int: (descriptor: Int32, path: String)] = [:]
        var held: [Prospect] = []
        do {
            for index in 0..<ProspectBucket.count {
                let url = bucketFile(index)
                guard let (descriptor, data) = try AtomicFile.readKeepingOpen(url) else { continue }
                files[index] = (descriptor, url.path)
                let (document, asWritten) = try VersionedFile.decode(
                    ProspectsDocument.self, from: data, of: url, migration: .prospects)
                let prospects = try checked(document, in: index)
                for prospect in prospects { try visit(prospect) }
                let ranges = asWritten ? JSONElements.ranges(ofArray: "prospects", in: data) : nil
                guard let ranges, ranges.count == prospects.count else {
                    held += prospects
                    continue
                }
                for (prospect, bytes) in zip(prospects, ranges) {
                    places.append(.init(filed: prospect.createdAt, id: prospect.id, bucket: index, bytes: bytes))
                }
            }
        } catch {
            for file in files.values { close(file.descriptor) }
            throw error
        }
        return FiledProspects(places: places, files: files, held: held)
    }

    /// Every prospect, a bucket at a time, in no particular order: for what needs each
    /// prospect once and not their order.
    public func eachProspect(_ body: (Prospect) throws -> Void) throws {
        try requireProspectsFolder()
        if hasLegacyProspects {
            for prospect in try legacyProspects() { try body(prospect) }
            return
        }
        for index in 0..<ProspectBucket.count {
            for prospect in try bucket(index) { try body(prospect) }
        }
    }
}

/// Where the elements of a top-level array are in a JSON document's bytes.
enum JSONElements {
    /// The byte ranges of the elements of the array under `key` in the top-level object,
    /// in order; nil when there is no such array. For a document the decoder has already
    /// read: it checks nothing, only tracks strings and nesting.
    static func ranges(ofArray key: String, in data: Data) -> [Range<Int>]? {
        let wanted = Array(key.utf8)
        return data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> [Range<Int>]? in
            var depth = 0
            var i = 0
            var lastString: Range<Int>?
            var inArray = false
            var found = false
            var elementStart: Int?
            var ranges: [Range<Int>] = []
            let end = bytes.count
            while i < end {
                let byte = bytes[i]
                switch byte {
                case UInt8(ascii: "\""):
                    let start = i + 1
                    i += 1
                    while i < end, bytes[i] != UInt8(ascii: "\"") {
                        if bytes[i] == UInt8(ascii: "\\") { i += 1 }
                        i += 1
                    }
                    if inArray, depth == 2, elementStart == nil { elementStart = start - 1 }
                    lastString = start..<min(i, end)
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    if inArray, depth == 2, elementStart == nil { elementStart = i }
                    if depth == 1, byte == UInt8(ascii: "["), let name = lastString, !found,
                        name.count == wanted.count, zip(bytes[name], wanted).allSatisfy({ $0 == $1 })
                    {
                        inArray = true
                        found = true
                    }
                    depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if inArray, depth == 2, let start = elementStart {
                        ranges.append(start..<(i + 1))
                        elementStart = nil
                    }
                    if inArray, depth == 1 { inArray = false }
                case UInt8(ascii: ","):
                    // A scalar element (not a prospect: the decoder would have refused it).
                    if inArray, depth == 2, let start = elementStart {
                        ranges.append(start..<i)
                        elementStart = nil
                    }
                case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"), UInt8(ascii: ":"):
                    break
                default:
                    if inArray, depth == 2, elementStart == nil { elementStart = i }
                }
                i += 1
            }
            return found ? ranges : nil
        }
    }
}
