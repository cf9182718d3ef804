#!/usr/bin/env python3
"""Writes the 项目支出绩效自评表 test forms from the data declared below.

Each form is laid out once as a grid of cells with merges (the national layout: a
9-column table), then written as .xlsx (openpyxl), .docx (python-docx), tab-separated
.txt and .pdf (reportlab with the WenQuanYi Zen Hei font). The declared data goes to
forms-expected.json, which the tests compare every imported field with.

Needs: pip install openpyxl python-docx reportlab; apt-get install fonts-wqy-zenhei.
Run from the repository root: python3 scripts/make-form-fixtures.py
"""

import json
import os
import sys

from docx import Document
from openpyxl import Workbook

OUT = "Tests/ShellTests/Fixtures/forms"
FONT = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"

# The 廊坊 2019 form as published (samples/langfang-2019). The published excerpt ends
# before the total row; the 总分 row here records what the sample records: 98, the sum
# of the form's own points, graded 优.
LANGFANG = {
    "stem": "langfang-2019",
    "year": 2019,
    "name": "办公宿舍楼、食堂及餐厅暖通改造经费",
    "department": "廊坊市发改委",
    "unit": "廊坊市食品工程学校",
    "money_unit": "万元",
    "funds": [
        ["年度资金总额", "43.2", "43.2", "37.24"],
        ["其中：当年财政拨款", "43.2", "43.2", "37.24"],
        ["上年结转资金", "", "", ""],
        ["其他资金", "", "", ""],
    ],
    "rate_weight": "10",
    "rate_cell": "86%",
    "rate": "86",
    "rate_points": "9",
    "goal": "完成办公宿舍楼、食堂及餐厅暖通改造，保障师生冬季取暖。",
    "goal_result": "改造工程已完工并通过验收。",
    "header_rows": 1,
    "groups": [
        ["产出指标", None, [
            ["数量指标", "工程资金金额", "43.2", "37.24", "10", "9", "已完工，剩余3%尾款未付，且最高限价低于预算金额。"],
            ["质量指标", "工程完工率", "100", "100", "10", "10", "0"],
            ["质量指标", "工程验收合格率", "100", "100", "10", "10", "0"],
            ["时效指标", "项目完成及时率", "100", "100", "10", "10", "0"],
            ["成本指标", "成本控制率", "100", "100", "10", "10", "0"],
        ]],
        ["效益指标", None, [
            ["经济效益指标", "安全率", "100", "100", "10", "10", "0"],
            ["社会效益指标", "学校发展能力", "100", "100", "10", "10", "0"],
            ["可持续影响指标", "长期使用性", "100", "100", "10", "10", "0"],
        ]],
        ["满意度指标", None, [
            ["服务对象满意度指标", "学生满意度", "100", "100", "10", "10", "0"],
        ]],
    ],
    "total_weight": "100",
    "total": "98",
    "grade": "优",
}

# The 2021 template: 成本指标 is a first-level group; amounts in 元; 执行率 as a
# fraction (0.95); targets with signs and units, and qualitative ones.
SCHOOL = {
    "stem": "school-2021",
    "year": 2021,
    "name": "校舍维修改造经费",
    "department": "青龙满族自治县教育和体育局",
    "unit": "青龙满族自治县第一中学",
    "money_unit": "元",
    "funds": [
        ["年度资金总额", "500000", "520000", "494000"],
        ["其中：当年财政拨款", "500000", "500000", "474000"],
        ["上年结转资金", "0", "20000", "20000"],
        ["其他资金", "0", "0", "0"],
    ],
    "rate_weight": "10",
    "rate_cell": 0.95,
    "rate": "95",
    "rate_points": "9.5",
    "goal": "完成教学楼屋面防水和门窗更换，消除安全隐患。",
    "goal_result": "屋面防水和门窗更换全部完成，验收合格。",
    "header_rows": 1,
    "groups": [
        ["产出指标", "40", [
            ["数量指标", "更换门窗数量", "≥120扇", "126扇", "15", "15", ""],
            ["质量指标", "工程验收合格率", "≥95%", "100%", "15", "15", ""],
            ["时效指标", "完工时间", "及时", "及时", "10", "10", ""],
        ]],
        ["成本指标", "10", [
            ["经济成本指标", "生均维修成本", "≤1.2元/人", "1.1元/人", "10", "10", ""],
        ]],
        ["效益指标", "30", [
            ["社会效益指标", "消除校舍安全隐患", "达成", "达成", "15", "15", ""],
            ["可持续影响指标", "校舍使用年限延长", "完成", "完成", "15", "15", ""],
        ]],
        ["满意度指标", "10", [
            ["服务对象满意度指标", "师生满意度", "≥90%", "96%", "10", "10", ""],
        ]],
    ],
    "total_weight": "100",
    "total": "99.5",
    "grade": "优",
}

