import Foundation

/// The runnable examples of one Markdown file.
///
/// An example is a fenced code block whose first line starts with `$ `. Every line of
/// it that starts with `$ ` is a command line (see `DocShell` for the forms it may use);
/// the lines after it, up to the next `$ ` line or the closing fence, are what the
/// terminal shows: standard output and standard error merged in the order written.
/// A line `Exit status: N.` right after the block (blank lines between allowed) states
/// the status of the block's last command. Blocks of an interactive session (`jx> `)
/// are not examples.
///
/// Output that varies from run to run is compared loosely in one place only:
/// `Run Time: … ms` lines (from `.timer on`) match whatever time they show.
///
/// An excerpt: a line that is only `…` stands for any number of lines left out, so a
/// long output can be shown in part (the lines shown must appear in that order, and the
/// output starts and ends as shown unless a `…` is first or last). Recording replaces
/// an excerpt that no longer matches with the whole output, to be trimmed again by hand.
struct DocExamples {
  struct Command: Equatable {
    /// 1-based line of the `$ ` line.
    var line: Int
    var text: String
    var expected: String
    /// 0-based indices of the expected output's lines in the file.
    var outputLines: Range<Int>
  }

  struct Block: Equatable {
    var commands: [Command]
    /// The `Exit status: N.` line after the block: its 0-based index and N.
    var status: (index: Int, value: Int32)?

    static func == (a: Block, b: Block) -> Bool {
      a.commands == b.commands && a.status?.index == b.status?.index && a.status?.value == b.status?.value
    }
  }

  var lines: [String]
  var blocks: [Block] = []

  init(text: String) {
    lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var i = 0
    while i < lines.count {
      guard lines[i].hasPrefix("```") else {
        i += 1
        continue
      }
      // A fence: find its end; the block is an example if its first line is a command.
      var end = i + 1
      while end < lines.count, lines[end].trimmingCharacters(in: .whitespaces) != "```" { end += 1 }
      if i + 1 < end, lines[i + 1].hasPrefix("$ ") {
        blocks.append(Self.block(lines, from: i + 1, to: end))
      }
      i = end + 1
    }
  }

  static func block(_ lines: [String], from start: Int, to end: Int) -> Block {
    var commands: [Command] = []
    var k = start
    while k < end {
      var next = k + 1
      while next < end, !lines[next].hasPrefix("$ ") { next += 1 }
      let expected = lines[(k + 1)..<next].map { $0 + "\n" }.joined()
      commands.append(Command(line: k + 1, text: String(lines[k].dropFirst(2)), expected: expected, outputLines: (k + 1)..<next))
      k = next
    }
    var after = end + 1
    while after < lines.count, lines[after].trimmingCharacters(in: .whitespaces).isEmpty { after += 1 }
    var status: (Int, Int32)?
    if after < lines.count, let value = exitStatus(lines[after]) { status = (after, value) }
    return Block(commands: commands, status: status)
  }

  /// N of a line `Exit status: N.`
  static func exitStatus(_ line: String) -> Int32? {
    guard line.hasPrefix("Exit status: "), line.hasSuffix(".") else { return nil }
    return Int32(line.dropFirst("Exit status: ".count).dropLast())
  }

  /// Whether the terminal text `actual` is what the example shows as `expected`.
  static func matches(_ actual: String, _ expected: String) -> Bool {
    if actual == expected { return true }
    let have = loose(actual).split(separator: "\n", omittingEmptySubsequences: false)
    let want = loose(expected).split(separator: "\n", omittingEmptySubsequences: false)
    let segments = want.split(separator: "…", omittingEmptySubsequences: false)
    guard segments.count > 1 else { return have == want }
    // The first piece starts the output, the last ends it, the others follow in order.
    guard let first = segments.first, let last = segments.last, have.starts(with: first),
      have.count >= first.count + last.count, have.suffix(last.count).elementsEqual(last)
    else { return false }
    var position = first.count
    let end = have.count - last.count
    for piece in segments.dropFirst().dropLast() {
      guard let found = (position...max(position, end - piece.count)).first(where: { start in
        start + piece.count <= end && have[start..<(start + piece.count)].elementsEqual(piece)
      }) else { return false }
      position = found + piece.count
    }
    return true
  }

  /// `text` with the times of `Run Time: N ms` lines blanked.
  static func loose(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      line.wholeMatch(of: #/Run Time: [0-9]+(\.[0-9]+)? ms/#) != nil ? "Run Time: … ms" : String(line)
    }.joined(separator: "\n")
  }

  /// The file's text with each command's output replaced by `outputs` (one per command
  /// of every block, in order) and each `Exit status` line by the block's last status.
  /// An output that matches loosely keeps the text the file has.
  func recorded(outputs: [[DocShell.Result]]) -> String {
    var result = lines
    // From the end, so that the indices before each replacement stay valid.
    for (block, results) in zip(blocks, outputs).reversed() {
      if let status = block.status, let last = results.last {
        result[status.index] = "Exit status: \(last.status)."
      }
      for (command, actual) in zip(block.commands, results).reversed() where !Self.matches(actual.output, command.expected) {
        var text = actual.output
        if text.hasSuffix("\n") { text.removeLast() }
        let replacement = text.isEmpty && actual.output.isEmpty ? [] : text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        result.replaceSubrange(command.outputLines, with: replacement)
      }
    }
    return result.joined(separator: "\n")
  }
}
