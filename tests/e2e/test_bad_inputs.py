#!/usr/bin/python3
"""End-to-end test: every file of the bad-input corpus (tests/data/bad/) goes
through the command that reads it, and must be refused cleanly.

Usage: /usr/bin/python3 tests/e2e/test_bad_inputs.py PATH/TO/exemplar [--only TEXT] [--verbose] [--keep DIR]
  --only TEXT  run only the entries whose file name contains TEXT
  --keep DIR   set up the office and write the generated files in DIR (new or
               empty) and keep them, so that the printed repro commands work

tests/data/bad/MANIFEST.tsv lists the corpus: file, command, the location
prefix of the first message (FILE stands for the path given on the command
line), a fragment of that message, the kind of damage, and `ok` or
`known_bug: what goes wrong`. Entries under gen/ are written at test time by
tests/data/bad/make_corpus.py (1,000,000-row files, zip bombs, files over
1 MiB, and offline questionnaires damaged after being written by the office
set up here).

For each entry, on a fresh copy of one small office database (8 people
plus 0042, cycles 2026 and 2027 under templates/plans/annual.yaml, a few
answers), run with LC_ALL=C.UTF-8 and a 60 s timeout (times EXEMPLAR_TEST_TIME_SCALE), it asserts: exit status
exactly 1 (no signal); stderr's first line starts with the prefix and
contains the fragment; no sanitizer report, abort or terminate in stderr; the
database file (and -wal, if any) byte for byte unchanged; no file left behind
in the output folder or beside the database.

Known bugs are reported separately and do not fail the test; a known bug
that no longer shows is reported too, so that its mark can be removed.
Exits 1 on any other failure.
"""

import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.dirname(os.path.dirname(HERE))
CORPUS = os.path.join(SOURCE, "tests", "data", "bad")
MANIFEST = os.path.join(CORPUS, "MANIFEST.tsv")
PLAN = os.path.join(SOURCE, "templates", "plans", "annual.yaml")
sys.dont_write_bytecode = True  # keep the source tree clean
sys.path.insert(0, CORPUS)

import make_corpus  # noqa: E402

# A run taking longer is taken for a hang. Sanitizer builds are about three
# times slower (the 1,000,000-row workbook takes ~27 s there, ~8 s otherwise),
# and scripts/sanitize.sh sets EXEMPLAR_TEST_TIME_SCALE to allow for it.
TIMEOUT = 60 * float(os.environ.get("EXEMPLAR_TEST_TIME_SCALE", "1"))
CRASH_WORDS = ("Sanitizer", "Aborted", "terminate called", "Segmentation", "core dumped", "runtime error:")

ROSTER = """\
工号,姓名,部门,职务,负责人,状态
A001,赵建国,办公室,主任,是,在职
A002,钱立新,办公室,副主任,否,在职
A003,孙红梅,办公室,科员,否,在职
A004,李卫东,办公室,科员,否,在职
A005,周志强,办公室/秘书科,科长,是,在职
A006,吴海燕,办公室/秘书科,科员,否,在职
A007,郑晓明,办公室/秘书科,科员,否,在职
A008,王丽娟,办公室/秘书科,科员,否,在职
0042,冯磊,办公室/秘书科,科员,否,在职
"""

ANSWERS = """\
rater_id,ratee_id,relation,item,answer
A002,A001,peer,B1,优秀
A002,A001,peer,B2,称职
A003,A001,peer,B1,4
A001,A001,self,L1,完全符合
A001,A001,self,C1,差距在于学习不够
A005,A006,head,L1,一般
"""

COMMANDS = {
    "roster": lambda path, out: ["roster", "import", path],
    "responses": lambda path, out: ["responses", "import", "2026", path],
    "form": lambda path, out: ["form", "validate", path],
    "plan": lambda path, out: ["plan", "validate", path],
    "cycle-create": lambda path, out: ["cycle", "create", "2028", "--plan", path],
    "report-template": lambda path, out: ["report", "2026", "--out", os.path.join(out, "report.xlsx"),
                                          "--template", path],
}


def env():
    e = dict(os.environ, LC_ALL="C.UTF-8", LANG="C.UTF-8")
    for k in ("LANGUAGE", "LC_MESSAGES"):
        e.pop(k, None)
    return e


