/// Writes a table's chart as a native spreadsheet chart drawn from the sheet's own cells,
/// so it follows them when they are edited: DrawingML with the figures cached for readers
/// that do not recalculate.
enum WorkbookChart {
  /// The chart part (xl/charts/chartN.xml) for `chart` on `sheet` with these cells, the
  /// header in row 0; nil when the chart has no rows.
  static func xml(_ chart: TableChart, sheet: String, cells: [[WorkbookWriter.Cell]]) -> String? {
    guard let last = chart.rows.last else { return nil }
    let kind = chart.kind
    let labels = chart.labels
    let rows = (chart.rows.lowerBound + 1)...(last + 1)
    let quoted = "'" + sheet.replacing("'", with: "''") + "'"
    func reference(_ column: Int, _ rows: ClosedRange<Int>) -> String {
      let c = "$" + WorkbookWriter.columnName(column) + "$"
      let first = "\(quoted)!\(c)\(rows.lowerBound + 1)"
      return rows.count == 1 ? first : first + ":\(c)\(rows.upperBound + 1)"
    }
    func cell(_ row: Int, _ column: Int) -> WorkbookWriter.Cell {
      row < cells.count && column < cells[row].count ? cells[row][column] : .empty
    }
    func text(_ c: WorkbookWriter.Cell) -> String {
      switch c {
      case .text(let s): s
      case .number(let s, _): s
      case .empty: ""
      }
    }
    var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    xml += #"<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
    xml += #"<c:roundedCorners val="0"/><c:chart>"#
    xml += "<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>\(WorkbookWriter.escape(chart.title))</a:t></a:r></a:p></c:rich></c:tx><c:overlay val=\"0\"/></c:title>"
    xml += #"<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>"#
    switch kind {
    case .bars: xml += #"<c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/>"#
    case .columns: xml += #"<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/>"#
    case .stackedColumns: xml += #"<c:barChart><c:barDir val="col"/><c:grouping val="stacked"/>"#
    case .line: xml += #"<c:lineChart><c:grouping val="standard"/>"#
    }
    xml += #"<c:varyColors val="0"/>"#
    let count = rows.count
    for (i, column) in chart.values.enumerated() {
      xml += "<c:ser><c:idx val=\"\(i)\"/><c:order val=\"\(i)\"/>"
      xml += "<c:tx><c:strRef><c:f>\(WorkbookWriter.escape(reference(column, 0...0)))</c:f>"
      xml += "<c:strCache><c:ptCount val=\"1\"/><c:pt idx=\"0\"><c:v>\(WorkbookWriter.escape(text(cell(0, column))))</c:v></c:pt></c:strCache></c:strRef></c:tx>"
      // Colours are given, not left to a theme: the workbook has none, and a reader
      // without one draws the series invisible.
      let colour = Self.palette[i % Self.palette.count]
      let fill = "<a:solidFill><a:srgbClr val=\"\(colour)\"/></a:solidFill>"
      if kind == .line {
        xml += "<c:spPr><a:ln w=\"28575\" cap=\"rnd\">\(fill)<a:round/></a:ln></c:spPr>"
        xml += "<c:marker><c:symbol val=\"circle\"/><c:size val=\"6\"/><c:spPr>\(fill)<a:ln>\(fill)</a:ln></c:spPr></c:marker>"
      } else {
        xml += "<c:spPr>\(fill)</c:spPr><c:invertIfNegative val=\"0\"/>"
      }
      xml += "<c:cat><c:strRef><c:f>\(WorkbookWriter.escape(reference(labels, rows)))</c:f><c:strCache><c:ptCount val=\"\(count)\"/>"
      for (k, r) in rows.enumerated() {
        xml += "<c:pt idx=\"\(k)\"><c:v>\(WorkbookWriter.escape(text(cell(r, labels))))</c:v></c:pt>"
      }
      xml += "</c:strCache></c:strRef></c:cat>"
      xml += "<c:val><c:numRef><c:f>\(WorkbookWriter.escape(reference(column, rows)))</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val=\"\(count)\"/>"
      for (k, r) in rows.enumerated() {
        if case .number(let v, _) = cell(r, column) { xml += "<c:pt idx=\"\(k)\"><c:v>\(v)</c:v></c:pt>" }
      }
      xml += "</c:numCache></c:numRef></c:val>"
      if kind == .line { xml += #"<c:smooth val="0"/>"# }
      xml += "</c:ser>"
    }
    switch kind {
    case .bars, .columns: xml += #"<c:gapWidth val="80"/>"#
    case .stackedColumns: xml += #"<c:gapWidth val="80"/><c:overlap val="100"/>"#
    case .line: xml += #"<c:marker val="1"/>"#
    }
    xml += #"<c:axId val="50010001"/><c:axId val="50010002"/>"#
    xml += kind == .line ? "</c:lineChart>" : "</c:barChart>"
    // Horizontal bars list the first category on top, as a table reads.
    let (categoryAt, valueAt, order) = kind == .bars ? ("l", "b", "maxMin") : ("b", "l", "minMax")
    xml += "<c:catAx><c:axId val=\"50010001\"/><c:scaling><c:orientation val=\"\(order)\"/></c:scaling><c:delete val=\"0\"/><c:axPos val=\"\(categoryAt)\"/><c:numFmt formatCode=\"General\" sourceLinked=\"0\"/><c:tickLblPos val=\"nextTo\"/><c:crossAx val=\"50010002\"/><c:crosses val=\"autoZero\"/><c:auto val=\"1\"/><c:lblAlgn val=\"ctr\"/><c:lblOffset val=\"100\"/></c:catAx>"
    xml += "<c:valAx><c:axId val=\"50010002\"/><c:scaling><c:orientation val=\"minMax\"/></c:scaling><c:delete val=\"0\"/><c:axPos val=\"\(valueAt)\"/><c:majorGridlines/><c:numFmt formatCode=\"General\" sourceLinked=\"1\"/><c:tickLblPos val=\"nextTo\"/><c:crossAx val=\"50010001\"/><c:crosses val=\"\(kind == .bars ? "max" : "autoZero")\"/><c:crossBetween val=\"between\"/></c:valAx>"
    xml += "</c:plotArea>"
    if chart.values.count > 1 { xml += #"<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>"# }
    xml += #"<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>"#
    return xml
  }

  /// Series colours, in order: blue, orange, grey, gold, green, dark blue.
  static let palette = ["4472C4", "ED7D31", "A5A5A5", "FFC000", "70AD47", "264478"]

  /// The drawing part that places the chart to the right of the table's `columns`.
  static func drawing(beside columns: Int) -> String {
    let from = columns + 1
    var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    xml += #"<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">"#
    xml += "<xdr:twoCellAnchor><xdr:from><xdr:col>\(from)</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>"
    xml += "<xdr:to><xdr:col>\(from + 8)</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>21</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>"
    xml += #"<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Chart 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>"#
    xml += #"<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">"#
    xml += #"<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/>"#
    xml += "</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>"
    return xml
  }
}
