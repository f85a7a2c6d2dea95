"""Build the web-page set (Chinese pages of every kind) from ``texts/`` and ``sites/`` (deterministic).

Each file in ``sites/<batch>/`` is one invented site: a hand-written page
template (its own CMS markup and chrome) with a header that says what the site
carries and how it prints things. Each text of ``texts/<batch>.txt`` is
rendered by one to three sites of its batch that carry its kind. Output:
``html/<id>.html`` (bytes in the page's own encoding, which its ``<meta>`` may
misdeclare or omit) and ``truth/<id>.json`` in the format of ``bench/pages``
plus ``split`` (the batch) and ``kind``.

The build refuses to write anything when a truth line or the title does not
occur in the text of the decoded page outside scripts and styles, or when a
placeholder is left unfilled.

Run from the repository root: ``python bench/webpages/build.py``.

A template's header (an HTML comment at the top)::

    <!--site
    name: 江城晚报                      shown as ${site}
    kinds: news                         text kinds the site carries
    pages: 3                            how many texts it renders
    years: 2004-2011                    optional: only texts dated in these years
    encoding: gbk                       what the bytes are (gb2312 with other characters becomes gbk)
    declared: gb2312                    the <meta> charset, or none
    content_type: bare                  HTTP header: declared (with the charset), bare, or mixed
    date: {Y}-{m:02d}-{d:02d} {H:02d}:{M:02d}     how ${date} prints the date (none: no date)
    url: http://www.example.cn/{Y}{m:02d}/t{Y}{m:02d}{d:02d}_{n}.html
    para: <p>　　{t}</p> || <p style="text-indent:2em">{t}</p>     one per page, chosen at random
    paginate: 3                         optional: the page is page 1 of 3 (shows and scores the first third)
    url_date: day                       optional: the URL's date counts when the page prints none
    min_blocks: 9                       optional: only texts of at least (max_blocks: at most) so many blocks
    -->

Other optional keys: ``join`` joins blocks; ``no_author`` fills ``${author}``
for a text without one; ``optional`` lists placeholders that may stay empty;
``list_kinds`` adds headline kinds; ``ncr: yes`` writes characters the encoding
lacks as ``&#…;``. In header values ``\\n`` is a line break (``\\\\`` a backslash).

Block markup keys beside ``para``: ``h``, ``img``, ``quote``, ``code``, ``li``
(a list item), ``tr`` and ``td`` (a table row of cells), and for a run of list
items either ``list`` (``{t}`` the items, the run one block) or ``ul``
(``{items}`` the items, each one block, one per line); ``table`` holds the rows
as ``{t}`` (one block) or ``{rows}`` (one per line). Each template filled as a
block may use ``{n}``, a number drawn for it.

Sub-templates, ``<!--@name n=3-6 fmt="{m}-{d}"-->…<!--@end-->``, render lists:
``op`` and ``post`` are forum floors (``${op}`` the first, ``${posts}`` the
replies, or all floors when there is no ``op``), ``comment…`` are comments
(``pool="comments more"`` draws from other pools; more than a pool holds repeat),
``attach…`` the text's ``attachments`` (``;``-separated file names), any other
name a list of headlines (``${t}``, ``${d}``, ``${n}``, ``${i}``).

>>> blocks = parse_blocks(["正文第一段。", "## 小标题", "[图] 图为会场。", "    print(1)", "    x = 2"])
>>> blocks
(('p', '正文第一段。'), ('h', '小标题'), ('img', '图为会场。'), ('code', 'print(1)\\nx = 2'))
>>> truth_lines(blocks)
['正文第一段。', '小标题', '图为会场。', 'print(1)', 'x = 2']
>>> parse_blocks(["- 鸡蛋2个", "- 面粉200克", "| 名称 | 数量 |", "| 面粉 | 200克 |"])
(('list', '鸡蛋2个\\n面粉200克'), ('table', '名称\\t数量\\n面粉\\t200克'))
>>> truth_lines(parse_blocks(["- 鸡蛋2个", "| 名称 | 数量 |", "| 面粉 | 200克 |"]))
['鸡蛋2个', '名称 数量', '面粉 200克']
>>> unescape(r"<p>{t}</p>\\n<p>\\\\n</p>")
'<p>{t}</p>\\n<p>\\\\n</p>'
>>> fmt_date(dt.datetime(2007, 3, 12, 8, 15, 2), "发表于 {Y}-{m}-{d} {H:02d}:{M:02d}:{S:02d} {wk}")
'发表于 2007-3-12 08:15:02 星期一'
"""

