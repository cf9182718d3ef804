/// Ctrl-R: incremental search back through the history, by whole characters.
///
/// libedit has its own (`em-inc-search-prev`), but it looks each typed character up in
/// its key map by the character's low byte, so a Chinese character whose code point ends
/// in a bound byte leaves the search and acts as that key: 服 (U+670D) is Return, 专
/// (U+4E13) is Ctrl-S, 务 (U+52A1) is unbound; 村级 happens to work. This search takes
/// every printable character as text and leaves only on control keys.
///
/// It is the state alone (what was typed, which entry matches); the line reader feeds it
/// keys and draws `prompt` and `line`.
public struct HistorySearch: Sendable {
  /// What a key did to the search.
  public enum Outcome: Equatable, Sendable {
    /// Still searching: redraw the prompt and the line.
    case searching
    /// Run the line now (Return).
    case accept(String)
    /// Put the line back as it was before the search (Ctrl-G).
    case cancel(String)
    /// Keep the line and let the key act as usual (arrows, Ctrl-A, Ctrl-E…).
    case leave(String)
  }

  /// History entries, newest first.
  public let entries: [String]
  /// The line being edited when the search started.
  public let original: String
  public private(set) var pattern = ""
  /// Index into `entries` of the entry shown, nil while nothing matched yet.
  public private(set) var match: Int?
  /// The last character typed found nothing (the previous match stays shown).
  public private(set) var failed = false

  public init(entries: [String], original: String) {
    self.entries = entries
    self.original = original
  }

  /// The line to show: the matching entry, or the original line before any match.
  public var line: String { match.map { entries[$0] } ?? original }

  /// Where the cursor goes: the start of the match in `line`, in characters.
  public var cursor: Int {
    guard !pattern.isEmpty, let range = line.firstRange(of: pattern) else { return line.count }
    return line.distance(from: line.startIndex, to: range.lowerBound)
  }

  /// Feeds one key (a Unicode scalar as the terminal sent it).
  public mutating func press(_ key: Unicode.Scalar) -> Outcome {
    switch key.value {
    case 0x12:  // Ctrl-R: the next older entry with the same text
      if let found = search(from: (match ?? -1) + 1, skipping: line) {
        match = found
        failed = false
      } else {
        failed = true
      }
      return .searching
    case 0x7F, 0x08:  // Backspace: one character less, searched again from the newest
      if !pattern.isEmpty { pattern.removeLast() }
      research()
      return .searching
    case 0x07:  // Ctrl-G
      return .cancel(original)
    case 0x0D, 0x0A:
      return .accept(line)
    case 0..<0x20, 0x80..<0xA0:
      return .leave(line)
    default:
      pattern.unicodeScalars.append(key)
      if let found = search(from: match ?? 0) {
        match = found
        failed = false
      } else {
        failed = true
      }
      return .searching
    }
  }

  private mutating func research() {
    guard !pattern.isEmpty else {
      match = nil
      failed = false
      return
    }
    match = search(from: 0)
    failed = match == nil
  }

  /// The first entry at or after `start` (older) containing the pattern, passing over
  /// entries equal to `skipping` so Ctrl-R never stops twice on the same text.
  private func search(from start: Int, skipping: String? = nil) -> Int? {
    guard start < entries.count else { return nil }
    for index in max(0, start)..<entries.count {
      let entry = entries[index]
      if entry == skipping { continue }
      if pattern.isEmpty || entry.contains(pattern) { return index }
    }
    return nil
  }
}
