import CallboardCore
import Foundation
import Testing

@testable import CallboardUI

@Suite struct AddProspectTests {
    @Test func aOnTheQueueAddsATypedProspectDueToday() throws {
        var state = F.state(prospects: [])
        expectShows(F.screen(state), "Press a to add a prospect here")
        F.press([.char("a")], &state, at: 1)
        #expect(state.keyContext == .addProspect)
        F.type("Eva Claes, Claes & Zn, eva@claes.example", &state, at: 2)
        let effects = F.press([.enter], &state, at: 3)
        guard case .addProspect(let line)? = effects.first, effects.count == 1 else {
            Issue.record("expected the prospect to be saved, got \(effects)")
            return
        }
        #expect(line == ContactLine(name: "Eva Claes", company: "Claes & Zn", email: "eva@claes.example"))
        // The store files them and answers with the prospect as saved.
        let prospect = Prospect(
            id: "p-0000e7a", name: line.name, company: line.company, email: line.email, source: .other,
            createdAt: F.at(3).wall)
        _ = update(&state, .prospectAdded(prospect))
        #expect(state.queue.map(\.id) == [prospect.id])
        #expect(state.selectedEntry?.reason == .new)
        #expect(state.mode == .addProspect(TextField()), "the field stays open for the next one")
        F.press([.enter], &state, at: 4)
        #expect(state.mode == .queue)
        expectShows(F.screen(state), "Today's queue (1)", "Eva Claes")
    }

    @Test func escClosesTheFieldWithoutAdding() {
        var state = F.state()
        F.press([.char("a")], &state, at: 1)
        F.type("Half typed", &state, at: 2)
        expectShows(F.screen(state), "Add a prospect", "› Half typed")
        #expect(F.press([.escape], &state, at: 3).isEmpty)
        #expect(state.mode == .queue)
        #expect(state.prospects.count == 3)
    }

    @Test func linesTypedOneAfterAnotherEachGoToTheStore() {
        var state = F.state()
        F.press([.char("a")], &state, at: 1)
        F.type("Sam, sam@one.example", &state, at: 1)
        let first = F.press([.enter], &state, at: 1)
        F.type("Sam, sam@two.example", &state, at: 1)
        let second = F.press([.enter], &state, at: 1)
        #expect(first == [.addProspect(ContactLine(name: "Sam", email: "sam@one.example"))])
        #expect(second == [.addProspect(ContactLine(name: "Sam", email: "sam@two.example"))])
        #expect(state.mode == .addProspect(TextField()))
    }

    @Test func lettersInTheFieldAreTextNotQueueKeys() {
        var state = F.state()
        F.press([.char("a")], &state, at: 1)
        #expect(F.type("qrjk?", &state, at: 2).isEmpty)
        #expect(state.mode == .addProspect(TextField("qrjk?")))
    }

    // MARK: The same rules as `callboard add` and the import

    /// Types `line` in the add field and presses Enter; returns the effects.
    static func add(_ line: String, _ state: inout AppState) -> [Effect] {
        F.press([.char("a")], &state, at: 1)
        F.type(line, &state, at: 2)
        return F.press([.enter], &state, at: 3)
    }

    static func expectRefused(
        _ line: String, saying reason: String, prospects: [Prospect] = F.prospects,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        var state = F.state(prospects: prospects)
        #expect(add(line, &state).isEmpty, "nothing is saved", sourceLocation: sourceLocation)
        #expect(state.prospects.count == prospects.count, sourceLocation: sourceLocation)
        #expect(state.mode == .addProspect(TextField(line)), "the typed text stays", sourceLocation: sourceLocation)
        #expect(state.addProblem?.contains(reason) == true, "\(state.addProblem ?? "no problem")", sourceLocation: sourceLocation)
        expectShows(F.screen(state), String(line.suffix(20)), sourceLocation: sourceLocation)
        expectShows(F.screen(state), "Not added: " + reason.prefix(30), sourceLocation: sourceLocation)
    }

    @Test func aSecondPartThatIsNeitherPhoneNorEmailIsRefusedNotGluedToTheCompany() {
        Self.expectRefused("Bad Mail, Co, not-an-email", saying: "“not-an-email” is not a phone number or an email address")
    }

    @Test func aNameAloneIsRefusedWithWhatIsMissing() {
        Self.expectRefused("Just A Name", saying: "a phone number or an email address is needed to reach them")
        Self.expectRefused("Eva, Claes & Zn", saying: "a phone number or an email address is needed")
    }

    @Test func implausibleEmailsAndPhonesAreRefused() {
        Self.expectRefused("Eva, eva@claes", saying: "“eva@claes” is not an email address")
        Self.expectRefused("Eva, 12-34", saying: "“12-34” is not a phone number")
    }

    @Test func theRefusalShowsInTheDialogAndGoesWhenTheTextIsCorrected() {
        var state = F.state()
        _ = Self.add("Bad Mail, Co, not-an-email", &state)
        expectShows(F.screen(state), "Not added:", "“not-an-email” is not a phone number or an")
        #expect(F.screen(state).style(of: "Not added:")?.role == .bad)
        F.press(Array(repeating: Key.backspace, count: "not-an-email".count), &state, at: 4)
        #expect(state.addProblem == nil)
        F.type("bad@mail.example", &state, at: 5)
        let effects = F.press([.enter], &state, at: 6)
        guard case .addProspect(let line)? = effects.first else {
            Issue.record("expected a save, got \(effects)")
            return
        }
        #expect(line.company == "Co")
        #expect(line.email == "bad@mail.example")
        expectHides(F.screen(state), "Not added:")
    }

    @Test func aPhoneOnlyProspectIsAddedWithTheNumberAsTyped() {
        var state = F.state()
        let effects = Self.add("Jan Jansen, Jansen BV, 020-5550114", &state)
        guard case .addProspect(let line)? = effects.first else {
            Issue.record("expected a save, got \(effects)")
            return
        }
        #expect(line.phone == "020-5550114")
        #expect(line.company == "Jansen BV")
    }

    @Test func aDuplicateTheStoreFindsBringsTheLineBackIntoTheField() {
        var state = F.state()
        let effects = Self.add("Eva Claes, eva@claes.example", &state)
        guard case .addProspect(let line)? = effects.first else {
            Issue.record("expected a save, got \(effects)")
            return
        }
        #expect(state.mode == .addProspect(TextField()))
        _ = update(
            &state,
            .prospectRefused(line: "Eva Claes, eva@claes.example", reason: "Eva Claes (p-1) already has that email or phone"))
        #expect(!state.prospects.contains { $0.name == line.name })
        #expect(state.mode == .addProspect(TextField("Eva Claes, eva@claes.example")))
        #expect(state.addProblem == "Not added: Eva Claes (p-1) already has that email or phone.")
    }

    @Test func aCompanyWithACommaIsTakenInQuotesOrBeforeItsLegalForm() {
        var state = F.state()
        #expect(Self.add("Bob Stone, \"Acme, Inc.\", bob@acme.example", &state)
            == [.addProspect(ContactLine(name: "Bob Stone", company: "Acme, Inc.", email: "bob@acme.example"))])
        var other = F.state()
        #expect(Self.add("Bob Stone, Acme, Inc., bob@acme.example", &other)
            == [.addProspect(ContactLine(name: "Bob Stone", company: "Acme, Inc.", email: "bob@acme.example"))])
    }
}
