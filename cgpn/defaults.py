"""Defaults of the import pipeline that the CLI shows in its help: apart from :mod:`cgpn.pipeline`
so that ``cgpn --help`` loads neither the extractors nor the archive."""

DEFAULT_CATEGORY = "zhongguozhengfucaigoubao"

# Imports and re-extractions work in batches of this many documents (fewer when their bytes add
# up to GROUP_BYTES): one transaction stores the batch's captures, the extraction runs with no
# lock held, one more transaction stores the articles. A kill loses at most one batch's
# extraction work (two with worker processes; 128 of the benchmark's articles are ~0.4 s of it,
# large pages more, up to GROUP_BYTES), which the next run redoes from the stored captures.
# Fewer, larger commits mean less FTS5 segment work: storing took 0.6-0.7 ms an article in
# batches of 128 against 0.77 in batches of 32 (RESULTS-speed.md).
BATCH_SIZE, GROUP_BYTES = 128, 8 * 2**20
