"""Prints what a spreadsheet shows of an .xlsx workbook, read with openpyxl (a second
implementation beside jixiao's own reader): per sheet the frozen cell, the filter range,
the column widths, every cell with its type, value, number format and boldness, and the
charts with their kind, title and the cells each series reads."""
import sys

import openpyxl


def chart_title(chart):
    try:
        return "".join(run.t for p in chart.title.tx.rich.p for run in (p.r or []))
    except AttributeError:
        return ""


def main(path):
    book = openpyxl.load_workbook(path)
    for sheet in book.worksheets:
        print(f"sheet {sheet.title}")
        print(f"freeze {sheet.freeze_panes}")
        print(f"filter {sheet.auto_filter.ref}")
        for letter, dim in sorted(sheet.column_dimensions.items()):
            print(f"width {letter} {dim.width:g}")
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is None:
                    continue
                kind = "n" if isinstance(cell.value, (int, float)) else "s"
                bold = " bold" if cell.font.b else ""
                print(f"{cell.coordinate} {kind} {cell.value!r} {cell.number_format}{bold}")
        for chart in sheet._charts:
            kind = type(chart).__name__
            if kind == "BarChart":
                kind += f" {chart.type} {chart.grouping}"
            print(f"chart {kind} {chart_title(chart)!r}")
            for series in chart.series:
                categories = series.cat.strRef.f if series.cat is not None and series.cat.strRef is not None else None
                name = series.tx.strRef.f if series.tx is not None and series.tx.strRef is not None else None
                print(f"series {name} {series.val.numRef.f} by {categories}")


if __name__ == "__main__":
    main(sys.argv[1])
