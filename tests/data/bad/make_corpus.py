#!/usr/bin/python3
"""The corpus of bad inputs: every file of tests/data/bad/ is written by this
script, and the files too big to commit (or that need a live database) are
written by it at test time.

    /usr/bin/python3 make_corpus.py            rewrites the committed files
    /usr/bin/python3 make_corpus.py --check    exits 1 when a committed file differs

tests/e2e/test_bad_inputs.py imports this module: `RUNTIME` maps the names of
MANIFEST.tsv's generated entries (`gen/…`) to functions that write them into
a temporary folder, and `CONTROLS` holds the unbroken originals, which must
be accepted. Standard library and openpyxl only; zip entries carry a fixed
date so that the committed bytes do not change from run to run.
"""
import io
import os
import struct
import sys
import zipfile
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
FIXED_DATE = (2026, 1, 1, 0, 0, 0)

# ------------------------------------------------------------------ helpers


def csv_text(rows, *, crlf=False):
    """Rows of already-quoted fields joined with commas and line ends."""
    end = "\r\n" if crlf else "\n"
    return "".join(",".join(r) + end for r in rows)



class Num:
    """A number cell, optionally styled: style 1 = a date, 2 = the format 0000."""

    def __init__(self, value, style=0):
        self.value, self.style = value, style


class Formula:
    """A formula cell; `cached` is its cached value (None: none), `kind` its t= attribute."""

    def __init__(self, formula, cached=None, kind=None):
        self.formula, self.cached, self.kind = formula, cached, kind


class RawCell:
    """A cell written as the given XML (without the <c r=…> wrapper's attributes)."""

    def __init__(self, attrs, inner):
        self.attrs, self.inner = attrs, inner


def _esc(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def _col(index):
    name = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        name = chr(65 + rem) + name
    return name


STYLES_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="0000"/></numFmts>'
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
    '</styleSheet>'
)


def sheet_xml(rows, strings, *, prolog=""):
    """The worksheet XML of `rows`; str values go to the shared strings list `strings`."""
    out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n', prolog,
           '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>']
    for r, row in enumerate(rows, start=1):
        out.append(f'<row r="{r}">')
        for c, value in enumerate(row):
            ref = f"{_col(c)}{r}"
            if value is None or value == "":
                continue
            if isinstance(value, str):
                if value not in strings:
                    strings.append(value)
                out.append(f'<c r="{ref}" t="s"><v>{strings.index(value)}</v></c>')
            elif isinstance(value, Num):
                style = f' s="{value.style}"' if value.style else ""
                out.append(f'<c r="{ref}"{style}><v>{value.value}</v></c>')
            elif isinstance(value, (int, float)):
                out.append(f'<c r="{ref}"><v>{value}</v></c>')
            elif isinstance(value, Formula):
                kind = f' t="{value.kind}"' if value.kind else ""
                cached = "" if value.cached is None else f"<v>{_esc(str(value.cached))}</v>"
                out.append(f'<c r="{ref}"{kind}><f>{_esc(value.formula)}</f>{cached}</c>')
            elif isinstance(value, RawCell):
                out.append(f'<c r="{ref}"{value.attrs}>{value.inner}</c>')
            else:
                raise TypeError(value)
        out.append("</row>")
    out.append("</sheetData></worksheet>")
    return "".join(out)


