import CallboardCore
import Testing

@Suite("Numbers as a dialer takes them")
struct DialNumberTests {
    @Test("written international numbers become E.164 and a global tel: link")
    func international() throws {
        let london = try #require(DialNumber("+44 20 5555 0014"))
        #expect(london.digits == "+442055550014")
        #expect(london.isE164)
        #expect(london.telURI == "tel:+442055550014")
        let viaZeros = try #require(DialNumber("0044 (20) 5555-0014"))
        #expect(viaZeros.digits == "+442055550014")
    }

    @Test("a local number keeps its digits and is not called E.164")
    func local() throws {
        let number = try #require(DialNumber("(020) 5555-0014"))
        #expect(number.digits == "02055550014")
        #expect(!number.isE164)
        #expect(number.telURI == "tel:02055550014")
    }

    @Test("text that is no number stays as written, control characters gone, percent-encoded in a link")
    func odd() throws {
        let number = try #require(DialNumber("12 \"3\" $(rm -rf ~)\u{1B}[2J"))
        #expect(number.digits == nil)
        #expect(number.written == "12 \"3\" $(rm -rf ~)[2J")
        #expect(!number.telURI.contains(" ") && !number.telURI.contains("$(") && !number.telURI.contains("\""))
        #expect(DialNumber("  ") == nil)
    }
}