class Office:
    """The pristine office: a database, its questionnaires, and another database's."""

    def __init__(self, binary, root):
        self.binary, self.root = binary, root
        self.db = os.path.join(root, "office", "office.db")
        os.makedirs(os.path.dirname(self.db))
        with open(os.path.join(root, "office", "roster.csv"), "w", encoding="utf-8") as f:
            f.write(ROSTER)
        with open(os.path.join(root, "office", "answers.csv"), "w", encoding="utf-8") as f:
            f.write(ANSWERS)
        self.q2026 = os.path.join(root, "office", "q2026")
        self.q2027 = os.path.join(root, "office", "q2027")
        self.qother = os.path.join(root, "other", "q2026")
        self.qolder = os.path.join(root, "office", "q2026-form-v1")
        # Cycle 2026 is made twice: first under the bundled self form (version 1),
        # whose questionnaires are kept, then, once deleted, under version 2 of it.
        newer_plan = os.path.join(root, "forms-v2", "annual.yaml")
        os.makedirs(os.path.dirname(newer_plan))
        shutil.copy(PLAN, newer_plan)
        with open(os.path.join(SOURCE, "forms", "five-exemplars.yaml"), encoding="utf-8") as f:
            form = f.read()
        if "\nversion: 1\n" not in form:
            raise SystemExit("set-up: the bundled five-exemplars form is no longer version 1")
        form = form.replace("\nversion: 1\n", "\nversion: 2\n", 1).replace("我能否在感情上毫不保留地热爱党？",
                                                                         "我能否在感情上始终毫不保留地热爱党？", 1)
        with open(os.path.join(os.path.dirname(newer_plan), "five-exemplars.yaml"), "w", encoding="utf-8") as f:
            f.write(form)
        self.setup(self.db, [
            ["roster", "import", os.path.join(root, "office", "roster.csv")],
            ["cycle", "create", "2026", "--plan", PLAN],
            ["questionnaires", "2026", "--out", self.qolder],
            ["cycle", "delete", "2026", "--yes"],
            ["cycle", "create", "2026", "--plan", newer_plan],
            ["responses", "import", "2026", os.path.join(root, "office", "answers.csv")],
            ["cycle", "create", "2027", "--plan", PLAN],
            ["questionnaires", "2026", "--out", self.q2026],
            ["questionnaires", "2027", "--out", self.q2027],
        ])
        other = os.path.join(root, "other", "other.db")
        self.setup(other, [
            ["roster", "import", os.path.join(root, "office", "roster.csv")],
            ["cycle", "create", "2026", "--plan", PLAN],
            ["questionnaires", "2026", "--out", self.qother],
        ])
        self.state = database_state(self.db)
        if self.state[1] is not None:
            raise SystemExit(f"set-up: {self.db}-wal is left after the commands (the CLI should checkpoint on close)")

    def setup(self, db, commands):
        for args in commands:
            p = subprocess.run([self.binary, "--db", db, *args], capture_output=True, env=env(), timeout=120)
            if p.returncode != 0:
                raise SystemExit(f"set-up: `exemplar {' '.join(args)}` exited {p.returncode}:\n"
                                 + p.stderr.decode("utf-8", "replace"))

    @staticmethod
    def _find(folder, rater):
        for name in sorted(os.listdir(folder)):
            if name.startswith(rater + "-"):
                return os.path.join(folder, name)
        raise SystemExit(f"set-up: no questionnaire of {rater} in {folder}")

    def questionnaire(self, rater):
        return self._find(self.q2026, rater)

    def other_cycle(self, rater):
        return self._find(self.q2027, rater)

    def other_database(self, rater):
        return self._find(self.qother, rater)

    def older_form_version(self, rater):
        return self._find(self.qolder, rater)


def database_state(db):
    def read(path):
        try:
            with open(path, "rb") as f:
                return f.read()
        except FileNotFoundError:
            return None
    return read(db), read(db + "-wal")


