#!/usr/bin/python3
"""Times Exemplar's main job with the built `exemplar` at several office sizes.

    bench/run_bench.py [--sizes 50,1000,10000] [--runs 3] [--exemplar build/src/cli/exemplar]
                       [--shared ../shared/bench] [--work /tmp/exemplar-bench] [--markdown FILE]

For each size the seeded workload of ../shared/bench/gen_workload.py (roster.csv,
responses.csv, plan.yaml and its forms; generated once into WORK/pN and reused)
goes through the product's main job on a fresh database, stage by stage:

    roster import · cycle create · responses import · results --csv · report --out

Each stage is one process: its wall time (perf_counter around the run), its CPU
time and its peak resident memory (ru_maxrss from os.wait4) are recorded. After
RUNS rounds a Markdown table per size gives the median wall seconds, the median
CPU seconds, the highest peak MB and answers per second (the size's answers over
the median wall time). With 1,000 and 10,000 among the sizes, a last table gives
each stage's growth from 1,000 to 10,000 people against the growth of the
answers (about 10x): a ratio near 1.0 is linear.

Any stage that fails stops everything with its command line and the end of its
stderr. Uses only the standard library; the generator needs numpy, so it runs
under /usr/bin/python3 (or --python).
"""
import argparse
import datetime
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# (stage key, label, argv after `exemplar --db DB`, stdout file or None)
STAGES = [
    ("roster", "roster import", lambda d, w: ["roster", "import", os.path.join(d, "roster.csv")], None),
    ("cycle", "cycle create", lambda d, w: ["cycle", "create", "bench", "--plan", os.path.join(d, "plan.yaml")], None),
    ("responses", "responses import", lambda d, w: ["responses", "import", "bench", os.path.join(d, "responses.csv")], None),
    ("results", "results --csv", lambda d, w: ["results", "bench", "--csv"], "results.csv"),
    ("report", "report --out", lambda d, w: ["report", "bench", "--out", os.path.join(w, "report.xlsx")], None),
]


class BenchError(Exception):
    """A command failed or its output is not what the main job makes."""


