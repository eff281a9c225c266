#!/usr/bin/python3
"""Independent reference implementation of SPEC §3 (assignments) and §5 (scoring).

Written from the text of /work/shared/spec/SPEC.md only, without looking at the
C++ engine, so the end-to-end test can compare two implementations of the same
contract. It reads the same files the `exemplar` CLI reads: a roster CSV, a plan
YAML (forms found in the plan's folder first, then among the bundled forms) and
long-format response CSVs, and produces:

  * the assignment list: (rater, ratee, relation) with status and flags;
  * the HR导入 table of SPEC §6 (columns, rows and row order).

Usage:
  reference_scoring.py ROSTER PLAN [RESPONSES...] [--forms DIR] [--assignments]
  reference_scoring.py ROSTER PLAN [RESPONSES...] --explain PERSON_ID

Without --assignments/--explain it prints the HR导入 table as CSV (no BOM).
Needs Debian 12's python3-yaml and python3-icu; run with /usr/bin/python3.
"""

import argparse
import csv
import io
import math
import os
import sys

import yaml

EPS = 1e-9
RELATIONS = ("self", "head", "peer")
HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_FORMS_DIR = os.path.normpath(os.path.join(HERE, "..", "..", "forms"))


# ---------------------------------------------------------------- CSV reading

def read_table(path, columns):
    """Reads a CSV exchange file (§4). `columns` maps a canonical key to its
    accepted header names. Returns a list of dicts keyed by the canonical key."""
    with open(path, "rb") as f:
        data = f.read()
    text = data.decode("utf-8")
    if text.startswith("\ufeff"):
        text = text[1:]
    rows = list(csv.reader(io.StringIO(text, newline="")))
    header = [c.strip() for c in rows[0]]
    index = {}
    for key, names in columns.items():
        lowered = [n.lower() for n in names]
        for i, h in enumerate(header):
            if h.lower() in lowered:
                if key in index:
                    raise ValueError(f"{path}: column {key} named twice")
                index[key] = i
    out = []
    for row in rows[1:]:
        cells = [c.strip() for c in row]
        if not any(cells):
            continue  # blank rows are skipped
        rec = {}
        for key, i in index.items():
            rec[key] = cells[i] if i < len(cells) else ""
        out.append(rec)
    return out


YES = {"是", "yes", "true", "1"}
NO = {"否", "no", "false", "0", ""}
ACTIVE_YES = {"在职", "是", "yes", "true", "1", ""}
ACTIVE_NO = {"离职", "否", "no", "false", "0"}


def load_roster(path):
    recs = read_table(path, {
        "id": ["工号", "id"], "name": ["姓名", "name"], "department": ["部门", "department"],
        "position": ["职务", "position"], "head": ["负责人", "head"], "active": ["状态", "active"],
    })
    people = {}
    for r in recs:
        head = r.get("head", "").lower()
        active = r.get("active", "").lower()
        assert head in YES or head in NO, r
        assert active in ACTIVE_YES or active in ACTIVE_NO, r
        people[r["id"]] = {
            "id": r["id"], "name": r["name"], "department": r["department"],
            "position": r.get("position", ""), "head": head in YES, "active": active in ACTIVE_YES,
        }
    return people


# ------------------------------------------------------------- plan and forms

def load_yaml(path):
    with open(path, encoding="utf-8") as f:
        return yaml.safe_load(f)


def find_form(form_id, plan_dir, forms_dir):
    for folder in (plan_dir, forms_dir):
        for fn in sorted(os.listdir(folder)):
            if not fn.endswith(".yaml"):
                continue
            doc = load_yaml(os.path.join(folder, fn))
            if isinstance(doc, dict) and doc.get("form") == form_id:
                return doc
    raise LookupError(f"form {form_id} not found")


