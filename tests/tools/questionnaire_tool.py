#!/usr/bin/python3
"""Fills or alters Exemplar questionnaires with openpyxl, as another program would.

  questionnaire_tool.py fill FILE ANSWERS.csv OUT
      Writes every answer of ANSWERS.csv (rater_id,ratee_id,relation,item,answer)
      whose assignment the file holds into its answer cell, found through the
      hidden sheet _exemplar (columns A-F), and saves the workbook as OUT.
  questionnaire_tool.py set FILE OUT SHEET!CELL=VALUE ...
      Sets cells (the hidden sheet included) and saves as OUT.
  questionnaire_tool.py cells FILE
      Prints the answer-cell table of the hidden sheet, one tab-separated row a line.
"""
import csv
import sys

import openpyxl


def table(book):
    sheet = book["_exemplar"]
    rows = []
    row = 2
    while sheet.cell(row=row, column=1).value not in (None, ""):
        rows.append([str(sheet.cell(row=row, column=c).value or "") for c in range(1, 7)])
        row += 1
    return rows


def fill(path, answers_path, out):
    book = openpyxl.load_workbook(path)
    answers = {}
    with open(answers_path, encoding="utf-8-sig", newline="") as f:
        for r in csv.DictReader(f):
            answers[(r["rater_id"], r["ratee_id"], r["relation"], r["item"])] = r["answer"]
    filled = 0
    for sheet, cell, rater, ratee, relation, item in table(book):
        answer = answers.get((rater, ratee, relation, item))
        if answer is not None:
            book[sheet][cell] = answer
            filled += 1
    book.save(out)
    print(filled)


def set_cells(path, out, assignments):
    book = openpyxl.load_workbook(path)
    for assignment in assignments:
        where, value = assignment.split("=", 1)
        sheet, cell = where.rsplit("!", 1)
        book[sheet][cell] = value
    book.save(out)


def main():
    command = sys.argv[1]
    if command == "fill":
        fill(sys.argv[2], sys.argv[3], sys.argv[4])
    elif command == "set":
        set_cells(sys.argv[2], sys.argv[3], sys.argv[4:])
    elif command == "cells":
        for row in table(openpyxl.load_workbook(sys.argv[2])):
            print("\t".join(row))
    else:
        sys.exit("unknown command " + command)


if __name__ == "__main__":
    main()
