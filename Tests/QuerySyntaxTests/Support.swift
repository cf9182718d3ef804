@testable import QuerySyntax

/// The UTF-8 byte range of the `occurrence`-th (0-based) appearance of `part` in `source`.
///
/// Expected ranges in these tests are written this way so a reader can see what they
/// cover; the helper itself is checked against hand-counted offsets in LexerTests.
func range(of part: String, in source: String, occurrence: Int = 0) -> SourceRange {
  let s = Array(source.utf8)
  let p = Array(part.utf8)
  var seen = 0
  var i = 0
  while i + p.count <= s.count {
    if Array(s[i..<(i + p.count)]) == p {
      if seen == occurrence { return SourceRange(i, i + p.count) }
      seen += 1
    }
    i += 1
  }
  // Not there: a range no token has, so the test that asked fails instead of crashing.
  return SourceRange(-1, -1)
}

/// A name as written in `source`.
func name(_ text: String, in source: String, occurrence: Int = 0) -> Name {
  Name(text, range(of: text, in: source, occurrence: occurrence))
}

/// The error `Parser.parse` throws for `source`, or nil when it parses.
func syntaxError(_ source: String) -> SyntaxError? {
  do {
    _ = try Parser.parse(source)
    return nil
  } catch {
    return error
  }
}

/// The single statement `source` parses to.
func statement(_ source: String) throws -> Statement {
  let parsed = try Parser.parse(source)
  guard parsed.count == 1 else { throw ParseCountError(count: parsed.count) }
  return parsed[0].statement
}

struct ParseCountError: Error {
  var count: Int
}
