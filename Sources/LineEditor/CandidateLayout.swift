import Shell

/// Lays completion candidates out in columns, down then across like a shell's listing,
/// so a long list of column names does not scroll the prompt away.
enum CandidateLayout {
  /// The listing as lines without trailing spaces, fitted to `width` terminal columns.
  /// Candidates are data (project names, units), so control characters in them are
  /// drawn as escapes, and measured that way.
  /// More candidates than `limit` are cut to the first `limit` and a line that counts the
  /// rest, so a Tab on 3,000 project names does not bury the prompt.
  static func lines(_ all: [String], width: Int, limit: Int = 100) -> [String] {
    guard !all.isEmpty else { return [] }
    let raw = all.count > limit ? Array(all.prefix(limit)) : all
    let rest = all.count - raw.count
    let candidates = raw.map(TerminalText.visible)
    let widths = candidates.map { DisplayWidth.of($0) }
    let gap = 2
    let cell = (widths.max() ?? 0) + gap
    let perRow = max(1, (max(width, 1) + gap) / max(cell, 1))
    let rows = (candidates.count + perRow - 1) / perRow
    var lines: [String] = []
    for row in 0..<rows {
      var line = ""
      var index = row
      while index < candidates.count {
        let next = index + rows
        line += candidates[index]
        if next < candidates.count {
          line += String(repeating: " ", count: cell - widths[index])
        }
        index = next
      }
      lines.append(line)
    }
    if rest > 0 {
      lines.append("… and \(rest) more (\(all.count) in all); type more letters to narrow them")
    }
    return lines
  }
}