from __future__ import annotations

import datetime as dt
import html
import json
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import lxml.html

HERE = Path(__file__).resolve().parent
CST = dt.timezone(dt.timedelta(hours=8))
WS = re.compile(r"\s+")
BATCHES = ("batch1", "batch2", "batch3", "batch4")
WEEKDAYS = "一二三四五六日"
MONTHS = "January February March April May June July August September October November December".split()
Block = tuple[str, str]  # (kind, text): p, h (sub-head), img (caption), quote, code, list (lines), table (rows of tab-separated cells)
e = html.escape


@dataclass(frozen=True)
class Text:
    id: str
    kind: str
    title: str
    author: str | None
    date: dt.datetime
    blocks: tuple[Block, ...]
    replies: tuple[tuple[str, str], ...]  # (nickname, text): forum replies or blog comments
    extra: dict[str, str] = field(default_factory=dict)  # source, keywords, org, journal, …


@dataclass
class Site:
    id: str
    header: dict[str, str]
    markup: str
    subs: dict[str, tuple[dict[str, str], str]]  # name -> (attributes, template)

    @property
    def kinds(self) -> set[str]:
        return {k.strip() for k in self.header["kinds"].split(",")}


# ------------------------------------------------------------------ reading texts and sites


def parse_blocks(lines: list[str]) -> tuple[Block, ...]:
    """Body lines to blocks: ``## `` sub-head, ``[图] `` picture caption, ``> `` quote, indented code,
    ``- `` list items, ``| a | b |`` table rows (a run of code lines, list items or table rows is one block;
    a row's cells separated by tabs)."""
    blocks: list[Block] = []
    for line in lines:
        grouped = ("code", line[4:].rstrip()) if line.startswith("    ") else \
            ("list", line[2:].strip()) if line.startswith("- ") else \
            ("table", "\t".join(c.strip() for c in line.strip().strip("|").split("|"))) if line.startswith("|") else None
        if grouped:
            if blocks and blocks[-1][0] == grouped[0]:
                blocks[-1] = (grouped[0], blocks[-1][1] + "\n" + grouped[1])
            else:
                blocks.append(grouped)
        elif line.startswith("## "):
            blocks.append(("h", line[3:].strip()))
        elif line.startswith("[图]"):
            blocks.append(("img", line[3:].strip()))
        elif line.startswith("> "):
            blocks.append(("quote", line[2:].strip()))
        elif line.strip():
            blocks.append(("p", line.strip()))
    return tuple(blocks)


def truth_lines(blocks: tuple[Block, ...]) -> list[str]:
    """The truth body: every block's text, one line per paragraph (per code line, list item, table row, its
    cells joined by a space)."""
    out: list[str] = []
    for kind, text in blocks:
        if kind in ("code", "list", "table"):
            out += [" ".join(ln.split("\t")).strip() for ln in text.split("\n") if ln.strip()]
        elif text:
            out.append(text)
    return out


def parse_texts(path: Path) -> list[Text]:
    """The ``=== id`` blocks of a texts file: ``key: value`` lines, ``---``, body, optional ``+++`` replies."""
    texts = []
    for chunk in path.read_text(encoding="utf-8").split("\n=== ")[1:]:
        tid, rest = chunk.split("\n", 1)
        head, body = rest.split("\n---\n", 1)
        body, _, replies = body.partition("\n+++\n")
        meta = {k.strip(): v.strip() for k, v in (line.split(":", 1) for line in head.splitlines() if line.strip())}
        texts.append(Text(
            id=tid.strip(),
            kind=meta.pop("kind"),
            title=meta.pop("title"),
            author=meta.pop("author", None) or None,
            date=dt.datetime.strptime(meta.pop("date"), "%Y-%m-%d %H:%M:%S").replace(tzinfo=CST),
            blocks=parse_blocks(body.strip("\n").splitlines()),
            replies=tuple(tuple(r.split("|", 1)) for r in replies.strip().splitlines() if "|" in r),
            extra=meta,
        ))
    return texts


