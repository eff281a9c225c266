#!/usr/bin/python3
"""Privacy of the peer ballot, proven on every export (issue 7, point 6).

Usage: /usr/bin/python3 tests/e2e/test_privacy.py PATH/TO/exemplar

1. No export depends on which colleague gave which peer answer. Two databases
   get the same answers except that two colleagues of one person swap their
   whole ballots for that person. Every export — the report workbook, report
   cards, the HR CSV, `results` (text and CSV), `assignments` (text and CSV),
   offline questionnaires — must then read the same, cell by cell (the time
   an export was made aside). Ballot points are whole numbers, so sums are
   exact in any order and "the same" can be exact.
2. Below min_peers nothing of the peer group shows: a person left with fewer
   submitted ballots than the plan's min_peers has no vote counts, no
   favorable rate and no peer score anywhere, and is flagged.
3. The database and every file written are owner-only (0600).
Exits non-zero on any failure, printing each.
"""

import csv
import io
import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile

import openpyxl

EXE = os.path.abspath(sys.argv[1])
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
ROSTER = os.path.join(ROOT, "templates", "demo", "roster.csv")
PLAN = os.path.join(ROOT, "templates", "plans", "annual.yaml")
CYCLE = "2026年度"
STAMP = re.compile(r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2})?")
# A questionnaire's seal is keyed by its cycle's own random secret: it differs between any two cycles.
SEAL = re.compile(r"\b[0-9a-f]{32,}\b")

failures = []


def fail(what):
    failures.append(what)
    print("FAIL: " + what)


def run(*args, ok=True):
    env = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8")
    r = subprocess.run([EXE, *args], capture_output=True, text=True, env=env, timeout=300)
    if ok and r.returncode != 0:
        sys.exit(f"failed ({r.returncode}): exemplar {' '.join(args)}\n{r.stderr}")
    return r