class Form:
    """A form reduced to what scoring needs: items with their dimension, scale
    options (label, value, points), reverse, weight, required; comment ids."""

    def __init__(self, doc):
        self.id = doc["form"]
        self.dimensions = []      # dimension ids in form order
        self.items = {}           # item id -> dict
        self.comments = set(c["id"] for c in doc.get("comments") or [])
        scales = {}
        for sid, s in doc["scales"].items():
            opts = s["options"]
            values = [o["value"] for o in opts]
            lo, hi = min(values), max(values)
            options = []
            for o in opts:
                pts = o["points"] if "points" in o else (o["value"] - lo) / (hi - lo) * 100
                options.append({"label": str(o["label"]), "value": o["value"], "points": pts})
            scales[sid] = options
        for dim in doc["dimensions"]:
            self.dimensions.append(dim["id"])
            items = []
            if "facets" in dim:
                for facet in dim["facets"]:
                    items.extend(facet["items"])
            else:
                items.extend(dim["items"])
            for it in items:
                options = scales[it["scale"]]
                self.items[it["id"]] = {
                    "id": it["id"], "dimension": dim["id"], "options": options,
                    "p_hi": max(o["points"] for o in options),
                    "p_lo": min(o["points"] for o in options),
                    "reverse": bool(it.get("reverse", False)),
                    "weight": it.get("weight", 1),
                    "required": bool(it.get("required", True)),
                }

    def resolve(self, item_id, answer):
        """The option an answer text picks: a label first, then a value."""
        item = self.items[item_id]
        for o in item["options"]:
            if o["label"] == answer:
                return o
        num = float(answer)
        for o in item["options"]:
            if o["value"] == num:
                return o
        raise ValueError(f"answer {answer!r} fits no option of item {item_id}")

    def score(self, item_id, option):
        item = self.items[item_id]
        if item["reverse"]:
            return item["p_hi"] + item["p_lo"] - option["points"]
        return option["points"]


def load_plan(path, forms_dir=DEFAULT_FORMS_DIR):
    doc = load_yaml(path)
    plan_dir = os.path.dirname(os.path.abspath(path))
    forms = {}
    for rel in RELATIONS:
        fid = (doc.get("forms") or {}).get(rel)
        if fid:
            forms[rel] = Form(find_form(fid, plan_dir, forms_dir))
    columns = []
    for rel in RELATIONS:
        if rel in forms:
            for d in forms[rel].dimensions:
                if d not in columns:
                    columns.append(d)
    return {
        "forms": forms,
        "W": {g: float((doc.get("relation_weights") or {}).get(g, 0)) for g in RELATIONS},
        "V": {d: float((doc.get("dimension_weights") or {}).get(d, 0)) for d in columns},
        "peer_scope": doc.get("peer_scope", "department"),
        "min_peers": int(doc.get("min_peers", 3)),
        "trim": bool(doc.get("trim_extremes", False)),
        "grades": [(g["name"], float(g["min"])) for g in doc["grades"]],
        "quota": float(doc.get("top_grade_quota", 0)),
        "columns": columns,
    }


# ---------------------------------------------------------------- assignments

def parent(dept):
    return dept.rsplit("/", 1)[0] if "/" in dept else None


def make_assignments(people, plan):
    active = {pid: p for pid, p in people.items() if p["active"]}
    heads = {}
    for pid, p in active.items():
        if p["head"]:
            assert p["department"] not in heads, "two active heads in " + p["department"]
            heads[p["department"]] = pid

    def supervisor(pid):
        dept = active[pid]["department"]
        while dept is not None:
            h = heads.get(dept)
            if h is not None and h != pid:
                return h
            dept = parent(dept)
        return None

    out = []  # (rater, ratee, relation)
    for pid, p in active.items():
        if "self" in plan["forms"]:
            out.append((pid, pid, "self"))
        if "head" in plan["forms"]:
            s = supervisor(pid)
            if s is not None:
                out.append((s, pid, "head"))
        if "peer" in plan["forms"]:
            for qid, q in active.items():
                if qid == pid:
                    continue
                if plan["peer_scope"] == "unit" or q["department"] == p["department"]:
                    out.append((qid, pid, "peer"))
    return out


# ------------------------------------------------------------------ responses