_SUB = re.compile(r"<!--@(\w+)([^>]*?)-->\n?(.*?)<!--@end-->\n?", re.S)
_ATTR = re.compile(r'(\w+)=(?:"([^"]*)"|(\S+))')


def parse_site(path: Path) -> Site:
    """A template file: the ``<!--site …-->`` header, the page markup and its sub-templates."""
    raw = path.read_text(encoding="utf-8")
    m = re.match(r"<!--site\n(.*?)\n-->\n", raw, re.S)
    if not m:
        raise ValueError(f"{path}: no <!--site header")
    header = {k.strip(): v.strip() for k, v in (line.split(":", 1) for line in m.group(1).splitlines() if line.strip())}
    subs = {}
    for s in _SUB.finditer(raw[m.end():]):
        subs[s.group(1)] = ({a: b if b or not c else c for a, b, c in _ATTR.findall(s.group(2))}, s.group(3))
    markup = _SUB.sub(lambda s: "${" + s.group(1) + "}" if s.group(1) not in ("op", "post") else "", raw[m.end():])
    return Site(path.stem, header, markup, subs)


def load_pools() -> dict[str, list[str]]:
    """Shared pools: headlines for lists, nicknames, names, generic replies, comments, signatures
    (``texts/pools.txt``, then any ``texts/pools-*.txt`` adding sections of its own)."""
    pools: dict[str, list[str]] = {}
    for path in [HERE / "texts" / "pools.txt", *sorted((HERE / "texts").glob("pools-*.txt"))]:
        name = None
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("# ") or not line.strip():
                continue
            if line.startswith("[") and line.endswith("]"):
                name = line[1:-1]
                if name in pools:
                    raise ValueError(f"{path.name}: pool [{name}] defined twice")
                pools[name] = []
            elif name:
                pools[name].append(line.strip())
    return pools


# ------------------------------------------------------------------ formatting


def fmt_date(when: dt.datetime, fmt: str) -> str:
    """``when`` printed with ``fmt`` (str.format fields Y y m d H M S wk zhou Mon h12 ampm AMPM)."""
    return fmt.format(
        Y=when.year, y=when.year % 100, m=when.month, d=when.day, H=when.hour, M=when.minute, S=when.second,
        wk="星期" + WEEKDAYS[when.weekday()], zhou="周" + WEEKDAYS[when.weekday()], Mon=MONTHS[when.month - 1],
        h12=(when.hour - 1) % 12 + 1, ampm="上午" if when.hour < 12 else "下午", AMPM="AM" if when.hour < 12 else "PM",
    )


def precision(fmt: str) -> str:
    """What a date format shows: ``sec``, ``min`` or ``day``."""
    return "sec" if "{S" in fmt else "min" if "{M" in fmt else "day"


def iso(when: dt.datetime, prec: str) -> str:
    cut = {"day": when.replace(hour=0, minute=0, second=0), "min": when.replace(second=0), "sec": when}[prec]
    return cut.isoformat()


def unescape(value: str) -> str:
    """A header value with ``\\n`` as a line break and ``\\\\`` as a backslash."""
    return re.sub(r"\\([\\n])", lambda m: "\n" if m.group(1) == "n" else "\\", value)


def fill(template: str, values: dict[str, str]) -> str:
    """Replace ``{key}`` for the keys given, leaving other braces (CSS, scripts) alone."""
    return re.sub(r"\{(\w+)\}", lambda m: values.get(m.group(1), m.group(0)), template)