def load_manifest():
    entries = []
    with open(MANIFEST, encoding="utf-8") as f:
        for number, line in enumerate(f, start=1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split("\t")
            if len(fields) != 6:
                raise SystemExit(f"{MANIFEST}:{number}: expected 6 tab-separated fields, got {len(fields)}")
            name, command, prefix, fragment, kind, status = fields
            if command not in COMMANDS and command != "helper":
                raise SystemExit(f"{MANIFEST}:{number}: unknown command {command!r}")
            if not (status == "ok" or status.startswith("known_bug:")):
                raise SystemExit(f"{MANIFEST}:{number}: status is `ok` or `known_bug: …`, not {status!r}")
            entries.append(dict(name=name, command=command, prefix=prefix, fragment=fragment, kind=kind,
                                status=status, line=number))
    return entries


def check_corpus_listing(entries):
    """Every corpus file is in the manifest, and every listed file exists."""
    problems = []
    listed = {e["name"] for e in entries}
    for folder, _, files in os.walk(CORPUS):
        for name in files:
            rel = os.path.relpath(os.path.join(folder, name), CORPUS)
            if rel in ("MANIFEST.tsv", "make_corpus.py") or rel.endswith(".pyc") or "__pycache__" in rel:
                continue
            if rel not in listed:
                problems.append(f"{rel}: in tests/data/bad/ but not in MANIFEST.tsv")
    for e in entries:
        if e["name"].startswith("gen/"):
            if e["name"] not in make_corpus.RUNTIME:
                problems.append(f"{e['name']}: no generator in make_corpus.RUNTIME")
        elif not os.path.isfile(os.path.join(CORPUS, e["name"])):
            problems.append(f"{e['name']}: listed in MANIFEST.tsv but missing")
    for name in make_corpus.RUNTIME:
        if name not in listed:
            problems.append(f"{name}: generated by make_corpus.py but not in MANIFEST.tsv")
    return problems


def run_entry(binary, office, entry, path, work):
    """Runs one entry; returns (problems, first stderr line, seconds)."""
    db = os.path.join(work, "db", "office.db")
    out = os.path.join(work, "out")
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(os.path.dirname(db))
    os.makedirs(out)
    shutil.copyfile(office.db, db)
    before = database_state(db)
    db_files = sorted(os.listdir(os.path.dirname(db)))
    args = [binary, "--db", db, *COMMANDS[entry["command"]](path, out)]
    start = time.monotonic()
    problems = []
    try:
        p = subprocess.run(args, capture_output=True, env=env(), timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return [f"hung: no exit within {TIMEOUT:g} s"], "", time.monotonic() - start
    seconds = time.monotonic() - start
    err = p.stderr.decode("utf-8", "replace")
    first = err.split("\n", 1)[0]
    if p.returncode < 0:
        problems.append(f"killed by signal {-p.returncode}")
    elif p.returncode != 1:
        problems.append(f"exit status {p.returncode}, expected 1")
    if not err.strip():
        problems.append("nothing on stderr")
    else:
        prefix = entry["prefix"].replace("FILE", path, 1)
        if not first.startswith(prefix):
            problems.append(f"first line does not start with {prefix!r}")
        if entry["fragment"] not in first:
            problems.append(f"first line does not contain {entry['fragment']!r}")
    for word in CRASH_WORDS:
        if word in err:
            problems.append(f"stderr mentions {word!r}")
    after = database_state(db)
    if after != before:
        what = []
        if after[0] != before[0]:
            what.append("the .db file changed")
        if after[1] != before[1]:
            what.append("a -wal file was left" if before[1] is None else "the -wal file changed")
        problems.append("database changed: " + ", ".join(what))
    left = sorted(set(os.listdir(os.path.dirname(db))) - set(db_files) - {"office.db-wal", "office.db-shm"})
    if left:
        problems.append("files left beside the database: " + ", ".join(left))
    if os.listdir(out):
        problems.append("files left in the output folder: " + ", ".join(sorted(os.listdir(out))))
    return problems, first, seconds


def run_control(binary, office, command, path, work):
    """Runs a control file; returns (accepted?, what happened)."""
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(os.path.join(work, "out"))
    db = os.path.join(work, "office.db")
    shutil.copyfile(office.db, db)
    args = [binary, "--db", db, *COMMANDS[command](path, os.path.join(work, "out"))]
    try:
        p = subprocess.run(args, capture_output=True, env=env(), timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return False, f"hung: no exit within {TIMEOUT:g} s"
    if p.returncode != 0:
        return False, f"exit status {p.returncode}: " + p.stderr.decode("utf-8", "replace").split("\n", 1)[0]
    return True, (p.stdout.decode("utf-8", "replace").strip().split("\n") or [""])[0][:80]


def shell_command(binary, office, entry, path):
    args = COMMANDS[entry["command"]](path, "/tmp/bad-out")
    quoted = " ".join(a if all(ch.isalnum() or ch in "/._-:@" for ch in a) else "'" + a + "'" for a in args)
    return (f"cp {office.db} /tmp/repro.db && rm -rf /tmp/bad-out && mkdir /tmp/bad-out && "
            f"LC_ALL=C.UTF-8 {binary} --db /tmp/repro.db {quoted}")


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    binary = os.path.abspath(sys.argv[1])
    only = sys.argv[sys.argv.index("--only") + 1] if "--only" in sys.argv else None
    verbose = "--verbose" in sys.argv
    keep = os.path.abspath(sys.argv[sys.argv.index("--keep") + 1]) if "--keep" in sys.argv else None
    if keep is not None:
        os.makedirs(keep, exist_ok=True)
        if os.listdir(keep):
            sys.exit(f"--keep {keep}: the folder is not empty")
    t0 = time.monotonic()
    entries = load_manifest()
    listing = check_corpus_listing(entries)
    runnable = [e for e in entries if e["command"] != "helper" and (only is None or only in e["name"])]

    failures, known, fixed = [], [], []
    passed = 0
    for problem in listing:
        print("FAIL  " + problem)
        failures.append((problem, []))

    with tempfile.TemporaryDirectory(prefix="exemplar-bad-") as temporary:
        root = keep or temporary
        office = Office(binary, root)
        print(f"office set up in {time.monotonic() - t0:.1f} s")
        gen = os.path.join(root, "gen")
        os.makedirs(gen)
        t_gen = time.monotonic()
        paths = {}
        for e in runnable:
            if e["name"].startswith("gen/"):
                path = os.path.join(gen, os.path.basename(e["name"]))
                make_corpus.RUNTIME[e["name"]](office, path)
                paths[e["name"]] = path
            else:
                paths[e["name"]] = os.path.join(CORPUS, e["name"])
        print(f"generated {sum(1 for n in paths if n.startswith('gen/'))} files in {time.monotonic() - t_gen:.1f} s")

        # the unbroken originals must be accepted, or the corpus proves nothing
        for name, (command, write) in sorted(make_corpus.CONTROLS.items()):
            path = os.path.join(gen, name)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            write(office, path)
            ok, detail = run_control(binary, office, command, path, os.path.join(root, "run"))
            print(f"{'ok   ' if ok else 'FAIL '} {name:<52} {command:<15} control, accepted: {detail}")
            if not ok:
                failures.append((f"{name}: the unbroken original is not accepted, so the corpus is off", [detail]))

        for e in runnable:
            path = paths[e["name"]]
            problems, first, seconds = run_entry(binary, office, e, path, os.path.join(root, "run"))
            # show the first line with the temporary folder shortened
            shown = first.replace(gen + "/", "gen/").replace(CORPUS + "/", "")
            if len(shown) > 160:
                shown = shown[:157] + "..."
            bug = e["status"].startswith("known_bug:")
            if problems and bug:
                tag = "KNOWN"
                known.append((e, problems, first, path))
            elif problems:
                tag = "FAIL "
                failures.append((f"{e['name']} ({e['command']}, MANIFEST.tsv:{e['line']})", problems + [
                    "first line: " + first]))
            elif bug:
                tag = "FIXED"
                fixed.append(e)
            else:
                tag = "ok   "
                passed += 1
            print(f"{tag} {e['name']:<52} {e['command']:<15} {seconds:5.2f}s  {shown}")
            if verbose or (problems and not bug):
                for problem in problems:
                    print("        " + problem)

        total = time.monotonic() - t0
        print()
        print(f"{len(runnable)} entries: {passed} ok, {len(known)} known bugs, "
              f"{len(fixed)} known bugs no longer showing, {len(failures)} failures; {total:.1f} s")
        if known:
            print()
            print("Known bugs (MANIFEST.tsv marks them known_bug; not failures):")
            for e, problems, first, path in known:
                print(f"  {e['name']}: {e['status'][len('known_bug:'):].strip()}")
                print(f"      {'; '.join(problems)}")
                print(f"      stderr: {first[:200]}")
                print(f"      repro:  {shell_command(binary, office, e, path)}")
            if keep is None:
                print("  (the office and gen/ files above are deleted; run with --keep DIR to keep them)")
        if fixed:
            print()
            print("Marked known_bug but now refused cleanly (remove the mark in MANIFEST.tsv):")
            for e in fixed:
                print(f"  {e['name']}")
        if failures:
            print()
            print("FAILURES:")
            for what, problems in failures:
                print("  " + what)
                for p in problems:
                    print("      " + p)
            sys.exit(1)


if __name__ == "__main__":
    main()
