-- The work of jixiao's `recompute` with indicators, in DuckDB, for docs/PERFORMANCE.md
-- ("Recompute with indicators, round 4"): replace PFILE and IFILE with the projects and
-- indicators CSV paths and run with `duckdb < file`. DOUBLE arithmetic, not exact.
.timer on
create table p as select * from read_csv('PFILE');
create table i as select * from read_csv('IFILE', all_varchar=true);
-- Each project's score as the national rules give it (levels scaled to 50/30/10 by the
-- form's own level weights, satisfaction's weight moved to benefit when absent, rate 10),
-- in DOUBLE, and the grade changes counted: the work of `recompute`, not its exactness.
with f as (
  select year::int y, unit u, seq::int s, level1 l, kind k, weight::double w, points::double pts,
    try_cast(regexp_extract(replace(target, ',', ''), '[0-9.]+') as double) t,
    try_cast(regexp_extract(replace(actual, ',', ''), '[0-9.]+') as double) a
  from i),
pt as (
  select y, u, s, l, w,
    case when k = '定性' then least(pts, w)
         when k = '正向' then case when t = 0 then w else w * least(a / t, 1) end
         else case when a <= t then w else w * t / a end end as pnt
  from f),
lv as (select y, u, s, l, sum(w) lw, sum(pnt) lp from pt group by all),
pr as (
  select y, u, s,
    max(case when l = '满意度' then 1 else 0 end) has_sat,
    list(struct_pack(l := l, lw := lw, lp := lp)) levels
  from lv group by all),
sc as (
  select p.year, p.unit, p.seq, p.grade,
    10 * least(p.spent / p.budget, 1) +
    list_sum(list_transform(levels, lambda x: x.lp / x.lw *
      case x.l when '产出' then 50 when '效益' then (case when has_sat = 1 then 30 else 40 end) when '满意度' then 10 else 0 end)) score
  from p join pr on p.year = pr.y and p.unit = pr.u and p.seq = pr.s)
select count(*) filter (where grade <> case when score >= 90 then '优' when score >= 80 then '良' when score >= 60 then '中' else '差' end) changed, count(*) from sc;