def read_answers(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    return rows[0], rows[1:]


def write_answers(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(rows)


def peer_rows(rows):
    return [r for r in rows if r[2] in ("同事", "peer")]


def make_office(folder, header, rows):
    os.makedirs(folder)
    db = os.path.join(folder, "office.db")
    answers = os.path.join(folder, "answers.csv")
    write_answers(answers, header, rows)
    run("--db", db, "roster", "import", ROSTER)
    run("--db", db, "cycle", "create", CYCLE, "--plan", PLAN)
    run("--db", db, "responses", "import", CYCLE, answers)
    return db


def exports(db, folder):
    """Every export of the cycle, as {name: normalised content}."""
    out = {}
    report = os.path.join(folder, "report.xlsx")
    hr_csv = os.path.join(folder, "hr.csv")
    cards = os.path.join(folder, "cards")
    questionnaires = os.path.join(folder, "questionnaires")
    run("--db", db, "report", CYCLE, "--out", report, "--hr-csv", hr_csv, "--cards", cards)
    run("--db", db, "questionnaires", CYCLE, "--out", questionnaires)
    out["report.xlsx"] = workbook_text(report)
    out["hr.csv"] = open(hr_csv, encoding="utf-8").read()
    for name in sorted(os.listdir(cards)):
        out["cards/" + name] = workbook_text(os.path.join(cards, name))
    for name in sorted(os.listdir(questionnaires)):
        out["questionnaires/" + name] = workbook_text(os.path.join(questionnaires, name))
    out["results --csv"] = run("--db", db, "results", CYCLE, "--csv").stdout
    out["results"] = run("--db", db, "results", CYCLE).stdout
    out["assignments --csv"] = run("--db", db, "assignments", CYCLE, "--csv").stdout
    out["assignments"] = run("--db", db, "assignments", CYCLE).stdout
    return out, [report, hr_csv, *[os.path.join(cards, n) for n in os.listdir(cards)],
                 *[os.path.join(questionnaires, n) for n in os.listdir(questionnaires)]]


def workbook_text(path):
    """Every cell of every sheet (hidden ones too), with times blanked."""
    book = openpyxl.load_workbook(path)
    lines = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is None:
                    continue
                value = cell.value
                if isinstance(value, str):
                    value = SEAL.sub("<seal>", STAMP.sub("<time>", value))
                elif not isinstance(value, (int, float)):
                    value = "<time>"  # a date cell
                lines.append(f"{sheet.title}!{cell.coordinate}={value!r}")
    return "\n".join(lines)


def owner_only(paths):
    for path in paths:
        mode = stat.S_IMODE(os.stat(path).st_mode)
        if mode & 0o077:
            fail(f"{os.path.basename(path)} is readable by others (mode {mode:o})")


def main():
    work = tempfile.mkdtemp(prefix="exemplar-privacy-")
    try:
        demo = os.path.join(work, "demo")
        run("demo", "--out", demo)
        header, rows = read_answers(os.path.join(demo, "answers.csv"))

        # The person rated by the most colleagues, and the first two of them (lowest member order).
        by_ratee = {}
        for r in peer_rows(rows):
            by_ratee.setdefault(r[1], set()).add(r[0])
        ratee = max(sorted(by_ratee), key=lambda p: len(by_ratee[p]))
        raters = sorted(by_ratee[ratee])
        if len(raters) < 4:
            sys.exit("the demo office has too few colleagues per person for this test")
        x, y = raters[0], raters[1]
        ballot = {(r[0], r[3]): r[4] for r in peer_rows(rows) if r[1] == ratee and r[0] in (x, y)}
        if all(ballot.get((x, item)) == ballot.get((y, item)) for (_, item) in ballot):
            # Make the two ballots differ, in both databases alike, so the swap is visible if anything leaks.
            for r in rows:
                if r[2] in ("同事", "peer") and r[1] == ratee and r[0] == x:
                    r[4] = "称职" if r[4] != "称职" else "优秀"
            ballot = {(r[0], r[3]): r[4] for r in peer_rows(rows) if r[1] == ratee and r[0] in (x, y)}
        swapped = []
        for r in rows:
            if r[2] in ("同事", "peer") and r[1] == ratee and r[0] in (x, y):
                other = y if r[0] == x else x
                r = [r[0], r[1], r[2], r[3], ballot[(other, r[3])]]
            swapped.append(r)

        db_a = make_office(os.path.join(work, "a"), header, rows)
        db_b = make_office(os.path.join(work, "b"), header, swapped)
        a, files_a = exports(db_a, os.path.join(work, "a"))
        b, files_b = exports(db_b, os.path.join(work, "b"))
        for name in sorted(set(a) | set(b)):
            if a.get(name) != b.get(name):
                diff = [f"  {l1!r} / {l2!r}" for l1, l2 in zip((a.get(name) or "").splitlines(), (b.get(name) or "").splitlines())
                        if l1 != l2][:5]
                fail(f"{name} differs when {x} and {y} swap their ballots for {ratee}:\n" + "\n".join(diff))
        print(f"swap of {x}'s and {y}'s ballots for {ratee}: {len(a)} exports compared")

        # Below min_peers (3 in the annual plan): keep only two colleagues' ballots for one person.
        few = [r for r in rows if not (r[2] in ("同事", "peer") and r[1] == ratee and r[0] not in (x, y))]
        db_c = make_office(os.path.join(work, "c"), header, few)
        c, files_c = exports(db_c, os.path.join(work, "c"))
        hr = list(csv.DictReader(io.StringIO(c["results --csv"])))
        person = next(p for p in hr if p["person_id"] == ratee)
        if person["peer_count"] != "2" or person["peer_total"] != "" or "INSUFFICIENT_PEERS" not in person["flags"]:
            fail(f"below min_peers {ratee} shows peer_count={person['peer_count']} peer_total={person['peer_total']!r} "
                 f"flags={person['flags']!r}")
        book = openpyxl.load_workbook(os.path.join(work, "c", "report.xlsx"))
        votes = book["民主测评"]
        for row in votes.iter_rows(values_only=True):
            if ratee in [str(v) for v in row if v is not None]:
                numbers = [v for v in row if isinstance(v, (int, float))]
                if numbers:
                    fail(f"民主测评 shows vote counts {numbers} for {ratee}, who has fewer ballots than min_peers")
        card = next(n for n in os.listdir(os.path.join(work, "c", "cards")) if n.startswith(ratee + "-"))
        card_text = c["cards/" + card]
        if re.search(r"(同事|民主测评|peer).*=\d", card_text) and "票" in card_text:
            fail(f"the report card of {ratee} shows peer results below min_peers")
        print(f"{ratee} with 2 ballots (min_peers 3): peer results hidden")

        owner_only([db_a, db_b, db_c, *files_a, *files_b, *files_c])
        print(f"modes of {len(files_a) + len(files_b) + len(files_c) + 3} files checked")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if failures:
        print(f"{len(failures)} failure(s)")
        sys.exit(1)
    print("privacy: all checks passed")


if __name__ == "__main__":
    main()