# A 2019 form whose indicator header is spread over two rows; 执行率 as a bare 80.
PEST = {
    "stem": "pest-2019",
    "year": 2019,
    "name": "农作物病虫害防治经费",
    "department": "青龙满族自治县农业农村局",
    "unit": "青龙满族自治县农业技术推广中心",
    "money_unit": "万元",
    "funds": [
        ["年度资金总额", "30", "25", "20"],
        ["其中：当年财政拨款", "30", "25", "20"],
        ["上年结转资金", "", "", ""],
        ["其他资金", "", "", ""],
    ],
    "rate_weight": "10",
    "rate_cell": "80",
    "rate": "80",
    "rate_points": "8",
    "goal": "完成全县5000亩农作物病虫害统防统治。",
    "goal_result": "完成防治4500亩，防治效果92%。",
    "header_rows": 2,
    "groups": [
        ["产出指标", None, [
            ["数量指标", "防治面积", "≥5000亩", "4500亩", "20", "18", "受天气影响，部分地块未能按期防治"],
            ["质量指标", "防治效果", "≥90%", "92%", "15", "15", ""],
            ["时效指标", "防治及时性", "及时", "及时", "15", "15", ""],
        ]],
        ["效益指标", None, [
            ["社会效益指标", "减少农作物损失", "达成", "达成", "15", "15", ""],
            ["生态效益指标", "农药使用量减少", "≥5%", "6%", "15", "15", ""],
        ]],
        ["满意度指标", None, [
            ["服务对象满意度指标", "农户满意度", "≥90%", "95%", "10", "10", ""],
        ]],
    ],
    "total_weight": "100",
    "total": "96",
    "grade": "优",
}

# Broken, but readable: the 总分 is not the sum of the points, the 执行率 is not
# 执行数 ÷ 全年预算数, a heading's points are not its rows' weights, and a 其中 line
# does not add up to the total line.
SUMS = {
    "stem": "sums",
    "year": 2021,
    "name": "乡村道路养护经费",
    "department": "青龙满族自治县交通运输局",
    "unit": "青龙满族自治县公路管理站",
    "money_unit": "万元",
    "funds": [
        ["年度资金总额", "80", "80", "60"],
        ["其中：当年财政拨款", "70", "70", "60"],
        ["上年结转资金", "", "", ""],
        # A 元 slip in a 万元 form: converted, and pointed out.
        ["其他资金", "", "100000元", ""],
    ],
    "rate_weight": "10",
    "rate_cell": "90%",
    "rate": "90",
    "rate_points": "9",
    "goal": "养护乡村道路120公里。",
    "goal_result": "养护乡村道路100公里。",
    "header_rows": 1,
    "groups": [
        ["产出指标", "50", [
            ["数量指标", "养护里程", "≥120公里", "100公里", "20", "20", ""],
            ["质量指标", "路况优良率", "≥85%", "88%", "15", "15", ""],
            ["时效指标", "养护及时性", "及时", "及时", "10", "10", ""],
        ]],
        ["效益指标", "30", [
            ["社会效益指标", "群众出行条件改善", "达成", "达成", "30", "30", ""],
        ]],
        ["满意度指标", "10", [
            ["服务对象满意度指标", "群众满意度", "≥90%", "93%", "10", "10", ""],
        ]],
    ],
    "total_weight": "100",
    "total": "99",
    "grade": "优",
}

# Refused: an indicator row's 分值 is written in words.
BAD_POINTS = dict(PEST, stem="bad-points", name="农机购置补贴工作经费", header_rows=1)
BAD_POINTS["groups"] = [
    ["产出指标", None, [
        ["数量指标", "补贴机具数量", "≥300台", "320台", "20", "20", ""],
        ["质量指标", "补贴兑付准确率", "100%", "100%", "十五", "15", ""],
    ]],
]

FORMS = [LANGFANG, SCHOOL, PEST]
BROKEN = [SUMS, BAD_POINTS]


