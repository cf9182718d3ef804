/// Section numbers that skip or go back: headings 一、二、三、… and, under each, （一）（二）…
/// in the order the text has them. A list that starts again at 一、 is a list inside the
/// section; a number that continues an outer list ends the inner one. A skipped number
/// (一、 then 三、) is a section left out or a list pasted together; each is worth a look,
/// with its line.
public struct SectionNumberCheck: AuditRule {
  public init() {}

  struct Heading {
    var number: Int
    var line: Int
  }

  public func findings(_ input: AuditInput) -> [Finding] {
    guard let report = input.report else { return [] }
    var out: [Finding] = []
    /// The lists open, outermost first, each with its last heading.
    var lists: [Heading] = []
    var sub: Heading?
    for line in report.prose {
      let t = line.text.trimmingSpaces
      if let n = Self.subNumber(t) {
        let previous = sub
        sub = Heading(number: n, line: line.number)
        let expected = (previous?.number ?? 0) + 1
        guard n != expected else { continue }
        let under = lists.first.map { " under \(Self.numeral($0.number))、 (line \($0.line))" } ?? ""
        out.append(skip(input, line.number, "（\(Self.numeral(n))）", from: expected, to: n, after: previous.map { "（\(Self.numeral($0.number))） (line \($0.line))" }, under: under, paren: true))
        continue
      }
      guard let n = Self.number(t) else { continue }
      let heading = Heading(number: n, line: line.number)
      defer { if lists.count == 1 { sub = nil } }
      guard let last = lists.last else {
        if n != 1 { out.append(skip(input, line.number, "\(Self.numeral(n))、", from: 1, to: n, after: nil, under: "", paren: false)) }
        lists = [heading]
        continue
      }
      if n == last.number + 1 {
        lists[lists.count - 1] = heading
      } else if n == 1 {
        lists.append(heading)
      } else if let k = lists.indices.dropLast().last(where: { lists[$0].number + 1 == n }) {
        lists.removeSubrange((k + 1)...)
        lists[k] = heading
      } else {
        out.append(skip(input, line.number, "\(Self.numeral(n))、", from: last.number + 1, to: n, after: "\(Self.numeral(last.number))、 (line \(last.line))", under: "", paren: false))
        lists[lists.count - 1] = heading
      }
    }
    return out
  }

  /// "三、 follows 一、 (line 5): 二、 is missing", or a number that goes back.
  func skip(_ input: AuditInput, _ line: Int, _ shown: String, from expected: Int, to n: Int, after previous: String?, under: String, paren: Bool) -> Finding {
    func written(_ k: Int) -> String { paren ? "（\(Self.numeral(k))）" : "\(Self.numeral(k))、" }
    let place = previous.map { "\(shown) follows \($0)" } ?? "\(shown) is the first\(under.isEmpty ? "" : under)"
    guard n > expected else {
      return input.finding(line: line, "section numbers", .text(shown), .text(written(expected)), "\(place): the numbers go back; \(written(expected)) was expected")
    }
    let missing = (expected..<n).map(written)
    let list = missing.count > 3 ? "\(missing[0]) to \(missing[missing.count - 1])" : missing.joined(separator: " ")
    return input.finding(
      line: line, "section numbers", .text(shown), .text(written(expected)), "\(place)\(previous == nil ? "" : under): \(list) \(missing.count == 1 ? "is" : "are") missing")
  }

  static let digits: [Character: Int] = ["一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9]

  /// 1 to 99 written in Chinese numerals (三, 十, 十二, 二十一), or nil.
  static func value(_ s: Substring) -> Int? {
    let chars = Array(s)
    switch chars.count {
    case 1: return chars[0] == "十" ? 10 : digits[chars[0]]
    case 2:
      if chars[0] == "十" { return digits[chars[1]].map { 10 + $0 } }
      if chars[1] == "十" { return digits[chars[0]].map { $0 * 10 } }
      return nil
    case 3:
      guard chars[1] == "十", let tens = digits[chars[0]], let ones = digits[chars[2]] else { return nil }
      return tens * 10 + ones
    default: return nil
    }
  }

  /// 1 to 99 in Chinese numerals; other numbers in digits (the one after 九十九 is 100).
  static func numeral(_ n: Int) -> String {
    let names = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
    guard (1...99).contains(n) else { return String(n) }
    guard n >= 10 else { return names[n] }
    return (n / 10 == 1 ? "" : names[n / 10]) + "十" + names[n % 10]
  }

  /// The number of a heading 三、…
  static func number(_ t: Substring) -> Int? {
    guard let mark = t.firstIndex(of: "、"), t.distance(from: t.startIndex, to: mark) <= 3 else { return nil }
    return value(t[..<mark])
  }

  /// The number of a heading （二）… or (二)…
  static func subNumber(_ t: Substring) -> Int? {
    guard let open = t.first, open == "（" || open == "(" else { return nil }
    let inner = t.dropFirst()
    guard let close = inner.firstIndex(where: { $0 == "）" || $0 == ")" }), inner.distance(from: inner.startIndex, to: close) <= 3 else { return nil }
    return value(inner[..<close])
  }
}
