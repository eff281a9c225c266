#!/usr/bin/python3
"""End-to-end test: a 60-person office through the `exemplar` CLI, checked
against the independent Python reference (reference_scoring.py, written from
SPEC §3 and §5 only).

Usage: /usr/bin/python3 tests/e2e/test_office60.py PATH/TO/exemplar

Runs roster import → cycle create → responses import on a temporary database
and compares:
  (a) `assignments --csv` with the reference assignment list (status, flags);
  (b) `results --csv` cell by cell with the reference HR导入 table
      (numbers within 1e-9, empty cells where undefined, flags equal);
  (c) the row order: unit rank, then name 按姓氏笔画 (ICU zh@collation=stroke),
      then person_id; people without a total last, by name then person_id;
and that the inactive person is nowhere, that importing the same file again
changes nothing, and that a later correction file changes exactly the rows the
reference predicts. Exits non-zero on any failure, printing every difference.
Needs Debian 12's python3-yaml and python3-icu.
"""

import csv
import io
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "office60")
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True  # keep the source tree clean

import reference_scoring as ref_mod  # noqa: E402
from icu import Collator, Locale  # noqa: E402

ROSTER = os.path.join(DATA, "roster.csv")
PLAN = os.path.join(DATA, "plan.yaml")
RESPONSES = os.path.join(DATA, "responses.csv")
UPDATE = os.path.join(DATA, "responses-update.csv")
CYCLE = "2026年度"
INACTIVE = ("P050", "俞敏")
TOL = 1e-9

NUMBER_COLS_FIXED = ["total", "self_total", "head_total", "peer_total"]
INT_COLS = ["rank_unit", "rank_department", "peer_count"]
TEXT_COLS = ["person_id", "name", "department", "position", "grade", "flags"]

failures = []


def fail(what, details=()):
    failures.append(what)
    print("FAIL: " + what)
    for d in list(details)[:200]:
        print("    " + d)
    if len(details) > 200:
        print(f"    … and {len(details) - 200} more")


def ok(what):
    print("ok:   " + what)


class Cli:
    def __init__(self, binary, db):
        self.binary, self.db = binary, db
        self.env = dict(os.environ, LC_ALL="C.UTF-8", LANG="C.UTF-8")
        self.env.pop("LC_MESSAGES", None)

    def run(self, *args, expect=0):
        cmd = [self.binary, "--db", self.db, *args]
        p = subprocess.run(cmd, capture_output=True, env=self.env, timeout=300)
        out = p.stdout.decode("utf-8")
        err = p.stderr.decode("utf-8", "replace")
        if p.returncode != expect:
            fail(f"`{' '.join(args)}` exited {p.returncode}, expected {expect}",
                 (out + err).splitlines()[:40])
        return out, err


def parse_csv(text):
    if text.startswith("\ufeff"):
        fail("CSV on stdout starts with a BOM (SPEC §6: `results --csv` prints it without)")
        text = text[1:]
    return list(csv.reader(io.StringIO(text, newline="")))


# ------------------------------------------------------------- assignments

def check_assignments(out, ref, label):
    rows = parse_csv(out)
    header = rows[0]
    want = ["rater_id", "rater_name", "ratee_id", "ratee_name", "relation", "form", "status", "flags"]
    if header != want:
        fail(f"{label}: assignments header", [f"exemplar:  {header}", f"expected:  {want}"])
        return
    names = {pid: p["name"] for pid, p in ref.people.items()}
    got, bad_names = {}, []
    for r in rows[1:]:
        if not any(r):
            continue
        d = dict(zip(header, r))
        key = (d["rater_id"], d["ratee_id"], d["relation"])
        if key in got:
            bad_names.append(f"duplicate assignment {key}")
        got[key] = (d["form"], d["status"], d["flags"])
        if names.get(d["rater_id"]) != d["rater_name"] or names.get(d["ratee_id"]) != d["ratee_name"]:
            bad_names.append(f"{key}: names {d['rater_name']}/{d['ratee_name']}")
    exp = {(a["rater_id"], a["ratee_id"], a["relation"]): (a["form"], a["status"], a["flags"])
           for a in ref.assignment_rows()}
    diffs = []
    for k in sorted(set(exp) - set(got)):
        diffs.append(f"missing in exemplar: {k} {exp[k]}")
    for k in sorted(set(got) - set(exp)):
        diffs.append(f"unexpected in exemplar: {k} {got[k]}")
    for k in sorted(set(got) & set(exp)):
        if got[k] != exp[k]:
            diffs.append(f"{k}: exemplar (form, status, flags) = {got[k]}, reference = {exp[k]}")
    if diffs or bad_names:
        fail(f"{label}: assignments differ from the reference ({len(exp)} expected, {len(got)} listed)",
             bad_names + diffs)
    else:
        counts = {}
        for v in exp.values():
            counts[v[1]] = counts.get(v[1], 0) + 1
        ok(f"{label}: {len(exp)} assignments match (status counts {counts}, "
           f"{sum(1 for v in exp.values() if v[2])} flagged)")


