@testable import CallboardUI
import Testing

@Suite("Cell buffer")
struct CellBufferTests {
    @Test("text is clipped to the width asked and to the buffer")
    func clipping() {
        var b = CellBuffer(width: 10, height: 2)
        #expect(b.write("Hello, world", x: 0, y: 0, maxWidth: 5) == 5)
        #expect(b.write("abcdefghijkl", x: 6, y: 1) == 4)
        #expect(b.lines == ["Hello     ", "      abcd"])
        #expect(b.write("x", x: 0, y: 2) == 0)
        #expect(b.write("x", x: 10, y: 0) == 0)
    }

    @Test("wide characters take two columns and are never cut in half")
    func wide() {
        var b = CellBuffer(width: 7, height: 1)
        #expect(b.write("東京精機", x: 0, y: 0) == 6)
        #expect(b.line(0) == "東京精")
        #expect(b[1, 0].isContinuation)
        var c = CellBuffer(width: 6, height: 1)
        c.write("a東京", x: 0, y: 0, maxWidth: 4)
        #expect(c.line(0) == "a東")
        #expect(DisplayWidth.of(text: "Zoë Ångström") == 12)
        #expect(DisplayWidth.of(text: "購買部長") == 8)
        #expect(DisplayWidth.of(text: "👍") == 2)
    }

    /// Plain ASCII takes a shortcut: a column and a cluster a byte, the same as measured
    /// cluster by cluster; a control byte still goes the long way and is cleaned.
    @Test func plainASCIIMeasuresAsItsClusters() {
        for text in ["Anna Berg", "Nordlicht GmbH ~ {x}", " ", ""] {
            #expect(DisplayWidth.of(text: text) == text.count)
            #expect(SafeText.graphemes(text) == text.map(String.init))
            #expect(DisplayWidth.of(text: text) == SafeText.graphemes(text).reduce(0) { $0 + DisplayWidth.of($1) })
        }
        #expect(SafeText.graphemes("a\u{1B}[2Jb") == ["a", "[", "2", "J", "b"])
        // Precomposed Latin letters too; a combining accent or a wide character goes the
        // long way, and every path agrees with measuring cluster by cluster.
        for text in ["Mateo Martínez", "Zoë Ångström", "Łódź × ÷ ɏ", "Jose\u{301}", "Ωmega", "東京"] {
            let clusters = SafeText.clean(text).map(SafeText.drawable)
            #expect(SafeText.graphemes(text) == clusters, "\(text)")
            #expect(DisplayWidth.of(text: text) == clusters.reduce(0) { $0 + DisplayWidth.of($1) }, "\(text)")
        }
        #expect(SafeText.graphemes("Jose\u{301}").count == 4)
        #expect(DisplayWidth.of(text: "a\tb") == 3)
    }

    @Test("overwriting half of a wide character blanks the other half")
    func overwriteWide() {
        var b = CellBuffer(width: 4, height: 1)
        b.write("東京", x: 0, y: 0)
        b.write("x", x: 1, y: 0)
        #expect(b.line(0) == " x京")
    }

    @Test("escape sequences and control characters never reach a cell")
    func hostile() {
        var b = CellBuffer(width: 40, height: 1)
        b.write("A\u{1B}]0;pwned\u{07}B\u{1B}[2J\u{9B}31m\u{7F}C\u{202E}D\tE\nF", x: 0, y: 0)
        let line = b.line(0)
        #expect(line == "A]0;pwnedB[2J31mCD E F")
        for cell in b.cells {
            #expect(cell.text.unicodeScalars.allSatisfy { !($0.value < 0x20 || (0x7F...0x9F).contains($0.value)) })
        }
        #expect(SafeText.clean("OSC 52: \u{1B}]52;c;aGk=\u{07}") == "OSC 52: ]52;c;aGk=")
        #expect(SafeText.isClean("Anna de Vries"))
    }

    @Test("zero-width characters take no column and keep rows aligned")
    func zeroWidth() {
        var b = CellBuffer(width: 10, height: 1)
        #expect(b.write("a\u{200B}b\u{200D}c", x: 0, y: 0) == 3)
        #expect(b.line(0).count == 3)
    }

