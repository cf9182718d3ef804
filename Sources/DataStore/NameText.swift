/// A project's name by the loader's rules, for edits that must produce what a saved
/// file would load back as: the spaces, tabs and ideographic spaces around it removed
/// (as the loader removes them from every cell), never empty, never a NUL byte.
public enum NameText {
  /// Why a piece of text cannot be a name.
  public enum Problem: Error, Equatable, Sendable {
    /// Empty, or only white space: a file with such a name does not load.
    case empty
    /// A NUL byte, which the loader refuses in any cell.
    case nul
  }

  /// The name as it would load.
  public static func parse(_ text: String) -> Result<String, Problem> {
    if text.allSatisfy(\.isWhitespace) { return .failure(.empty) }
    if text.utf8.contains(0) { return .failure(.nul) }
    return .success(text.trimmingSpaces())
  }
}