RELATION_WORDS = {"自评": "self", "self": "self", "上级": "head", "head": "head",
                  "同事": "peer", "peer": "peer"}


def apply_responses(answers, path):
    """Applies one long-format file to `answers` ({(rater, ratee, rel): {item: text}}):
    blank answers never clear; a later file replaces earlier answers."""
    recs = read_table(path, {
        "rater": ["评价人工号", "rater_id"], "ratee": ["被评价人工号", "ratee_id"],
        "relation": ["关系", "relation"], "item": ["题号", "item"], "answer": ["答案", "answer"],
    })
    for r in recs:
        key = (r["rater"], r["ratee"], RELATION_WORDS[r["relation"].lower()])
        if key not in answers:
            raise ValueError(f"{path}: {key} is not an assignment")
        if r["answer"] == "":
            continue
        answers[key][r["item"]] = r["answer"]


# -------------------------------------------------------------------- scoring

def mean(xs):
    return sum(xs) / len(xs)


class Reference:
    def __init__(self, roster, plan, responses=(), forms_dir=DEFAULT_FORMS_DIR):
        self.people = load_roster(roster)
        self.plan = load_plan(plan, forms_dir)
        self.assignments = make_assignments(self.people, self.plan)
        self.answers = {a: {} for a in self.assignments}
        for path in responses:
            apply_responses(self.answers, path)
        self._score()

    # -- per assignment
    def resolved(self, a):
        """{item: (option, n)} for the scored items answered in assignment a."""
        form = self.plan["forms"][a[2]]
        out = {}
        for item, text in self.answers[a].items():
            if item in form.comments:
                continue
            opt = form.resolve(item, text)
            out[item] = (opt, form.score(item, opt))
        return out

    def submitted(self, a):
        form = self.plan["forms"][a[2]]
        given = self.answers[a]
        if not given:
            return False
        return all(i in given for i, it in form.items.items() if it["required"])

    def status(self, a):
        if self.submitted(a):
            return "submitted"
        return "draft" if self.answers[a] else "open"

    def flags(self, a):
        if a[2] not in ("self", "head"):
            return []
        values = [opt["value"] for opt, _ in self.resolved(a).values()]
        if len(values) >= 5 and len(set(values)) == 1:
            return ["STRAIGHT_LINE"]
        return []

    def D(self, a):
        """{dimension: weighted mean of n} over answered items."""
        form = self.plan["forms"][a[2]]
        acc = {}
        for item, (_, n) in self.resolved(a).items():
            it = form.items[item]
            s = acc.setdefault(it["dimension"], [0.0, 0.0])
            s[0] += it["weight"] * n
            s[1] += it["weight"]
        return {d: s[0] / s[1] for d, s in acc.items()}

    # -- per person
    def _score(self):
        plan = self.plan
        cols = plan["columns"]
        active = [pid for pid, p in self.people.items() if p["active"]]
        self.members = active
        by_ratee = {pid: [] for pid in active}
        for a in self.assignments:
            by_ratee[a[1]].append(a)
        self.by_ratee = by_ratee
        R = {}
        for pid in active:
            r = {"G": {g: {} for g in RELATIONS}, "D_lists": {g: {} for g in RELATIONS},
                 "trimmed": {g: {} for g in RELATIONS}}
            subs = {g: [a for a in by_ratee[pid] if a[2] == g and self.submitted(a)] for g in RELATIONS}
            r["peer_count"] = len(subs["peer"])
            peer_defined = "peer" in plan["forms"] and r["peer_count"] >= plan["min_peers"]
            r["peer_defined"] = peer_defined
            for g in RELATIONS:
                if g not in plan["forms"]:
                    continue
                if g == "peer" and not peer_defined:
                    continue
                Ds = [self.D(a) for a in subs[g]]
                for d in cols:
                    vals = [D[d] for D in Ds if d in D]
                    r["D_lists"][g][d] = list(vals)
                    if plan["trim"] and len(vals) > 5:
                        vals = sorted(vals)
                        r["trimmed"][g][d] = (vals[0], vals[-1])
                        vals = vals[1:-1]
                    if vals:
                        r["G"][g][d] = mean(vals)
            G = r["G"]
            W = plan["W"]
            r["P"] = {}
            r["Others"] = {}
            for d in cols:
                for key, groups in (("P", RELATIONS), ("Others", ("head", "peer"))):
                    num = den = 0.0
                    for g in groups:
                        if W[g] > 0 and d in G[g]:
                            num += W[g] * G[g][d]
                            den += W[g]
                    if den > 0:
                        r[key][d] = num / den
            r["T"] = self.total(r["P"])
            r["Tg"] = {g: self.total(G[g]) for g in RELATIONS}
            r["gap"] = {}
            for d in cols:
                if d in G["self"] and d in r["Others"]:
                    r["gap"][d] = G["self"][d] - r["Others"][d]
            r["has_head"] = any(a[2] == "head" for a in by_ratee[pid])
            r["incomplete"] = any(not self.submitted(a) for a in by_ratee[pid])
            R[pid] = r
        # ranks
        withT = [pid for pid in active if R[pid]["T"] is not None]
        for pid in active:
            t = R[pid]["T"]
            if t is None:
                R[pid]["rank_unit"] = R[pid]["rank_department"] = None
                continue
            R[pid]["rank_unit"] = 1 + sum(1 for q in withT if R[q]["T"] > t + EPS)
            dept = self.people[pid]["department"]
            R[pid]["rank_department"] = 1 + sum(
                1 for q in withT if self.people[q]["department"] == dept and R[q]["T"] > t + EPS)
        # grades
        N = len(withT)
        K = math.floor(plan["quota"] * N + EPS)
        self.N, self.K = N, K
        grades = plan["grades"]
        for pid in active:
            r = R[pid]
            r["grade"] = None
            r["quota_tie"] = False
            r["grade_by_min"] = None
            t = r["T"]
            if t is None:
                continue
            gi = next(i for i, (_, mn) in enumerate(grades) if mn <= t + EPS)
            r["grade_by_min"] = grades[gi][0]
            if gi == 0:
                rank = r["rank_unit"]
                if rank > K:
                    gi = 1 if len(grades) > 1 else 0
                else:
                    size = sum(1 for q in withT if R[q]["rank_unit"] == rank)
                    if rank + size - 1 > K:
                        r["quota_tie"] = True
            r["grade"] = grades[gi][0]
        # flags
        for pid in active:
            r = R[pid]
            f = []
            if "peer" in plan["forms"] and not r["peer_defined"]:
                f.append("INSUFFICIENT_PEERS")
            if "head" in plan["forms"] and not r["has_head"]:
                f.append("NO_HEAD")
            if r["incomplete"]:
                f.append("INCOMPLETE")
            if r["quota_tie"]:
                f.append("QUOTA_TIE")
            for d in cols:
                if d in r["gap"]:
                    if r["gap"][d] >= 15 - EPS:
                        f.append("BLIND_SPOT:" + d)
                    elif r["gap"][d] <= -15 + EPS:
                        f.append("HIDDEN_STRENGTH:" + d)
            r["flags"] = f
        self.R = R

    def total(self, scores):
        num = den = 0.0
        for d in self.plan["columns"]:
            v = self.plan["V"][d]
            if v > 0 and d in scores:
                num += v * scores[d]
                den += v
        return num / den if den > 0 else None

    # -- outputs
    def header(self):
        return (["person_id", "name", "department", "position"] + self.plan["columns"] +
                ["total", "rank_unit", "rank_department", "grade", "self_total", "head_total",
                 "peer_total", "peer_count", "flags"])

    def ordered_ids(self):
        from icu import Collator, Locale
        coll = Collator.createInstance(Locale("zh@collation=stroke"))
        R = self.R
        withT = [p for p in self.members if R[p]["T"] is not None]
        without = [p for p in self.members if R[p]["T"] is None]
        withT.sort(key=lambda p: (R[p]["rank_unit"], coll.getSortKey(self.people[p]["name"]), p))
        without.sort(key=lambda p: (coll.getSortKey(self.people[p]["name"]), p))
        return withT + without

    def rows(self):
        """The HR导入 table: list of dicts (values: float, int, str or None)."""
        out = []
        for pid in self.ordered_ids():
            p, r = self.people[pid], self.R[pid]
            row = {"person_id": pid, "name": p["name"], "department": p["department"],
                   "position": p["position"]}
            for d in self.plan["columns"]:
                row[d] = r["P"].get(d)
            row.update({
                "total": r["T"], "rank_unit": r["rank_unit"], "rank_department": r["rank_department"],
                "grade": r["grade"], "self_total": r["Tg"]["self"], "head_total": r["Tg"]["head"],
                "peer_total": r["Tg"]["peer"], "peer_count": r["peer_count"],
                "flags": ";".join(r["flags"]),
            })
            out.append(row)
        return out

    def assignment_rows(self):
        return [{"rater_id": a[0], "ratee_id": a[1], "relation": a[2],
                 "form": self.plan["forms"][a[2]].id, "status": self.status(a),
                 "flags": ";".join(self.flags(a))} for a in self.assignments]