# ----------------------------------------------------------------- results

def fmt_ref(v):
    return "" if v is None else (repr(v) if isinstance(v, float) else str(v))


def compare_results(out, ref, label):
    """Returns {person_id: row dict} of the exemplar table after comparing it."""
    rows = parse_csv(out)
    header, body = rows[0], [r for r in rows[1:] if any(r)]
    want = ref.header()
    if header != want:
        fail(f"{label}: results header", [f"exemplar:  {','.join(header)}", f"reference: {','.join(want)}"])
        return {}
    got = [dict(zip(header, r)) for r in body]
    exp = ref.rows()
    number_cols = ref.plan["columns"] + NUMBER_COLS_FIXED

    # (b) cells, person by person
    by_id = {g["person_id"]: g for g in got}
    diffs = []
    if len(by_id) != len(got):
        diffs.append("duplicate person_id rows in exemplar output")
    if set(by_id) != {e["person_id"] for e in exp}:
        diffs.append(f"people only in exemplar: {sorted(set(by_id) - {e['person_id'] for e in exp})}")
        diffs.append(f"people only in reference: {sorted({e['person_id'] for e in exp} - set(by_id))}")
    for e in exp:
        g = by_id.get(e["person_id"])
        if g is None:
            continue
        for c in want:
            gv, ev = g[c], e[c]
            bad = False
            if c in number_cols:
                if ev is None or gv == "":
                    bad = not (ev is None and gv == "")
                else:
                    try:
                        bad = abs(float(gv) - ev) > TOL
                    except ValueError:
                        bad = True
            elif c in INT_COLS:
                bad = gv != fmt_ref(ev)
            else:
                bad = gv != fmt_ref(ev)
            if bad:
                diffs.append(f"{e['person_id']} {e['name']} [{c}]: exemplar={gv!r} reference={fmt_ref(ev)!r}")
    if diffs:
        fail(f"{label}: results cells differ from the reference", diffs)
    else:
        ok(f"{label}: all {len(exp)} rows × {len(want)} columns match the reference")

    # (c) row order: same as the reference, and sorted by the SPEC rule on exemplar's own values
    got_order = [g["person_id"] for g in got]
    exp_order = [e["person_id"] for e in exp]
    if got_order != exp_order:
        lines = [f"row {i + 2}: exemplar {a} reference {b}"
                 for i, (a, b) in enumerate(zip(got_order, exp_order)) if a != b]
        fail(f"{label}: row order differs from the reference", lines)
    else:
        ok(f"{label}: row order matches the reference")
    coll = Collator.createInstance(Locale("zh@collation=stroke"))

    def key(g):
        if g["total"] == "":
            return (1, 0, coll.getSortKey(g["name"]), g["person_id"])
        return (0, int(g["rank_unit"]), coll.getSortKey(g["name"]), g["person_id"])
    bad = [f"row {i + 3}: {b['person_id']} {b['name']} (rank {b['rank_unit'] or '-'}) comes after "
           f"{a['person_id']} {a['name']} (rank {a['rank_unit'] or '-'})"
           for i, (a, b) in enumerate(zip(got, got[1:])) if key(a) > key(b)]
    if bad:
        fail(f"{label}: exemplar rows are not ordered by rank, 姓氏笔画, person_id", bad)
    else:
        ok(f"{label}: exemplar rows ordered by rank, then 姓氏笔画 (ICU zh@collation=stroke), then person_id")
    return by_id


def changed_rows(before, after):
    return {pid for pid in set(before) | set(after) if before.get(pid) != after.get(pid)}


# -------------------------------------------------------------------- main

