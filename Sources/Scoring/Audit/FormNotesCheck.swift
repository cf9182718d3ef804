/// What a reviewer sends a form back for without any arithmetic: an indicator that lost
/// points with no 偏差原因分析 written, deviation cells that read "0" where nothing was
/// lost, and amounts printed in 元 inside a form counted in 万元.
public struct FormNotesCheck: AuditRule {
  public init() {}

  public func findings(_ input: AuditInput) -> [Finding] {
    var out: [Finding] = []
    for form in input.forms {
      let p = form.project
      var zeros = 0
      for (i, indicator) in form.indicators.enumerated() {
        let note = i < form.deviationNotes.count ? String(form.deviationNotes[i].trimmingSpaces) : ""
        let lost = indicator.points.map { $0 < indicator.weight } ?? false
        if lost, note.isEmpty || note == "0" || note == "无" {
          let got = indicator.points.map(DecimalText.format) ?? "?"
          out.append(
            input.finding(
              "#\(p.seq) \(indicator.name)", .points(Fraction(tenThousandths: indicator.points ?? 0), places: nil),
              .points(Fraction(tenThousandths: indicator.weight), places: nil), .attention,
              "\(p.name): \(got) of \(DecimalText.format(indicator.weight)) points with no 偏差原因分析及改进措施"))
        } else if !lost, note == "0" {
          zeros += 1
        }
      }
      if zeros > 0 {
        out.append(
          input.finding(
            "#\(p.seq) 偏差原因", .count(zeros), .none, .attention,
            "\(p.name): \(zeros) deviation cell\(zeros == 1 ? " reads" : "s read") 0 where the points are full; nothing needs explaining there, so the cell should be empty"))
      }
      for slip in form.notes {
        out.append(input.finding("#\(p.seq) 元/万元", .none, .none, .attention, "\(p.name): \(slip)"))
      }
    }
    return out
  }
}