def xlsx(sheets, *, sheet_prolog="", shared_prolog="", replace_part=None, extra_parts=None):
    """A minimal xlsx package: `sheets` is a list of (name, rows).

    `replace_part` maps part names to bytes written instead of the generated part."""
    strings = []
    parts = {}
    for i, (name, rows) in enumerate(sheets, start=1):
        parts[f"xl/worksheets/sheet{i}.xml"] = sheet_xml(rows, strings, prolog=sheet_prolog if i == 1 else "")
    shared = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n', shared_prolog,
              f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(strings)}" '
              f'uniqueCount="{len(strings)}">']
    for s in strings:
        space = ' xml:space="preserve"' if s != s.strip() else ""
        shared.append(f"<si><t{space}>{s if s.startswith('&') else _esc(s)}</t></si>")
    shared.append("</sst>")
    parts["xl/sharedStrings.xml"] = "".join(shared)
    parts["xl/styles.xml"] = STYLES_XML
    sheet_entries = "".join(f'<sheet name="{_esc(name)}" sheetId="{i}" r:id="rId{i}"/>'
                            for i, (name, _) in enumerate(sheets, start=1))
    parts["xl/workbook.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        f"<sheets>{sheet_entries}</sheets></workbook>")
    rels = "".join(
        f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
        f'Target="worksheets/sheet{i}.xml"/>' for i in range(1, len(sheets) + 1))
    n = len(sheets)
    rels += (f'<Relationship Id="rId{n + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
             f'sharedStrings" Target="sharedStrings.xml"/>'
             f'<Relationship Id="rId{n + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
             f'styles" Target="styles.xml"/>')
    parts["xl/_rels/workbook.xml.rels"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' + rels + "</Relationships>")
    parts["_rels/.rels"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
        'Target="xl/workbook.xml"/></Relationships>')
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        for i in range(1, n + 1))
    parts["[Content_Types].xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        + overrides +
        '<Override PartName="/xl/sharedStrings.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        '<Override PartName="/xl/styles.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>')
    for name, data in (replace_part or {}).items():
        parts[name] = data
    for name, data in (extra_parts or {}).items():
        parts[name] = data
    order = ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml",
             "xl/sharedStrings.xml"]
    names = order + sorted(p for p in parts if p not in order)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for name in names:
            if name not in parts:
                continue
            data = parts[name]
            info = zipfile.ZipInfo(name, FIXED_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data.encode("utf-8") if isinstance(data, str) else data)
    return buffer.getvalue()


OLE2_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")


def ole2_junk(size=4096):
    """An OLE2 compound-file header followed by junk: what an encrypted xlsx or a .xls starts with."""
    body = bytearray(OLE2_MAGIC)
    body += bytes(16) + b"\x3e\x00\x03\x00\xfe\xff\x09\x00"
    state = 12345
    while len(body) < size:
        state = (state * 1103515245 + 12345) & 0x7FFFFFFF
        body.append(state >> 16 & 0xFF)
    return bytes(body)


# ------------------------------------------------------------ base contents

ROSTER_HEADER = ["工号", "姓名", "部门", "职务", "负责人", "状态"]
ROSTER_ROWS = [
    ["B001", "刘洋", "办公室/综合科", "科长", "是", "在职"],
    ["B002", "陈晨", "办公室/综合科", "科员", "否", "在职"],
    ["B003", "杨光", "办公室/综合科", "科员", "否", "在职"],
]


def roster(bad_row=None, at=1, header=None, crlf=False):
    """The base roster CSV with `bad_row` put in as record `at` (0-based among the records)."""
    rows = [list(r) for r in ROSTER_ROWS]
    if bad_row is not None:
        rows.insert(at, bad_row)
    return csv_text([header or ROSTER_HEADER] + rows, crlf=crlf)


RESP_HEADER = ["评价人工号", "被评价人工号", "关系", "题号", "答案"]
RESP_ROWS = [
    ["A002", "A001", "同事", "B1", "优秀"],
    ["A002", "A001", "同事", "B2", "称职"],
    ["A002", "A001", "同事", "B3", "3"],
    ["A001", "A001", "自评", "L1", "完全符合"],
]


def responses(bad_row=None, at=2, header=None, crlf=False):
    rows = [list(r) for r in RESP_ROWS]
    if bad_row is not None:
        rows.insert(at, bad_row)
    return csv_text([header or RESP_HEADER] + rows, crlf=crlf)


FORM = """\
form: demo
version: 1
title: 示例表
scales:
  agree5:
    options:
      - {label: 完全符合, value: 5}
      - {label: 一般, value: 3}
      - {label: 不符合, value: 1}
  grade4:
    options:
      - {label: 优秀, value: 4, points: 100}
      - {label: 称职, value: 3, points: 80}
    favorable: [优秀]
dimensions:
  - id: loyalty
    name: 绝对忠诚
    facets:
      - id: loyalty-party
        name: 忠诚于党
        items:
          - id: L1
            self: 我能否热爱党?
            other: 该同志能否热爱党?
            scale: agree5
            reverse: false
            weight: 1
            required: true
            source: 能否热爱党?
  - id: overall
    name: 总体评价
    items:
      - id: O1
        self: 我的总体表现
        other: 该同志的总体表现
        scale: grade4
comments:
  - {id: C1, self: 我的差距, other: 该同志的差距}
"""


def form_with(old, new):
    assert FORM.count(old) == 1, old
    return FORM.replace(old, new)


PLAN = """\
plan: bad
forms: {self: five-exemplars, head: five-exemplars, peer: five-exemplars-ballot}
relation_weights: {self: 0.2, head: 0.4, peer: 0.4}
dimension_weights: {loyalty: 1, learning: 1, dedication: 1, responsibility: 1, integrity: 1}
peer_scope: department
min_peers: 3
trim_extremes: false
grades:
  - {name: 优秀, min: 90}
  - {name: 称职, min: 70}
  - {name: 基本称职, min: 60}
  - {name: 不称职, min: 0}
top_grade_quota: 0.20
"""


def plan_with(old, new):
    assert PLAN.count(old) == 1, old
    return PLAN.replace(old, new)


TEMPLATE = """\
template: bad
title: "{unit}{cycle} 测评汇总"
summary:
  - {column: person_id}
  - {column: name}
  - {column: dimensions}
  - {column: total}
hr_import:
  - {column: person_id}
  - {column: name}
  - {column: total}
"""


def template_with(old, new):
    assert TEMPLATE.count(old) == 1, old
    return TEMPLATE.replace(old, new)


def alias_bomb(first_line):
    """A "billion laughs": nine levels of ten aliases each."""
    lines = [first_line, 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    prev = "a"
    for name in "bcdefghi":
        lines.append(f"{name}: &{name} [" + ",".join(["*" + prev] * 9) + "]")
        prev = name
    return "\n".join(lines) + "\n"


def deep(first_line, key, levels=100):
    """`levels` nested block mappings below `key`."""
    lines = [first_line, key + ":"]
    for i in range(1, levels):
        lines.append("  " * i + f"k{i}:")
    lines.append("  " * levels + "leaf: 1")
    return "\n".join(lines) + "\n"


def deep_flow(first_line, key, levels=200):
    return f"{first_line}\n{key}: " + "[" * levels + "]" * levels + "\n"


def gbk(text):
    return text.encode("gbk")


def utf16(text, big, bom):
    data = text.encode("utf-16-be" if big else "utf-16-le")
    if bom:
        data = (b"\xfe\xff" if big else b"\xff\xfe") + data
    return data


BOM = b"\xef\xbb\xbf"

# ------------------------------------------------------------ committed corpus

STATIC = {}


def static(path, data):
    assert path not in STATIC, path
    STATIC[path] = data.encode("utf-8") if isinstance(data, str) else data


# roster import, CSV --------------------------------------------------------
R = "roster/"
static(R + "gbk.csv", gbk(roster()))
static(R + "utf16le-bom.csv", utf16(roster(), big=False, bom=True))
static(R + "utf16be-bom.csv", utf16(roster(), big=True, bom=True))
static(R + "utf16le-nobom.csv", utf16(roster(), big=False, bom=False))
static(R + "utf16be-nobom.csv", utf16(roster(), big=True, bom=False))
static(R + "invalid-utf8.csv", roster().encode("utf-8").replace("陈晨".encode("utf-8"), b"\xe9\x99\xff\xc3("))
static(R + "bom-crlf-duplicate-id.csv",
       BOM + roster(["B001", "刘洋二", "办公室/综合科", "科员", "否", "在职"], at=2, crlf=True).encode("utf-8"))
static(R + "nul-in-cell.csv", roster(["B004", "王\x00五", "办公室/综合科", "科员", "否", "在职"]))
static(R + "control-char.csv", roster(["B004", "王\x1b[31m五", "办公室/综合科", "科员", "否", "在职"]))
static(R + "enormous-cell.csv", roster(["B004", "长" * 33000, "办公室/综合科", "科员", "否", "在职"]))
static(R + "extra-fields.csv", roster(["B004", "王五", "办公室/综合科", "科员", "否", "在职", "多余"]))
static(R + "duplicate-header.csv",
       roster(header=["工号", "姓名", "部门", "职务", "负责人", "id"]))
static(R + "missing-name-column.csv",
       csv_text([["工号", "部门"], ["B001", "办公室/综合科"]]))
static(R + "dotdot-department.csv", roster(["B004", "王五", "办公室/../综合科", "科员", "否", "在职"]))
static(R + "empty-segment.csv", roster(["B004", "王五", "办公室//综合科", "科员", "否", "在职"]))
static(R + "dot-segment.csv", roster(["B004", "王五", "./办公室", "科员", "否", "在职"]))
static(R + "leading-slash.csv", roster(["B004", "王五", "/办公室/综合科", "科员", "否", "在职"]))
static(R + "slash-in-id.csv", roster(["B/004", "王五", "办公室/综合科", "科员", "否", "在职"]))
static(R + "backslash-in-id.csv", roster(["B\\004", "王五", "办公室/综合科", "科员", "否", "在职"]))
static(R + "two-heads.csv", roster(["B004", "王五", "办公室/综合科", "副科长", "是", "在职"], at=3))
static(R + "unknown-head-word.csv", roster(["B004", "王五", "办公室/综合科", "科员", "也许", "在职"]))
static(R + "unknown-active-word.csv", roster(["B004", "王五", "办公室/综合科", "科员", "否", "休假"]))
static(R + "unterminated-quote.csv", roster(["B004", '"王五', "办公室/综合科", "科员", "否", "在职"]))
static(R + "text-after-closing-quote.csv", roster(["B004", '"王五"老', "办公室/综合科", "科员", "否", "在职"]))
static(R + "empty-file.csv", b"")
static(R + "binary-junk.csv", (bytes(range(128, 256)) + bytes(range(128))) * 4)
static(R + "blank-id.csv", roster(["", "王五", "办公室/综合科", "科员", "否", "在职"]))
static(R + "missing-department.csv", roster(["B004", "王五", "", "科员", "否", "在职"]))
# an existing head (A001 of 办公室) plus a new head of the same department
static(R + "second-head-of-existing-department.csv",
       roster(["B004", "王五", "办公室", "副主任", "是", "在职"]))

# roster import, xlsx -------------------------------------------------------
XH = ROSTER_HEADER
xrows = [XH] + [list(r) for r in ROSTER_ROWS]
static(R + "legacy.xls", ole2_junk())
static(R + "encrypted.xlsx", ole2_junk())
# what web systems "export to Excel": an HTML table saved as .xls
static(R + "html-table.xls", "<html><body><table>" + "".join(
    "<tr>" + "".join(f"<td>{v}</td>" for v in row) + "</tr>" for row in [ROSTER_HEADER] + ROSTER_ROWS)
       + "</table></body></html>\n")
good_roster_xlsx = xlsx([("花名册", xrows)])
static(R + "truncated.xlsx", good_roster_xlsx[: len(good_roster_xlsx) * 2 // 3])
static(R + "date-as-id.xlsx", xlsx([("花名册", xrows[:2] + [[Num(45292, 1), "王五", "办公室/综合科", "科员", "否", "在职"]]
                                    + xrows[2:])]))
static(R + "leading-zero-ids.xlsx", xlsx([("花名册", [XH,
                                                     [Num(7, 2), "王五", "办公室/综合科", "科员", "否", "在职"],
                                                     ["B001", "刘洋", "办公室/综合科", "科长", "是", "在职"],
                                                     [Num(7.0, 2), "赵六", "办公室/综合科", "科员", "否", "在职"]])]))
static(R + "formula-error-id.xlsx", xlsx([("花名册", xrows[:2] + [[Formula("VLOOKUP(Z1,Z2:Z3,2,0)", "#N/A", "e"), "王五",
                                                                  "办公室/综合科", "科员", "否", "在职"]] + xrows[2:])]))
static(R + "formula-ref-error-id.xlsx", xlsx([("花名册", xrows[:2] + [[Formula("#REF!", "#REF!", "e"), "王五",
                                                                     "办公室/综合科", "科员", "否", "在职"]] + xrows[2:])]))
static(R + "formula-no-cache-name.xlsx", xlsx([("花名册", xrows[:2] + [["B004", Formula('"王"&"五"'),
                                                                       "办公室/综合科", "科员", "否", "在职"]] + xrows[2:])]))
static(R + "duplicate-header.xlsx", xlsx([("花名册", [["id", "姓名", "部门", "工号"]] + [r[:3] + [r[0]] for r in xrows[1:]])]))
static(R + "extra-cell.xlsx", xlsx([("花名册", xrows[:2] + [["B004", "王五", "办公室/综合科", "科员", "否", "在职", None, "备注"]]
                                    + xrows[2:])]))
static(R + "enormous-cell.xlsx", xlsx([("花名册", xrows[:2] + [["B004", "x" * 40000, "办公室/综合科", "科员", "否", "在职"]]
                                        + xrows[2:])]))
static(R + "control-escape.xlsx", xlsx([("花名册", xrows[:2] + [["B004", RawCell(' t="inlineStr"', "<is><t>王_x0007_五</t></is>"),
                                                                 "办公室/综合科", "科员", "否", "在职"]] + xrows[2:])]))
static(R + "nul-escape.xlsx", xlsx([("花名册", xrows[:2] + [[RawCell(' t="inlineStr"', "<is><t>B_x0000_4</t></is>"), "王五",
                                                             "办公室/综合科", "科员", "否", "在职"]] + xrows[2:])]))
LAUGHS = ('<!DOCTYPE sst [<!ENTITY l0 "lol">'
          + "".join(f'<!ENTITY l{i} "' + f"&l{i - 1};" * 10 + '">' for i in range(1, 10)) + "]>")
static(R + "entity-bomb.xlsx", xlsx([("花名册", xrows[:2] + [["B004", "&l9;", "办公室/综合科", "科员", "否", "在职"]] + xrows[2:])],
                                    shared_prolog=LAUGHS))
XXE = '<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
static(R + "external-entity.xlsx",
       xlsx([("花名册", xrows[:2] + [["B004", RawCell(' t="inlineStr"', "<is><t>&xxe;</t></is>"), "办公室/综合科", "科员",
                                      "否", "在职"]] + xrows[2:])], sheet_prolog=XXE))
static(R + "no-worksheet.xlsx", xlsx([("花名册", xrows)], replace_part={"xl/worksheets/sheet1.xml": b""}))
static(R + "broken-sheet-xml.xlsx",
       xlsx([("花名册", xrows)], replace_part={
           "xl/worksheets/sheet1.xml": sheet_xml(xrows, []).replace("</sheetData>", "<row r=\"9\"><c r=\"A9\"")}))

# responses import, CSV ----------------------------------------------------
P = "responses/"
static(P + "unknown-relation.csv", responses(["A003", "A001", "上司", "B1", "优秀"]))
static(P + "unknown-item.csv", responses(["A003", "A001", "同事", "Z99", "优秀"]))
static(P + "answer-not-an-option.csv", responses(["A003", "A001", "同事", "B1", "很好"]))
static(P + "answer-value-not-an-option.csv", responses(["A003", "A001", "同事", "B1", "7"]))
static(P + "no-such-assignment.csv", responses(["A008", "A001", "同事", "B1", "优秀"]))
static(P + "self-for-someone-else.csv", responses(["A003", "A001", "自评", "L1", "完全符合"]))
static(P + "unknown-rater.csv", responses(["Z999", "A001", "同事", "B1", "优秀"]))
static(P + "answered-twice-differently.csv", responses(["A002", "A001", "同事", "B1", "称职"], at=4))
static(P + "item-of-other-form.csv", responses(["A003", "A001", "同事", "L1", "完全符合"]))
static(P + "gbk.csv", gbk(responses()))
static(P + "utf16le-bom.csv", utf16(responses(), big=False, bom=True))
static(P + "invalid-utf8.csv", responses().encode("utf-8").replace("称职".encode("utf-8"), b"\xe7\xa7\xb0\xc0\xaf"))
static(P + "bom-crlf-unknown-item.csv",
       BOM + responses(["A003", "A001", "peer", "b1x", "优秀"], crlf=True).encode("utf-8"))
static(P + "nul-in-cell.csv", responses(["A003", "A001", "同事", "B1", "优\x00秀"]))
static(P + "control-char-in-comment.csv", responses(["A001", "A001", "自评", "C1", "差距\x08\x08在于"]))
static(P + "enormous-comment.csv", responses(["A001", "A001", "自评", "C1", "差" * 32768]))
static(P + "extra-fields.csv", responses(["A003", "A001", "同事", "B1", "优秀", "备注", "多余"]))
static(P + "missing-answer-column.csv", csv_text([RESP_HEADER[:4]] + [r[:4] for r in RESP_ROWS]))
static(P + "duplicate-header.csv", responses(header=["评价人工号", "被评价人工号", "关系", "题号", "item"]))
static(P + "slash-in-id.csv", responses(["A/003", "A001", "同事", "B1", "优秀"]))
static(P + "header-only-wrong.csv", csv_text([["rater", "ratee", "rel", "q", "a"], ["A002", "A001", "peer", "B1", "优秀"]]))
# xlsx long format
RH = ["rater_id", "ratee_id", "relation", "item", "answer"]
rrows = [RH] + [list(r) for r in RESP_ROWS]
static(P + "legacy.xls", ole2_junk(3000))
static(P + "encrypted.xlsx", ole2_junk(5000))
good_resp_xlsx = xlsx([("answers", rrows)])
static(P + "truncated.xlsx", good_resp_xlsx[:100])
static(P + "formula-error-answer.xlsx",
       xlsx([("answers", rrows + [["A003", "A001", "peer", "B1", Formula("1/0", "#DIV/0!", "e")]])]))
static(P + "formula-no-cache-rater.xlsx",
       xlsx([("answers", rrows + [[Formula("A2"), "A001", "peer", "B1", "优秀"]])]))
static(P + "date-as-rater.xlsx", xlsx([("answers", rrows + [[Num(45658, 1), "A001", "peer", "B1", "优秀"]])]))
# person 0042 is in the office; 42 stored as a number (shown as 0042) reads as "42"
static(P + "leading-zero-id.xlsx", xlsx([("answers", rrows + [[Num(42, 2), "A005", "peer", "B1", "优秀"]])]))
static(P + "external-entity.xlsx",
       xlsx([("answers", rrows + [["A003", "A001", "peer", "B1", RawCell(' t="inlineStr"', "<is><t>&xxe;</t></is>")]])],
            sheet_prolog=XXE))
static(P + "entity-bomb.xlsx", xlsx([("answers", rrows + [["A003", "A001", "peer", "B1", "&l9;"]])], shared_prolog=LAUGHS))
static(P + "enormous-cell.xlsx", xlsx([("answers", rrows + [["A001", "A001", "self", "C1", "y" * 32768]])]))
static(P + "extra-cell.xlsx", xlsx([("answers", rrows + [["A003", "A001", "peer", "B1", "优秀", "多余"]])]))
static(P + "duplicate-header.xlsx", xlsx([("answers", [RH + ["答案"]] + [r + [r[4]] for r in rrows[1:]])]))
static(P + "unknown-relation.xlsx", xlsx([("answers", rrows + [["A003", "A001", "colleague", "B1", "优秀"]])]))
static(P + "no-such-assignment.xlsx", xlsx([("answers", rrows + [["A001", "A008", "head", "L1", "一般"]])]))

# form validate -------------------------------------------------------------
F = "forms/"
static(F + "duplicate-item-id.yaml", form_with("      - id: O1\n", "      - id: L1\n"))
static(F + "duplicate-item-comment-id.yaml", form_with("{id: C1,", "{id: O1,"))
static(F + "alias-bomb.yaml", alias_bomb("form: demo"))
static(F + "deep-nesting.yaml", deep("form: demo", "title"))
static(F + "deep-flow-nesting.yaml", deep_flow("form: demo", "title"))
static(F + "multi-document.yaml", FORM + "---\n" + FORM)
static(F + "tab-indentation.yaml", form_with("    name: 绝对忠诚\n", "\tname: 绝对忠诚\n"))
static(F + "gbk.yaml", gbk(FORM))
static(F + "utf16le-bom.yaml", utf16(FORM, big=False, bom=True))
static(F + "utf16be-nobom.yaml", utf16(FORM, big=True, bom=False))
static(F + "invalid-utf8.yaml", FORM.encode("utf-8").replace("示例表".encode("utf-8"), b"\xe7\xa4\xba\xff\xfe"))
static(F + "bom-crlf-one-option.yaml",
       BOM + form_with("      - {label: 称职, value: 3, points: 80}\n", "").replace("\n", "\r\n").encode("utf-8"))
static(F + "nul-in-title.yaml", form_with("title: 示例表", "title: 示例\x00表"))
static(F + "control-char-in-title.yaml", form_with("title: 示例表", "title: 示例\x07表"))
static(F + "infinite-weight.yaml", form_with("weight: 1", "weight: .inf"))
static(F + "boolean-value.yaml", form_with("{label: 一般, value: 3}", "{label: 一般, value: true}"))
static(F + "slash-in-item-id.yaml", form_with("- id: L1", "- id: L/1"))
static(F + "unknown-key.yaml", form_with("            required: true\n", "            mandatory: true\n"))
static(F + "favorable-not-a-label.yaml", form_with("favorable: [优秀]", "favorable: [良好]"))
static(F + "duplicate-option-value.yaml", form_with("{label: 一般, value: 3}", "{label: 一般, value: 5}"))
static(F + "duplicate-key.yaml", form_with("title: 示例表\n", "title: 示例表\ntitle: 另一个\n"))
static(F + "empty-file.yaml", b"")
static(F + "not-a-mapping.yaml", "- form: demo\n- version: 1\n")

# plan validate / cycle create --plan --------------------------------------
N = "plans/"
static(N + "negative-weight.yaml", plan_with("peer: 0.4}", "peer: -0.4}"))
static(N + "weight-is-text.yaml", plan_with("head: 0.4,", "head: 四成,"))
static(N + "unknown-form.yaml", plan_with("peer: five-exemplars-ballot}", "peer: five-exemplars-votes}"))
static(N + "unknown-dimension-weight.yaml", plan_with("integrity: 1}", "integrity: 1, leadership: 2}"))
static(N + "unknown-relation.yaml", plan_with("relation_weights: {self: 0.2,", "relation_weights: {boss: 0.1, self: 0.2,"))
static(N + "grades-not-decreasing.yaml", plan_with("{name: 基本称职, min: 60}", "{name: 基本称职, min: 75}"))
static(N + "last-grade-not-zero.yaml", plan_with("{name: 不称职, min: 0}", "{name: 不称职, min: 10}"))
static(N + "quota-over-one.yaml", plan_with("top_grade_quota: 0.20", "top_grade_quota: 1.5"))
static(N + "min-peers-zero.yaml", plan_with("min_peers: 3", "min_peers: 0"))
static(N + "min-peers-fraction.yaml", plan_with("min_peers: 3", "min_peers: 2.5"))
static(N + "bad-peer-scope.yaml", plan_with("peer_scope: department", "peer_scope: bureau"))
static(N + "alias-bomb.yaml", alias_bomb("plan: bad"))
static(N + "deep-nesting.yaml", deep("plan: bad", "grades"))
static(N + "utf16le-bom.yaml", utf16(PLAN, big=False, bom=True))
static(N + "multi-document.yaml", PLAN + "---\n" + PLAN)
static(N + "control-char-grade-name.yaml", plan_with("{name: 优秀, min: 90}", '{name: "优\\x01秀", min: 90}'))
static(N + "nan-quota.yaml", plan_with("top_grade_quota: 0.20", "top_grade_quota: .nan"))
# a plan that uses a self-only form for peer ratings, with that form beside it
W = N + "wording/"
static(W + "self-only.yaml", form_with("            other: 该同志能否热爱党?\n", "")
       .replace("form: demo", "form: self-only").replace("        other: 该同志的总体表现\n", "")
       .replace(", other: 该同志的差距}", "}"))
static(W + "peer-form-without-other-wording.yaml",
       plan_with("peer: five-exemplars-ballot}", "peer: self-only}").replace(
           "dimension_weights: {loyalty: 1, learning: 1, dedication: 1, responsibility: 1, integrity: 1}",
           "dimension_weights: {loyalty: 1}"))

# report --template ---------------------------------------------------------
T = "templates/"
static(T + "unknown-column.yaml", template_with("  - {column: total}\nhr_import", "  - {column: salary}\nhr_import"))
static(T + "unknown-dimension.yaml", template_with("hr_import:\n  - {column: person_id}", "hr_import:\n  - {column: leadership}"))
static(T + "alias-bomb.yaml", alias_bomb("template: bad"))
static(T + "deep-nesting.yaml", deep("template: bad", "summary"))
static(T + "gbk.yaml", gbk(TEMPLATE))
static(T + "utf16be-bom.yaml", utf16(TEMPLATE, big=True, bom=True))
static(T + "multi-document.yaml", TEMPLATE + "---\n" + TEMPLATE)
static(T + "tab-indentation.yaml", template_with("  - {column: name}\n  - {column: dimensions}", "  - {column: name}\n\t- {column: dimensions}"))
static(T + "column-twice.yaml", template_with("  - {column: name}\n  - {column: total}", "  - {column: name}\n  - {column: name}"))
static(T + "empty-hr-import.yaml", template_with("hr_import:\n  - {column: person_id}\n  - {column: name}\n  - {column: total}\n",
                                                  "hr_import: []\n"))
static(T + "control-char-header.yaml", template_with("{column: total}\nhr_import", "{column: total, header: \"总\\x1b分\"}\nhr_import"))
static(T + "unknown-key.yaml", template_with("template: bad\n", "template: bad\nfooter: 页脚\n"))
static(T + "bom-crlf-bad-column.yaml",
       BOM + template_with("hr_import:\n  - {column: person_id}", "hr_import:\n  - {column: 工号}").replace("\n", "\r\n").encode("utf-8"))


# ------------------------------------------------------------ runtime corpus
# Functions (ctx, path) that write a generated entry at `path`. ctx carries
# `office` (the pristine office folder with its questionnaires) and helpers.

RUNTIME = {}


def runtime(name):
    def register(fn):
        RUNTIME[name] = fn
        return fn
    return register


@runtime("gen/roster-1m-rows.csv")
def _roster_million(ctx, path):
    """1,000,000 good records, then one with a '..' department path."""
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("工号,姓名,部门\n")
        chunk = []
        for i in range(1_000_000):
            chunk.append(f"M{i:07d},人员{i},单位/科{i % 40}\n")
            if len(chunk) == 50_000:
                f.write("".join(chunk))
                chunk = []
        f.write("".join(chunk))
        f.write("M9999999,最后,单位/../科\n")


@runtime("gen/responses-1m-rows.csv")
def _responses_million(ctx, path):
    """1,000,000 good answers (five, repeated), then one answer not among the options."""
    rows = "".join(f"A002,A001,peer,B{k},优秀\n" for k in range(1, 6))
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("rater_id,ratee_id,relation,item,answer\n")
        block = rows * 10_000
        for _ in range(20):
            f.write(block)
        f.write("A002,A001,peer,B1,极好\n")


@runtime("gen/roster-1m-rows.xlsx")
def _roster_million_xlsx(ctx, path):
    """A worksheet of 1,000,000 rows (inline strings), the last with a blank name."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        base = xlsx([("花名册", xrows)])
        with zipfile.ZipFile(io.BytesIO(base)) as b:
            for name in b.namelist():
                if name != "xl/worksheets/sheet1.xml":
                    z.writestr(name, b.read(name))
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as s:
            s.write(b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.'
                    b'openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>id'
                    b'</t></is></c><c r="B1" t="inlineStr"><is><t>name</t></is></c><c r="C1" t="inlineStr"><is><t>'
                    b'department</t></is></c></row>')
            chunk = []
            for r in range(2, 1_000_001):
                chunk.append(f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>M{r:07d}</t></is></c><c r="B{r}" '
                             f't="inlineStr"><is><t>人员</t></is></c><c r="C{r}" t="inlineStr"><is><t>单位</t></is></c></row>')
                if len(chunk) == 20_000:
                    s.write("".join(chunk).encode("utf-8"))
                    chunk = []
            s.write("".join(chunk).encode("utf-8"))
            r = 1_000_001
            s.write(f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>M{r:07d}</t></is></c><c r="C{r}" t="inlineStr">'
                    f'<is><t>单位</t></is></c></row></sheetData></worksheet>'.encode("utf-8"))


def bomb_stream(prefix, byte, blocks, suffix):
    """(raw deflate data, CRC-32, size) of prefix + `blocks` × 16 MiB of `byte` + suffix.

    The 16 MiB block is deflated once, ending in a full flush (byte-aligned, no
    history), and repeated: seconds instead of minutes for gigabytes."""
    block = byte * (1 << 24)
    head = zlib.compressobj(9, zlib.DEFLATED, -15)
    data = [head.compress(prefix) + head.flush(zlib.Z_FULL_FLUSH)]
    middle = zlib.compressobj(9, zlib.DEFLATED, -15)
    repeated = middle.compress(block) + middle.flush(zlib.Z_FULL_FLUSH)
    data += [repeated] * blocks
    tail = zlib.compressobj(9, zlib.DEFLATED, -15)
    data.append(tail.compress(suffix) + tail.flush())
    crc = zlib.crc32(prefix)
    for _ in range(blocks):
        crc = zlib.crc32(block, crc)
    crc = zlib.crc32(suffix, crc)
    return b"".join(data), crc, len(prefix) + blocks * len(block) + len(suffix)


def raw_zip(path, members):
    """Writes a zip by hand: members are (name, deflated data, crc, declared size)."""
    with open(path, "wb") as f:
        central = []
        for name, data, crc, size in members:
            offset = f.tell()
            encoded = name.encode("utf-8")
            fields = struct.pack("<HHHHHIIIHH", 20, 0x0800, 8, 0, 0x5C21, crc, len(data), size, len(encoded), 0)
            f.write(b"PK\x03\x04" + fields + encoded)
            f.write(data)
            central.append(b"PK\x01\x02" + struct.pack("<H", 20) + fields + struct.pack("<HHHII", 0, 0, 0, 0, offset)
                           + encoded)
        start = f.tell()
        for entry in central:
            f.write(entry)
        f.write(b"PK\x05\x06" + struct.pack("<HHHHIIH", 0, 0, len(central), len(central), f.tell() - start, start, 0))


def deflated(data):
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush(), zlib.crc32(data), len(data)


def bomb_xlsx(path, part, prefix, byte, blocks, suffix, declared=None):
    """The base roster xlsx with `part` replaced by a bomb; `declared`: the size the zip claims."""
    members = []
    with zipfile.ZipFile(io.BytesIO(xlsx([("花名册", xrows)]))) as base:
        for name in base.namelist():
            if name == part:
                data, crc, size = bomb_stream(prefix, byte, blocks, suffix)
                members.append((name, data, crc, size if declared is None else declared))
            else:
                members.append((name, *deflated(base.read(name))))
    raw_zip(path, members)


SHEET_OPEN = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.'
              b'openxmlformats.org/spreadsheetml/2006/main"><sheetData>')


@runtime("gen/zip-bomb.xlsx")
def _zip_bomb(ctx, path):
    """A worksheet of 2 GiB (spaces inside <sheetData>) deflated to 2 MB; the zip tells its true size."""
    bomb_xlsx(path, "xl/worksheets/sheet1.xml", SHEET_OPEN, b" ", 128, b"</sheetData></worksheet>")


@runtime("gen/zip-bomb-lying-size.xlsx")
def _zip_bomb_lying(ctx, path):
    """The same 2 GiB worksheet, but the zip claims it unpacks to 4,000 bytes."""
    bomb_xlsx(path, "xl/worksheets/sheet1.xml", SHEET_OPEN, b" ", 128, b"</sheetData></worksheet>", declared=4000)


@runtime("gen/zip-bomb-shared-strings.xlsx")
def _zip_bomb_strings(ctx, path):
    """Shared strings that unpack to 1 GiB of one string."""
    bomb_xlsx(path, "xl/sharedStrings.xml",
              b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.'
              b'openxmlformats.org/spreadsheetml/2006/main"><si><t>', b"a", 64, b"</t></si></sst>")


@runtime("gen/form-over-1mib.yaml")
def _big_form(ctx, path):
    with open(path, "w", encoding="utf-8") as f:
        f.write(FORM)
        f.write(("# " + "长" * 200 + "\n") * 2000)


@runtime("gen/plan-over-1mib.yaml")
def _big_plan(ctx, path):
    with open(path, "w", encoding="utf-8") as f:
        f.write(PLAN)
        f.write("# " + "x" * (1 << 20) + "\n")


@runtime("gen/template-over-1mib.yaml")
def _big_template(ctx, path):
    with open(path, "w", encoding="utf-8") as f:
        f.write(template_with('title: "{unit}{cycle} 测评汇总"', 'title: "' + "标" * 400_000 + '"'))


# Offline questionnaires, damaged. ctx.questionnaire(rater) is the path of
# that rater's questionnaire of cycle 2026 in the pristine office,
# ctx.other_cycle(rater) of cycle 2027, ctx.other_database(rater) the one
# written by another database with the same roster and cycle,
# ctx.older_form_version(rater) the one written by this database for cycle
# 2026 when it was made under an older version of its self form.


def _edit(ctx, rater, path, change):
    import openpyxl
    book = openpyxl.load_workbook(ctx.questionnaire(rater))
    change(book)
    book.save(path)


def _filled(book, rater):
    """Fills every answer cell with the middle label of its drop-down list (comments: 无)."""
    labels = {}
    for sheet in book.worksheets:
        for validation in sheet.data_validations.dataValidation:
            options = (validation.formula1 or "").strip('"').split(",")
            for ref in str(validation.sqref).split():
                labels[(sheet.title, ref)] = options[len(options) // 2]
    meta = book["_exemplar"]
    row = 2
    while meta.cell(row=row, column=1).value not in (None, ""):
        sheet, cell = meta.cell(row=row, column=1).value, meta.cell(row=row, column=2).value
        book[sheet][cell] = labels.get((sheet, cell), "无")
        row += 1


def _first_answer_cell(book, sheet_name):
    meta = book["_exemplar"]
    row = 2
    while meta.cell(row=row, column=1).value not in (None, ""):
        if meta.cell(row=row, column=1).value == sheet_name:
            return meta.cell(row=row, column=2).value
        row += 1
    raise KeyError(sheet_name)


def _set_meta(book, key, value):
    meta = book["_exemplar"]
    for row in range(1, 40):
        if meta.cell(row=row, column=8).value == key:
            meta.cell(row=row, column=9).value = value
            return
    raise KeyError(key)


@runtime("gen/questionnaire-changed-rater-id.xlsx")
def _q_rater(ctx, path):
    _edit(ctx, "A002", path, lambda b: _set_meta(b, "rater_id", "A003"))


@runtime("gen/questionnaire-changed-answer-table-id.xlsx")
def _q_table(ctx, path):
    def change(book):
        _filled(book, "A002")
        book["_exemplar"]["D2"] = "A003"
    _edit(ctx, "A002", path, change)


@runtime("gen/questionnaire-changed-rated-id.xlsx")
def _q_rated(ctx, path):
    # the self-review's C2 holds the ratee's id
    _edit(ctx, "A002", path, lambda b: b["self-review"].__setitem__("C2", "A003"))


@runtime("gen/questionnaire-renamed-sheet.xlsx")
def _q_renamed(ctx, path):
    def change(book):
        _filled(book, "A002")
        book["peer ballot"].title = "ballot"
    _edit(ctx, "A002", path, change)


@runtime("gen/questionnaire-swapped-sheet-names.xlsx")
def _q_swapped(ctx, path):
    def change(book):
        _filled(book, "A001")
        a, b = book["head-孙红梅"], book["head-李卫东"]
        a.title, b.title = "tmp", "head-孙红梅"
        a.title = "head-李卫东"
    _edit(ctx, "A001", path, change)


@runtime("gen/questionnaire-copied-answer-block.xlsx")
def _q_copied(ctx, path):
    def change(book):
        _filled(book, "A002")
        ballot = book["peer ballot"]
        # the grid's rows pasted one row lower: the last row lands below the grid
        last = ballot.max_row
        for r in range(last, 4, -1):
            for c in range(3, 9):
                ballot.cell(row=r + 1, column=c).value = ballot.cell(row=r, column=c).value
    _edit(ctx, "A002", path, change)


@runtime("gen/questionnaire-answers-in-next-column.xlsx")
def _q_moved(ctx, path):
    def change(book):
        sheet = book["self-review"]
        cell = _first_answer_cell(book, "self-review")
        sheet[cell] = None
        sheet["D" + cell[1:]] = "完全符合"
    _edit(ctx, "A002", path, change)


@runtime("gen/questionnaire-moved-item-row.xlsx")
def _q_row(ctx, path):
    def change(book):
        _filled(book, "A002")
        # two item rows sorted the other way round: L1 and L2 (ids and questions) trade places
        sheet = book["self-review"]
        cell = _first_answer_cell(book, "self-review")
        row = int(cell[1:])
        for column in "AB":
            a, b = sheet[f"{column}{row}"], sheet[f"{column}{row + 1}"]
            a.value, b.value = b.value, a.value
        sheet[cell] = "完全不符合"
    _edit(ctx, "A002", path, change)


@runtime("gen/questionnaire-stray-text.xlsx")
def _q_stray(ctx, path):
    def change(book):
        _filled(book, "A002")
        book["self-review"]["E20"] = "此处有误，请人事核对"
    _edit(ctx, "A002", path, change)


@runtime("gen/questionnaire-answer-not-an-option.xlsx")
def _q_option(ctx, path):
    def change(book):
        _filled(book, "A002")
        book["peer ballot"]["C5"] = "很好"
    _edit(ctx, "A002", path, change)


@runtime("gen/questionnaire-edited-seal.xlsx")
def _q_seal(ctx, path):
    _edit(ctx, "A002", path, lambda b: _set_meta(b, "seal", "0" * 64))


@runtime("gen/questionnaire-edited-form-version.xlsx")
def _q_version(ctx, path):
    _edit(ctx, "A002", path, lambda b: _set_meta(
        b, "forms", "self=five-exemplars@2,head=five-exemplars@1,peer=five-exemplars-ballot@1"))


@runtime("gen/questionnaire-hidden-sheet-deleted.xlsx")
def _q_nometa(ctx, path):
    def change(book):
        _filled(book, "A002")
        del book["_exemplar"]
    _edit(ctx, "A002", path, change)


@runtime("gen/questionnaire-other-cycle.xlsx")
def _q_cycle(ctx, path):
    import openpyxl
    book = openpyxl.load_workbook(ctx.other_cycle("A002"))
    _filled(book, "A002")
    book.save(path)


@runtime("gen/questionnaire-older-form-version.xlsx")
def _q_older_form(ctx, path):
    import openpyxl
    book = openpyxl.load_workbook(ctx.older_form_version("A002"))
    _filled(book, "A002")
    book.save(path)


@runtime("gen/questionnaire-other-database.xlsx")
def _q_database(ctx, path):
    import openpyxl
    book = openpyxl.load_workbook(ctx.other_database("A002"))
    _filled(book, "A002")
    book.save(path)


@runtime("gen/questionnaire-truncated.xlsx")
def _q_truncated(ctx, path):
    with open(ctx.questionnaire("A002"), "rb") as f:
        data = f.read()
    with open(path, "wb") as f:
        f.write(data[: len(data) // 2])


@runtime("gen/questionnaire-formula-answer.xlsx")
def _q_formula(ctx, path):
    """An answer cell holding a formula whose cached value (what Excel shows) is not an option."""
    def change(book):
        _filled(book, "A002")
        book["peer ballot"]["C5"] = '=IF(1,"不存在","")'
    _edit(ctx, "A002", path, change)
    # openpyxl writes no cached value; put in the one Excel would have saved
    with zipfile.ZipFile(path) as z:
        parts = [(info, z.read(info.filename)) for info in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in parts:
            text = data.decode("utf-8") if info.filename.startswith("xl/worksheets/") else None
            if text is not None and "<f>IF(1," in text:
                start = text.index('<c r="C5"')
                end = text.index("</c>", start) + len("</c>")
                text = text[:start] + '<c r="C5" t="str"><f>IF(1,"不存在","")</f><v>不存在</v></c>' + text[end:]
                data = text.encode("utf-8")
            z.writestr(info, data)


# Controls: the unbroken originals, which must be accepted (exit 0), so that
# each corpus file is refused for its one damage and not for something else.

CONTROLS = {}


def control(name, command):
    def register(fn):
        CONTROLS[name] = (command, fn)
        return fn
    return register


def _write(path, data):
    with open(path, "wb") as f:
        f.write(data.encode("utf-8") if isinstance(data, str) else data)


control("control/roster.csv", "roster")(lambda ctx, path: _write(path, roster()))
control("control/roster.xlsx", "roster")(lambda ctx, path: _write(path, good_roster_xlsx))
control("control/responses.csv", "responses")(lambda ctx, path: _write(path, responses()))
control("control/responses.xlsx", "responses")(lambda ctx, path: _write(path, good_resp_xlsx))
control("control/form.yaml", "form")(lambda ctx, path: _write(path, FORM))
control("control/plan.yaml", "plan")(lambda ctx, path: _write(path, PLAN))
control("control/plan-for-cycle.yaml", "cycle-create")(lambda ctx, path: _write(path, PLAN))
control("control/template.yaml", "report-template")(lambda ctx, path: _write(path, TEMPLATE))


@control("control/questionnaire.xlsx", "responses")
def _q_good(ctx, path):
    def change(book):
        _filled(book, "A001")
    _edit(ctx, "A001", path, change)


# ------------------------------------------------------------------- main

def main():
    check = "--check" in sys.argv[1:]
    bad = []
    for rel, data in sorted(STATIC.items()):
        path = os.path.join(HERE, rel)
        if check:
            try:
                with open(path, "rb") as f:
                    if f.read() != data:
                        bad.append(rel)
            except FileNotFoundError:
                bad.append(rel)
            continue
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)
    if check:
        for rel in bad:
            print("differs: " + rel)
        sys.exit(1 if bad else 0)
    print(f"{len(STATIC)} files written, {sum(len(d) for d in STATIC.values())} bytes; "
          f"largest {max(len(d) for d in STATIC.values())} bytes")


if __name__ == "__main__":
    main()
