#!/usr/bin/python3
"""Prints, for an .xlsx read by openpyxl, one line per sheet: its name, its
state (visible/hidden) and how many charts it holds."""
import sys

import openpyxl

book = openpyxl.load_workbook(sys.argv[1])
for sheet in book.worksheets:
    print(f"{sheet.title}\t{sheet.sheet_state}\t{len(sheet._charts)}")
