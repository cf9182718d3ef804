import Foundation

/// Translates the shell's English text into another language, as gettext does: the English
/// sentence is the key, and a sentence with values in it is matched against templates.
///
/// The engine and the loaders report in English strings built with their values inside;
/// giving every one of those a message type would touch every error in the project, so the
/// shell translates finished text instead. A template such as
/// `unknown field '{}' => 未知字段“{}”` matches the whole sentence, and each value taken
/// from it is translated in turn (a field name becomes its Chinese label), unless the
/// hole is written `{=}`: then it is code or data and kept as it is. A sentence that no
/// template matches is tried in its `; `-separated parts, and otherwise left in English,
/// which the Chinese transcript test reports.
public struct Phrasebook: Sendable {
  public let language: Language
  private let exact: [String: String]
  private let templates: [Template]
  /// Placeholders written in capitals (YEAR => 年度), replaced as whole words.
  private let placeholderWords: [String: String]

  struct Template: Sendable {
    /// The English text around the holes: one more literal than holes.
    var literals: [String]
    /// For each hole, whether its value is kept verbatim.
    var verbatim: [Bool]
    /// The translation: literal text and hole numbers (0-based).
    var target: [Piece]
    /// Characters of literal text, so more specific templates are tried first.
    var weight: Int
  }

  enum Piece: Sendable {
    case text(String)
    case hole(Int)
  }

  public static let english = Phrasebook(language: .en, entries: [])

  /// Entries are lines `English => 中文`; `#` starts a comment line.
  init(language: Language, entries: [String]) {
    self.language = language
    var exact: [String: String] = [:]
    var templates: [Template] = []
    var placeholderWords: [String: String] = [:]
    for block in entries {
      for line in block.split(separator: "\n") {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
        guard let arrow = trimmed.range(of: " => ") else { continue }
        let source = String(trimmed[..<arrow.lowerBound]).trimmingCharacters(in: .whitespaces)
        let target = String(trimmed[arrow.upperBound...]).trimmingCharacters(in: .whitespaces)
        if source.count >= 2, source.allSatisfy({ $0.isASCII && ($0.isUppercase || $0 == "_") }) {
          placeholderWords[source] = target
        } else if let template = Phrasebook.template(source, target) {
          templates.append(template)
        } else {
          exact[source] = target
        }
      }
    }
    self.exact = exact
    self.placeholderWords = placeholderWords
    self.templates = templates.sorted { $0.weight > $1.weight }
  }

  /// Parses `a {} b {=} c` and its translation; nil when the source has no holes.
  static func template(_ source: String, _ target: String) -> Template? {
    var literals: [String] = []
    var verbatim: [Bool] = []
    var rest = Substring(source)
    while let open = rest.range(of: "{") {
      let close = rest[open.upperBound...].firstIndex(of: "}")
      guard let close else { break }
      let inside = rest[open.upperBound..<close]
      guard inside.isEmpty || inside == "=" else { break }
      literals.append(String(rest[..<open.lowerBound]))
      verbatim.append(inside == "=")
      rest = rest[rest.index(after: close)...]
    }
    guard !verbatim.isEmpty else { return nil }
    literals.append(String(rest))
    var pieces: [Piece] = []
    var next = 0
    var text = Substring(target)
    while let open = text.range(of: "{"), let close = text[open.upperBound...].firstIndex(of: "}") {
      let inside = text[open.upperBound..<close]
      let number: Int?
      if inside.isEmpty || inside == "=" {
        number = next
        next += 1
      } else {
        number = Int(inside).map { $0 - 1 }
      }
      guard let number, number >= 0, number < verbatim.count else { break }
      if open.lowerBound > text.startIndex { pieces.append(.text(String(text[..<open.lowerBound]))) }
      pieces.append(.hole(number))
      text = text[text.index(after: close)...]
    }
    if !text.isEmpty { pieces.append(.text(String(text))) }
    return Template(literals: literals, verbatim: verbatim, target: pieces, weight: literals.reduce(0) { $0 + $1.count })
  }

  /// The text in this phrasebook's language: each line translated on its own, with its
  /// leading and trailing spaces kept.
  public func callAsFunction(_ text: String) -> String {
    guard language != .en, !text.isEmpty else { return text }
    if !text.contains("\n") { return line(text) }
    return text.split(separator: "\n", omittingEmptySubsequences: false).map { line(String($0)) }.joined(separator: "\n")
  }

