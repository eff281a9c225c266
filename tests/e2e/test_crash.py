#!/usr/bin/python3
"""Crash safety (issue 7, point 3): `roster import`, `cycle create`,
`responses import` and `report` are killed with SIGKILL at many points of
large runs; afterwards the database passes PRAGMA integrity_check and holds
all or none of the interrupted change, and no half-written xlsx or CSV is
left under the target name.

Usage: /usr/bin/python3 tests/e2e/test_crash.py PATH/TO/exemplar [--people 1500] [--kills 12]

The kill times are spread over each command's own duration, measured once
uninterrupted on this machine (so the test needs no timing assumptions).
Needs python3-yaml (Debian 12).
"""

import argparse
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import zipfile

import yaml

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
PLAN = os.path.join(ROOT, "templates", "plans", "annual.yaml")
FORMS = os.path.join(ROOT, "forms")
CYCLE = "2026年度"

failures = []


def fail(what):
    failures.append(what)
    print("FAIL: " + what, flush=True)


def write_roster(path, people):
    with open(path, "w", encoding="utf-8") as f:
        f.write("工号,姓名,部门,职务,负责人,状态\n")
        for i in range(people):
            department = f"市局/第{i // 40 + 1:03d}科"
            f.write(f"E{i:05d},员工{i:05d},{department},科员,{'是' if i % 40 == 0 else '否'},在职\n")


def form_items(name):
    with open(os.path.join(FORMS, name + ".yaml"), encoding="utf-8") as f:
        form = yaml.safe_load(f)
    scales = form["scales"]
    items = []
    for dimension in form["dimensions"]:
        for entry in dimension.get("items", []) + [i for facet in dimension.get("facets", []) for i in facet.get("items", [])]:
            items.append((entry["id"], [o["label"] for o in scales[entry["scale"]]["options"]]))
    return items


def write_answers(path, people, seed):
    """Self, head and peer answers for every person, as the plan assigns them."""
    rng = random.Random(seed)
    self_items = form_items("five-exemplars")
    ballot_items = form_items("five-exemplars-ballot")
    with open(path, "w", encoding="utf-8") as f:
        f.write("评价人工号,被评价人工号,关系,题号,答案\n")
        for i in range(people):
            rater = f"E{i:05d}"
            for item, labels in self_items:
                f.write(f"{rater},{rater},自评,{item},{rng.choice(labels)}\n")
            first = i // 40 * 40
            head = f"E{first:05d}"
            if i != first:
                for item, labels in self_items:
                    f.write(f"{head},{rater},上级,{item},{rng.choice(labels)}\n")
            for j in range(first, min(first + 40, people)):
                if j == i:
                    continue
                for item, labels in ballot_items:
                    f.write(f"E{j:05d},{rater},同事,{item},{rng.choice(labels)}\n")


def run(exe, args, check=True):
    r = subprocess.run([exe, *args], capture_output=True, text=True, env=dict(os.environ, LANG="C.UTF-8"))
    if check and r.returncode != 0:
        sys.exit(f"failed ({r.returncode}): exemplar {' '.join(args)}\n{r.stderr}")
    return r


def timed(exe, args):
    start = time.perf_counter()
    run(exe, args)
    return time.perf_counter() - start