# ------------------------------------------------------------------- printing

def cell(v):
    if v is None:
        return ""
    if isinstance(v, float):
        return repr(v)
    return str(v)


def fmt(v):
    return "—" if v is None else f"{v:.4f}"


def explain(ref, pid):
    """Every step D → G → P → T → rank → grade (and the gap) for one person.
    Peer ballots are shown without their raters (SPEC §6: never per rater)."""
    p, r = ref.people[pid], ref.R[pid]
    plan = ref.plan
    cols = plan["columns"]
    print(f"# {pid} {p['name']} · {p['department']} · {p['position']}")
    print(f"plan: W = {plan['W']}, V = {plan['V']}, min_peers = {plan['min_peers']}, "
          f"trim_extremes = {plan['trim']}, quota = {plan['quota']}")
    print()
    print("## answers and rater dimension scores D")
    peers = [a for a in ref.by_ratee[pid] if a[2] == "peer"]
    for a in sorted(ref.by_ratee[pid], key=lambda a: RELATIONS.index(a[2])):
        if a[2] == "peer":
            continue
        res = ref.resolved(a)
        form = plan["forms"][a[2]]
        comments = sorted(set(ref.answers[a]) & form.comments)
        print(f"- {a[2]} by {a[0]} {ref.people[a[0]]['name']}: {ref.status(a)}, "
              f"{len(res)}/{len(form.items)} scored items answered"
              + (", comments " + ", ".join(comments) if comments else "")
              + (" [STRAIGHT_LINE]" if ref.flags(a) else ""))
        D = ref.D(a)
        for d in cols:
            if d not in D:
                continue
            got = [(i, res[i]) for i, it in form.items.items() if it["dimension"] == d and i in res]
            labels, ns = {}, {}
            for i, (opt, n) in got:
                tag = opt["label"] + ("(反向)" if form.items[i]["reverse"] else "")
                labels[tag] = labels.get(tag, 0) + 1
                ns[n] = ns.get(n, 0) + 1
            print(f"    D[{d}] = {sum(n for _, (_, n) in got):g}/{len(got)} = {D[d]:.4f}"
                  f"   answers {' '.join(f'{k}×{v}' for k, v in labels.items())}"
                  f" → n {' '.join(f'{k:g}×{v}' for k, v in sorted(ns.items(), reverse=True))}")
    if peers:
        sub = [a for a in peers if ref.submitted(a)]
        print(f"- peer ballots: {len(sub)} of {len(peers)} submitted "
              f"(shown as tallies, never per rater)")
        form = plan["forms"]["peer"]
        for d in cols:
            tally = {}
            for a in sub:
                for i, (opt, n) in ref.resolved(a).items():
                    if form.items[i]["dimension"] == d:
                        key = f"{opt['label']}({n:g})"
                        tally[key] = tally.get(key, 0) + 1
            if tally:
                print(f"    {d}: " + " ".join(f"{k}×{v}" for k, v in sorted(tally.items())))
    print()
    print("## group scores G (submitted assignments only)")
    print(f"peer ballots submitted: {r['peer_count']} (min_peers {plan['min_peers']})"
          + ("" if r["peer_defined"] else " → peer group undefined"))
    for g in RELATIONS:
        for d in cols:
            vals = r["D_lists"][g].get(d)
            if not vals:
                continue
            line = f"G[{g}][{d}] = mean of {len(vals)} D"
            if d in r["trimmed"][g]:
                lo, hi = r["trimmed"][g][d]
                line += f" less lowest {lo:.4f} and highest {hi:.4f} (trim_extremes, > 5 values)"
            print(f"{line} = {fmt(r['G'][g].get(d))}   (D values: "
                  + ", ".join(f"{v:.4f}" for v in sorted(vals)) + ")")
    print()
    print("## person dimension scores P and self–others gap")
    for d in cols:
        parts = [f"{plan['W'][g]}×{r['G'][g][d]:.4f}" for g in RELATIONS
                 if plan["W"][g] > 0 and d in r["G"][g]]
        den = sum(plan["W"][g] for g in RELATIONS if plan["W"][g] > 0 and d in r["G"][g])
        print(f"P[{d}] = ({' + '.join(parts)}) / {den:g} = {fmt(r['P'].get(d))}; "
              f"Others = {fmt(r['Others'].get(d))}; gap = {fmt(r['gap'].get(d))}")
    print()
    print("## totals")
    used = [d for d in cols if plan["V"][d] > 0 and d in r["P"]]
    V, P = plan["V"], r["P"]
    terms = " + ".join(f"{V[d]:g}×{P[d]:.4f}" for d in used)
    print(f"T = Σ V_d·P_d / Σ V_d over {used} = ({terms}) / {sum(V[d] for d in used):g} = {fmt(r['T'])}")
    for g in RELATIONS:
        print(f"T_{g} = {fmt(r['Tg'][g])}")
    print()
    print("## rank and grade")
    print(f"N = {ref.N} people with a total, K = floor({plan['quota']} × {ref.N} + 1e-9) = {ref.K}")
    print(f"rank_unit = {r['rank_unit']}, rank_department = {r['rank_department']}")
    top = plan["grades"][0]
    over = sorted((q for q in ref.R.values() if q["grade_by_min"] == top[0]), key=lambda q: q["rank_unit"])
    print(f"{len(over)} people reach {top[0]} (T + 1e-9 ≥ {top[1]:g}) at unit ranks "
          f"{[q['rank_unit'] for q in over]}; ties at rank ≤ K reaching past K: "
          f"{sorted(p2 for p2, q in ref.R.items() if q['quota_tie'])}")
    print(f"grade by min = {r['grade_by_min']}, final grade = {r['grade']}")
    print(f"peer_count = {r['peer_count']}, flags = {';'.join(r['flags']) or '(none)'}")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("roster")
    ap.add_argument("plan")
    ap.add_argument("responses", nargs="*")
    ap.add_argument("--forms", default=DEFAULT_FORMS_DIR, help="bundled forms folder")
    ap.add_argument("--assignments", action="store_true", help="print the assignment list")
    ap.add_argument("--explain", metavar="PERSON_ID", help="show every scoring step for one person")
    args = ap.parse_args(argv)
    ref = Reference(args.roster, args.plan, args.responses, args.forms)
    w = csv.writer(sys.stdout, lineterminator="\n")
    if args.explain:
        explain(ref, args.explain)
    elif args.assignments:
        cols = ["rater_id", "ratee_id", "relation", "form", "status", "flags"]
        w.writerow(cols)
        for a in ref.assignment_rows():
            w.writerow([a[c] for c in cols])
    else:
        w.writerow(ref.header())
        for row in ref.rows():
            w.writerow([cell(row[c]) for c in ref.header()])
    return 0


if __name__ == "__main__":
    sys.exit(main())
