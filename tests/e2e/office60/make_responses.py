#!/usr/bin/python3
"""Generates the committed answer files of the office60 end-to-end test.

Run once; the output is committed, so the test never depends on this script's
randomness:

    /usr/bin/python3 tests/e2e/office60/make_responses.py

writes responses.csv (the main collection) and responses-update.csv (a later,
small file that corrects a few answers) next to this script.

The simulation: every person has a latent quality (1..5 scale) and a small
per-dimension profile; every rater a leniency; each answer is the latent level
plus noise, rounded onto the item's scale (reverse items on the frequency
scale are mirrored, so a good colleague "从未" shirks). The ballot uses the
4-level grade scale. Scripted exceptions make the test meaningful:

  * incomplete self-reviews: P013 (D5 left blank), P031 (I10 missing),
    P057 (S6–S8 missing), P001 (only the comment C1), P042 (never opened);
  * peer ballots never filled: P003→P001, P005→P001, P044→P042,
    P017→P015 (leaves P015 with 2 of 3 ballots), P024→P019, P024→P020;
    P040→P036 partly filled (B1–B3);
  * head evaluation partly filled: P001→P033 (14 items, all typed as 4:
    a draft that is still STRAIGHT_LINE);
  * straight-lined head evaluation: P052→P059, every item typed as 5
    (reverse items then score 0); P006→P012 picked the first column
    everywhere (完全符合 / 从未: values 5 and 1, so not straight-lined);
    P041's self-review is all 5 as well;
  * inflated self-reviews (BLIND_SPOT): P009, P038, P047; modest ones
    (HIDDEN_STRENGTH): P020, P027;
  * twins for the quota tie: P055 and P056 get the very same answers from
    everyone (self, head, and every peer, each other included), so their
    totals tie; TWIN_SEED was picked by hand so that the tie straddles the
    quota line (rank 11 of N = 57 with a total, K = ⌊0.2 × 57⌋ = 11).

responses-update.csv (English header, BOM, CRLF) completes P013's self-review,
fills P017→P015, changes three answers of P035→P039 (plus a blank answer that
must not clear R3 and one unchanged answer), and one answer of P020→P022.
"""

import csv
import os
import random

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
FORMS = os.path.normpath(os.path.join(HERE, "..", "..", "..", "forms"))
SEED = 20261130
TWIN_SEED = 95
TWINS = ("P055", "P056")
TWIN_Q = 4.5


