import Foundation

/// Where the data directory is. Pure: the environment comes in as a dictionary, so tests
/// and the executable resolve it the same way.
public enum StoreLocation {
    /// `--store DIR`, else `$CALLBOARD_HOME`, else `$XDG_DATA_HOME/callboard`, else
    /// `~/.local/share/callboard`. Empty values count as unset; a relative
    /// `$XDG_DATA_HOME` is ignored, as the XDG specification asks. A leading `~/` in the
    /// flag or `$CALLBOARD_HOME` means the home directory, for values that reach us
    /// unexpanded (quoted in a shell, or from a configuration file).
    /// Said once when opening made a store that others could read private.
    public static func madePrivate(_ directory: URL) -> String {
        "\(directory.path) was open to other users; it is private now (folders 0700, files 0600)"
    }

    public static func resolve(flag: String?, environment: [String: String]) throws(StoreError) -> URL {
        let home = nonEmpty(environment["HOME"])
        if let flag = nonEmpty(flag) {
            return try url(expanding: flag, home: home)
        }
        if let own = nonEmpty(environment["CALLBOARD_HOME"]) {
            return try url(expanding: own, home: home)
        }
        if let xdg = nonEmpty(environment["XDG_DATA_HOME"]), xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg, isDirectory: true)
                .appendingPathComponent("callboard", isDirectory: true)
        }
        guard let home else { throw StoreError.noDataDirectory }
        return URL(fileURLWithPath: home, isDirectory: true)
            .appendingPathComponent(".local/share/callboard", isDirectory: true)
    }

    private static func nonEmpty(_ value: String?) -> String? {
        guard let value, !value.isEmpty else { return nil }
        return value
    }

    private static func url(expanding path: String, home: String?) throws(StoreError) -> URL {
        guard path == "~" || path.hasPrefix("~/") else {
            return URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL
        }
        guard let home else { throw StoreError.noDataDirectory }
        let rest = path.dropFirst(path == "~" ? 1 : 2)
        return URL(fileURLWithPath: home, isDirectory: true)
            .appendingPathComponent(String(rest), isDirectory: true).standardizedFileURL
    }
}
