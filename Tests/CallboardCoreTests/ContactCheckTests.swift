import CallboardCore
import Testing

@Suite("Contact details")
struct ContactCheckTests {
    @Test("the same email is the same person, whatever the case")
    func sameEmail() {
        #expect(ContactCheck.isSamePerson(email: "Anna@Example.nl", phone: "", asEmail: "anna@example.nl", phone: "+31 1"))
    }

    @Test("colleagues sharing a switchboard number are two people when their emails differ")
    func sharedSwitchboard() {
        #expect(!ContactCheck.isSamePerson(
            email: "sam.oneill@example.com", phone: "(555) 010-0105", asEmail: "noah@example.com", phone: "555-010-0105"))
        #expect(ContactCheck.isSamePerson(email: "", phone: "(555) 010-0105", asEmail: "noah@example.com", phone: "555 010 0105"))
        #expect(ContactCheck.isSamePerson(email: "", phone: "+31 20 555 0101", asEmail: "", phone: "+31-20-5550101"))
        #expect(!ContactCheck.isSamePerson(email: "", phone: "123", asEmail: "", phone: "123"))
    }

    @Test("a prospect found among others by the same rule")
    func lookup() {
        let anna = Prospect(id: "a", name: "Anna", phone: "+31 20 555 0101", email: "anna@example.nl", createdAt: .distantPast)
        let bob = Prospect(id: "b", name: "Bob", phone: "+31 20 555 0101", email: "", createdAt: .distantPast)
        #expect(ContactCheck.existing(email: "ANNA@example.nl", phone: "", among: [bob, anna])?.id == "a")
        #expect(ContactCheck.existing(email: "other@example.nl", phone: "+31205550101", among: [anna]) == nil)
        #expect(ContactCheck.existing(email: "", phone: "+31205550101", among: [anna])?.id == "a")
    }

    @Test("plausible phones and emails")
    func plausible() {
        for phone in ["+31 20 555 0101", "(555) 010-0105", "020-5550114", "+1 415 555 0106 x12", "030/1234567"] {
            #expect(ContactCheck.isPlausiblePhone(phone), "\(phone)")
        }
        for phone in ["abc", "123", "call me", "555-CALL-NOW"] {
            #expect(!ContactCheck.isPlausiblePhone(phone), "\(phone)")
        }
        #expect(ContactCheck.isPlausibleEmail("zoe@example.se"))
        for email in ["not-an-email", "a@b", "@example.com", "a b@example.com", "a@example.com."] {
            #expect(!ContactCheck.isPlausibleEmail(email), "\(email)")
        }
    }

    @Test("a new contact needs a name and a way to reach them, each plausible")
    func problems() {
        #expect(ContactCheck.problems(name: "Anna", phone: "+31 20 555 0101", email: "").isEmpty)
        #expect(ContactCheck.problems(name: "Dora", phone: "", email: "").map(\.field) == [.phone])
        #expect(ContactCheck.problems(name: " ", phone: "abc", email: "x").map(\.field) == [.name, .phone, .email])
        #expect(ContactCheck.problems(name: "Bad Mail", phone: "", email: "not-an-email").first?.description.contains("not an email address") == true)
    }
}