def main():
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    binary = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory(prefix="exemplar-e2e-") as tmp:
        cli = Cli(binary, os.path.join(tmp, "office60.db"))
        ref_empty = ref_mod.Reference(ROSTER, PLAN, [])
        ref_main = ref_mod.Reference(ROSTER, PLAN, [RESPONSES])
        ref_upd = ref_mod.Reference(ROSTER, PLAN, [RESPONSES, UPDATE])

        # reference sanity: the scenario the data was made for
        r = ref_main.R
        scenario = {
            "the quota tie straddles K": r["P055"]["quota_tie"] and r["P056"]["quota_tie"]
            and r["P055"]["rank_unit"] == ref_main.K,
            "someone above 90 is held back by the quota":
                any(x["grade_by_min"] == "优秀" and x["grade"] != "优秀" for x in r.values()),
            "the 3-person department lacks peers": all("INSUFFICIENT_PEERS" in r[p]["flags"]
                                                       for p in ("P026", "P027", "P028")),
            "the headless 信息科 climbs to P001": ("P001", "P029", "head") in ref_main.assignments,
            "two NO_HEAD": sorted(p for p in r if "NO_HEAD" in r[p]["flags"]) == ["P001", "P042"],
            "a straight-lined head evaluation": any(ref_main.flags(a) for a in ref_main.assignments
                                                    if a[2] == "head" and ref_main.submitted(a)),
        }
        bad = [k for k, v in scenario.items() if not v]
        if bad:
            fail("the test data no longer shows its scenario", bad)
        else:
            ok("reference: scenario present (" + "; ".join(scenario) + ")")

        out, _ = cli.run("roster", "import", ROSTER)
        out, _ = cli.run("cycle", "create", CYCLE, "--plan", PLAN)
        out, _ = cli.run("assignments", CYCLE, "--csv")
        check_assignments(out, ref_empty, "before answers")

        out, err = cli.run("responses", "import", CYCLE, RESPONSES)
        print("      " + (out + err).strip().replace("\n", "\n      "))
        asg1, _ = cli.run("assignments", CYCLE, "--csv")
        check_assignments(asg1, ref_main, "responses.csv")
        res1, _ = cli.run("results", CYCLE, "--csv")
        table1 = compare_results(res1, ref_main, "responses.csv")

        # the inactive person is nowhere
        show, _ = cli.run("cycle", "show", CYCLE)
        where = [name for name, text in (("assignments", asg1), ("results", res1), ("cycle show", show))
                 if any(s in text for s in INACTIVE)]
        if where:
            fail(f"inactive {INACTIVE[0]} {INACTIVE[1]} appears in: {', '.join(where)}")
        else:
            ok(f"inactive {INACTIVE[0]} {INACTIVE[1]} appears in no assignment, result or cycle summary")
        members = len(ref_main.members)
        if not re.search(rf"\b{members} members\b", show):
            fail(f"cycle show does not report {members} members", show.splitlines()[:5])

        # the same file again changes nothing
        out, err = cli.run("responses", "import", CYCLE, RESPONSES)
        summary = (out + err).strip()
        print("      " + summary.replace("\n", "\n      "))
        if not re.search(r"\(0 changed\)", summary):
            fail("re-import of responses.csv: the summary does not say 0 changed", [summary])
        asg2, _ = cli.run("assignments", CYCLE, "--csv")
        res2, _ = cli.run("results", CYCLE, "--csv")
        if asg2 != asg1 or res2 != res1:
            fail("re-import of responses.csv changed the assignments or results")
        else:
            ok("re-import of responses.csv: assignments and results identical, summary says 0 changed")

        # a later correction file changes exactly what the reference predicts
        out, err = cli.run("responses", "import", CYCLE, UPDATE)
        print("      " + (out + err).strip().replace("\n", "\n      "))
        asg3, _ = cli.run("assignments", CYCLE, "--csv")
        check_assignments(asg3, ref_upd, "responses-update.csv")
        res3, _ = cli.run("results", CYCLE, "--csv")
        table3 = compare_results(res3, ref_upd, "responses-update.csv")
        rows_main = {e["person_id"]: e for e in ref_main.rows()}
        rows_upd = {e["person_id"]: e for e in ref_upd.rows()}
        want_changed = changed_rows(rows_main, rows_upd)
        got_changed = changed_rows(table1, table3)
        if got_changed != want_changed:
            fail("responses-update.csv: the rows that changed differ from the reference",
                 [f"exemplar changed:  {sorted(got_changed)}", f"reference changed: {sorted(want_changed)}"])
        else:
            ok(f"responses-update.csv changed exactly the predicted rows: {sorted(want_changed)}")
        for pid in ("P013", "P015", "P022", "P039"):
            if pid not in want_changed:
                fail(f"test data: the update was meant to change {pid}'s row")

        # both files in one command, on a fresh database, give the same end state
        cli2 = Cli(binary, os.path.join(tmp, "office60-one-command.db"))
        cli2.run("roster", "import", ROSTER)
        cli2.run("cycle", "create", CYCLE, "--plan", PLAN)
        cli2.run("responses", "import", CYCLE, RESPONSES, UPDATE)
        res4, _ = cli2.run("results", CYCLE, "--csv")
        asg4, _ = cli2.run("assignments", CYCLE, "--csv")
        if res4 != res3 or sorted(asg4.splitlines()) != sorted(asg3.splitlines()):
            fail("importing both files in one command differs from importing them one after the other")
        else:
            ok("both files in one command give the same results as two imports")

    print()
    if failures:
        print(f"{len(failures)} check(s) FAILED")
        return 1
    print("all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