def killed_at(exe, args, delay):
    """Starts the command and SIGKILLs it after `delay` seconds; True if it was still running."""
    process = subprocess.Popen([exe, *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=dict(os.environ, LANG="C.UTF-8"))
    time.sleep(delay)
    still_running = process.poll() is None
    if still_running:
        process.send_signal(signal.SIGKILL)
    process.wait()
    return still_running


def db_state(db):
    """Integrity and the counts that show whether each change landed (a
    database not made yet, or made without tables, holds nothing)."""
    if not os.path.exists(db):
        return "ok", 0, 0, 0, 0
    connection = sqlite3.connect(db)
    try:
        integrity = connection.execute("PRAGMA integrity_check").fetchone()[0]
        # A run killed between two schema migrations leaves the tables of the first ones only.
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_schema WHERE type = 'table'")}

        def count(table, sql):
            return connection.execute(sql).fetchone()[0] if table in tables else 0

        people = count("people", "SELECT count(*) FROM people")
        cycles = count("cycles", "SELECT count(*) FROM cycles")
        bundles = count("assignment_bundles", "SELECT count(*) FROM assignment_bundles")
        states = count("assignment_bundles", "SELECT coalesce(group_concat(hex(states), ''), '') FROM assignment_bundles") or ""
        submitted = states.count("02")  # state bytes are 00/01/02 (no app locks here)
        return integrity, people, cycles, bundles, submitted
    finally:
        connection.close()


def copy_db(source, target):
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(source + suffix):
            shutil.copyfile(source + suffix, target + suffix)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("exemplar")
    ap.add_argument("--people", type=int, default=1500)
    ap.add_argument("--kills", type=int, default=12)
    a = ap.parse_args()
    exe = os.path.abspath(a.exemplar)
    work = tempfile.mkdtemp(prefix="exemplar-crash-")
    try:
        roster = os.path.join(work, "roster.csv")
        answers = os.path.join(work, "answers.csv")
        write_roster(roster, a.people)
        write_answers(answers, a.people, 7)

        # The states between the commands, and each command's uninterrupted duration.
        empty, rostered, created, answered = (os.path.join(work, n + ".db") for n in ("empty", "rostered", "created", "answered"))
        copy_db(empty, rostered)
        t_roster = timed(exe, ["--db", rostered, "roster", "import", roster])
        copy_db(rostered, created)
        t_create = timed(exe, ["--db", created, "cycle", "create", CYCLE, "--plan", PLAN])
        copy_db(created, answered)
        t_import = timed(exe, ["--db", answered, "responses", "import", CYCLE, answers])
        report_probe = os.path.join(work, "probe.xlsx")
        t_report = timed(exe, ["--db", answered, "report", CYCLE, "--out", report_probe, "--hr-csv", report_probe + ".csv"])
        before_after = {
            "roster import": (db_state(empty), db_state(rostered)),
            "cycle create": (db_state(rostered), db_state(created)),
            "responses import": (db_state(created), db_state(answered)),
        }
        print(f"{a.people} people: roster {t_roster:.2f}s, create {t_create:.2f}s, import {t_import:.2f}s, report {t_report:.2f}s")

        cases = [
            ("roster import", empty, ["roster", "import", roster], t_roster),
            ("cycle create", rostered, ["cycle", "create", CYCLE, "--plan", PLAN], t_create),
            ("responses import", created, ["responses", "import", CYCLE, answers], t_import),
        ]
        rng = random.Random(11)
        for name, start_db, args, duration in cases:
            interrupted = 0
            for k in range(a.kills):
                db = os.path.join(work, f"kill-{k}.db")
                for suffix in ("", "-wal", "-shm"):
                    if os.path.exists(db + suffix):
                        os.remove(db + suffix)
                copy_db(start_db, db)
                delay = duration * (k + rng.random()) / a.kills
                interrupted += killed_at(exe, ["--db", db, *args], delay)
                state = db_state(db)
                if state[0] != "ok":
                    fail(f"{name} killed after {delay:.3f}s: integrity_check says {state[0]}")
                if state[1:] not in (before_after[name][0][1:], before_after[name][1][1:]):
                    fail(f"{name} killed after {delay:.3f}s: half a change: {state[1:]} is neither "
                         f"{before_after[name][0][1:]} nor {before_after[name][1][1:]}")
                # The database still works: the command completes after the crash (when it had not landed).
                if state[1:] == before_after[name][0][1:]:
                    run(exe, ["--db", db, *args])
                if db_state(db)[1:] != before_after[name][1][1:]:
                    fail(f"{name} after a crash and a rerun: {db_state(db)[1:]} != {before_after[name][1][1:]}")
            print(f"{name}: {a.kills} kills ({interrupted} while running), all or nothing", flush=True)

        interrupted = 0
        for k in range(a.kills):
            out = os.path.join(work, f"report-{k}.xlsx")
            csv_out = out + ".csv"
            delay = t_report * (k + rng.random()) / a.kills
            interrupted += killed_at(exe, ["--db", answered, "report", CYCLE, "--out", out, "--hr-csv", csv_out], delay)
            if os.path.exists(out):
                try:
                    with zipfile.ZipFile(out) as z:
                        bad = z.testzip()
                        names = z.namelist()
                    if bad is not None or "xl/workbook.xml" not in names:
                        fail(f"report killed after {delay:.3f}s left a damaged {os.path.basename(out)}")
                except zipfile.BadZipFile:
                    fail(f"report killed after {delay:.3f}s left a half-written {os.path.basename(out)}")
            if os.path.exists(csv_out):
                with open(csv_out, encoding="utf-8-sig") as f:
                    lines = f.read().splitlines()
                if len(lines) != a.people + 1:
                    fail(f"report killed after {delay:.3f}s left a half-written HR CSV ({len(lines)} lines)")
        print(f"report: {a.kills} kills ({interrupted} while running), no half-written file under the target name")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if failures:
        print(f"{len(failures)} failure(s)")
        sys.exit(1)
    print("crash safety: all checks passed")


if __name__ == "__main__":
    main()
