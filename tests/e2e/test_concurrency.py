#!/usr/bin/python3
"""Two programs on one database (issue 7, point 4).

Usage: /usr/bin/python3 tests/e2e/test_concurrency.py PATH/TO/exemplar [--people 1500]

- Two imports at once, of files answering different assignments of the same
  raters: both land, nothing is lost (the second waits for the first).
- A report during an import: both finish; the report is a whole workbook.
- Closing the cycle during an import: either the import lands and then the
  cycle closes, or the cycle closes first and the import is refused whole.
- A writer that cannot get the lock (another program holds it longer than
  the busy timeout) says the database is in use, exit 1, nothing changed.
Every database passes PRAGMA integrity_check afterwards. The GUI and the CLI
share the same core and locking, so CLI processes stand in for both.
"""

import argparse
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.dont_write_bytecode = True
from test_crash import CYCLE, PLAN, copy_db, db_state, write_answers, write_roster  # noqa: E402

failures = []


def fail(what):
    failures.append(what)
    print("FAIL: " + what, flush=True)


def start(exe, args):
    return subprocess.Popen([exe, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=dict(os.environ, LANG="C.UTF-8"))


def finish(process):
    out, err = process.communicate(timeout=300)
    return process.returncode, out, err


def split_answers(path, first, second):
    """Peer ballots for odd-numbered colleagues in one file, all else in the other: the same raters'
    ballots (stored together) in both files, different assignments."""
    with open(path, encoding="utf-8") as f:
        header, *rows = f.read().splitlines()
    with open(first, "w", encoding="utf-8") as a, open(second, "w", encoding="utf-8") as b:
        a.write(header + "\n")
        b.write(header + "\n")
        for row in rows:
            fields = row.split(",")
            (b if fields[2] == "同事" and int(fields[1][1:]) % 2 == 1 else a).write(row + "\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("exemplar")
    ap.add_argument("--people", type=int, default=1500)
    a = ap.parse_args()
    exe = os.path.abspath(a.exemplar)
    work = tempfile.mkdtemp(prefix="exemplar-concurrency-")
    try:
        roster, answers = os.path.join(work, "roster.csv"), os.path.join(work, "answers.csv")
        own, peers = os.path.join(work, "own.csv"), os.path.join(work, "peers.csv")
        write_roster(roster, a.people)
        write_answers(answers, a.people, 3)
        split_answers(answers, own, peers)
        created = os.path.join(work, "created.db")
        subprocess.run([exe, "--db", created, "roster", "import", roster], check=True, capture_output=True)
        subprocess.run([exe, "--db", created, "cycle", "create", CYCLE, "--plan", PLAN], check=True, capture_output=True)
        expected = os.path.join(work, "expected.db")
        copy_db(created, expected)
        subprocess.run([exe, "--db", expected, "responses", "import", CYCLE, answers], check=True, capture_output=True)
        all_answered = db_state(expected)

        # Two imports at once.
        for round_ in range(3):
            db = os.path.join(work, f"two-{round_}.db")
            copy_db(created, db)
            first = start(exe, ["--db", db, "responses", "import", CYCLE, own])
            second = start(exe, ["--db", db, "responses", "import", CYCLE, peers])
            results = [finish(first), finish(second)]
            for code, _, err in results:
                if code != 0:
                    fail(f"concurrent import exited {code}: {err.strip()}")
            if db_state(db) != all_answered:
                fail(f"two imports at once lost answers: {db_state(db)} != {all_answered}")
        print("two imports at once: both landed, nothing lost", flush=True)

        # A report during an import.
        db = os.path.join(work, "report.db")
        copy_db(expected, db)
        report = os.path.join(work, "during.xlsx")
        importing = start(exe, ["--db", db, "responses", "import", CYCLE, answers])
        reporting = start(exe, ["--db", db, "report", CYCLE, "--out", report])
        for name, process in (("import", importing), ("report", reporting)):
            code, _, err = finish(process)
            if code != 0:
                fail(f"{name} during the other exited {code}: {err.strip()}")
        with zipfile.ZipFile(report) as z:
            if z.testzip() is not None:
                fail("the report written during an import is damaged")
        print("a report during an import: both finished, the workbook is whole", flush=True)

        # Closing the cycle during an import.
        for round_, delay in enumerate((0.0, 0.05, 0.2)):
            db = os.path.join(work, f"close-{round_}.db")
            copy_db(created, db)
            importing = start(exe, ["--db", db, "responses", "import", CYCLE, answers])
            time.sleep(delay)
            closing = start(exe, ["--db", db, "cycle", "close", CYCLE])
            (import_code, _, import_err), (close_code, _, close_err) = finish(importing), finish(closing)
            state = db_state(db)
            if close_code != 0:
                fail(f"closing during an import exited {close_code}: {close_err.strip()}")
            if import_code == 0 and state[1:] != all_answered[1:]:
                fail(f"the import succeeded but did not land whole: {state}")
            if import_code != 0 and (state[1:] != db_state(created)[1:] or "closed" not in import_err):
                fail(f"the import was refused ({import_code}: {import_err.strip()}) but the database changed: {state}")
            if state[0] != "ok":
                fail(f"integrity_check: {state[0]}")
        print("closing the cycle during an import: one whole, then the other", flush=True)

        # A writer that cannot get the lock.
        db = os.path.join(work, "locked.db")
        copy_db(created, db)
        before = db_state(db)
        holder = sqlite3.connect(db, timeout=0, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
        began = time.monotonic()
        blocked = subprocess.run([exe, "--db", db, "responses", "import", CYCLE, own], capture_output=True, text=True,
                                 env=dict(os.environ, LANG="C.UTF-8"), timeout=120)
        waited = time.monotonic() - began
        holder.execute("ROLLBACK")
        holder.close()
        if blocked.returncode != 1 or "in use by another program" not in blocked.stderr:
            fail(f"a blocked writer exited {blocked.returncode} saying: {blocked.stderr.strip()}")
        if db_state(db) != before:
            fail("a blocked writer changed the database")
        print(f"a blocked writer waited {waited:.0f} s, then: {blocked.stderr.strip().splitlines()[-1]}", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if failures:
        print(f"{len(failures)} failure(s)")
        sys.exit(1)
    print("concurrency: all checks passed")


if __name__ == "__main__":
    main()