def run_measured(argv, stdout_path=None, timeout=None, env=None):
    """Runs argv; returns (wall seconds, cpu seconds, peak MB). Raises BenchError with its stderr on failure."""
    with tempfile.TemporaryFile() as err, open(stdout_path or os.devnull, "wb") as out:
        start = time.perf_counter()
        try:
            proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=out, stderr=err, env=env)
        except OSError as e:
            raise BenchError(f"cannot start {argv[0]}: {e}") from e
        # A timer kills a stuck command; os.wait4 blocks, so the wall time has no polling slack
        # and gives this child's own rusage (ru_maxrss in KiB on Linux).
        timer = threading.Timer(timeout, proc.kill) if timeout else None
        if timer:
            timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            if timer:
                timer.cancel()
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)  # so Popen does not wait again
        if timeout and wall >= timeout and proc.returncode < 0:
            raise BenchError(f"timed out after {timeout} s: {' '.join(argv)}")
        if proc.returncode != 0:
            err.seek(0)
            text = err.read().decode("utf-8", errors="replace")
            raise BenchError(f"exit status {proc.returncode}: {' '.join(argv)}\n--- stderr (end) ---\n{text[-4000:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024.0


def count_answers(responses_csv):
    """Data rows of the long-format answers file (one answer a row)."""
    lines = 0
    with open(responses_csv, "rb") as f:
        while chunk := f.read(1 << 20):
            lines += chunk.count(b"\n")
    return max(0, lines - 1)


def count_people(roster_csv):
    with open(roster_csv, "rb") as f:
        return max(0, sum(1 for line in f if line.strip()) - 1)


def ensure_workload(args, people):
    """WORK/pN with the generator's files, generated when missing (or always with --regenerate)."""
    data = os.path.join(args.work, f"p{people}")
    needed = ["roster.csv", "responses.csv", "plan.yaml"]
    if args.regenerate or not all(os.path.exists(os.path.join(data, f)) for f in needed):
        generator = os.path.join(args.shared, "gen_workload.py")
        if not os.path.exists(generator):
            raise BenchError(f"no workload generator at {generator} (give --shared DIR)")
        print(f"generating {people} people into {data} …", file=sys.stderr, flush=True)
        os.makedirs(data, exist_ok=True)
        run_measured([args.python, generator, "--people", str(people), "--out", data])
    return data


def remove_database(db):
    for f in (db, db + "-wal", db + "-shm", db + "-journal"):
        if os.path.exists(f):
            os.remove(f)


def check_outputs(work, people):
    """The main job's outputs exist and have a row per person (so a silent no-op is not timed as fast)."""
    results = os.path.join(work, "results.csv")
    with open(results, "rb") as f:
        rows = sum(1 for line in f if line.strip()) - 1
    if rows != people:
        raise BenchError(f"{results}: {rows} result rows for {people} people")
    report = os.path.join(work, "report.xlsx")
    if not os.path.exists(report) or os.path.getsize(report) < 1000:
        raise BenchError(f"{report}: missing or empty")


def bench_size(args, people):
    data = ensure_workload(args, people)
    answers = count_answers(os.path.join(data, "responses.csv"))
    roster_people = count_people(os.path.join(data, "roster.csv"))
    work = os.path.join(args.work, f"run-p{people}")
    os.makedirs(work, exist_ok=True)
    db = os.path.join(work, "bench.db")
    samples = {key: [] for key, *_ in STAGES}
    samples["total"] = []
    for run in range(1, args.runs + 1):
        remove_database(db)
        for name in ("report.xlsx", "results.csv"):
            if os.path.exists(os.path.join(work, name)):
                os.remove(os.path.join(work, name))
        total_wall = total_cpu = total_peak = 0.0
        line = []
        for key, label, argv, stdout_name in STAGES:
            cmd = [args.exemplar, "--db", db] + argv(data, work)
            wall, cpu, peak = run_measured(cmd, os.path.join(work, stdout_name) if stdout_name else None, args.timeout)
            samples[key].append((wall, cpu, peak))
            total_wall += wall
            total_cpu += cpu
            total_peak = max(total_peak, peak)
            line.append(f"{label} {wall:.2f}s/{peak:.0f}MB")
        samples["total"].append((total_wall, total_cpu, total_peak))
        check_outputs(work, roster_people)
        print(f"p{people} run {run}/{args.runs}: " + ", ".join(line), file=sys.stderr, flush=True)
    if not args.keep:
        remove_database(db)
    return {"people": people, "answers": answers, "samples": samples}


def summarise(stage_samples):
    walls = [s[0] for s in stage_samples]
    cpus = [s[1] for s in stage_samples]
    peaks = [s[2] for s in stage_samples]
    return statistics.median(walls), statistics.median(cpus), max(peaks), min(walls), max(walls)


def size_table(result, runs):
    rows = [f"#### {result['people']:,} people, {result['answers']:,} answers (medians of {runs} runs)", "",
            "| stage | wall s (median) | wall s (min–max) | CPU s | peak MB | answers/s |",
            "|---|---:|---:|---:|---:|---:|"]
    for key, label in [(k, l) for k, l, *_ in STAGES] + [("total", "**main job (sum)**")]:
        wall, cpu, peak, low, high = summarise(result["samples"][key])
        rate = result["answers"] / wall if wall > 0 else float("inf")
        rows.append(f"| {label} | {wall:.3f} | {low:.3f}–{high:.3f} | {cpu:.3f} | {peak:.1f} | {rate:,.0f} |")
    return "\n".join(rows)


def growth_table(small, large):
    answers = large["answers"] / small["answers"]
    rows = [f"#### Growth from {small['people']:,} to {large['people']:,} people (answers ×{answers:.2f})", "",
            "| stage | wall × | wall × / answers × | peak MB × |", "|---|---:|---:|---:|"]
    for key, label in [(k, l) for k, l, *_ in STAGES] + [("total", "**main job (sum)**")]:
        w_small, _, p_small, *_ = summarise(small["samples"][key])
        w_large, _, p_large, *_ = summarise(large["samples"][key])
        ratio = w_large / w_small if w_small > 0 else float("inf")
        rows.append(f"| {label} | {ratio:.2f} | {ratio / answers:.2f} | {p_large / p_small:.2f} |")
    rows += ["", "A wall-time ratio near 1.0 is linear in the answers; above 1 grows faster."]
    return "\n".join(rows)


def exemplar_version(exe):
    try:
        r = subprocess.run([exe, "--version"], capture_output=True, text=True, timeout=30)
        return r.stdout.strip() or r.stderr.strip()
    except OSError:
        return "?"


def parse_args(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    ap.add_argument("--sizes", default="50,1000,10000", help="people per office, comma-separated (default 50,1000,10000)")
    ap.add_argument("--runs", type=int, default=3, help="rounds per size; medians are taken (default 3)")
    ap.add_argument("--exemplar", default=os.path.join(REPO, "build", "src", "cli", "exemplar"),
                    help="the built CLI (default build/src/cli/exemplar)")
    ap.add_argument("--shared", default=os.path.join(os.path.dirname(REPO), "shared", "bench"),
                    help="folder of gen_workload.py (default ../shared/bench beside the repository)")
    ap.add_argument("--work", default=os.path.join(tempfile.gettempdir(), "exemplar-bench"),
                    help="workloads (pN) and databases (run-pN) go here (default /tmp/exemplar-bench)")
    ap.add_argument("--python", default="/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable,
                    help="interpreter for the generator, with numpy (default /usr/bin/python3)")
    ap.add_argument("--markdown", help="also write the tables to this file (for docs/benchmarks.md)")
    ap.add_argument("--timeout", type=float, default=3600, help="seconds one command may take (default 3600)")
    ap.add_argument("--regenerate", action="store_true", help="generate the workloads again even when present")
    ap.add_argument("--keep", action="store_true", help="keep the last database of each size (WORK/run-pN/bench.db)")
    args = ap.parse_args(argv)
    try:
        args.sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    except ValueError:
        ap.error(f"--sizes: not a list of numbers: {args.sizes}")
    if not args.sizes or any(s < 2 for s in args.sizes):
        ap.error("--sizes: at least one size, each of 2 people or more")
    if args.runs < 1:
        ap.error("--runs: at least 1")
    args.exemplar = os.path.abspath(args.exemplar)
    if not os.access(args.exemplar, os.X_OK):
        ap.error(f"--exemplar: no program at {args.exemplar} (build it, or give its path)")
    args.work = os.path.abspath(args.work)
    return args


def main(argv=None):
    args = parse_args(argv)
    results = []
    try:
        for people in args.sizes:
            results.append(bench_size(args, people))
    except BenchError as e:
        sys.exit(f"run_bench.py: {e}")
    header = (f"Exemplar main job, {datetime.date.today().isoformat()}, {exemplar_version(args.exemplar)} "
              f"({args.exemplar}), {os.cpu_count()} CPUs, {platform.platform()}")
    parts = [header, ""] + [size_table(r, args.runs) + "\n" for r in results]
    by_size = {r["people"]: r for r in results}
    if 1000 in by_size and 10000 in by_size:
        parts.append(growth_table(by_size[1000], by_size[10000]) + "\n")
    elif len(results) >= 2:
        ordered = sorted(results, key=lambda r: r["people"])
        parts.append(growth_table(ordered[-2], ordered[-1]) + "\n")
    text = "\n".join(parts)
    print(text)
    if args.markdown:
        with open(args.markdown, "w", encoding="utf-8") as f:
            f.write(text)
        print(f"tables written to {args.markdown}", file=sys.stderr)


if __name__ == "__main__":
    main()
