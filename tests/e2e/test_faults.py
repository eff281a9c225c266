#!/usr/bin/python3
"""A disk that fills up, a read-only database, an output folder that cannot
be written (issue 7, point 5): a clear message, exit 1, nothing half-written.

Usage: /usr/bin/python3 tests/e2e/test_faults.py PATH/TO/exemplar

- The database file read-only (its owner may not write it): an import says
  so, the file is unchanged.
- The report's folder not writable, or missing: a clear message, no file.
- The disk full: a small tmpfs holds the database and the report. The
  import that does not fit is refused whole (the database as before and
  still sound); the report that does not fit leaves no file under its name.
Runs the program as an unprivileged user (setpriv) for the permission cases,
since root may write anything; the disk-full cases need root to mount a
tmpfs. Where the machine allows neither, the case says so and fails.
"""

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.dont_write_bytecode = True
from test_crash import CYCLE, PLAN, write_answers, write_roster  # noqa: E402

EXE = os.path.abspath(sys.argv[1])
NOBODY = 65534
failures = []


def fail(what):
    failures.append(what)
    print("FAIL: " + what, flush=True)


def run(args, as_nobody=False):
    command = [EXE, *args]
    if as_nobody:
        command = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups", *command]
    return subprocess.run(command, capture_output=True, text=True, env=dict(os.environ, LANG="C.UTF-8", HOME="/tmp"), timeout=300)


def ok(args):
    r = run(args)
    if r.returncode != 0:
        sys.exit(f"failed ({r.returncode}): exemplar {' '.join(args)}\n{r.stderr}")


def file_bytes(path):
    with open(path, "rb") as f:
        return f.read()


def expect_refused(what, result, fragment):
    if result.returncode != 1:
        fail(f"{what}: exit {result.returncode}, expected 1: {result.stderr.strip()}")
    elif fragment not in result.stderr:
        fail(f"{what}: the message does not say '{fragment}': {result.stderr.strip()}")
    else:
        print(f"{what}: {result.stderr.strip().splitlines()[-1]}", flush=True)


def fill(folder, leave):
    """Fills the disk of `folder` but for `leave` bytes."""
    stat = os.statvfs(folder)
    with open(os.path.join(folder, "filler"), "wb") as f:
        f.write(b"\0" * max(0, stat.f_bavail * stat.f_frsize - leave))


def integrity(db):
    connection = sqlite3.connect(db)
    try:
        return connection.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        connection.close()


def main():
    work = tempfile.mkdtemp(prefix="exemplar-faults-")
    os.chmod(work, 0o755)
    mounted = None
    try:
        roster, answers = os.path.join(work, "roster.csv"), os.path.join(work, "answers.csv")
        write_roster(roster, 400)
        write_answers(answers, 400, 5)
        for path in (roster, answers):
            os.chmod(path, 0o644)

        # A read-only database: owned by nobody, mode 0400, in a folder nobody may not write.
        folder = os.path.join(work, "readonly")
        os.mkdir(folder)
        db = os.path.join(folder, "office.db")
        ok(["--db", db, "roster", "import", roster])
        ok(["--db", db, "cycle", "create", CYCLE, "--plan", PLAN])
        for path in (folder, db):
            os.chown(path, NOBODY, NOBODY)
        os.chmod(db, 0o400)
        os.chmod(folder, 0o555)
        before = file_bytes(db)
        result = run(["--db", db, "responses", "import", CYCLE, answers], as_nobody=True)
        expect_refused("a read-only database", result, "read-only")
        if file_bytes(db) != before:
            fail("the read-only database changed")

        # The report's folder not writable (owned by root, 0755, the program run as nobody), or missing.
        own_folder = os.path.join(work, "nobody")
        os.mkdir(own_folder)
        writable_db = os.path.join(own_folder, "office.db")
        ok(["--db", writable_db, "roster", "import", roster])
        ok(["--db", writable_db, "cycle", "create", CYCLE, "--plan", PLAN])
        ok(["--db", writable_db, "responses", "import", CYCLE, answers])
        for path in (own_folder, writable_db):
            os.chown(path, NOBODY, NOBODY)
        out_folder = os.path.join(work, "reports")
        os.mkdir(out_folder, 0o755)
        result = run(["--db", writable_db, "report", CYCLE, "--out", os.path.join(out_folder, "report.xlsx")], as_nobody=True)
        expect_refused("an output folder that cannot be written", result, out_folder)
        if os.listdir(out_folder):
            fail(f"files were left in the unwritable folder: {os.listdir(out_folder)}")
        result = run(["--db", writable_db, "report", CYCLE, "--out", os.path.join(work, "no", "such", "report.xlsx")])
        if result.returncode == 0 and os.path.exists(os.path.join(work, "no", "such", "report.xlsx")):
            print("a missing output folder: made, and the report written there", flush=True)
        else:
            expect_refused("a missing output folder", result, os.path.join(work, "no"))

        # The disk full: a 1.5 MB tmpfs. The roster and cycle fit; the answers do not.
        mounted = os.path.join(work, "small")
        os.mkdir(mounted)
        mount = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1536k", "tmpfs", mounted], capture_output=True, text=True)
        if mount.returncode != 0:
            fail(f"cannot mount a small tmpfs to fill it (run as root): {mount.stderr.strip()}")
            mounted = None
        else:
            db = os.path.join(mounted, "office.db")
            ok(["--db", db, "roster", "import", roster])
            ok(["--db", db, "cycle", "create", CYCLE, "--plan", PLAN])
            run(["--db", db, "cycle", "list"])  # checkpoints: the file is whole before the big write
            before = file_bytes(db)
            fill(mounted, 32 * 1024)
            result = run(["--db", db, "responses", "import", CYCLE, answers])
            expect_refused("a disk that fills up during an import", result, "disk is full")
            if integrity(db) != "ok":
                fail("after a full disk the database is damaged")
            run(["--db", db, "cycle", "list"])
            if file_bytes(db) != before:
                fail("a refused import on a full disk changed the database")

            # The report on a full disk: the database elsewhere, the report on the small disk.
            report = os.path.join(mounted, "report.xlsx")
            result = run(["--db", writable_db, "report", CYCLE, "--out", report])
            expect_refused("a disk that fills up while the report is written", result, "report.xlsx")
            leftovers = sorted(set(os.listdir(mounted)) - {"office.db", "office.db-wal", "office.db-shm", "filler"})
            if leftovers:
                fail(f"a report that did not fit left files: {leftovers}")
    finally:
        if mounted:
            subprocess.run(["umount", mounted], capture_output=True)
        shutil.rmtree(work, ignore_errors=True)
    if failures:
        print(f"{len(failures)} failure(s)")
        sys.exit(1)
    print("faults: all checks passed")


if __name__ == "__main__":
    main()