def halves(text: str) -> tuple[str, str]:
    """``text`` cut after a comma near its middle (WeChat and Word split paragraphs across spans)."""
    cut = text.find("，", len(text) // 2)
    return (text[:cut + 1], text[cut + 1:]) if 0 < cut < len(text) - 1 else (text, "")


DEFAULT_BLOCKS = {
    "h": "<p><strong>{t}</strong></p>",
    "img": '<p style="text-align:center"><img src="/upload/{Y}/{n}.jpg" border="0"></p>\n<p style="text-align:center">{t}</p>',
    "quote": "<blockquote>{t}</blockquote>",
    "code": "<pre><code>{t}</code></pre>",
    "list": "<ul>{t}</ul>",
    "li": "<li>{t}</li>",
    "table": '<table border="1" cellspacing="0" cellpadding="4">{t}</table>',
    "tr": "<tr>{t}</tr>",
    "td": "<td>{t}</td>",
}


def render_body(blocks: tuple[Block, ...], site: Site, rng: random.Random, when: dt.datetime) -> str:
    """The article blocks in the site's markup (one ``para`` alternative per page)."""
    para = rng.choice(unescape(site.header["para"]).split(" || "))
    join = unescape(site.header.get("join", "\\n"))

    def markup(key: str) -> str:
        return unescape(site.header[key] if key in site.header else DEFAULT_BLOCKS[key])

    def block(tpl: str, text: str, inner: str | None = None) -> str:
        t1, t2 = halves(text)
        return fill(tpl, {"t": e(text) if inner is None else inner, "t1": e(t1), "t2": e(t2),
                          "n": str(rng.randint(10**5, 10**7)), "Y": str(when.year), "m": f"{when.month:02d}"})

    out: list[str] = []
    for kind, text in blocks:
        lines = text.split("\n")
        if kind == "list" and "ul" in site.header:
            out.append(fill(markup("ul"), {"items": "\n".join(block(markup("li"), item) for item in lines)}))
        elif kind == "list":
            out.append(block(markup("list"), text, "".join(fill(markup("li"), {"t": e(item)}) for item in lines)))
        elif kind == "table":
            rows = [fill(markup("tr"), {"t": "".join(fill(markup("td"), {"t": e(c)}) for c in row.split("\t"))}) for row in lines]
            table = markup("table")
            out.append(fill(table, {"rows": "\n".join(rows)}) if "{rows}" in table else block(table, text, "".join(rows)))
        else:
            out.append(block(para if kind == "p" else markup(kind), text))
    return join.join(out)


def render_message(text: str, site: Site) -> str:
    """A forum reply or comment: ``¶`` separates its paragraphs, joined like the site's replies."""
    sep = unescape(site.header.get("reply_join", "<br />\\n"))
    return sep.join(e(p) for p in text.split("¶"))


# ------------------------------------------------------------------ pages


@dataclass
class Page:
    pid: str
    site: Site
    text: Text
    markup: str
    truth: dict


def headline_pool(site: Site, text: Text, texts: list[Text], pools: dict[str, list[str]]) -> list[str]:
    """Headlines a list of this site would show: other texts of its kinds, then the pool's."""
    kinds = site.kinds | set(site.header.get("list_kinds", "").split(",")) - {""}
    return [t.title for t in texts if t.id != text.id and t.kind in kinds] + \
        [h for k in sorted(kinds) for h in pools.get(f"headlines {k}", [])]


def render_list(site: Site, name: str, attrs: dict[str, str], tpl: str, text: Text, texts: list[Text],
                pools: dict[str, list[str]], rng: random.Random, fmt: str, page: dict[str, str]) -> str:
    """A sub-template repeated: comments (the text's own first), the text's attachments, or headlines of the
    site's kinds."""
    lo, _, hi = attrs.get("n", "5").partition("-")
    count = rng.randint(int(lo), int(hi or lo))
    item_fmt = attrs.get("fmt", fmt if fmt != "none" else "{Y}-{m:02d}-{d:02d}")
    later = attrs.get("when") == "later"
    out = []
    if name.startswith("comment"):
        own = list(text.replies) if text.kind not in ("forum",) else []
        pool = [c for p in attrs.get("pool", "comments").split(",") for c in pools[p.strip()]]
        picks = rng.sample(pool, count) if count <= len(pool) else rng.choices(pool, k=count)
        comments = own + [(rng.choice(pools["nicknames"]), c) for c in picks]
        for i, (user, msg) in enumerate(comments[:max(count, len(own))], 1):
            when = text.date + dt.timedelta(hours=rng.randint(2, 400), minutes=rng.randint(0, 59))
            out.append(fill_page(tpl, page | {"user": e(user), "ctime": fmt_date(when, item_fmt), "text": e(msg.replace("¶", " ")),
                                       "i": str(i), "n": str(rng.randint(10**5, 10**8)),
                                       "city": rng.choice(pools["cities"]), "up": str(rng.randint(0, 300))}))
        return "".join(out)
    if name.startswith("attach"):
        files = [f.strip() for f in text.extra.get("attachments", "").split(";") if f.strip()]
        return "".join(fill_page(tpl, page | {"t": e(f), "i": str(i), "n": str(rng.randint(10**4, 10**7)),
                                             "ext": f.rsplit(".", 1)[-1], "size": str(rng.randint(12, 900))})
                       for i, f in enumerate(files, 1))
    pool = headline_pool(site, text, texts, pools)
    heads = rng.sample(pool, min(count, len(pool)))
    for i, head in enumerate(heads, 1):
        delta = dt.timedelta(days=rng.randint(0, 40), hours=rng.randint(0, 23))
        when = text.date + delta if later else text.date - delta
        out.append(fill_page(tpl, page | {"t": e(head), "d": fmt_date(when, item_fmt), "n": str(rng.randint(10**4, 10**7)),
                                   "i": str(i), "hits": str(rng.randint(30, 90000)), "user": e(rng.choice(pools["nicknames"])),
                                   "name": rng.choice(pools["names"])}))
    return "".join(out)


def render_floors(site: Site, text: Text, body: str, pools: dict[str, list[str]], rng: random.Random,
                  fmt: str, page: dict[str, str]) -> tuple[str, str]:
    """(first floor, reply floors) of a forum thread; the first floor is the truth's post."""
    lo, _, hi = site.header.get("replies", "4-8").partition("-")
    count = rng.randint(int(lo), int(hi or lo))
    replies = list(text.replies)
    while len(replies) < count:
        replies.append((rng.choice(pools["nicknames"]), rng.choice(pools["replies"])))
    names = site.header.get("floors", "{n}#").split(",")
    when = text.date
    floors = []
    for i, (user, msg) in enumerate([(text.author or "", None)] + replies[:max(count, len(text.replies))]):
        if i:
            when = when + dt.timedelta(minutes=rng.randint(1, 300))
        floor = names[i] if i < len(names) - 1 else names[-1].replace("{n}", str(i + 1))
        sig = rng.choice(pools["signatures"]) if rng.random() < float(site.header.get("sigs", "0.4")) else ""
        values = {"floor": floor, "user": e(user), "ptime": fmt_date(when, fmt), "message": body if msg is None else render_message(msg, site),
                  "uid": str(rng.randint(1000, 999999)), "pid": str(rng.randint(10**6, 10**8)), "sig": e(sig),
                  "nposts": str(rng.randint(1, 9000)), "regdate": fmt_date(when - dt.timedelta(days=rng.randint(30, 2000)), "{Y}-{m}-{d}"),
                  "i": str(i + 1), "credits": str(rng.randint(0, 20000))}
        tpl = site.subs["op"][1] if i == 0 and "op" in site.subs else site.subs["post"][1]
        floors.append(fill_page(tpl, page | values))
    if "op" in site.subs:
        return floors[0], "".join(floors[1:])
    return "", "".join(floors)


def fill_page(template: str, values: dict[str, str]) -> str:
    """Replace ``${key}`` placeholders."""
    return re.sub(r"\$\{(\w+)\}", lambda m: values.get(m.group(1), m.group(0)), template)


_COND = re.compile(r"<!--\?(\w+)-->(.*?)<!--/\1-->", re.S)


def with_conditions(site: Site, text: Text) -> Site:
    """The site with ``<!--?key-->…<!--/key-->`` kept only when the text has ``key`` (author, or an extra key)."""
    def keep(m: re.Match) -> str:
        has = text.author if m.group(1) == "author" else text.extra.get(m.group(1))
        return m.group(2) if has else ""
    subs = {k: (a, _COND.sub(keep, t)) for k, (a, t) in site.subs.items()}
    return Site(site.id, site.header, _COND.sub(keep, site.markup), subs)


def render(site: Site, text: Text, texts: list[Text], pools: dict[str, list[str]], batch: str) -> Page:
    pid = f"{text.id}-{site.id}"
    rng = random.Random(pid)
    h = site.header
    fmt = h.get("date", "none")
    n = rng.randint(10**4, 10**7)
    url = fill(h["url"], {"n": str(n), "id": text.id}).format(Y=text.date.year, m=text.date.month, d=text.date.day,
                                                                       H=text.date.hour, M=text.date.minute)
    site = with_conditions(site, text)
    parts = int(h.get("paginate", "1"))
    shown_blocks = text.blocks[:-(-len(text.blocks) // parts)]
    body = render_body(shown_blocks, site, rng, text.date)
    no_author = h.get("no_author", "")
    first = next((t for k, t in text.blocks if k == "p"), text.title)
    values = {
        "title": e(text.title), "site": e(h["name"]), "url": e(url), "body": body,
        "date": fmt_date(text.date, fmt) if fmt != "none" else "", "iso": text.date.isoformat(),
        "ymd": f"{text.date:%Y-%m-%d}", "ts": str(int(text.date.timestamp())), "year": str(text.date.year),
        "author": e(text.author or no_author), "desc": e(first[:70]), "editor": rng.choice(pools["names"]),
        "editor2": rng.choice(pools["names"]), "hits": str(rng.randint(50, 60000)), "hits2": str(rng.randint(0, 800)),
        "today": fmt_date(text.date + dt.timedelta(days=rng.randint(300, 4000)), h.get("today", "{Y}年{m}月{d}日 {wk}")),
        **{f"n{i}": str(rng.randint(10**4, 10**8)) for i in range(1, 6)},
        **{k: e(v) for k, v in text.extra.items()},
        "ago": random.Random(pid + "ago").choice(["3天前", "2天前", "5天前", "昨天", "6天前"]),
        "body_json": json.dumps(body, ensure_ascii=False)[1:-1].replace("</", "<\\/"),
        "text_json": json.dumps("\n".join(truth_lines(shown_blocks)), ensure_ascii=False)[1:-1],
    }
    values.setdefault("source", e(h["name"]))
    values["prev"], values["next"] = (e(t) for t in rng.sample(headline_pool(site, text, texts, pools), 2))
    for key in re.findall(r"\$\{(\w+)\}", site.markup):
        if key not in values and key not in site.subs and key not in ("op", "posts") and key in h.get("optional", "").split(","):
            values[key] = ""
    if "post" in site.subs:
        values["op"], values["posts"] = render_floors(site, text, body, pools, rng, fmt, values)
    for name, (attrs, tpl) in site.subs.items():
        if name not in ("op", "post"):
            values[name] = render_list(site, name, attrs, tpl, text, texts, pools, rng, fmt, values)
    markup = fill_page(site.markup, values)
    shown = site.markup + "".join(t for _, t in site.subs.values())
    prec = None
    if ("${date}" in shown or "${ptime}" in shown) and fmt != "none":
        prec = precision(fmt)
    for key, p in (("${iso}", "sec"), ("${ts}", "sec"), ("${ymd}", "day")):
        if key in shown and (prec is None or p == "sec"):
            prec = p
    if prec is None and h.get("url_date"):
        prec = h["url_date"]
    shows_author = "${author}" in site.markup or ("post" in site.subs and "${user}" in "".join(t for k, (_, t) in site.subs.items() if k in ("op", "post")))
    declared = h.get("declared", "none")
    declared = None if declared == "none" else declared
    ct = h.get("content_type", "bare")
    if ct == "mixed":
        ct = rng.choice(["declared", "bare"])
    truth = {
        "split": batch,
        "kind": text.kind,
        "title": text.title,
        "published_at": iso(text.date, prec) if prec else None,
        "author": text.author if shows_author else None,
        "body": "\n".join(truth_lines(shown_blocks)),
        "layout": site.id,
        "encoding": h["encoding"],
        "declared_charset": declared,
        "content_type": f"text/html; charset={declared}" if declared and ct == "declared" else "text/html",
        "url": url,
    }
    return Page(pid, site, text, markup, truth)


# ------------------------------------------------------------------ assigning, encoding, verifying


def assign(sites: list[Site], texts: list[Text]) -> list[tuple[Site, Text]]:
    """Each site renders ``pages`` texts of its kinds (and years): sites with the fewest candidates
    choose first, the least used texts first, among them those fewest other sites could take."""
    def candidates(site: Site) -> list[Text]:
        years = site.header.get("years")
        lo, hi = (int(y) for y in years.split("-")) if years else (1990, 2100)
        least, most = int(site.header.get("min_blocks", 0)), int(site.header.get("max_blocks", 10**6))
        return [t for t in texts if t.kind in site.kinds and lo <= t.date.year <= hi and least <= len(t.blocks) <= most]

    pools = {site.id: candidates(site) for site in sites}
    takers = {t.id: sum(t in pool for pool in pools.values()) for t in texts}
    used = {t.id: 0 for t in texts}
    chosen: dict[str, list[Text]] = {}
    for site in sorted(sites, key=lambda s: (len(pools[s.id]), s.id)):
        pool = pools[site.id][:]
        random.Random(site.id).shuffle(pool)
        pool.sort(key=lambda t: (used[t.id], takers[t.id]))
        want = int(site.header["pages"])
        if len(pool) < want:
            raise ValueError(f"{site.id}: {len(pool)} texts of kinds {site.kinds}, {want} wanted")
        chosen[site.id] = pool[:want]
        for t in pool[:want]:
            used[t.id] += 1
    unused = [tid for tid, n in used.items() if not n]
    if unused:
        raise ValueError(f"texts no site renders: {unused}")
    return [(site, t) for site in sites for t in chosen[site.id]]


def encode(markup: str, encoding: str, ncr: bool) -> tuple[bytes, str]:
    """Bytes in the page's encoding; a gb2312 page with characters outside GB2312 is really GBK."""
    try:
        return markup.encode(encoding, errors="xmlcharrefreplace" if ncr else "strict"), encoding
    except UnicodeEncodeError:
        if encoding == "gb2312":
            return encode(markup, "gbk", ncr)
        raise


def visible_text(data: bytes, encoding: str) -> str:
    """The page's text outside scripts and styles, whitespace removed."""
    doc = lxml.html.document_fromstring(data.decode(encoding))
    for el in list(doc.iter("script", "style")):
        el.drop_tree()
    return WS.sub("", doc.text_content())


def verify(page: Page, data: bytes, encoding: str) -> list[str]:
    """Problems with a page: placeholders left, truth title or lines missing from its text."""
    pid, truth = page.pid, page.truth
    problems = [f"{pid}: placeholder left: {m}" for m in sorted(set(re.findall(r"\$\{\w+\}", page.markup)))]
    text = visible_text(data, encoding)
    if WS.sub("", truth["title"]) not in text:
        problems.append(f"{pid}: title not in page")
    problems += [f"{pid}: truth line not in page: {line[:30]}" for line in truth["body"].split("\n")
                 if WS.sub("", html.unescape(line)) not in text]
    return problems


def pages() -> list[tuple[Page, bytes]]:
    pools = load_pools()
    out = []
    problems: list[str] = []
    for batch in BATCHES:
        texts = parse_texts(HERE / "texts" / f"{batch}.txt")
        sites = [parse_site(p) for p in sorted((HERE / "sites" / batch).glob("*.html"))]
        for site, text in assign(sites, texts):
            page = render(site, text, texts, pools, batch)
            data, real = encode(page.markup, page.truth["encoding"], site.header.get("ncr") == "yes")
            page.truth["encoding"] = real
            problems += verify(page, data, real)
            out.append((page, data))
    if problems:
        raise ValueError("\n".join(problems))
    return out


def build(out: Path = HERE) -> int:
    """Render, verify and write every page; the number of pages written."""
    built = pages()
    for sub in ("html", "truth"):
        (out / sub).mkdir(parents=True, exist_ok=True)
        for old in (out / sub).iterdir():
            old.unlink()
    for page, data in built:
        (out / "html" / f"{page.pid}.html").write_bytes(data)
        (out / "truth" / f"{page.pid}.json").write_text(json.dumps(page.truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return len(built)


def main() -> int:
    try:
        count = build()
    except ValueError as exc:
        print(exc, file=sys.stderr)
        print("nothing written", file=sys.stderr)
        return 1
    print(f"wrote {count} pages to {HERE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
