import DataStore
import Foundation
import Testing

@testable import Shell

/// The handouts in a real browser: chromium lays the page out, prints it to PDF and takes
/// a screenshot. Runs where chromium is installed (.ci/run installs it). The screenshots
/// stay in a folder under the temporary directory, recorded as attachments and printed.
@Suite(.enabled(if: HeadlessBrowser.found != nil, "chromium is not installed"), .serialized)
struct HandoutBrowserTests {
  let browser = HeadlessBrowser.found!

  /// Where the pages, PDFs and screenshots of this run are kept.
  static let output: URL = {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-handouts-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }()

  /// 182 mm, the width of an A4 page inside the handout's margins, at 96 pixels per inch.
  static let printWidth = 688

  /// Writes the handout of `statement` on `data` to `name`.html in the output folder.
  func handout(_ data: String, _ statement: String, _ name: String) throws -> URL {
    let store = try DatasetLoader.load(paths: [Transcript.repositoryRoot.appendingPathComponent(data).path])
    let sink = StringSink()
    let session = Session(store: store, out: sink, err: sink)
    let file = Self.output.appendingPathComponent("\(name).html")
    try #require(session.run("export html \(file.path) --force \(statement)") == .ok, "\(sink.text)")
    return file
  }

  /// A copy of the page that measures itself: how many blocks reach past the right
  /// edge of a window as wide as the printed page. The handout itself has no script.
  func overflow(_ page: URL) throws -> String {
    let probe = page.deletingPathExtension().appendingPathExtension("probe.html")
    let script = """
      <script>
      const w = document.documentElement.clientWidth;
      const wide = [...document.querySelectorAll('table, svg, h1, h2, h3, p, div')].filter(e => e.getBoundingClientRect().right > w + 0.5);
      document.body.setAttribute('data-overflow', wide.length + ' of ' + document.querySelectorAll('table, svg, h1, h2, h3, p, div').length + ' wider than ' + w);
      </script>
      </body>
      """
    let html = try String(contentsOf: page, encoding: .utf8).replacingOccurrences(of: "</body>", with: script)
    try Data(html.utf8).write(to: probe)
    let dom = try browser.dom(probe, in: Self.output, width: Self.printWidth)
    guard let r = dom.range(of: "data-overflow=\"") else { return "no measurement" }
    return String(dom[r.upperBound...].prefix { $0 != "\"" })
  }

  /// Prints the page; checks every page is A4 and returns the number of pages.
  func printedPages(_ page: URL) throws -> Int {
    let pdf = try browser.pdf(page, to: page.deletingPathExtension().appendingPathExtension("pdf"), in: Self.output)
    let boxes = HeadlessBrowser.pages(pdf)
    for box in boxes {
      // A4 is 595.28 × 841.89 points; chromium writes whole pixels (594.96 × 841.92).
      let size = box.split(separator: " ").compactMap { Double($0) }
      #expect(size.count == 4 && abs(size[2] - 595.28) < 1 && abs(size[3] - 841.89) < 1, "page size \(box)")
    }
    return boxes.count
  }

  func keepScreenshot(_ page: URL) throws {
    let png = page.deletingPathExtension().appendingPathExtension("png")
    let data = try browser.screenshot(page, to: png, in: Self.output)
    #expect(data.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    Attachment.record(data, named: png.lastPathComponent)
    print("handout screenshot: \(png.path)")
  }

  /// The seed's `check 2023`: the counts and the four contradictions as a reader sees them.
  @Test func theSeedsCheckReadsAndPrintsOnA4() throws {
    let page = try handout("datasets", "check 2023", "check-2023")
    let text = HeadlessBrowser.visibleText(try browser.dom(page, in: Self.output))
    for shown in [
      "Check · 2023 双山子镇人民政府 rules: national",
      "17 ✓ hold 4 ✗ contradict the report's own data 5 ! need a look",
      "✗ contradict the report's own data (4)",
      "自评预算资金 560.67 553.956 Σ 预算金额 of the 19 projects is 553.956; the report differs by 6.714",
      "评优率 100% 94.74% 100% is the 优良率 ((18 + 1) ÷ 19); the 优秀率 is 18 ÷ 19 = 94.74%",
      "支出率 123.76% 100.00% 123.76% = 决算 ÷ 年初预算 (1249.58 ÷ 1009.62 = 123.7674%",
      "! need a look (5)", "调整后预算 1249.58元 1249.58万元", "✓ hold (17)", "项目个数 19 19 the table has 19 rows",
    ] {
      #expect(text.contains(shown), "\(shown)")
    }
    #expect(try overflow(page).hasPrefix("0 of "))
    // The summary with the contradictions, the five to look at, the seventeen that hold.
    #expect(try printedPages(page) == 3)
    if let printed = HeadlessBrowser.pdfText(page.deletingPathExtension().appendingPathExtension("pdf")) {
      #expect(printed.contains("553.956") && printed.contains("94.74%") && printed.contains("6.714"))
    }
    try keepScreenshot(page)
  }

  /// The 廊坊 form's `explain 1`: 97.24 by the rules against the form's 98.
  @Test func theLangfangExplanationReadsAndPrintsOnA4() throws {
    let page = try handout("samples/langfang-2019", "explain 1", "explain-langfang-1")
    let text = HeadlessBrowser.visibleText(try browser.dom(page, in: Self.output))
    for shown in [
      "#1 办公宿舍楼、食堂及餐厅暖通改造经费 2019 · 廊坊市食品工程学校 · rules: national",
      "97.24 总分 优 grade 98.00 优 ✗ recorded",
      "预算执行率 8.62 / 10 产出指标 48.62 / 50 效益指标 30.00 / 30 满意度指标 10.00 / 10",
      "总分 = 8.62 + 48.62 + 30.00 + 10.00 = 97.24",
      "recorded: 98.00 优 ✗ — the rules give 97.24. The form rounded 执行率 8.62 → 9 and 工程资金金额 8.62 → 9",
      "执行率 决算数 ÷ 全年预算数 = 37.24 ÷ 43.2 = 86.20 %", "得分 10 × min(86.20 %, 1) 8.62 10 form: 9",
      "数量 · 工程资金金额 (正向) 10 × min(37.24 ÷ 43.2, 1) 8.62 10 recorded 9, the rule gives 8.62; form: 9",
    ] {
      #expect(text.contains(shown), "\(shown)")
    }
    #expect(try overflow(page).hasPrefix("0 of "))
    // The summary, then the working.
    #expect(try printedPages(page) == 2)
    if let printed = HeadlessBrowser.pdfText(page.deletingPathExtension().appendingPathExtension("pdf")) {
      #expect(printed.contains("97.24") && printed.contains("48.62"))
    }
    try keepScreenshot(page)
  }
}
