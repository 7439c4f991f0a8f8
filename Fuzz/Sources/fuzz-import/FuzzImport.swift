import CallboardCore
import CallboardExchange
import Foundation

/// Raw bytes as a CSV file given to `callboard import`: encoding, sniffing, parsing,
/// header mapping and row checks.
enum ImportFuzz {
    static let now = Date(timeIntervalSince1970: 1_795_776_000)
    static let existing = [
        Prospect(id: ProspectID("p1"), name: "Anna de Vries", phone: "+31 20 555 0101", email: "anna@example.nl", createdAt: now)
    ]

    static func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        let data = Data(bytes)
        guard let text = try? ProspectImport.text(of: data) else { return }
        var next = 0
        for skipInvalid in [false, true] {
            _ = try? ProspectImport(skipInvalid: skipInvalid).run(csv: text, existing: existing, now: now) {
                next += 1
                return ProspectID("n\(next)")
            }
        }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    ImportFuzz.run(UnsafeBufferPointer(start: data, count: size))
    return 0
}
