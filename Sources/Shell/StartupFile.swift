/// The file of statements and dot-commands an interactive session runs first (psql's
/// psqlrc, sqlite3's .sqliterc): settings a person wants every time, such as `.maxrows 20`.
///
/// Only an interactive shell reads it. Scripts (`-c`, `-f`, piped input) do not, so that a
/// script gives the same output on every machine; a script that wants it says `.read FILE`.
public enum StartupFile {
  /// `$XDG_CONFIG_HOME/jixiao/jixiaorc` (else `~/.config/jixiao/jixiaorc`) when it exists,
  /// else `~/.jixiaorc` when that exists; nil when neither does.
  public static func path(environment: [String: String], exists: (String) -> Bool) -> String? {
    var candidates: [String] = []
    let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 }
    // The XDG spec says relative values are invalid and must be ignored.
    if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") {
      candidates.append(config + "/jixiao/jixiaorc")
    } else if let home {
      candidates.append(home + "/.config/jixiao/jixiaorc")
    }
    if let home { candidates.append(home + "/.jixiaorc") }
    return candidates.first(where: exists)
  }
}
