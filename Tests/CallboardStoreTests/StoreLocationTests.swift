import Foundation
import Testing

@testable import CallboardStore

@Suite("Where the data lives")
struct StoreLocationTests {
    let everything = [
        "HOME": "/home/sam", "CALLBOARD_HOME": "/srv/cb", "XDG_DATA_HOME": "/home/sam/.data",
    ]

    @Test func theFlagWinsOverEveryVariable() throws {
        let url = try StoreLocation.resolve(flag: "/tmp/calls", environment: everything)
        #expect(url.path == "/tmp/calls")
    }

    @Test func callboardHomeComesNext() throws {
        let url = try StoreLocation.resolve(flag: nil, environment: everything)
        #expect(url.path == "/srv/cb")
    }

    @Test func xdgDataHomeGetsACallboardFolder() throws {
        let env = ["HOME": "/home/sam", "XDG_DATA_HOME": "/home/sam/.data"]
        let url = try StoreLocation.resolve(flag: nil, environment: env)
        #expect(url.path == "/home/sam/.data/callboard")
    }

    @Test func homeIsTheLastResort() throws {
        let url = try StoreLocation.resolve(flag: nil, environment: ["HOME": "/home/sam"])
        #expect(url.path == "/home/sam/.local/share/callboard")
    }

    @Test func emptyAndRelativeValuesAreIgnored() throws {
        let env = ["HOME": "/home/sam", "CALLBOARD_HOME": "", "XDG_DATA_HOME": "relative/data"]
        let url = try StoreLocation.resolve(flag: "", environment: env)
        #expect(url.path == "/home/sam/.local/share/callboard")
    }

    @Test func aTildeMeansHome() throws {
        let env = ["HOME": "/home/sam"]
        #expect(try StoreLocation.resolve(flag: "~/work/calls", environment: env).path == "/home/sam/work/calls")
        let own = ["HOME": "/home/sam", "CALLBOARD_HOME": "~"]
        #expect(try StoreLocation.resolve(flag: nil, environment: own).path == "/home/sam")
    }

    @Test func withoutAnyPlaceTheErrorSaysWhatToSet() {
        let error = storeError { _ = try StoreLocation.resolve(flag: nil, environment: [:]) }
        #expect(error == .noDataDirectory)
        #expect(error?.description.contains("--store") == true)
        #expect(error?.exitCode == 78)
    }
}
