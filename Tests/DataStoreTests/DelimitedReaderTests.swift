import Testing

@testable import DataStore

/// RFC 4180 reading: BOM, CRLF, quotes, blank lines, and the errors with their lines.
@Suite struct DelimitedReaderTests {
  @Test func plainRecords() throws {
    let records = try Support.records("a,b,c\n1,2,3\n")
    #expect(records.map(\.fields) == [["a", "b", "c"], ["1", "2", "3"]])
    #expect(records.map(\.line) == [1, 2])
  }

  @Test func lastLineWithoutNewline() throws {
    let records = try Support.records("a,b\n1,2")
    #expect(records.map(\.fields) == [["a", "b"], ["1", "2"]])
  }

  @Test func byteOrderMarkIsSkipped() throws {
    let records = try Support.records(bytes: [0xEF, 0xBB, 0xBF] + Array("年度,序号\n2023,1\n".utf8))
    #expect(records.map(\.fields) == [["年度", "序号"], ["2023", "1"]])
    // The first header is 年度, not U+FEFF 年度.
    #expect(records[0].fields[0].unicodeScalars.first == "年")
  }

  @Test func crlfLineEnds() throws {
    let records = try Support.records("a,b\r\n1,2\r\n3,4\r\n")
    #expect(records.map(\.fields) == [["a", "b"], ["1", "2"], ["3", "4"]])
    #expect(records.map(\.line) == [1, 2, 3])
  }

  @Test func quotedFieldWithCommas() throws {
    let records = try Support.records("name,budget\n\"1,249.58\",\"a, b, c\"\n")
    #expect(records[1].fields == ["1,249.58", "a, b, c"])
  }

  @Test func doubledQuotesAreOneQuote() throws {
    let records = try Support.records("a\n\"say \"\"良\"\"\"\n\"\"\"\"\n")
    #expect(records.map(\.fields) == [["a"], ["say \"良\""], ["\""]])
  }

  @Test func newlinesInsideQuotesKeepLineNumbers() throws {
    let text = "h1,h2\n\"two\nlines\",x\nnext,y\n\"three\r\nline\nfield\",z\nlast,w\n"
    let records = try Support.records(text)
    #expect(records.map(\.fields) == [["h1", "h2"], ["two\nlines", "x"], ["next", "y"], ["three\r\nline\nfield", "z"], ["last", "w"]])
    #expect(records.map(\.line) == [1, 2, 4, 5, 8])
  }

  @Test func blankLinesAreSkippedButCounted() throws {
    let records = try Support.records("a,b\n\n1,2\r\n\r\n\n3,4\n\n")
    #expect(records.map(\.fields) == [["a", "b"], ["1", "2"], ["3", "4"]])
    #expect(records.map(\.line) == [1, 3, 6])
  }

  @Test func emptyFieldsAndTrailingComma() throws {
    let records = try Support.records("a,,c,\n,\n")
    #expect(records.map(\.fields) == [["a", "", "c", ""], ["", ""]])
  }

  @Test func emptyInputHasNoRecords() throws {
    #expect(try Support.records("").isEmpty)
    #expect(try Support.records("\n\n\r\n").isEmpty)
    #expect(try Support.records(bytes: [0xEF, 0xBB, 0xBF]).isEmpty)
  }

  @Test func fieldsAreTrimmedOfSpacesTabsAndIdeographicSpaces() throws {
    let records = try Support.records("  a  ,\tb\t,\u{3000}双山子\u{3000}\n")
    #expect(records[0].fields == ["a", "b", "双山子"])
  }

  @Test func blankTest() throws {
    let bytes = Array("x, \t,,\u{3000}\n".utf8)
    bytes.withUnsafeBufferPointer { buffer in
      var reader = DelimitedReader(bytes: buffer)
      #expect((try? reader.next()) == true)
      #expect(reader.fields.count == 4)
      #expect(!reader.isBlank(0))
      #expect(reader.isBlank(1))
      #expect(reader.isBlank(2))
      #expect(reader.withBytes(0) { Array($0) } == [UInt8(ascii: "x")])
    }
  }

  @Test func unterminatedQuote() {
    #expect(throws: DelimitedReader.Problem.unterminatedQuote(line: 2, field: 2)) {
      try Support.records("a,b\n1,\"open\nstill open\n")
    }
  }

  @Test func textAfterClosingQuote() {
    #expect(throws: DelimitedReader.Problem.textAfterQuote(line: 3, field: 1)) {
      try Support.records("a,b\n1,2\n\"a\"b,3\n")
    }
  }

  @Test func fieldLimit() throws {
    let atLimit = String(repeating: ",", count: DelimitedReader.fieldLimit - 1) + "\n"
    #expect(try Support.records(atLimit)[0].fields.count == 4096)
    let over = "a\n" + String(repeating: ",", count: DelimitedReader.fieldLimit) + "\n"
    #expect(throws: DelimitedReader.Problem.tooManyFields(line: 2, limit: 4096)) {
      try Support.records(over)
    }
  }
}

/// The one-pass reading of records without quotes against the field-by-field reading,
/// on random bytes rich in separators, line ends, quotes, NULs and other control bytes.
@Suite struct DelimitedReaderPassesTests {
  /// Every record (its line, fields, end and the reader's line after it) or the problem.
  static func read(_ bytes: [UInt8], separator: UInt8, whole: Bool) -> [String] {
    bytes.withUnsafeBufferPointer { buffer in
      var reader = DelimitedReader(bytes: buffer, separator: separator)
      reader.readsPlainRecordsWhole = whole
      var out: [String] = []
      do {
        while try reader.next() {
          let fields = (0..<reader.fieldCount).map { i in reader.withBytes(i) { Array($0).description } }
          out.append("\(reader.recordLine) \(fields) \(reader.recordEnd) \(reader.line)")
        }
      } catch {
        out.append("\(error)")
      }
      return out
    }
  }

  @Test func bothPassesAgree() {
    var g = ProjectPiecesTests.Generator(state: 15)
    let common: [[UInt8]] = [
      [0x61], [0x62], [0x2C], [0x2C], [0x3B], [0x09], [0x0A], [0x0A], [0x0D], [0x0D, 0x0A],
      [0x01], [0x0B], [0x2D], [0x20], Array("良".utf8), Array("é".utf8), Array("abcdefghij".utf8),
    ]
    // Quotes and NULs end the one pass (or the reading), so they come rarely.
    let rare: [[UInt8]] = [[0x22], [0x22, 0x22], [0x00]]
    var records = 0
    for round in 0..<3000 {
      var bytes: [UInt8] = round % 7 == 0 ? [0xEF, 0xBB, 0xBF] : []
      for _ in 0..<g.int(0...160) { bytes += g.chance(2) ? g.pick(rare) : g.pick(common) }
      let separator = g.pick([UInt8(ascii: ","), UInt8(ascii: ";"), 0x09])
      let whole = Self.read(bytes, separator: separator, whole: true)
      let byField = Self.read(bytes, separator: separator, whole: false)
      #expect(whole == byField, "bytes \(bytes), separator \(separator)")
      records += whole.count
    }
    // The inputs do hold records of many shapes, not only errors.
    #expect(records > 10_000)
  }
}