    @Test("rectangles clamp: no negative sizes, even at 1×1")
    func rects() {
        let r = Rect(x: 0, y: 0, width: 1, height: 1)
        #expect(r.inset(by: 2).isEmpty)
        #expect(r.inset(by: 2).width == 0)
        let (top, rest) = r.splitTop(5)
        #expect(top.height == 1 && rest.height == 0)
        let (left, right) = Rect(x: 2, y: 0, width: 10, height: 3).splitLeft(4)
        #expect(left == Rect(x: 2, y: 0, width: 4, height: 3))
        #expect(right == Rect(x: 6, y: 0, width: 6, height: 3))
        #expect(Rect(x: 0, y: 0, width: 3, height: 3).row(5).isEmpty)
        var tiny = CellBuffer(width: 1, height: 1)
        tiny.fill(Rect(x: -5, y: -5, width: 100, height: 100), with: Cell("#"))
        #expect(tiny.lines == ["#"])
        var none = CellBuffer(width: 0, height: 0)
        #expect(none.write("x", x: 0, y: 0) == 0)
        none.fill(none.bounds)
    }

    @Test("writing into a rectangle pads it to its width")
    func padded() {
        var b = CellBuffer(width: 6, height: 1)
        b.fill(b.bounds, with: Cell("x"))
        b.write("ab", in: Rect(x: 1, y: 0, width: 4, height: 1), style: Style(.accent))
        #expect(b.lines == ["xab  x"])
        #expect(b[3, 0].style.role == .accent)
    }

    @Test("narrow text ending on the left half of a wide character blanks its right half", arguments: ["ab", "aé"])
    func narrowOverWide(text: String) {
        var b = CellBuffer(width: 6, height: 1)
        b.write("x陈伟", x: 0, y: 0)
        // "x陈伟" fills x, 陈 (1–2), 伟 (3–4); the text covers columns 2 and 3.
        b.write(text, x: 2, y: 0)
        #expect(b.lines == ["x " + text + "  "])
        #expect(!b[4, 0].isContinuation)
    }

    @Test("printable ASCII and other text land in cells the same way")
    func asciiMatchesTheGeneralPath() {
        var ascii = CellBuffer(width: 12, height: 2)
        var general = CellBuffer(width: 12, height: 2)
        for buffer in [0, 1] {
            // A trailing zero-width joiner sends the same letters down the general path.
            let text = buffer == 0 ? "Anna de Vries" : "Anna de Vries\u{200B}"
            var target = buffer == 0 ? ascii : general
            target.write(text, x: -2, y: 0, maxWidth: 9, style: Style(.accent))
            target.write(text, x: 3, y: 1, style: Style(.muted, bold: true))
            if buffer == 0 { ascii = target } else { general = target }
        }
        #expect(ascii == general)
        #expect(ascii.lines == ["na de V     ", "   Anna de V"])
    }

    /// tmux 3.3 draws a joined emoji sequence as all its faces, other terminals as one:
    /// the screen draws the first, whose width every terminal agrees on.
    @Test("emoji sequences are drawn as their first character, as wide as wcwidth says")
    func emojiSequences() {
        var b = CellBuffer(width: 12, height: 1)
        #expect(b.write("👩‍👩‍👧x❤️y👍🏽z", x: 0, y: 0) == 8)
        #expect(b[0, 0].text == "👩" && b[1, 0].isContinuation && b[2, 0].text == "x")
        #expect(b[3, 0].text == "❤" && b[4, 0].text == "y")
        #expect(b[5, 0].text == "👍" && b[7, 0].text == "z")
        #expect(DisplayWidth.of(text: "👩‍👩‍👧❤️👍🏽") == 5)
        // Accents that combine stay with their letter; text over a wide character's two
        // halves keeps every letter it wrote.
        #expect(b.write("e\u{301}!", x: 0, y: 0) == 2)
        #expect(b[0, 0].text == "e\u{301}" && b[1, 0].text == "!")
        b.write("陈伟", x: 0, y: 0)
        b.write("ab", x: 0, y: 0)
        #expect(b[0, 0].text == "a" && b[1, 0].text == "b" && b[2, 0].text == "伟")
    }

    @Test("a border drawn over half of a wide character leaves no half behind")
    func repairHalves() {
        var b = CellBuffer(width: 8, height: 1)
        b.write("陈伟陈伟", x: 0, y: 0)
        b[3, 0] = Cell("│")  // over 伟's right half
        b[4, 0] = Cell("│")  // over 陈's left half
        b.repairWideCharacters()
        #expect(b.lines == ["陈 ││ 伟"])
        #expect(!b[5, 0].isContinuation && b[7, 0].isContinuation)
    }
}
