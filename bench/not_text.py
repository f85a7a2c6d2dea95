"""Which inputs ``extract`` refuses as ``not text``: none of the real pages, all of the binary ones.

    python bench/not_text.py [--mutations 3]

Sets (every document through ``extractors.extract``, as ``cgpn import`` and ``cgpn extract`` do):

- real pages: the page sets (bench/pages, bench/heldout; their HTTP charset header passed along)
  and fixtures/, in their own encodings (UTF-8, GBK, GB2312, Big5, lying declarations);
- GBK/Big5 pages served as ISO-8859-1 (a declaration that decodes anything, wrongly);
- mojibake texts: every damaged family of the repair corpus (bench/repair_corpus.py, seed 7),
  as UTF-8 bytes and as GB18030 bytes;
- the fuzz corpus: each real page damaged ``--mutations`` times by tests/test_fuzz.py's ``mutate``
  (bit flips, cuts, inserted NULs, BOMs, stray bytes, splices of other pages);
- binary: random bytes (100 B to 64 KB), random bytes of 0x80-0xFF only, gzip, zlib and zip of
  pages, a PNG, a PDF-like file.

For each set: documents, extracted, refused as ``not text``, failed for another reason, and crashed
with another exception than ExtractionError (a bug); then each refused document of a text set by
name (the list should be empty).
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import random
import struct
import subprocess
import sys
import zipfile
import zlib
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractors import ExtractionError, extract  # noqa: E402
from tests.test_fuzz import mutate  # noqa: E402

PAGE_SETS = [ROOT / "bench" / "pages", ROOT / "bench" / "heldout"]


def real_pages() -> list[tuple[str, bytes, str | None]]:
    docs = []
    for folder in PAGE_SETS:
        for page in sorted((folder / "html").iterdir()):
            truth = folder / "truth" / (page.stem + ".json")
            content_type = json.loads(truth.read_text(encoding="utf-8")).get("content_type") if truth.exists() else None
            docs.append((f"{folder.name}/{page.name}", page.read_bytes(), content_type))
    docs += [(f"fixtures/{p.name}", p.read_bytes(), None) for p in sorted((ROOT / "fixtures").iterdir()) if p.is_file()]
    return docs


def mislabelled(real: list[tuple[str, bytes, str | None]]) -> list[tuple[str, bytes, str | None]]:
    """Pages that are not UTF-8 (GBK, GB2312, Big5), served with ``charset=iso-8859-1``."""
    docs = []
    for name, data, _ in real:
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            docs.append((name + " as iso-8859-1", data, "text/html; charset=iso-8859-1"))
    return docs


def mojibake() -> list[tuple[str, bytes, str | None]]:
    out = subprocess.run([sys.executable, str(ROOT / "bench" / "repair_corpus.py"), "--seed", "7", "--per-family", "30"],
                         capture_output=True, text=True, check=True).stdout
    cases = [json.loads(line) for line in out.split("\n") if line]  # splitlines would cut at U+0085
    damaged = [c for c in cases if not c["family"].startswith("clean")]
    return [(f"{c['family']} #{n} as {encoding}", ("标题\n" + c["damaged"]).encode(encoding), None)
            for n, c in enumerate(damaged) for encoding in ("utf-8", "gb18030")]


def fuzzed(real: list[tuple[str, bytes, str | None]], per_page: int) -> list[tuple[str, bytes, str | None]]:
    rng = random.Random(19)
    return [(f"{name} mutated #{k}", mutate(data, rng, rng.randint(1, 6)), content_type)
            for name, data, content_type in real for k in range(per_page)]


def binary(real: list[tuple[str, bytes, str | None]]) -> list[tuple[str, bytes, str | None]]:
    rng = random.Random(23)
    pages = [data for _, data, _ in real[:20]]
    docs = [(f"random {size} B #{k}", rng.randbytes(size), None) for size in (100, 400, 4096, 65536) for k in range(5)]
    docs += [(f"random 0x80-0xFF {size} B", bytes(rng.randrange(0x80, 0x100) for _ in range(size)), None) for size in (400, 4096)]
    docs += [(f"gzip of page {k}", gzip.compress(data), "text/html") for k, data in enumerate(pages)]
    docs += [(f"zlib of page {k}", zlib.compress(data), None) for k, data in enumerate(pages)]
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        for k, data in enumerate(pages):
            z.writestr(f"{k}.html", data)
    docs.append(("zip of 20 pages", archive.getvalue(), None))
    png = b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + struct.pack(">IIBBBBB", 64, 64, 8, 2, 0, 0, 0) + b"\0" * 4
    png += b"IDAT" + zlib.compress(rng.randbytes(12_000)) + b"IEND"
    docs.append(("png", png, "image/png"))
    docs.append(("pdf-like", b"%PDF-1.4\n1 0 obj\n<< /Filter /FlateDecode >>\nstream\n" + zlib.compress(pages[0]) + b"\nendstream", None))
    return docs


def outcome(data: bytes, content_type: str | None) -> str:
    try:
        extract(data, path="doc", content_type=content_type)
    except ExtractionError as exc:
        return "not text" if str(exc).startswith("not text") else "failed"
    except Exception:  # noqa: BLE001 - counted: extract() should raise ExtractionError only
        return "crashed"
    return "extracted"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mutations", type=int, default=3, help="damaged copies of each real page")
    per_page = parser.parse_args().mutations
    real = real_pages()
    sets = {"real pages": real, "served as iso-8859-1": mislabelled(real), "mojibake texts": mojibake(),
            "fuzz corpus": fuzzed(real, per_page), "binary": binary(real)}
    print("| set | documents | extracted | refused: not text | failed otherwise | crashed (not ExtractionError) |\n"
          "|---|---:|---:|---:|---:|---:|")
    refused: list[str] = []
    for name, docs in sets.items():
        counts: Counter[str] = Counter()
        for doc, data, content_type in docs:
            result = outcome(data, content_type)
            counts[result] += 1
            if result == "not text" and name != "binary":
                refused.append(f"{name}: {doc}")
        print(f"| {name} | {len(docs)} | {counts['extracted']} | {counts['not text']} | {counts['failed']} | {counts['crashed']} |")
    print("\nrefused as not text outside the binary set:", *refused or ["none"], sep="\n- ")


if __name__ == "__main__":
    main()