def layout(form):
    """The form as rows of 9 cells and merges (row, col, last row, last col), 0-based."""
    rows, merges = [], []

    def add(cells, spans=()):
        r = len(rows)
        rows.append((cells + [""] * 9)[:9])
        for a, b in spans:
            merges.append((r, a, r, b))
        return r

    add(["项目支出绩效自评表"], [(0, 8)])
    add([f"（{form['year']}年度）"], [(0, 8)])
    add(["项目名称", form["name"]], [(1, 8)])
    add(["主管部门", form["department"], "", "", "", "实施单位", form["unit"]], [(1, 4), (6, 8)])
    first = add([f"项目资金（{form['money_unit']}）", "", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"], [(1, 2)])
    for i, (label, initial, budget, spent) in enumerate(form["funds"]):
        tail = [form["rate_weight"], form["rate_cell"], form["rate_points"]] if i == 0 else ["—", "—", "—"]
        add(["", label, "", initial, budget, spent] + tail, [(1, 2)])
    merges.append((first, 0, len(rows) - 1, 0))
    goal = add(["年度总体目标", "预期目标", "", "", "", "实际完成情况"], [(1, 4), (5, 8)])
    add(["", form["goal"], "", "", "", form["goal_result"]], [(1, 4), (5, 8)])
    merges.append((goal, 0, goal + 1, 0))
    header = len(rows)
    if form["header_rows"] == 1:
        add(["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"])
    else:
        add(["绩效指标", "一级指标", "二级指标", "三级指标", "年度", "实际", "分值", "得分", "偏差原因分析"])
        add(["", "", "", "", "指标值", "完成值", "", "", "及改进措施"])
        for c in (1, 2, 3, 6, 7):
            merges.append((header, c, header + 1, c))
    for level1, points, items in form["groups"]:
        start = len(rows)
        heading = level1 + (f"（{points}分）" if points else "")
        previous = None
        level2_start = start
        for n, (level2, name, target, actual, weight, got, note) in enumerate(items):
            r = add(["", heading if n == 0 else "", level2 if level2 != previous else "", name, target, actual, weight, got, note])
            if level2 != previous:
                if previous is not None and r - 1 > level2_start:
                    merges.append((level2_start, 2, r - 1, 2))
                level2_start = r
                previous = level2
        if len(rows) - 1 > level2_start:
            merges.append((level2_start, 2, len(rows) - 1, 2))
        if len(rows) - 1 > start:
            merges.append((start, 1, len(rows) - 1, 1))
    merges.append((header, 0, len(rows) - 1, 0))
    add(["总分", "", "", "", "", "", form["total_weight"], form["total"], ""], [(0, 5)])
    add(["自评等级", form["grade"]], [(1, 8)])
    return rows, merges


def covered(merges):
    """Cells inside a merge other than its first: empty in every format."""
    out = set()
    for r1, c1, r2, c2 in merges:
        for r in range(r1, r2 + 1):
            for c in range(c1, c2 + 1):
                if (r, c) != (r1, c1):
                    out.add((r, c))
    return out


def number(cell):
    """Numbers go into workbooks as numbers, as a unit's Excel would hold them."""
    if isinstance(cell, float):
        return cell
    try:
        return int(cell) if cell.isdigit() else float(cell) if cell.replace(".", "", 1).isdigit() else cell
    except AttributeError:
        return cell


def write_xlsx(form, path):
    rows, merges = layout(form)
    hidden = covered(merges)
    wb = Workbook()
    ws = wb.active
    ws.title = "自评表"
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            if (r, c) in hidden or cell == "":
                continue
            ws.cell(row=r + 1, column=c + 1, value=number(cell))
            if isinstance(cell, float):
                ws.cell(row=r + 1, column=c + 1).number_format = "0%"
    for r1, c1, r2, c2 in merges:
        ws.merge_cells(start_row=r1 + 1, start_column=c1 + 1, end_row=r2 + 1, end_column=c2 + 1)
    wb.save(path)


def text(cell):
    return f"{round(cell * 100)}%" if isinstance(cell, float) else cell


def write_docx(form, path):
    rows, merges = layout(form)
    doc = Document()
    # The title and year as paragraphs above the table, as Word forms print them.
    doc.add_paragraph(rows[0][0])
    doc.add_paragraph(rows[1][0])
    body = rows[2:]
    table = doc.add_table(rows=len(body), cols=9)
    table.style = "Table Grid"
    hidden = covered(merges)
    for r, row in enumerate(body):
        for c, cell in enumerate(row):
            if (r + 2, c) not in hidden and cell != "":
                table.cell(r, c).text = text(cell)
    for r1, c1, r2, c2 in merges:
        if r1 >= 2:
            table.cell(r1 - 2, c1).merge(table.cell(r2 - 2, c2))
    doc.save(path)


def write_txt(form, path):
    rows, merges = layout(form)
    hidden = covered(merges)
    lines = []
    for r, row in enumerate(rows):
        cells = ["" if (r, c) in hidden else text(cell) for c, cell in enumerate(row)]
        while cells and cells[-1] == "":
            cells.pop()
        lines.append("\t".join(cells))
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def write_pdf(form, path, split_at=None, repeat_header=True):
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import PageBreak, SimpleDocTemplate, Table, TableStyle

    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    pdfmetrics.registerFont(TTFont("WQY", FONT, subfontIndex=0))
    rows, merges = layout(form)
    hidden = covered(merges)
    data = [["" if (r, c) in hidden else text(cell) for c, cell in enumerate(row)] for r, row in enumerate(rows)]
    # Deviation notes wrap inside their cell, as a long note does on a printed form.
    note = ParagraphStyle("note", fontName="WQY", fontSize=7, leading=9, wordWrap="CJK")
    header = next(i for i, row in enumerate(data) if "三级指标" in row)
    for row in data[header + form["header_rows"]:]:
        if row[8] and row[3]:
            row[8] = Paragraph(row[8], note)

    def table(part, offset):
        # Labels of merged cells at the top of their span, as the form's Excel prints them.
        style = [("FONT", (0, 0), (-1, -1), "WQY", 7), ("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "TOP")]
        for r1, c1, r2, c2 in merges:
            a, b = r1 - offset, r2 - offset
            if (1 if offset else 0) <= a and b < len(part):
                style.append(("SPAN", (c1, a), (c2, b)))
        # A narrow note column: long deviation notes wrap onto a second line.
        widths = [60, 90, 100, 110, 70, 70, 36, 36, 126]
        return Table(part, colWidths=widths, style=TableStyle(style))

    doc = SimpleDocTemplate(path, pagesize=landscape(A4), title=form["name"])
    if split_at is None:
        story = [table(data, 0)]
    else:
        # A form split over two pages: the indicator rows go on after the page break,
        # under the indicator header printed again (Excel's rows to repeat at top).
        if repeat_header:
            rest = [data[header]] + data[split_at:]
            story = [table(data[:split_at], 0), PageBreak(), table(rest, split_at - 1)]
        else:
            story = [table(data[:split_at], 0), PageBreak(), table(data[split_at:], split_at)]
    doc.build(story)


def expected(form):
    scale = 10000 if form["money_unit"] == "元" else 1

    def amount(text):
        if text == "":
            return ""
        from decimal import Decimal
        value = Decimal(text[:-1]) / 10000 if text.endswith("元") else Decimal(text) / scale
        return format(value.normalize(), "f")

    indicators = []
    for level1, _, items in form["groups"]:
        for level2, name, target, actual, weight, got, note in items:
            indicators.append({
                "level1": level1.removesuffix("指标"), "level2": level2.removesuffix("指标"), "name": name,
                "target": target, "actual": actual, "weight": weight, "points": got, "note": note,
            })
    return {
        "stem": form["stem"], "year": form["year"], "name": form["name"], "department": form["department"],
        "unit": form["unit"], "initial": amount(form["funds"][0][1]), "budget": amount(form["funds"][0][2]),
        "spent": amount(form["funds"][0][3]),
        "funds": [[label, amount(a), amount(b), amount(c)] for label, a, b, c in form["funds"]],
        "rate": form["rate"], "rate_weight": form["rate_weight"], "rate_points": form["rate_points"],
        "goal": form["goal"], "goal_result": form["goal_result"], "total": form["total"],
        "total_weight": form["total_weight"], "grade": form["grade"], "indicators": indicators,
    }


SEED = "datasets/source/shuangshanzi-2023-report.txt"
REPORTS = "Tests/ShellTests/Fixtures/reports"
FOLDER = "Tests/ShellTests/Fixtures/report-folder"


def seed_parts():
    """The seed report's text as paragraphs before the project table, its rows, and the
    paragraphs after it (the text copies the table one cell per line, rows apart)."""
    before, rows, after = [], [], []
    row = None
    for line in open(SEED, encoding="utf-8").read().split("\n"):
        if line.startswith("\t"):
            if row is None:
                row = []
                rows.append(row)
            row.append(line.strip())
            continue
        row = None
        if line.strip():
            (after if rows else before).append(line.strip())
    return before, rows, after


def write_seed_docx(path):
    """The seed report as Word has it: paragraphs, and a Word table for the projects."""
    before, rows, after = seed_parts()
    doc = Document()
    for p in before:
        doc.add_paragraph(p)
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            table.cell(r, c).text = cell
    for p in after:
        doc.add_paragraph(p)
    doc.save(path)


def write_seed_pdf(path):
    """The seed report as a published PDF: wrapped paragraphs and the project table."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(TTFont("WQY", FONT, subfontIndex=0))
    style = ParagraphStyle("body", fontName="WQY", fontSize=9, leading=13, wordWrap="CJK")
    before, rows, after = seed_parts()
    story = [Paragraph(p, style) for p in before]
    grid = TableStyle([("FONT", (0, 0), (-1, -1), "WQY", 8), ("GRID", (0, 0), (-1, -1), 0.5, "black")])
    story.append(Table(rows, colWidths=[30, 90, 180, 90, 45, 40], style=grid))
    story += [Paragraph(p, style) for p in after]
    SimpleDocTemplate(path, pagesize=A4, title="2023年度部门整体绩效自评工作报告").build(story)


def reports():
    os.makedirs(REPORTS, exist_ok=True)
    write_seed_docx(f"{REPORTS}/shuangshanzi-2023.docx")
    write_seed_pdf(f"{REPORTS}/shuangshanzi-2023.pdf")
    # A bureau's folder: the seed as text and as Word, another unit's report in a
    # subfolder, and a file that is no Word document at all.
    os.makedirs(f"{FOLDER}/other", exist_ok=True)
    with open(SEED, encoding="utf-8") as f, open(f"{FOLDER}/shuangshanzi-2023.txt", "w", encoding="utf-8") as g:
        g.write(f.read())
    write_seed_docx(f"{FOLDER}/shuangshanzi-2023.docx")
    with open(f"{REPORTS}/report-tabs.txt", encoding="utf-8") as f, open(f"{FOLDER}/other/测试镇-2022.txt", "w", encoding="utf-8") as g:
        g.write(f.read())
    with open(f"{FOLDER}/other/damaged.docx", "w", encoding="utf-8") as f:
        f.write("这不是Word文档\n")


def fuzz_corpus():
    """Seeds for the form fuzzer (Fuzz/FormFuzz.swift): the text forms, and a small form as
    a Word document of one stored (uncompressed) part, so mutations land in the XML."""
    import zipfile
    from xml.sax.saxutils import escape
    folder = "Fuzz/corpus/form"
    os.makedirs(folder, exist_ok=True)
    small = dict(PEST, stem="small", header_rows=1, goal="", goal_result="")
    small["groups"] = [["产出指标", "20", [["数量指标", "面积", "≥50亩", "45亩", "20", "18", "天气"]]]]
    small["funds"] = small["funds"][:2]
    rows, merges = layout(small)
    hidden = covered(merges)
    def cell(r, c, value):
        span = next((c2 - c1 + 1 for r1, c1, r2, c2 in merges if (r1, c1) == (r, c) and c2 > c1), 1)
        props = f'<w:tcPr><w:gridSpan w:val="{span}"/></w:tcPr>' if span > 1 else ""
        if (r, c) in hidden and not any(r1 < r <= r2 and c1 == c for r1, c1, r2, c2 in merges):
            return ""
        if (r, c) in hidden:
            props = '<w:tcPr><w:vMerge/></w:tcPr>'
        return f"<w:tc>{props}<w:p><w:t>{escape(text(value))}</w:t></w:p></w:tc>"
    body = "".join(f"<w:p><w:t>{escape(row[0])}</w:t></w:p>" for row in rows[:2])
    body += "<w:tbl>" + "".join("<w:tr>" + "".join(cell(r, c, v) for c, v in enumerate(row)) + "</w:tr>" for r, row in enumerate(rows) if r >= 2) + "</w:tbl>"
    xml = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="w"><w:body>{body}</w:body></w:document>'
    with zipfile.ZipFile(f"{folder}/small.docx", "w", zipfile.ZIP_STORED) as z:
        z.writestr("word/document.xml", xml)
    for form in FORMS:
        write_txt(form, f"{folder}/{form['stem']}.txt")


def main():
    fuzz_corpus()
    reports()
    os.makedirs(OUT, exist_ok=True)
    for sub in ("xlsx", "docx", "txt", "pdf", "broken"):
        os.makedirs(os.path.join(OUT, sub), exist_ok=True)
    for form in FORMS:
        write_xlsx(form, f"{OUT}/xlsx/{form['stem']}.xlsx")
        write_docx(form, f"{OUT}/docx/{form['stem']}.docx")
        write_txt(form, f"{OUT}/txt/{form['stem']}.txt")
        # The 2021 form breaks across two pages before its indicator rows.
        write_pdf(form, f"{OUT}/pdf/{form['stem']}.pdf", split_at=14 if form is SCHOOL else None)
    # The same form broken over two pages with nothing repeated on the second.
    os.makedirs(f"{OUT}/pdf-split", exist_ok=True)
    write_pdf(SCHOOL, f"{OUT}/pdf-split/school-2021.pdf", split_at=14, repeat_header=False)
    write_xlsx(SUMS, f"{OUT}/broken/sums.xlsx")
    write_docx(BAD_POINTS, f"{OUT}/broken/bad-points.docx")
    # Refused: a workbook without the indicator table, and a text that is no form.
    rows, _ = layout(PEST)
    wb = Workbook()
    for r, row in enumerate(rows[:11]):
        for c, cell in enumerate(row):
            if cell != "":
                wb.active.cell(row=r + 1, column=c + 1, value=text(cell))
    wb.save(f"{OUT}/broken/no-indicators.xlsx")
    # Several forms in one file: a workbook with a sheet per form (and a notes sheet),
    # a document with a table per form, and an old binary workbook beside them.
    os.makedirs(f"{OUT}/multi", exist_ok=True)
    def sheets(path, forms, note=True):
        wb = Workbook()
        if note:
            wb.active.title = "说明"
            wb.active["A1"] = "各项目自评表见后续工作表"
        else:
            wb.remove(wb.active)
        for form in forms:
            rows, merges = layout(form)
            hidden = covered(merges)
            ws = wb.create_sheet(form["stem"])
            for r, row in enumerate(rows):
                for c, cell in enumerate(row):
                    if (r, c) not in hidden and cell != "":
                        ws.cell(row=r + 1, column=c + 1, value=number(cell))
            for r1, c1, r2, c2 in merges:
                ws.merge_cells(start_row=r1 + 1, start_column=c1 + 1, end_row=r2 + 1, end_column=c2 + 1)
        wb.save(path)

    sheets(f"{OUT}/multi/two-forms.xlsx", (LANGFANG, PEST))
    # One sheet of the two cannot be read: the other still imports.
    sheets(f"{OUT}/multi/one-refused.xlsx", (dict(SCHOOL, stem="school", name="教学设备购置经费"), BAD_POINTS), note=False)
    doc = Document()
    for form in (SCHOOL, LANGFANG):
        rows, merges = layout(form)
        hidden = covered(merges)
        doc.add_paragraph(rows[0][0])
        doc.add_paragraph(rows[1][0])
        table = doc.add_table(rows=len(rows) - 2, cols=9)
        for r, row in enumerate(rows[2:]):
            for c, cell in enumerate(row):
                if (r + 2, c) not in hidden and cell != "":
                    table.cell(r, c).text = text(cell)
        for r1, c1, r2, c2 in merges:
            if r1 >= 2:
                table.cell(r1 - 2, c1).merge(table.cell(r2 - 2, c2))
        doc.add_page_break()
    doc.save(f"{OUT}/multi/two-forms.docx")
    with open(f"{OUT}/multi/old-form.xls", "wb") as f:
        f.write(bytes.fromhex("d0cf11e0a1b11ae1") + bytes(504))
    # A text form as Chinese Excel saves it: GB18030.
    os.makedirs(f"{OUT}/gb18030", exist_ok=True)
    with open(f"{OUT}/txt/pest-2019.txt", encoding="utf-8") as f, open(f"{OUT}/gb18030/pest-2019.txt", "w", encoding="gb18030") as g:
        g.write(f.read())
    with open(f"{OUT}/broken/minutes.txt", "w", encoding="utf-8") as f:
        f.write("2021年度绩效自评工作会议纪要\n会议研究了自评工作安排。\n")
    with open(f"{OUT}/../forms-expected.json", "w", encoding="utf-8") as f:
        json.dump([expected(x) for x in FORMS + [SUMS]], f, ensure_ascii=False, indent=1)
        f.write("\n")


if __name__ == "__main__":
    sys.exit(main())
