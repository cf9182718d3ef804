/// The workbook's cell formats: the default, the bold header, and one per number format
/// the sheets use, numbered in the order first met so the same workbook gives the same
/// bytes.
struct WorkbookStyles {
  /// Number format codes, in order; each is style `firstFormat + index`.
  private(set) var codes: [String] = []
  private var index: [String: Int] = [:]

  static let plain = 0
  static let bold = 1
  static let firstFormat = 2

  /// The style of a number with this format code (nil: General).
  mutating func style(_ code: String?) -> Int {
    guard let code else { return Self.plain }
    if let i = index[code] { return Self.firstFormat + i }
    index[code] = codes.count
    codes.append(code)
    return Self.firstFormat + codes.count - 1
  }

  /// xl/styles.xml. Custom number formats are numbered from 164, where Excel's own end.
  var xml: String {
    var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    xml += #"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
    if !codes.isEmpty {
      xml += "<numFmts count=\"\(codes.count)\">"
      for (i, code) in codes.enumerated() { xml += "<numFmt numFmtId=\"\(164 + i)\" formatCode=\"\(WorkbookWriter.escape(code))\"/>" }
      xml += "</numFmts>"
    }
    xml += #"<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>"#
    xml += #"<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>"#
    xml += #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
    xml += #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
    xml += "<cellXfs count=\"\(Self.firstFormat + codes.count)\">"
    xml += #"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#
    xml += #"<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>"#
    for i in codes.indices { xml += "<xf numFmtId=\"\(164 + i)\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>" }
    xml += "</cellXfs>"
    xml += #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
    return xml + "</styleSheet>"
  }
}