  /// A line's leading label ("error: ", "warning: ") in this language, with the
  /// language's own colon.
  public func label(_ word: String) -> String {
    language == .en ? word + ": " : self(word) + "："
  }

  /// A table cell's text: translated only when it is a sentence of the shell's (a
  /// verdict, a note; notes joined by "; "), never split further, since cells otherwise
  /// hold data.
  public func cell(_ text: String) -> String {
    guard language != .en, !text.isEmpty, text.utf8.contains(where: Phrasebook.isLetter) else { return text }
    return phrase(text, depth: 0, splitting: false)
  }

  static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }

  func line(_ text: String) -> String {
    guard text.utf8.contains(where: Phrasebook.isLetter) else { return text }
    let core = text.trimmingCharacters(in: .whitespaces)
    guard !core.isEmpty else { return text }
    var lead = String(text.prefix { $0 == " " })
    let trail = text.reversed().prefix { $0 == " " }
    // A mark in front (a problem's "! ", a verdict) is not part of the sentence.
    var sentence = core
    for mark in ["! ", "✓ ", "✗ ", "- "] where core.hasPrefix(mark) && phrase(core, depth: 0) == core {
      lead += mark
      sentence = String(core.dropFirst(mark.count))
    }
    return lead + placeholders(columns(sentence)) + String(trail)
  }

  /// A line laid out in columns (help: syntax, then a description after a run of spaces)
  /// is translated column by column, so the columns still start where they did.
  func columns(_ core: String) -> String {
    let whole = phrase(core, depth: 0)
    guard whole == core, core.contains("   ") else { return whole }
    var out = ""
    var segment = ""
    var spaces = ""
    for ch in core {
      if ch == " " {
        spaces.append(ch)
        continue
      }
      if spaces.count >= 2 {
        out += phrase(segment, depth: 0) + spaces
        segment = ""
      } else {
        segment += spaces
      }
      spaces = ""
      segment.append(ch)
    }
    return out + phrase(segment, depth: 0) + spaces
  }

  /// Capitalised placeholders in syntax and hints (YEAR, COND, FIELD) in this language;
  /// other capitals (CSV, UTF-8) are names and stay.
  func placeholders(_ text: String) -> String {
    guard !placeholderWords.isEmpty, text.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return text }
    var out = ""
    var word = ""
    func flush() {
      out += word.count >= 2 ? placeholderWords[word] ?? word : word
      word = ""
    }
    for ch in text {
      if ch.isASCII && (ch.isUppercase || (ch == "_" && !word.isEmpty)) {
        word.append(ch)
      } else if ch.isASCII && (ch.isLetter || ch.isNumber) && !word.isEmpty {
        // Part of a longer word (CSVs, UTF8): not a placeholder.
        word.append(ch)
        out += word
        word = ""
      } else {
        flush()
        out.append(ch)
      }
    }
    flush()
    return out
  }

  /// One sentence: exactly, by a template, or in its `; ` parts.
  ///
  /// Values first may not span "; " (two sentences joined are translated each on its
  /// own, when each has a translation); then they may (a sentence that quotes one with
  /// "; " inside); then the parts are translated as far as they go.
  func phrase(_ s: String, depth: Int, splitting: Bool = true) -> String {
    if let t = exact[s] { return t }
    guard depth < 4 else { return s }
    if let t = fill(s, depth: depth, strict: true) { return t }
    let sentences = s.components(separatedBy: "; ")
    if sentences.count > 1, let groups = sentenceGroups(sentences[...], depth: depth) {
      return groups.joined(separator: "；")
    }
    if let t = fill(s, depth: depth, strict: false) { return t }
    for separator in splitting ? ["; ", ": ", ", "] : ["; "] where s.contains(separator) {
      let parts = s.components(separatedBy: separator)
      let translated = parts.map { phrase($0, depth: depth + 1) }
      if translated != parts { return translated.joined(separator: Phrasebook.chineseSeparator[separator] ?? separator) }
    }
    return s
  }

  /// The sentences grouped so that each group (sentences joined by "; ") has a
  /// translation of its own, longest groups first; nil when some sentence has none.
  func sentenceGroups(_ sentences: ArraySlice<String>, depth: Int) -> [String]? {
    guard let first = sentences.indices.first else { return [] }
    for end in stride(from: sentences.endIndex, to: first, by: -1) {
      let group = sentences[first..<end].joined(separator: "; ")
      let translated: String?
      if end - first == 1 {
        let t = phrase(group, depth: depth + 1)
        translated = t != group || !group.utf8.contains(where: Phrasebook.isLetter) ? t : nil
      } else {
        translated = exact[group] ?? fill(group, depth: depth, strict: true) ?? fill(group, depth: depth, strict: false, whole: true)
      }
      if let translated, let rest = sentenceGroups(sentences[end...], depth: depth) { return [translated] + rest }
    }
    return nil
  }

  /// The first template that matches, filled with its values translated in turn.
  /// With `whole`, only a result whose English words all come from values kept as they
  /// are counts: the template's own words and every translated value were translated.
  func fill(_ s: String, depth: Int, strict: Bool, whole: Bool = false) -> String? {
    for template in templates {
      if let values = match(template, s, strict: strict, keptStrict: whole) {
        var kept: Set<Substring> = []
        let text = template.target.map { piece in
          switch piece {
          case .text(let t): return t
          case .hole(let n):
            if template.verbatim[n] {
              kept.formUnion(Phrasebook.letterRuns(values[n]))
              return values[n]
            }
            let t = phrase(values[n], depth: depth + 1)
            // A value with no translation and no space is a name (a file, a unit), not a sentence.
            if t == values[n] && !t.contains(" ") { kept.formUnion(Phrasebook.letterRuns(t)) }
            return t
          }
        }.joined()
        if whole && !Phrasebook.letterRuns(text).isSubset(of: kept) { continue }
        return text
      }
    }
    return nil
  }

  /// Runs of two or more ASCII letters: the English words of a text.
  static func letterRuns(_ text: String) -> Set<Substring> {
    var runs: Set<Substring> = []
    var start: String.Index?
    var index = text.startIndex
    while true {
      let isLetter = index < text.endIndex && text[index].isASCII && text[index].isLetter
      if isLetter {
        if start == nil { start = index }
      } else if let s = start {
        if text.distance(from: s, to: index) >= 2 { runs.insert(text[s..<index]) }
        start = nil
      }
      guard index < text.endIndex else { break }
      index = text.index(after: index)
    }
    return runs
  }

  /// A value never spans "; ": that joins two sentences, each translated on its own.
  static func joinsSentences(_ value: ArraySlice<Character>) -> Bool {
    guard value.count > 2 else { return false }
    var previous: Character = " "
    for ch in value {
      if previous == ";" && ch == " " { return true }
      previous = ch
    }
    return false
  }

  static let chineseSeparator = ["; ": "；", ": ": "：", ", ": "，"]

  /// The values in the holes when `s` is the template's text with something in each hole.
  /// `strict`: no value spans "; "; `keptStrict`: no value kept as it is does.
  func match(_ t: Template, _ s: String, strict: Bool = true, keptStrict: Bool = false) -> [String]? {
    guard s.hasPrefix(t.literals[0]), s.hasSuffix(t.literals[t.literals.count - 1]) else { return nil }
    let chars = Array(s)
    let literals = t.literals.map(Array.init)
    var values: [String] = []
    func fill(_ hole: Int, from start: Int) -> Bool {
      let next = literals[hole + 1]
      if hole == t.verbatim.count - 1 {
        // The last hole runs to the final literal, which ends the text.
        let end = chars.count - next.count
        guard end > start, !((strict || (keptStrict && t.verbatim[hole])) && Phrasebook.joinsSentences(chars[start..<end])) else { return false }
        values.append(String(chars[start..<end]))
        return true
      }
      var end = start + 1
      while end + next.count <= chars.count {
        if (strict || (keptStrict && t.verbatim[hole])) && Phrasebook.joinsSentences(chars[start..<end]) { return false }
        if chars[end..<(end + next.count)].elementsEqual(next) {
          values.append(String(chars[start..<end]))
          if fill(hole + 1, from: end + next.count) { return true }
          values.removeLast()
        }
        end += 1
      }
      return false
    }
    return fill(0, from: literals[0].count) ? values : nil
  }
}
