import CallboardUI
import Foundation
import Testing

@testable import CallboardRuntime

@Suite("baresip's ctrl_tcp: netstrings and messages")
struct BaresipMessageTests {
    @Test("frames come off a stream in any chunks; a partial frame waits for the rest")
    func netstrings() throws {
        let stream = Netstring.frame(Data("{\"a\":1}".utf8)) + Netstring.frame(Data()) + Netstring.frame(Data("xyz".utf8))
        #expect(String(decoding: Netstring.frame(Data("hello".utf8)), as: UTF8.self) == "5:hello,")
        var buffer = Data()
        var frames: [Data] = []
        for byte in stream {
            buffer.append(byte)
            frames += try Netstring.take(from: &buffer)
        }
        #expect(frames.map { String(decoding: $0, as: UTF8.self) } == ["{\"a\":1}", "", "xyz"])
        #expect(buffer.isEmpty)
    }

    @Test("a broken stream is refused, not read as something else")
    func broken() {
        var junk = Data("5:hello;".utf8)
        #expect(throws: Netstring.Problem.malformed) { try Netstring.take(from: &junk) }
        var huge = Data("99999999999:".utf8)
        #expect(throws: (any Error).self) { try Netstring.take(from: &huge) }
    }

    @Test("call events of an outgoing call become the phone's events; the rest is ignored")
    func events() {
        func event(_ type: String, direction: String = "outgoing", param: String = "") -> Data {
            Data(#"{"event":true,"class":"call","type":"\#(type)","direction":"\#(direction)","param":"\#(param)"}"#.utf8)
        }
        #expect(BaresipMessage.read(event("CALL_RINGING")) == .phone(.ringing))
        #expect(BaresipMessage.read(event("CALL_ESTABLISHED")) == .phone(.answered))
        #expect(BaresipMessage.read(event("CALL_CLOSED", param: "486 Busy Here")) == .phone(.ended(reason: "486 Busy Here")))
        #expect(BaresipMessage.read(event("CALL_CLOSED", direction: "incoming")) == .other)
        #expect(BaresipMessage.read(event("CALL_RTCP")) == .other)
        #expect(BaresipMessage.read(Data("not json".utf8)) == .other)
        let refused = Data(#"{"response":true,"ok":false,"data":"command not found (dial)\n","token":"dial-1"}"#.utf8)
        #expect(BaresipMessage.read(refused) == .refused(token: "dial-1", reason: "command not found (dial)"))
        let fine = Data(#"{"response":true,"ok":true,"data":"","token":"dial-1"}"#.utf8)
        #expect(BaresipMessage.read(fine) == .other)
    }

    @Test("a command is JSON with its token; the number is a JSON string, not a command line")
    func command() throws {
        let data = BaresipMessage.command("dial", params: "+15550002", token: "dial-7")
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: String])
        #expect(object == ["command": "dial", "params": "+15550002", "token": "dial-7"])
    }
}
