#!/usr/bin/python3
"""Writes a CSV file as an .xlsx with openpyxl, as another program would.

  write_xlsx.py IN.csv OUT.xlsx [--numbers]
With --numbers, cells that look like whole numbers are written as numbers
(as Excel does when someone types an id like 1001).
"""
import csv
import sys

import openpyxl

source, target = sys.argv[1], sys.argv[2]
numbers = "--numbers" in sys.argv[3:]
book = openpyxl.Workbook()
sheet = book.active
sheet.title = "名单"
with open(source, encoding="utf-8-sig", newline="") as f:
    for row in csv.reader(f):
        sheet.append([int(v) if numbers and v.isdigit() else v for v in row])
book.save(target)
