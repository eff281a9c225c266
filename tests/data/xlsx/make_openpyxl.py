#!/usr/bin/python3
"""Writes the workbook the xlsx reader tests expect from openpyxl.

openpyxl writes every string inline (t="inlineStr"), absolute relationship
targets (/xl/worksheets/sheet1.xml), floats like 86.91200000000001, dates as
numbers with a date style, and formulas without cached values. Re-saved by
LibreOffice, the same workbook gets shared strings with rich-text runs for
mixed-script text, t="n"/"str"/"e"/"b" and cached formula results.

    /usr/bin/python3 make_openpyxl.py OUT.xlsx
The committed openpyxl.xlsx and libreoffice.xlsx were made with this script
(openpyxl 3.0.9) and `libreoffice --headless --convert-to xlsx` (7.4).
"""
import datetime
import sys

import openpyxl

book = openpyxl.Workbook()
sheet = book.active
sheet.title = "花名册"
sheet.append(["工号", "姓名", "数", "日期", "布尔"])
sheet.append([1001, "张三", 86.91200000000001, datetime.date(2024, 1, 5), True])
sheet.append([1002, " 李 四 ", 12345.0, datetime.datetime(2024, 1, 5, 12, 30), False])
sheet["A5"] = "=1/0"
sheet["B5"] = '="a"&"b"'
sheet["C5"] = "=SUM(1,2)"
sheet["D5"] = "王 Wang 五"
other = book.create_sheet("第二页")
other["B2"] = "second"
book.save(sys.argv[1])
