"""Place names in text, from the gazetteer ``places.tsv`` (built by bench/figures_gazetteer.py).

:func:`find_places` returns each mention with its canonical name; references
such as 全市/该市/全区 come back with ``canonical=None`` and the level they
refer to, for the caller to resolve against earlier mentions.

>>> [(p.text, p.canonical) for p in find_places("广东省广州市财政局称，广州全市、花都区和全区")]
[('广东省', '广东省'), ('广州市', '广州市'), ('广州', '广州市'), ('全市', None), ('花都区', '花都区'), ('全区', None)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib.resources import files


def _load() -> dict[str, str]:
    names = {"全国": "全国", "中央国家机关": "中央国家机关", "中央本级": "中央本级"}
    for line in files("extractors.figures").joinpath("places.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, canonical, _level = line.split("\t")
            names.setdefault(name, canonical)
    return names


CANONICAL = _load()
# a place name must not continue into a longer word (广州 in 广州银行 is a bank, not the city)
# names by their first two characters, longest first; a regex finds where a name may start: a
# character names start with, before one that is some name's second (every name has two or more):
# a third of the characters of a text are the first, a tenth both
BY_PREFIX: dict[str, list[str]] = {}
for _name in sorted(CANONICAL, key=len, reverse=True):
    BY_PREFIX.setdefault(_name[:2], []).append(_name)
_FIRSTS, _SECONDS = (re.escape("".join(sorted({name[k] for name in CANONICAL}))) for k in (0, 1))
FIRST_CHAR = re.compile(f"[{_FIRSTS}](?=[{_SECONDS}])")
NOT_BEFORE = "省市区县州场"  # 广州市场 is not 广州; 广州市 is found whole
REFERENCE = re.compile("[全该本我][省市区县州](?![场域长委])")
# a short name that starts a company's or institution's name: 广州银行, 湖南某某医疗器械有限公司
NOT_AFTER = re.compile(r"银行|集团|公司|大学|医院|学院|日报|晚报|电视台|[^\W\d局厅委府与和及向对在为的从、]{1,12}?(?:公司|集团)")


@dataclass
class Place:
    """A place mention: ``text`` at ``start``; ``canonical`` None for 全市-style references."""

    text: str
    canonical: str | None
    start: int
    level: str | None = None


def find_places(text: str) -> list[Place]:
    """Place names and 全市-style references in ``text``, in order."""
    out = [Place(m.group(), None, m.start(), m.group()[1]) for m in REFERENCE.finditer(text)]
    resume = 0
    for m in FIRST_CHAR.finditer(text):
        i = m.start()
        if i < resume:
            continue
        for name in BY_PREFIX.get(text[i : i + 2], ()):
            end = i + len(name)
            if text.startswith(name, i) and (end == len(text) or text[end] not in NOT_BEFORE):
                if name == CANONICAL[name] or not NOT_AFTER.match(text, end):  # 广州银行, 柳州日报
                    out.append(Place(name, CANONICAL[name], i))
                resume = end
                break
    out.sort(key=lambda p: p.start)
    return out


def resolve(reference: Place, earlier: list[Place], main: str | None = None) -> str | None:
    """The place a 全市/该区 reference means: for 全/本/我, the article's own place ``main`` when it
    is of that level; otherwise (and for 该) the latest earlier place of that level.

    >>> ps = find_places("广西壮族自治区柳州市称，全区")
    >>> resolve(ps[-1], ps[:-1], main="柳州市")
    '广西壮族自治区'
    >>> ps = find_places("晋江市、南安市采购规模较大。全市")
    >>> resolve(ps[-1], ps[:-1], main="泉州市"), resolve(ps[-1], ps[:-1])
    ('泉州市', '南安市')
    """
    level = reference.level or ""
    if main and main.endswith(level) and reference.text[0] != "该":
        return main
    for p in reversed(earlier):
        if p.canonical and p.canonical.endswith(level):
            return p.canonical
    return None
