"""The meaning sets (tests/data/meaning/<batch>): labels stand where they say, and what figures mean is
read right on the batches the extractor has been developed on (bench/RESULTS-meaning.md has the first runs)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"
sys.path.insert(0, str(BENCH))

check = importlib.import_module("figures_check")
labels = importlib.import_module("figures_labels")
spec = importlib.util.spec_from_file_location("meaning_bench", BENCH / "meaning_bench.py")
assert spec and spec.loader
meaning = importlib.util.module_from_spec(spec)
spec.loader.exec_module(meaning)

# batches whose first run is recorded and that the extractor has since been improved on: a floor under
# what each now scores (money figures: subject, period, metric, parent), so that a change that helps one
# batch cannot quietly undo another (bench/RESULTS-meaning.md, "After developing on them")
DEVELOPED = {"a": (0.98, 0.97, 0.86, 0.93), "b": (0.97, 0.95, 0.85, 0.87), "c": (0.96, 0.91, 0.82, 0.93),
             "d": (0.93, 0.91, 0.74, 0.91), "e": (0.96, 0.95, 0.86, 0.92), "f": (0.93, 0.93, 0.72, 0.85),
             "g": (0.90, 0.93, 0.71, 0.89), "h": (0.93, 0.87, 0.70, 0.85), "i": (0.86, 0.85, 0.53, 0.82),
             "j": (0.93, 0.95, 0.78, 0.80), "k": (0.92, 0.86, 0.65, 0.83), "l": (0.93, 0.90, 0.65, 0.85),
             "m": (0.86, 0.95, 0.70, 0.87), "n": (0.95, 0.86, 0.70, 0.84), "o": (0.92, 0.91, 0.70, 0.84),
             "p": (0.95, 0.90, 0.73, 0.83), "q": (0.92, 0.87, 0.66, 0.88), "r": (0.89, 0.85, 0.78, 0.84),
             "s": (0.92, 0.92, 0.68, 0.82), "t": (0.95, 0.95, 0.76, 0.89), "u": (0.95, 0.91, 0.68, 0.83),
             "v": (0.92, 0.80, 0.67, 0.83), "w": (0.90, 0.84, 0.75, 0.84), "x": (0.95, 0.95, 0.76, 0.87),
             "y": (0.91, 0.92, 0.64, 0.75), "z": (0.91, 0.89, 0.61, 0.86), "aa": (0.90, 0.90, 0.65, 0.87),
             "ab": (0.92, 0.87, 0.61, 0.85), "ac": (0.89, 0.81, 0.65, 0.79), "ad": (0.90, 0.87, 0.63, 0.83),
             "ae": (0.93, 0.80, 0.59, 0.85), "af": (0.88, 0.90, 0.66, 0.84), "ag": (0.86, 0.88, 0.70, 0.87),
             "ah": (0.86, 0.88, 0.64, 0.79), "ai": (0.90, 0.89, 0.61, 0.79), "aj": (0.91, 0.80, 0.72, 0.80),
             "ak": (0.85, 0.87, 0.69, 0.84), "al": (0.88, 0.88, 0.67, 0.80), "am": (0.86, 0.85, 0.63, 0.85),
             "an": (0.92, 0.91, 0.68, 0.83), "ao": (0.89, 0.84, 0.60, 0.81),
             "ap": (0.82, 0.82, 0.61, 0.81), "aq": (0.80, 0.77, 0.64, 0.82),
             "ar": (0.92, 0.83, 0.69, 0.78), "as": (0.88, 0.86, 0.71, 0.85),
             "at": (0.86, 0.86, 0.68, 0.82), "au": (0.81, 0.85, 0.64, 0.82),
             "av": (0.91, 0.84, 0.64, 0.86), "aw": (0.83, 0.92, 0.65, 0.82),
             "ax": (0.92, 0.85, 0.70, 0.86), "ay": (0.95, 0.88, 0.75, 0.79),
             "az": (0.90, 0.89, 0.69, 0.84), "ba": (0.90, 0.84, 0.66, 0.85),
             "bb": (0.97, 0.90, 0.70, 0.88), "bc": (0.91, 0.86, 0.67, 0.82),
             "bd": (0.89, 0.88, 0.69, 0.82), "be": (0.92, 0.83, 0.68, 0.84),
             "bf": (0.91, 0.85, 0.65, 0.82), "bg": (0.97, 0.90, 0.75, 0.87),
             "bh": (0.93, 0.85, 0.64, 0.76), "bi": (0.83, 0.85, 0.63, 0.79),
             "bj": (0.93, 0.87, 0.63, 0.79), "bk": (0.94, 0.89, 0.61, 0.90),
             "bl": (0.94, 0.83, 0.57, 0.81), "bm": (0.94, 0.83, 0.56, 0.80),
             "bn": (0.97, 0.91, 0.65, 0.81), "bo": (0.90, 0.82, 0.56, 0.81),
             "bp": (0.93, 0.87, 0.58, 0.83), "bq": (0.92, 0.85, 0.67, 0.87),
             "br": (0.93, 0.83, 0.64, 0.75), "bs": (0.90, 0.85, 0.68, 0.83), "bt": (0.97, 0.83, 0.57, 0.84),
             "bu": (0.88, 0.88, 0.71, 0.82), "bv": (0.97, 0.93, 0.59, 0.91), "bw": (0.91, 0.91, 0.75, 0.86),
             "bx": (0.91, 0.86, 0.62, 0.80), "by": (0.93, 0.85, 0.70, 0.82), "bz": (0.94, 0.87, 0.55, 0.87),
             "ca": (0.90, 0.86, 0.53, 0.80), "cb": (0.85, 0.86, 0.49, 0.79), "cc": (0.92, 0.84, 0.58, 0.82),
             "cd": (0.91, 0.76, 0.59, 0.77), "ce": (0.94, 0.87, 0.57, 0.76), "cf": (0.89, 0.70, 0.54, 0.82),
             "cg": (0.90, 0.81, 0.59, 0.77), "ch": (0.88, 0.87, 0.66, 0.87), "ci": (0.93, 0.92, 0.60, 0.76),
             "cj": (0.93, 0.79, 0.54, 0.79), "ck": (0.87, 0.83, 0.63, 0.77), "cl": (0.88, 0.87, 0.67, 0.81),
             "cm": (0.93, 0.82, 0.66, 0.78), "cn": (0.89, 0.90, 0.58, 0.81), "co": (0.93, 0.84, 0.64, 0.82),
             "cp": (0.92, 0.88, 0.54, 0.85), "cq": (0.92, 0.82, 0.58, 0.85), "cr": (0.88, 0.77, 0.58, 0.83),
             "cs": (0.87, 0.91, 0.67, 0.86), "ct": (0.85, 0.82, 0.53, 0.90), "cu": (0.96, 0.80, 0.59, 0.80),
             "cv": (0.92, 0.85, 0.66, 0.85), "cw": (0.93, 0.87, 0.64, 0.79),
             "cx": (0.96, 0.81, 0.55, 0.88), "cy": (0.87, 0.86, 0.59, 0.76), "cz": (0.94, 0.75, 0.47, 0.85),
             "da": (0.92, 0.88, 0.59, 0.86),
             "db": (0.96, 0.89, 0.68, 0.80), "dc": (0.88, 0.77, 0.56, 0.78), "dd": (0.90, 0.86, 0.53, 0.86),
             "de": (0.96, 0.85, 0.67, 0.85), "df": (0.92, 0.76, 0.61, 0.77), "dg": (0.93, 0.85, 0.55, 0.79),
             "dh": (0.92, 0.70, 0.56, 0.80), "di": (0.93, 0.97, 0.64, 0.84), "dj": (0.91, 0.91, 0.68, 0.79),
             "dk": (0.89, 0.87, 0.56, 0.81), "dl": (0.90, 0.86, 0.59, 0.84), "dm": (0.96, 0.87, 0.58, 0.82),
             "dn": (0.93, 0.95, 0.63, 0.82), "do": (0.94, 0.92, 0.59, 0.86), "dp": (0.95, 0.91, 0.65, 0.87),
             "dq": (0.95, 0.85, 0.67, 0.86), "dr": (0.96, 0.85, 0.70, 0.86), "ds": (0.96, 0.87, 0.52, 0.79),
             "dt": (0.87, 0.88, 0.60, 0.87), "du": (0.93, 0.91, 0.60, 0.83), "dv": (0.91, 0.84, 0.55, 0.82),
             "dw": (0.95, 0.91, 0.67, 0.92), "dx": (0.90, 0.82, 0.57, 0.78), "dy": (0.95, 0.86, 0.70, 0.81),
             "dz": (0.90, 0.82, 0.67, 0.84), "ea": (0.96, 0.94, 0.66, 0.86), "eb": (0.93, 0.87, 0.60, 0.87),
             "ec": (0.92, 0.92, 0.70, 0.83),
             "ed": (0.94, 0.87, 0.71, 0.88), "ef": (0.90, 0.83, 0.68, 0.85), "eg": (0.94, 0.92, 0.70, 0.85),
             "ee": (0.88, 0.90, 0.66, 0.88),
             "eh": (0.96, 0.90, 0.67, 0.81), "ei": (0.92, 0.94, 0.71, 0.85), "ej": (0.88, 0.92, 0.52, 0.87),
             "ek": (0.94, 0.89, 0.71, 0.82),
             "el": (0.92, 0.92, 0.63, 0.85), "em": (0.91, 0.89, 0.64, 0.80), "en": (0.89, 0.82, 0.62, 0.95),
             "eo": (0.91, 0.78, 0.72, 0.80), "ep": (0.91, 0.84, 0.59, 0.81), "eq": (0.92, 0.91, 0.62, 0.82),
             "er": (0.89, 0.88, 0.62, 0.78), "es": (0.93, 0.92, 0.66, 0.79), "et": (0.95, 0.92, 0.64, 0.78),
             "eu": (0.92, 0.87, 0.51, 0.79), "ev": (0.97, 0.88, 0.62, 0.92), "ew": (0.94, 0.90, 0.62, 0.82),
             "ex": (0.96, 0.88, 0.69, 0.83), "ey": (0.95, 0.87, 0.58, 0.86), "ez": (0.96, 0.85, 0.58, 0.88),
             "fa": (0.93, 0.92, 0.58, 0.85), "fb": (0.94, 0.82, 0.57, 0.82), "fc": (0.94, 0.89, 0.60, 0.85),
             "fd": (0.96, 0.88, 0.70, 0.87), "fe": (0.95, 0.81, 0.50, 0.82), "ff": (0.91, 0.85, 0.65, 0.87),
             "fg": (0.95, 0.92, 0.66, 0.80), "fh": (0.93, 0.89, 0.54, 0.77), "fi": (0.96, 0.88, 0.64, 0.81),
             "fj": (0.92, 0.91, 0.61, 0.80), "fk": (0.96, 0.85, 0.58, 0.86), "fl": (0.96, 0.83, 0.55, 0.82),
             "fm": (0.94, 0.87, 0.64, 0.82), "fn": (0.93, 0.87, 0.63, 0.80), "fo": (0.92, 0.74, 0.53, 0.83),
             "fp": (0.92, 0.84, 0.66, 0.83), "fq": (0.95, 0.91, 0.71, 0.85), "fr": (0.92, 0.90, 0.59, 0.86),
             "fs": (0.96, 0.90, 0.56, 0.89), "ft": (0.96, 0.95, 0.70, 0.75), "fu": (0.96, 0.93, 0.69, 0.90),
"fx": (0.90, 0.86, 0.63, 0.86), "fv": (0.96, 0.89, 0.68, 0.79), "fw": (0.97, 0.84, 0.69, 0.86),
             "fy": (0.98, 0.93, 0.67, 0.86), "gc": (0.95, 0.86, 0.64, 0.85), "fz": (0.95, 0.88, 0.58, 0.88),
             "ga": (0.95, 0.84, 0.60, 0.86), "gb": (0.92, 0.84, 0.60, 0.86), "gg": (0.94, 0.94, 0.73, 0.87),
             "gd": (0.96, 0.86, 0.74, 0.84), "ge": (0.92, 0.77, 0.50, 0.87), "gf": (0.91, 0.85, 0.63, 0.82),
             "gj": (0.92, 0.84, 0.53, 0.74), "gk": (0.92, 0.89, 0.55, 0.82), "gh": (0.93, 0.87, 0.65, 0.80),
             "gi": (0.92, 0.82, 0.57, 0.77), "gn": (0.92, 0.92, 0.64, 0.88), "gl": (0.93, 0.89, 0.71, 0.83),
             "gm": (0.94, 0.92, 0.73, 0.87), "go": (0.94, 0.89, 0.69, 0.80), "gq": (0.96, 0.94, 0.64, 0.85),
             "gs": (0.96, 0.88, 0.72, 0.86), "gr": (0.93, 0.90, 0.69, 0.83), "gp": (0.95, 0.92, 0.61, 0.80),
             "gw": (0.92, 0.88, 0.68, 0.91), "gt": (0.96, 0.93, 0.67, 0.87), "gu": (0.95, 0.90, 0.71, 0.87),
             "gv": (0.96, 0.90, 0.55, 0.83), "ha": (0.96, 0.86, 0.69, 0.90), "gx": (0.91, 0.88, 0.64, 0.82),
             "gy": (0.96, 0.87, 0.66, 0.90), "gz": (0.93, 0.85, 0.65, 0.87), "hd": (0.95, 0.88, 0.56, 0.89),
             "hb": (0.95, 0.91, 0.72, 0.89), "hc": (0.96, 0.82, 0.62, 0.84), "he": (0.98, 0.80, 0.66, 0.84),
             "hf": (0.96, 0.86, 0.58, 0.96), "hi": (0.93, 0.89, 0.70, 0.87), "hh": (0.90, 0.93, 0.71, 0.93),
             "hg": (0.96, 0.88, 0.64, 0.79),
             "hj": (0.90, 0.90, 0.56, 0.87), "hk": (0.94, 0.92, 0.57, 0.88), "hl": (0.92, 0.97, 0.68, 0.89),
             "hm": (0.91, 0.94, 0.61, 0.86), "hn": (0.96, 0.95, 0.63, 0.88), "ho": (0.89, 0.95, 0.70, 0.78),
             "hp": (0.95, 0.84, 0.61, 0.87), "hq": (0.95, 0.90, 0.61, 0.82), "hr": (0.96, 0.91, 0.67, 0.80),
             "hs": (0.91, 0.91, 0.70, 0.91), "ht": (0.93, 0.91, 0.65, 0.86), "hu": (0.94, 0.92, 0.73, 0.82),
             "hv": (0.95, 0.89, 0.67, 0.84), "hw": (0.95, 0.85, 0.63, 0.85), "hx": (0.93, 0.89, 0.53, 0.89),
             "hy": (0.95, 0.91, 0.65, 0.83), "hz": (0.95, 0.90, 0.51, 0.90), "ia": (0.94, 0.89, 0.58, 0.86),
             "ib": (0.93, 0.92, 0.66, 0.93), "ic": (0.95, 0.89, 0.63, 0.90), "id": (0.97, 0.87, 0.62, 0.80),
             "ie": (0.91, 0.88, 0.60, 0.84), "if": (0.91, 0.87, 0.70, 0.83), "ig": (0.98, 0.86, 0.69, 0.86),
             "ih": (0.90, 0.92, 0.73, 0.74), "ii": (0.96, 0.94, 0.62, 0.82), "ij": (0.87, 0.95, 0.62, 0.88),
             "ik": (0.91, 0.88, 0.57, 0.85), "il": (0.95, 0.87, 0.68, 0.86), "im": (0.96, 0.91, 0.60, 0.86),
             "in": (0.93, 0.86, 0.65, 0.84), "io": (0.97, 0.87, 0.71, 0.89), "ip": (0.94, 0.94, 0.60, 0.84),
             "iq": (0.95, 0.76, 0.60, 0.78), "ir": (0.92, 0.90, 0.66, 0.86), "is": (0.96, 0.92, 0.68, 0.85),
             "it": (0.96, 0.87, 0.64, 0.88), "iu": (0.96, 0.74, 0.61, 0.87), "iv": (0.91, 0.85, 0.57, 0.88),
             "iw": (0.98, 0.90, 0.73, 0.84), "ix": (0.95, 0.85, 0.59, 0.81),
             "iy": (0.95, 0.86, 0.60, 0.86), "iz": (0.87, 0.83, 0.59, 0.81), "ja": (0.93, 0.93, 0.69, 0.88),
             "jb": (0.93, 0.88, 0.75, 0.84), "jc": (0.95, 0.94, 0.76, 0.88), "jd": (0.97, 0.86, 0.65, 0.86),
             "je": (0.96, 0.94, 0.73, 0.82), "jf": (0.96, 0.92, 0.69, 0.85), "jg": (0.92, 0.89, 0.71, 0.79),
             "jh": (0.96, 0.93, 0.73, 0.88), "ji": (0.96, 0.93, 0.70, 0.81), "jj": (0.96, 0.92, 0.68, 0.87),
             "jk": (0.96, 0.91, 0.68, 0.79), "jl": (0.97, 0.91, 0.70, 0.85), "jm": (0.87, 0.88, 0.70, 0.91),
             "jn": (0.97, 0.91, 0.75, 0.88), "jo": (0.96, 0.90, 0.67, 0.90), "jp": (0.95, 0.95, 0.77, 0.79),
             "jq": (0.95, 0.93, 0.70, 0.92), "jr": (0.93, 0.94, 0.65, 0.84), "js": (0.95, 0.83, 0.63, 0.91),
             "jt": (0.96, 0.92, 0.58, 0.91), "ju": (0.97, 0.92, 0.75, 0.86), "jv": (0.95, 0.85, 0.59, 0.89),
             "jw": (0.93, 0.92, 0.59, 0.79), "jx": (0.91, 0.87, 0.56, 0.82), "jy": (0.96, 0.90, 0.67, 0.88),
             "jz": (0.94, 0.92, 0.58, 0.83), "ka": (0.94, 0.93, 0.65, 0.90), "kb": (0.95, 0.87, 0.63, 0.90),
             "kc": (0.92, 0.86, 0.69, 0.85), "kd": (0.97, 0.91, 0.64, 0.80), "ke": (0.96, 0.88, 0.57, 0.87),
             "kf": (0.94, 0.90, 0.63, 0.86), "kg": (0.90, 0.87, 0.70, 0.84), "kh": (0.95, 0.95, 0.61, 0.82)}
# (stop 35: iy–kh 0.02 under their numbers at 7699a70, whose labels are e21ec8d's; iv and ix keep a lower floor on
# amounts' recall for spoken amounts the reader still misses; hn, ie, ik and iw, whose floors stop 34 lowered for
# tables and spoken 块, are back at the common one; ik's subject 0.91 since ik13's budget table is read: its title
# says 部门预算, which makes a text's figures a body's own (no place), where the label gives the county)
# (stop 34: hj–ix 0.02 under their numbers at the stop's end (f801e19); gq's metric 0.64 since stop 35: gq06 labels the
# 中标金额 of 标段一…标段五 bare, while a lot named before a bare measure now qualifies it, as most later labels do)
AMOUNT_RECALL = {"iv": 0.90, "ix": 0.89}
# (stop 32: el–fu 0.02 under their numbers at the stop's end (cda32d1), most of them at or near their first runs;
# stop 33: fv–hi 0.02 under their numbers at the stop's end (9ff05c0))
# (stop 31: dn–ek 0.02 under their numbers at the stop's end; ea–ek and dz at their first runs but dz's subject, 0.921
# after one later rule)
# (stop 30: db–dm 0.02 under their numbers at the stop's end, a few rules after their first runs; dm's parent 0.82 since stop 31:
# its labels leave out a breakdown by 品目 that adds up to the total exactly, which the reader now links; o's parent
# 0.84: in o/15 four figures of other quantities (节能产品41.2亿元、环保产品36.8亿元…中小企业785.3亿元 and the next
# paragraph's 163.1亿元) add up to the total exactly, and are now read as its parts)
# (floors 0.02 under the reader's numbers at the end of stops 23 (a–s), 24 (t–aa) 25 (ab–ak; aj and ak at their first runs), 27 (bb–bk, bn, bo, bq at the stop's end; bl, bm and bp at their first runs), 28 (br–cc at the stop's end, most of them
# developed on little or not at all after their first runs) and 26 (al–ba at their first runs; as's parent at 0.875 since its yearbook table's whole numbers are read, twenty rows whose
# links the table does not give; ax's at 0.884 since places share out their paragraph's total, which moved three
# of a communiqué's county figures off the total its labeller gave): a change that costs a batch
# more fails; changes and counts are held on a–e, whose labellers the reader was developed with)
HELD = ("a", "b", "c", "d", "e")
# b's 20_fujian and d's 16_hunan label price cuts of centralised purchasing (中选产品价格平均降幅达53%, 平均降价56.7%)
# changes; the guide (since stop 26, after b and d were labelled) reads such a cut with no period compared as a level,
# which the reader follows since stop 27
CHANGE_RECALL = {"b": 0.92, "d": 0.90}


@pytest.fixture(scope="module")
def records() -> list[dict]:
    return check.load(check.MEANING)


def test_batches_are_large_and_varied(records: list[dict]) -> None:
    assert len(records) >= 60
    assert len({r["kind"] for r in records}) >= 30  # batch d adds kinds the first three lacked
    money = [label for r in records for label in r["labels"] if label["kind"] == "money"]
    assert len(money) >= 500 and all(label["subject"] and label["period"] and label["metric"] for label in money)


def test_every_label_is_at_its_offset_with_its_meaning(records: list[dict]) -> None:
    assert check.problems(records) == []


def test_checker_catches_a_missing_meaning_and_a_bad_period(records: list[dict]) -> None:
    label = next(x for x in records[0]["labels"] if x["kind"] == "money")
    broken = [dict(records[0], labels=[dict(label, subject=None), dict(label, period="2021-13")])]
    assert len(check.problems(broken)) == 2


def test_json_matches_marked_up_sources(records: list[dict]) -> None:
    stored = {(r["kind"], r["id"]): r for r in records}
    assert len(stored) == len(records), "two texts share a kind and a name: give one of them another file name"
    for src in sorted(check.MEANING.glob("*/src/*.marks")):
        built = labels.build(src)
        assert stored.get((built["kind"], built["id"])) == built, f"{src}: run python bench/figures_labels.py"


def test_parent_and_change_flags_are_parsed() -> None:
    record = labels.build(next(check.MEANING.glob("a/src/01_*.marks")))
    parts = [x for x in record["labels"] if x["parent"] is not None]
    assert parts and all(record["labels"][x["parent"]]["kind"] == x["kind"] for x in parts)
    assert any(x["change"] for x in record["labels"])


@pytest.mark.parametrize("batch", sorted(DEVELOPED))
def test_meaning_on_developed_batches(batch: str) -> None:
    result = meaning.evaluate(check.load(check.MEANING / batch))
    money = result["meaning"]["money"]
    amounts = result["kinds"]["money"]
    assert amounts["precision"] >= (0.98 if batch in HELD else 0.96) and amounts["recall"] >= (0.95 if batch in HELD else AMOUNT_RECALL.get(batch, 0.92))
    assert all(got >= floor for got, floor in zip((money["subject"], money["period"], money["metric"], money["parent"]),
                                                  DEVELOPED[batch]))
    if batch in HELD:
        assert result["change"]["percent"]["recall"] >= CHANGE_RECALL.get(batch, 0.95) and result["kinds"]["count"]["f1"] >= 0.95
