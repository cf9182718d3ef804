import DataStore
import QuerySyntax
import Scoring
import Testing

@testable import QueryEngine

/// `sql STATEMENT`: the SQL text built from the bound plan, piece by piece.
@Suite struct SQLTranslatorTests {
  func sql(_ text: String, engine: Engine? = nil) throws -> String {
    var e = try engine ?? Seed.engine()
    guard case .sql(let translation) = try run("sql " + text, on: &e) else { throw NoStatement() }
    let s = translation.text
    return s
  }

  /// The query after the first CTE (which only reads projects.csv).
  func body(_ text: String) throws -> String {
    let s = try sql(text)
    guard let cut = s.range(of: "  })\n)") else { return s }
    let rest = s[cut.upperBound...]
    return String(rest.drop { $0 == "," || $0 == "\n" })
  }

  @Test func readsTheSavedFileWithExplicitTypes() throws {
    let s = try sql("count")
    #expect(s.hasPrefix("WITH projects AS (\n  SELECT * FROM read_csv('projects.csv', header = true, columns = {\n"))
    #expect(s.contains("'year': 'INTEGER'") && s.contains("'budget': 'DECIMAL(18,4)'") && s.contains("'grade': 'VARCHAR'"))
    #expect(s.hasSuffix("SELECT count(*) AS \"count\"\nFROM projects;"))
  }

  @Test func gradesCompareByMeritAndMissingStaysUnknown() throws {
    #expect(try body("projects where grade >= 良 and budget >= 60 show seq, name") == """
      SELECT seq, name
      FROM projects
      WHERE grade IN ('优', '良') AND budget >= 60
      ORDER BY year, unit, seq;
      """)
    // No grade is below 差: false where a grade is present, NULL (unknown) where it is missing.
    #expect(try body("count where grade < 差").contains("WHERE grade <> grade"))
    #expect(try body("count where not (spent > 0)").contains("WHERE (NOT spent > 0)"))
  }

  @Test func aRatioIsComparedByCrossMultiplying() throws {
    #expect(try body("count where rate < 90").contains("WHERE CASE WHEN budget > 0 THEN spent < 0.9 * budget END"))
    #expect(try body("count where (budget - spent) / budget >= 10%")
      .contains("WHERE CASE WHEN budget > 0 THEN (budget - spent) >= 0.1 * budget END"))
    // A divisor that can be negative tests both signs; a division by zero is NULL.
    #expect(try body("count where budget / (seq - 3) > 1")
      .contains("CASE WHEN (seq - 3) > 0 THEN budget > 1 * (seq - 3) WHEN (seq - 3) < 0 THEN budget < 1 * (seq - 3) END"))
    #expect(try body("projects show budget / seq").contains("(budget / NULLIF(seq, 0)) AS \"budget / seq\""))
  }

  @Test func groupsComeInJixiaosOrder() throws {
    let s = try body("sum budget, count by grade having count > 1 sort by count desc")
    #expect(s.contains("GROUP BY 1"))
    #expect(s.contains("WHERE a2 > 1"))
    #expect(s.hasSuffix("ORDER BY a2 DESC NULLS LAST, CASE k1 WHEN '差' THEN 1 WHEN '中' THEN 2 WHEN '良' THEN 3 WHEN '优' THEN 4 END DESC NULLS LAST;"))
  }

  @Test func bandsAreCASE() throws {
    let s = try body("count by budget bands 5, 50")
    #expect(s.contains("CASE WHEN budget IS NULL THEN NULL WHEN budget < 5 THEN 0 WHEN budget < 50 THEN 1 ELSE 2 END AS k1"))
    #expect(s.contains("CASE k1 WHEN 0 THEN '[0,5)' WHEN 1 THEN '[5,50)' WHEN 2 THEN '[50,∞)' END AS \"budget\""))
  }

  @Test func sharesAndWeightedAverages() throws {
    #expect(try body("pct budget where name contains 村级").contains(
      "sum(budget) / NULLIF((SELECT sum(budget) FROM projects), 0) AS \"pct(budget)\"\nFROM projects\nWHERE position('村级' IN lower(name)) > 0"))
    #expect(try body("pct budget by grade").contains("sum(budget) / NULLIF(sum(sum(budget)) OVER (), 0) AS a1"))
    #expect(try body("avg score weighted by budget").contains(
      "sum(score * budget) / NULLIF(sum(CASE WHEN score IS NOT NULL THEN budget END), 0)"))
    #expect(try body("min grade").contains("CASE min(CASE grade WHEN '差' THEN 1"))
  }

  @Test func recomputeUsesTheBandsInForce() throws {
    var engine = try Seed.engine()
    _ = try run("set band 优 95", on: &engine)
    let s = try sql("recompute changed", engine: engine)
    #expect(s.contains("CASE WHEN score >= 95 THEN '优' WHEN score >= 80 THEN '良' WHEN score >= 60 THEN '中' WHEN score IS NOT NULL THEN '差' END AS new_grade"))
    #expect(s.contains("WHERE grade <> new_grade"))
    #expect(s.hasPrefix("-- new_grade is the grade of the recorded score under national (changed) (优 ≥ 95, 良 ≥ 80, 中 ≥ 60)"))
  }

  @Test func whatCannotBeSaidIsOneLine() throws {
    let years = try #require(try evaluationError("sql years"))
    #expect(years.message.hasPrefix("cannot be expressed in SQL: "))
    #expect(!years.message.contains("\n"))
    let lang = try DatasetLoader.load(paths: [Seed.repositoryRoot.appendingPathComponent("samples/langfang-2019").path])
    let scored = try #require(try evaluationError("sql count by new_grade", store: lang))
    #expect(scored.message.contains("indicator rows"))
    // The statement's own errors come first, as when it runs.
    #expect(try evaluationError("sql projects where grde = 良")?.message == "unknown field 'grde'")
  }

  @Test func editsAreNotInTheFiles() throws {
    var engine = try Seed.engine()
    _ = try run("let 3.spent = 200", on: &engine)
    #expect(try sql("sum spent", engine: engine).hasPrefix("-- 1 what-if edit is not in the files until save DIR writes them\n"))
  }

  @Test func literalsAreExactDecimals() {
    #expect(SQLTranslator.literal(Fraction(9, 10)) == "0.9")
    #expect(SQLTranslator.literal(Fraction(2_287_640, 10_000)) == "228.764")
    #expect(SQLTranslator.literal(Fraction(-5, 100)) == "-0.05")
    #expect(SQLTranslator.literal(Fraction(1000)) == "1000")
    #expect(SQLTranslator.literal(Fraction(1, 3)) == "(CAST(1 AS DOUBLE) / 3)")
    #expect(SQLTranslator.quote("it's") == "'it''s'")
  }
}
