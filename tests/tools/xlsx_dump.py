#!/usr/bin/python3
"""Prints an xlsx file as tab-separated lines, read with openpyxl: an
independent reader of the workbooks Exemplar writes (tests only).

  xlsx_dump.py FILE              every sheet: cells, merges, panes, filters, charts, print setup
  xlsx_dump.py FILE --part NAME  the raw bytes of one part of the zip (e.g. xl/sharedStrings.xml)

Lines (fields escaped: \\\\ \\t \\n):
  S  sheet                                         one per sheet, in workbook order
  C  sheet cell type number_format font value      type: s n f b d e empty; numbers as repr()
  M  sheet range                                   merged cells
  F  sheet cell                                    frozen panes' top-left cell
  A  sheet range                                   autofilter
  G  sheet ChartClass                              charts on the sheet
  P  sheet orientation paper fit_width fit_height fit_to_page print_title_rows footer_centre
  K  sheet range formula                           conditional formats
  Z  part                                          the parts of the zip
"""
import sys
import zipfile

import openpyxl


def esc(value):
    return str(value).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def line(*fields):
    sys.stdout.write("\t".join(esc(f) for f in fields) + "\n")


def main():
    path = sys.argv[1]
    if len(sys.argv) == 4 and sys.argv[2] == "--part":
        with zipfile.ZipFile(path) as z:
            sys.stdout.buffer.write(z.read(sys.argv[3]))
        return
    book = openpyxl.load_workbook(path)
    for ws in book.worksheets:
        name = ws.title
        line("S", name)
        for (row, col), cell in sorted(ws._cells.items()):
            value = cell.value
            if value is None:
                kind, shown = "empty", ""
            elif cell.data_type == "n":
                kind, shown = "n", repr(value)
            else:
                kind, shown = cell.data_type, value
            line("C", name, cell.coordinate, kind, cell.number_format, cell.font.name or "", shown)
        for merged in ws.merged_cells.ranges:
            line("M", name, str(merged))
        if ws.freeze_panes:
            line("F", name, ws.freeze_panes)
        if ws.auto_filter.ref:
            line("A", name, ws.auto_filter.ref)
        for chart in ws._charts:
            line("G", name, type(chart).__name__)
        setup = ws.page_setup
        fit = ws.sheet_properties.pageSetUpPr.fitToPage if ws.sheet_properties.pageSetUpPr else False
        footer = ws.oddFooter.center.text if ws.oddFooter and ws.oddFooter.center else ""
        line("P", name, setup.orientation or "", setup.paperSize or "", setup.fitToWidth if setup.fitToWidth is not None else "",
             setup.fitToHeight if setup.fitToHeight is not None else "", bool(fit), ws.print_title_rows or "", footer or "")
        for cf in ws.conditional_formatting:
            for rule in cf.rules:
                line("K", name, str(cf.sqref), ";".join(rule.formula or []))
    with zipfile.ZipFile(path) as z:
        for part in z.namelist():
            line("Z", part)


main()