def load_form(name):
    with open(os.path.join(FORMS, name), encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    scales = {k: v["options"] for k, v in doc["scales"].items()}
    items = []
    for dim in doc["dimensions"]:
        its = [i for fc in dim["facets"] for i in fc["items"]] if "facets" in dim else dim["items"]
        for it in its:
            items.append({"id": it["id"], "dim": dim["id"], "scale": it["scale"],
                          "reverse": it.get("reverse", False), "options": scales[it["scale"]]})
    return items


SELF_ITEMS = load_form("five-exemplars.yaml")
BALLOT_ITEMS = load_form("five-exemplars-ballot.yaml")
DIMS = ["loyalty", "learning", "dedication", "responsibility", "integrity"]

COMMENTS_C1 = [
    "理论学习不够系统，学用结合还有差距",
    "服务大局的意识有待加强，站位还不够高",
    "办文办会中偶有细节疏漏，\"差不多\"思想仍有残留",
    "创新意识不足, 习惯按老办法办事",
    "面对急难险重任务主动请缨不够",
    "对新知识新政策学习跟进不及时",
]
COMMENTS_C2 = [
    "每周固定两个晚上集中学习，做好读书笔记",
    "严格执行文稿\"三审三校\"制度，确保零差错",
    "多向老同志请教, 主动承担重点工作",
    "对照五种表率逐条查摆，建立问题清单、限期整改",
    "坚持每日工作复盘，提升执行力",
]
HEAD_C1 = ["工作踏实肯干，建议加强理论学习", "业务熟练，材料质量需进一步提高",
           "责任心强，沟通协调能力有待提升"]


def read_roster():
    with open(os.path.join(HERE, "roster.csv"), encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    return [r for r in rows if r["状态"] != "离职"]


def assignments(people):
    """self, head (climbing to the nearest ancestor with a head) and department peers."""
    heads = {p["部门"]: p["工号"] for p in people if p["负责人"] == "是"}
    out = []
    for p in people:
        pid, dept = p["工号"], p["部门"]
        out.append((pid, pid, "self"))
        d = dept
        while d:
            h = heads.get(d)
            if h and h != pid:
                out.append((h, pid, "head"))
                break
            d = d.rsplit("/", 1)[0] if "/" in d else None
        for q in people:
            if q["工号"] != pid and q["部门"] == dept:
                out.append((q["工号"], pid, "peer"))
    return out


def clip(x, lo, hi):
    return max(lo, min(hi, x))


class Sim:
    def __init__(self, people):
        rng = random.Random(SEED)
        self.rng = rng
        self.q, self.prof, self.len, self.selfbias, self.style, self.lang = {}, {}, {}, {}, {}, {}
        for p in people:
            pid = p["工号"]
            self.q[pid] = clip(rng.gauss(4.3, 0.33), 3.3, 4.95)
            self.prof[pid] = {d: rng.gauss(0, 0.18) for d in DIMS + ["overall"]}
            self.len[pid] = rng.gauss(0, 0.22)
            self.selfbias[pid] = rng.gauss(0.15, 0.15)
            self.style[pid] = rng.choices(["label", "value", "mixed"], [0.7, 0.2, 0.1])[0]
            self.lang[pid] = rng.choices(["zh", "en", "mix"], [0.6, 0.25, 0.15])[0]
        for pid in ("P009", "P038", "P047"):
            self.selfbias[pid] = 1.1
        for pid in ("P020", "P027"):
            self.selfbias[pid] = -1.2
        self.q["P020"] = 4.6
        self.q["P027"] = 4.5
        for pid in TWINS:
            self.q[pid] = TWIN_Q

    def level(self, ratee, rater, rel, dim):
        base = self.q[ratee] + self.prof[ratee][dim]
        if rel == "self":
            return base + self.selfbias[ratee]
        return base + self.len[rater]

    def five(self, rng, ratee, rater, rel):
        """{item: option} for the self/head form."""
        out = {}
        for it in SELF_ITEMS:
            v = int(round(clip(self.level(ratee, rater, rel, it["dim"]) + rng.gauss(0, 0.5), 1, 5)))
            if it["reverse"]:
                v = 6 - v
            out[it["id"]] = next(o for o in it["options"] if o["value"] == v)
        return out

    def ballot(self, rng, ratee, rater):
        out = {}
        for it in BALLOT_ITEMS:
            lv = self.level(ratee, rater, "peer", it["dim"])
            v = int(round(clip(1 + (lv - 1) * 0.78 + rng.gauss(0, 0.42), 1, 4)))
            out[it["id"]] = next(o for o in it["options"] if o["value"] == v)
        return out

    def text(self, rater, option, rng):
        style = self.style[rater]
        if style == "mixed":
            style = rng.choice(["label", "value"])
        t = option["label"] if style == "label" else str(option["value"])
        if rng.random() < 0.03:
            t = " " + t + " "  # cells are trimmed
        return t

    def word(self, rater, rel, rng):
        zh = {"self": "自评", "head": "上级", "peer": "同事"}[rel]
        lang = self.lang[rater]
        if lang == "mix":
            lang = rng.choice(["zh", "en"])
        if lang == "zh":
            return zh
        return rng.choice([rel, rel.capitalize(), rel.upper()])


def main():
    people = read_roster()
    sim = Sim(people)
    rng = sim.rng
    twin_rng = random.Random(TWIN_SEED)
    asg = assignments(people)

    # twins: one draw per "slot", shared by both
    twin_self = sim.five(twin_rng, TWINS[0], TWINS[0], "self")
    twin_head = sim.five(twin_rng, TWINS[0], "P052", "head")
    twin_peer = {}
    for r in sorted({a[0] for a in asg if a[1] in TWINS and a[2] == "peer"}):
        key = "twin" if r in TWINS else r
        if key not in twin_peer:
            twin_peer[key] = sim.ballot(twin_rng, TWINS[0], r if r not in TWINS else "P053")

    never = {("P003", "P001", "peer"), ("P005", "P001", "peer"), ("P044", "P042", "peer"),
             ("P017", "P015", "peer"), ("P024", "P019", "peer"), ("P024", "P020", "peer"),
             ("P042", "P042", "self")}
    rows = []  # rater, ratee, relation word, item, answer, note

    def emit(a, answers, order=None, note_rows=None):
        rater, ratee, rel = a
        for item_id, opt in answers.items():
            rows.append([rater, ratee, sim.word(rater, rel, rng), item_id,
                         opt if isinstance(opt, str) else sim.text(rater, opt, rng), ""])

    for a in asg:
        rater, ratee, rel = a
        if a in never:
            continue
        if rel == "self":
            ans = dict(twin_self) if ratee in TWINS else sim.five(rng, ratee, rater, "self")
            if ratee == "P041":
                ans = {k: "5" for k in ans}
            if ratee == "P001":
                ans = {}
            if ratee == "P013":
                ans["D5"] = ""  # left blank: unanswered
            if ratee == "P031":
                del ans["I10"]
            if ratee == "P057":
                for k in ("S6", "S7", "S8"):
                    del ans[k]
            if rng.random() < 0.8 or ratee in ("P001", "P013"):
                ans["C1"] = rng.choice(COMMENTS_C1)
                if ratee != "P001":
                    ans["C2"] = rng.choice(COMMENTS_C2)
            emit(a, ans)
        elif rel == "head":
            ans = dict(twin_head) if ratee in TWINS else sim.five(rng, ratee, rater, "head")
            if a == ("P052", "P059", "head"):
                ans = {k: "5" for k in ans}
            if a == ("P006", "P012", "head"):
                ans = {it["id"]: it["options"][0] for it in SELF_ITEMS}
            if a == ("P001", "P033", "head"):
                ans = {it["id"]: "4" for it in SELF_ITEMS[:14]}
            elif rng.random() < 0.3:
                ans["C1"] = rng.choice(HEAD_C1)
            emit(a, ans)
        else:
            if ratee in TWINS:
                ans = dict(twin_peer["twin" if rater in TWINS else rater])
            else:
                ans = sim.ballot(rng, ratee, rater)
            if a == ("P040", "P036", "peer"):
                ans = {k: ans[k] for k in ("B1", "B2", "B3")}
            emit(a, ans)

    # a few paper ballots typed in by the office: note in the ignored column
    for r in rows:
        if r[0] in ("P058", "P059") and r[3] == "B1":
            r[5] = "纸质票录入"

    with open(os.path.join(HERE, "responses.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["评价人工号", "被评价人工号", "relation", "题号", "Answer", "备注"])
        w.writerows(rows)

    # the later correction file
    upd = [
        ["P013", "P013", "self", "D5", "比较符合"],
        ["P013", "P013", "self", "C2", "加强学习，按时完成自评"],
    ]
    b = sim.ballot(rng, "P015", "P017")
    for k, o in b.items():
        upd.append(["P017", "P015", "peer", k, o["label"]])
    upd += [
        ["P035", "P039", "head", "R1", "一般"],
        ["P035", "P039", "head", "R2", "有时"],
        ["P035", "P039", "HEAD", "I10", "3"],
        ["P035", "P039", "head", "R3", ""],
    ]
    # one answer given again unchanged
    first = next(r for r in rows if r[0] == "P035" and r[1] == "P039" and r[3] == "L1")
    upd.append(["P035", "P039", "Head", "L1", first[4].strip()])
    cur = next(r for r in rows if r[0] == "P020" and r[1] == "P022" and r[3] == "B2")[4].strip()
    upd.append(["P020", "P022", "peer", "B2", "称职" if cur in ("优秀", "4") else "优秀"])
    with open(os.path.join(HERE, "responses-update.csv"), "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(["rater_id", "ratee_id", "relation", "item", "answer"])
        w.writerows(upd)


if __name__ == "__main__":
    main()
