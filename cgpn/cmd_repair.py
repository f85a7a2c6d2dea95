"""``cgpn repair``: damaged Chinese text on stdin, repaired simplified text on stdout."""

from __future__ import annotations

import click

from cgpn.errors import CgpnError
from extractors.text import RepairConfig, explain, repair as repair_text


def _read_stdin() -> str:
    data = click.get_binary_stream("stdin").read()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise CgpnError(
            f"stdin is not UTF-8 (byte {e.start}: {data[e.start:e.start + 1]!r})",
            hint="convert it first, e.g. iconv -f gb18030 -t utf-8 FILE | cgpn repair",
        ) from None


@click.command("repair")
@click.option("--explain", "show_changes", is_flag=True, help="List each change (step, start-end, before → after) instead of the text.")
@click.option("--tw", is_flag=True, help="Taiwanese source: simplify with OpenCC tw2sp (vocabulary too).")
def repair(show_changes: bool, tw: bool) -> None:
    """Repair mojibake, misaligned GBK, pinyin annotations and full-width figures in text read
    from stdin, and write it in simplified characters to stdout. Warnings go to stderr.

    Example: cgpn repair < dump.txt > clean.txt
    """
    text = _read_stdin()
    config = RepairConfig(t2s_config="tw2sp" if tw else "t2s")
    if show_changes:
        for c in explain(text, config):
            click.echo(f"{c.step}\t{c.start}-{c.end}\t{c.before!r} → {c.after!r}")
        return
    result = repair_text(text, config)
    click.echo(result.text, nl=False)
    for warning in result.warnings:
        click.echo(f"Warning: {warning}", err=True)
