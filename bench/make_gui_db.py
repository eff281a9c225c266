#!/usr/bin/python3
"""Makes the database exemplar-gui-bench opens: the workload of one size through
the CLI with its cycle closed, as HR leaves it before looking at the results.

    bench/make_gui_db.py --out DB [--people 10000] [--exemplar build/src/cli/exemplar]
                         [--shared ../shared/bench] [--work /tmp/exemplar-bench]

roster import, cycle create bench --plan plan.yaml, responses import, cycle close.
An existing DB is replaced. Fails loudly with the failing command's stderr.
"""
import argparse
import os
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
import run_bench  # noqa: E402  (beside this file)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", required=True, help="the database to create")
    ap.add_argument("--people", type=int, default=10000)
    ap.add_argument("--exemplar", default=os.path.join(run_bench.REPO, "build", "src", "cli", "exemplar"))
    ap.add_argument("--shared", default=os.path.join(os.path.dirname(run_bench.REPO), "shared", "bench"))
    ap.add_argument("--work", default="/tmp/exemplar-bench")
    ap.add_argument("--python", default="/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable)
    ap.add_argument("--regenerate", action="store_true")
    a = ap.parse_args()
    exe, db = os.path.abspath(a.exemplar), os.path.abspath(a.out)
    try:
        data = run_bench.ensure_workload(a, a.people)
        os.makedirs(os.path.dirname(db), exist_ok=True)
        run_bench.remove_database(db)
        for argv in (["roster", "import", os.path.join(data, "roster.csv")],
                     ["cycle", "create", "bench", "--plan", os.path.join(data, "plan.yaml")],
                     ["responses", "import", "bench", os.path.join(data, "responses.csv")],
                     ["cycle", "close", "bench"]):
            wall, _, peak = run_bench.run_measured([exe, "--db", db] + argv)
            print(f"{' '.join(argv[:2])}: {wall:.2f} s, {peak:.0f} MB", file=sys.stderr)
    except run_bench.BenchError as e:
        sys.exit(f"make_gui_db.py: {e}")
    print(db)


if __name__ == "__main__":
    main()
