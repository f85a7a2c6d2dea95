"""The repair steps, registered by name and run in order, each only where its detector finds damage.

Byte-level mojibake goes first (GBK read as latin-1, whose pairs ftfy would
misread; then UTF-8 read as latin-1 before UTF-8 read as GBK: ftfy's detector
is the stricter), then the misaligned GBK runs, then pinyin
(which needs the character before the bracket, traditional or simplified),
full-width figures, and traditional → simplified last. ``repair`` returns the
text and the names of the steps that changed it; ``explain`` lists each
change with its position in the text that step received.

>>> r = repair("柳州提前完成脫貧地區(qū)農(nóng)副產(chǎn)品全年采購(gòu)任務(wù)")
>>> r.text, r.repairs, r.script
('柳州提前完成脱贫地区农副产品全年采购任务', ['pinyin-annotations', 't2s'], 'hant')
>>> r.unsimplified
'柳州提前完成脫貧地區農副產品全年采購任務'
>>> explain("地區(qū)農(nóng)")[0]
Change(step='pinyin-annotations', start=2, end=6, before='(qū)', after='')
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NamedTuple

from extractors.text.gbklatin1 import fix_gbk_latin1, has_gbk_latin1
from extractors.text.gbkshift import fix_gbk_shift, has_gbk_shift
from extractors.text.mojibake import fix_latin1, fix_utf8_as_gbk, has_gbk_mojibake, has_latin1_mojibake
from extractors.text.pinyin import has_pinyin, remove_pinyin
from extractors.text.script import is_traditional, to_simplified
from extractors.text.width import has_wide, narrow_numbers


@dataclass(frozen=True)
class RepairConfig:
    """Which repairs run (all by default) and how traditional text is simplified.

    ``t2s_config`` is OpenCC's configuration: ``t2s``, or ``tw2sp`` for
    Taiwanese sources (vocabulary too: 軟體 → 软件).
    """

    gbk_as_latin1: bool = True
    latin1_mojibake: bool = True
    utf8_as_gbk: bool = True
    gbk_shift: bool = True
    pinyin_annotations: bool = True
    fullwidth_numbers: bool = True
    t2s: bool = True
    t2s_config: str = "t2s"


@dataclass
class Repaired:
    """A repaired text, the steps that changed it and what stays doubtful."""

    text: str
    unsimplified: str
    repairs: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    script: str = "hans"


class Change(NamedTuple):
    """One change of one step; ``start:end`` are offsets in the text that step received."""

    step: str
    start: int
    end: int
    before: str
    after: str


class Step(NamedTuple):
    name: str  # the name in ``Repaired.repairs``
    detect: Callable[[str], bool]
    fix: Callable[[str, RepairConfig], tuple[str, list[str]]]

    @property
    def switch(self) -> str:
        """Its ``RepairConfig`` field: the name with ``_`` for ``-``."""
        return self.name.replace("-", "_")


STEPS = [
    Step("gbk-as-latin1", has_gbk_latin1, lambda t, c: (fix_gbk_latin1(t), [])),
    Step("latin1-mojibake", has_latin1_mojibake, lambda t, c: (fix_latin1(t), [])),
    Step("utf8-as-gbk", has_gbk_mojibake, lambda t, c: fix_utf8_as_gbk(t)),
    Step("gbk-shift", has_gbk_shift, lambda t, c: fix_gbk_shift(t)),
    Step("pinyin-annotations", has_pinyin, lambda t, c: (remove_pinyin(t), [])),
    Step("fullwidth-numbers", has_wide, lambda t, c: (narrow_numbers(t), [])),
    Step("t2s", is_traditional, lambda t, c: (to_simplified(t, c.t2s_config), [])),
]


_SWITCHES = [step.switch for step in STEPS]  # looked up once: the loop runs per paragraph


def _run(text: str, config: RepairConfig) -> tuple[Repaired, list[tuple[str, str, str]]]:
    """Run the enabled steps; the result and (step, before, after) for each step that changed the text."""
    result = Repaired(text=text, unsimplified=text)
    history = []
    for step, switch in zip(STEPS, _SWITCHES):
        if step.name == "t2s":
            result.unsimplified = text
            result.script = "hant" if is_traditional(text) else "hans"
            damaged = result.script == "hant"
        else:
            damaged = step.detect(text)
        if not getattr(config, switch) or not damaged:
            continue
        fixed, warnings = step.fix(text, config)
        result.warnings += warnings
        if fixed != text:
            result.repairs.append(step.name)
            history.append((step.name, text, fixed))
            text = fixed
    result.text = text
    return result, history


def repair(text: str, config: RepairConfig = RepairConfig()) -> Repaired:
    """Repair ``text`` (one paragraph per line; newlines are kept) and simplify it."""
    return _run(text, config)[0]


def _diff(step: str, before: str, after: str) -> list[Change]:
    """The changes between ``before`` and ``after``, line by line when both have the same lines."""
    old, new = before.split("\n"), after.split("\n")
    if len(old) != len(new):
        old, new = [before], [after]
    changes, offset = [], 0
    for a, b in zip(old, new):
        if a != b:
            for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
                if op != "equal":
                    changes.append(Change(step, offset + i1, offset + i2, a[i1:i2], b[j1:j2]))
        offset += len(a) + 1
    return changes


def explain(text: str, config: RepairConfig = RepairConfig()) -> list[Change]:
    """Every change ``repair`` makes to ``text``, step by step, like ftfy's ``fix_and_explain``."""
    return [change for step, before, after in _run(text, config)[1] for change in _diff(step, before, after)]
