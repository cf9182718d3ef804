/// Which texts contain a given text, ignoring case as `lowercased()` does.
///
/// `name contains 村级` tests every distinct name. Lowercasing each name and searching it
/// as a String went through Foundation's bridged search, about 300 ns a name: most of
/// that statement at 30 k rows. A plain text (`PlainText`) is its own normal form and its
/// only cased letters are ASCII and full-width Latin, so for plain texts the search is a
/// byte search on the text with those letters folded; a UTF-8 lead byte cannot match a
/// continuation byte, so a match is whole scalars, as the String search's is. The empty
/// text is in every text, as in SQL.
public struct TextSearch {
  private let needle: String
  /// The needle's bytes when it is plain; nil sends every text to the String search.
  private let bytes: [UInt8]?

  public init(_ text: String) {
    needle = text.lowercased()
    var n = needle
    bytes = n.withUTF8 { b in
      PlainText.isPlain(UnsafeRawBufferPointer(b)) ? Array(b) : nil
    }
  }

  /// Whether `text` contains the needle, ignoring case.
  public func matches(_ text: String) -> Bool {
    if needle.isEmpty { return true }
    guard let bytes else { return text.lowercased().contains(needle) }
    var text = text
    let found: Bool? = text.withUTF8 { t in
      let raw = UnsafeRawBufferPointer(t)
      guard PlainText.isPlain(raw) else { return nil }
      // Folding keeps every byte count: a full-width letter stays three bytes.
      return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: raw.count) { folded in
        Self.fold(raw, into: folded)
        return Self.find(bytes, in: UnsafeBufferPointer(folded))
      }
    }
    return found ?? text.lowercased().contains(needle)
  }

  /// Each text's verdict, by code.
  public static func matching(_ text: String, in dictionary: TextDictionary) -> [Bool] {
    let search = TextSearch(text)
    return dictionary.values.map { search.matches($0) }
  }

  /// `text` with A–Z and Ａ–Ｚ (U+FF21–FF3A, EF BC A1–BA) lowered, into `folded`.
  private static func fold(_ text: UnsafeRawBufferPointer, into folded: UnsafeMutableBufferPointer<UInt8>) {
    var i = 0
    let n = text.count
    while i < n {
      let b = text[i]
      if b >= 0x41, b <= 0x5A {
        folded[i] = b | 0x20
      } else if b == 0xEF, i + 2 < n, text[i + 1] == 0xBC, text[i + 2] >= 0xA1, text[i + 2] <= 0xBA {
        // U+FF21 + k → U+FF41 + k: EF BC (A1 + k) → EF BD (81 + k).
        folded[i] = 0xEF
        folded[i + 1] = 0xBD
        folded[i + 2] = text[i + 2] - 0x20
        i += 3
        continue
      } else {
        folded[i] = b
      }
      i += 1
    }
  }

  private static func find(_ needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
    let m = needle.count
    let n = haystack.count
    guard m <= n else { return false }
    let first = needle[0]
    var i = 0
    while i <= n - m {
      if haystack[i] == first {
        var j = 1
        while j < m, haystack[i + j] == needle[j] { j += 1 }
        if j == m { return true }
      }
      i += 1
    }
    return false
  }
}
