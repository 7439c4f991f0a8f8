import CallboardCore
import Testing

@Suite("Contact details")
struct ContactCheckTests {
    func card(_ name: String, _ email: String = "", _ phone: String = "") -> ContactCard {
        ContactCard(id: ProspectID(name + email + phone), name: name, email: email, phone: phone)
    }

    @Test("the same email is the same person, whatever the case")
    func sameEmail() {
        #expect(ContactCheck.isSamePerson(card("Anna", "Anna@Example.nl"), card("A. de Vries", "anna@example.nl", "+31 1")))
    }

    @Test("the same name on the same number is the same person, even with another email")
    func sameNameSamePhone() {
        #expect(ContactCheck.isSamePerson(
            card("Jane Doe", "jane@new.example", "+31 20 555 0101"), card("Doe, Jane", "jane@old.example", "+31-20-5550101")))
        #expect(ContactCheck.isSamePerson(card("Émile Zola", "", "(555) 010-0105"), card("emile zola", "", "555 010 0105")))
    }

    @Test("colleagues sharing a switchboard number are two people")
    func sharedSwitchboard() {
        #expect(!ContactCheck.isSamePerson(
            card("Sam O'Neill", "sam.oneill@example.com", "(555) 010-0105"), card("Noah", "noah@example.com", "555-010-0105")))
        #expect(!ContactCheck.isSamePerson(card("Front Desk", "", "(555) 010-0105"), card("Noah", "", "555 010 0105")))
        #expect(!ContactCheck.isSamePerson(card("Sam", "", "123"), card("Sam", "", "123")), "too short to be a number")
    }

    @Test("the same full name at the same company is the same person when one of them has no phone")
    func sameNameAtSameCompany() {
        let onFile = ContactCard(id: "carla", name: "Carla Smit", email: "carla@old.example", phone: "+31 20 555 0199", company: "Smit BV")
        let referral = ContactCard(id: "", name: "carla smit", email: "carla@new.example", company: "Smit B.V.")
        #expect(ContactCheck.isSamePerson(referral, onFile))
        #expect(ContactIndex([onFile]).match(referral)?.id == "carla", "the index finds her by name and company")
        // Two numbers tell two namesakes apart; so does another company, or a first name alone.
        #expect(!ContactCheck.isSamePerson(
            ContactCard(id: "", name: "Carla Smit", phone: "+31 20 555 0200", company: "Smit BV"), onFile))
        #expect(!ContactCheck.isSamePerson(
            ContactCard(id: "", name: "Carla Smit", email: "carla@new.example", company: "Jansen BV"), onFile))
        #expect(!ContactCheck.isSamePerson(
            ContactCard(id: "", name: "Carla", email: "carla@new.example", company: "Smit BV"),
            ContactCard(id: "c", name: "Carla", email: "carla@old.example", company: "Smit BV")))
        #expect(!ContactCheck.isSamePerson(
            ContactCard(id: "", name: "Carla Smit", email: "carla@new.example"),
            ContactCard(id: "c", name: "Carla Smit", email: "carla@old.example")), "no company to go by")
    }

    @Test("the index finds the same person as the rule, and only them")
    func index() {
        let anna = card("Anna", "anna@example.nl", "+31 20 555 0101")
        let bob = card("Bob", "", "+31 20 555 0101")
        var index = ContactIndex([bob, anna])
        #expect(index.match(card("Someone", "ANNA@example.nl"))?.id == anna.id)
        #expect(index.match(card("Bob", "bob@x.example", "+31205550101"))?.id == bob.id)
        #expect(index.match(card("Carol", "", "+31205550101")) == nil)
        #expect(index.match(anna) == nil, "never itself")
        index.insert(ContactCard(id: anna.id, name: "Anna", email: "anna@moved.example", phone: ""))
        #expect(index.match(card("X", "anna@example.nl")) == nil, "the old address left with the update")
        #expect(index.match(card("X", "anna@moved.example"))?.id == anna.id)
        #expect(index.count == 2)
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

@Suite("A typed contact line")
struct ContactLineTypedTests {
    /// A refused line comes back into the add field as it was meant: a company with a
    /// comma keeps its quotes, so the line reads back the same.
    @Test("a line written back reads the same, a company with a comma in quotes")
    func writtenBackReadsTheSame() throws {
        let line = ContactLine(name: "Bob Stone", company: "Foo, Bar", email: "bob@foo.example")
        #expect(line.typed == "Bob Stone, \"Foo, Bar\", bob@foo.example")
        #expect(try ContactLine.read(line.typed).get() == line)
    }
}
