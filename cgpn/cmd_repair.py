"""``cgpn repair``: damaged Chinese text on stdin, repaired simplified text on stdout."""

from __future__ import annotations

import click


def _read_stdin() -> str:
    """stdin decoded like any document: BOM, then detection (GBK, Big5 and UTF-8 all work)."""
    from extractors.decode import decode

    with click.open_file("-", "rb") as stdin:  # Click's stdin, left open on exit
        decoded = decode(stdin.read())
    for warning in decoded.warnings:
        click.echo(f"Warning: {warning}", err=True)
    return decoded.text


@click.command("repair")
@click.option("--explain", "show_changes", is_flag=True, help="List each change (step, start-end, before → after) instead of the text.")
@click.option("--tw", is_flag=True, help="Taiwanese source: simplify with OpenCC tw2sp (vocabulary too).")
def repair(show_changes: bool, tw: bool) -> None:
    """Repair mojibake, misaligned GBK, pinyin annotations and full-width figures in text read
    from stdin, and write it in simplified characters to stdout. Warnings go to stderr.

    Example: cgpn repair < dump.txt > clean.txt
    """
    from extractors.text import RepairConfig, explain, repair as repair_text

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
