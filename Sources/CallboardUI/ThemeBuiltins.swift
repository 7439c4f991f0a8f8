// The shipped themes, embedded so an installed binary needs no files beside it.
// Each text is identical to its file in themes/ (a test holds them together).
enum ThemeBuiltins {
    static let sources: [String: String] = [
        "dark": #"""
        // callboard theme: dark (the default).
        //
        // Every role the screen uses maps to a look:
        //   fg, bg      a colour for 256-colour terminals: 0-255, "default" (the terminal's own)
        //               or one of the 16 names ("black" ... "white", "brightBlack" ... "brightWhite")
        //   fg16, bg16  the colour on 16- and 8-colour terminals; when left out, the nearest of
        //               the 16 is worked out from fg/bg
        //   bold, dim, reverse, underline   true or false
        // A role or key left out takes its value from this theme.
        {
          "name": "dark",
          "color": true,
          "roles": {
            "text":      { "fg": 252, "bg": "default", "fg16": "white" },
            "muted":     { "fg": 244, "fg16": "brightBlack" },
            "accent":    { "fg": 75, "fg16": "brightBlue", "bold": true },
            "title":     { "fg": 117, "fg16": "brightCyan", "bold": true },
            "border":    { "fg": 240, "fg16": "brightBlack" },
            "selection": { "fg": 231, "bg": 24, "fg16": "brightWhite", "bg16": "blue", "bold": true },
            "me":        { "fg": 209, "fg16": "yellow" },
            "prospect":  { "fg": 79, "fg16": "cyan" },
            "silence":   { "fg": 240, "fg16": "brightBlack" },
            "good":      { "fg": 114, "fg16": "green" },
            "warn":      { "fg": 221, "fg16": "brightYellow", "bold": true },
            "bad":       { "fg": 203, "fg16": "brightRed", "bold": true },
            "status":    { "fg": 252, "bg": 236, "fg16": "black", "bg16": "white" },
            "statusKey": { "fg": 221, "bg": 236, "fg16": "blue", "bg16": "white", "bold": true },
            "overlay":   { "fg": 255, "bg": 238, "fg16": "brightWhite", "bg16": "blue" }
          }
        }

        """#,
        "light": #"""
        // callboard theme: light, for a terminal with a pale background.
        // The format is described in dark.json; a role or key left out comes from dark.
        {
          "name": "light",
          "color": true,
          "roles": {
            "text":      { "fg": 235, "bg": "default", "fg16": "black" },
            "muted":     { "fg": 243, "fg16": "brightBlack" },
            "accent":    { "fg": 25, "fg16": "blue", "bold": true },
            "title":     { "fg": 24, "fg16": "blue", "bold": true },
            "border":    { "fg": 249, "fg16": "brightBlack" },
            "selection": { "fg": 16, "bg": 153, "fg16": "black", "bg16": "cyan", "bold": true },
            "me":        { "fg": 166, "fg16": "red" },
            "prospect":  { "fg": 30, "fg16": "cyan" },
            "silence":   { "fg": 247, "fg16": "brightBlack" },
            "good":      { "fg": 28, "fg16": "green" },
            "warn":      { "fg": 130, "fg16": "yellow", "bold": true },
            "bad":       { "fg": 160, "fg16": "red", "bold": true },
            "status":    { "fg": 235, "bg": 253, "fg16": "black", "bg16": "white" },
            "statusKey": { "fg": 25, "bg": 253, "fg16": "blue", "bg16": "white", "bold": true },
            "overlay":   { "fg": 16, "bg": 255, "fg16": "black", "bg16": "brightWhite" }
          }
        }

        """#,
        "high-contrast": #"""
        // callboard theme: high contrast. Pure black and white with saturated signal colours,
        // bold where it helps to read at a glance. The format is described in dark.json.
        {
          "name": "high-contrast",
          "color": true,
          "roles": {
            "text":      { "fg": 231, "bg": 16, "fg16": "brightWhite", "bg16": "black" },
            "muted":     { "fg": 250, "bg": 16, "fg16": "white", "bg16": "black" },
            "accent":    { "fg": 51, "bg": 16, "fg16": "brightCyan", "bg16": "black", "bold": true },
            "title":     { "fg": 231, "bg": 16, "fg16": "brightWhite", "bg16": "black", "bold": true, "underline": true },
            "border":    { "fg": 231, "bg": 16, "fg16": "brightWhite", "bg16": "black" },
            "selection": { "fg": 16, "bg": 226, "fg16": "black", "bg16": "brightYellow", "bold": true },
            "me":        { "fg": 226, "bg": 16, "fg16": "brightYellow", "bg16": "black", "bold": true },
            "prospect":  { "fg": 51, "bg": 16, "fg16": "brightCyan", "bg16": "black", "bold": true },
            "silence":   { "fg": 250, "bg": 16, "fg16": "white", "bg16": "black" },
            "good":      { "fg": 46, "bg": 16, "fg16": "brightGreen", "bg16": "black", "bold": true },
            "warn":      { "fg": 226, "bg": 16, "fg16": "brightYellow", "bg16": "black", "bold": true },
            "bad":       { "fg": 196, "bg": 16, "fg16": "brightRed", "bg16": "black", "bold": true, "underline": true },
            "status":    { "fg": 16, "bg": 231, "fg16": "black", "bg16": "brightWhite", "bold": true },
            "statusKey": { "fg": 16, "bg": 226, "fg16": "black", "bg16": "brightYellow", "bold": true },
            "overlay":   { "fg": 231, "bg": 18, "fg16": "brightWhite", "bg16": "blue", "bold": true }
          }
        }

        """#,
        "monochrome": #"""
        // callboard theme: monochrome. No colour at all, only bold, dim, reverse and underline;
        // chosen automatically when NO_COLOR is set. The format is described in dark.json.
        {
          "name": "monochrome",
          "color": false,
          "roles": {
            "text":      { },
            "muted":     { "dim": true },
            "accent":    { "bold": true },
            "title":     { "bold": true, "underline": true },
            "border":    { },
            "selection": { "reverse": true },
            "me":        { "bold": true },
            "prospect":  { "underline": true },
            "silence":   { "dim": true },
            "good":      { },
            "warn":      { "bold": true },
            "bad":       { "bold": true, "reverse": true },
            "status":    { "reverse": true },
            "statusKey": { "reverse": true, "bold": true },
            "overlay":   { "reverse": true }
          }
        }

        """#,
    ]
}
