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
    names = {"全国": "全国"}
    for line in files("extractors.figures").joinpath("places.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, canonical, _level = line.split("\t")
            names.setdefault(name, canonical)
    return names


def trie_pattern(words: list[str]) -> str:
    """A regex matching any of ``words``, longest first, as a prefix tree (fast in ``re``).

    >>> trie_pattern(["广州", "广州市", "广西"])
    '广(?:州市?|西)'
    """
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        end = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in node.items() if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if end:
            return f"(?:{body})?" if len(branches) > 1 or len(body) > 1 else f"{body}?"
        return body

    return build(trie)


CANONICAL = _load()
# a place name must not continue into a longer word (广州 in 广州银行 is a bank, not the city)
NAME = re.compile(f"(?:{trie_pattern(sorted(CANONICAL))})(?![省市区县州])")
REFERENCE = re.compile("[全该本我][省市区县州](?![场域长委])")
NOT_AFTER = re.compile(r"[银行集团公司大学医院学院报日台]")


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
    for m in NAME.finditer(text):
        name = m.group()
        canonical = CANONICAL[name]
        if name != canonical and NOT_AFTER.match(text, m.end()):
            continue  # 广州银行, 柳州日报
        out.append(Place(name, canonical, m.start()))
    out.sort(key=lambda p: p.start)
    return out


def resolve(reference: Place, earlier: list[Place]) -> str | None:
    """The place a 全市/该区 reference means: the latest earlier place of that level.

    >>> ps = find_places("广西壮族自治区柳州市称，全区")
    >>> resolve(ps[-1], ps[:-1])
    '广西壮族自治区'
    """
    for p in reversed(earlier):
        if p.canonical and p.canonical.endswith(reference.level or ""):
            return p.canonical
    return None
