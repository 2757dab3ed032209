"""`fiche-search parse FILE`: the Documents in one file, the archive untouched."""

from __future__ import annotations

import sys

import click

from cli.context import json_option, json_text
from fiche_search import one_line
from fiche_search.surface import ParsedDocument as Document
from fiche_search.surface import ParseError, parse_file


@click.command("parse")
@click.argument("file", type=click.Path(dir_okay=False))
@json_option("A JSON array, one object per Document.")
def parse_command(file: str, as_json: bool) -> None:
    """Print the Documents parsed from FILE."""
    try:
        documents = parse_file(file)
    except ParseError as error:
        click.echo(f"error: {one_line(str(error))}", err=True)
        sys.exit(1)
    if as_json:
        click.echo(json_text([d.to_json() for d in documents]))
        return
    for doc in documents:
        click.echo(outline(doc))


def outline(doc: Document) -> str:
    lines = [f"{doc.id}  [{doc.doc_type}]  {doc.date or '?'}", f"  {doc.title}"]
    for key, value in doc.metadata.items():
        lines.append(f"  {key}: {value}")
    lines.append("  sections:")
    for s in doc.sections:
        first = s.text[:70].replace("\n", " ")
        lines.append(f"    {s.number or '-':>5} {s.key:<22} {s.heading[:40]!r}  {first}")
    if doc.stances:
        lines.append("  stances:")
        for st in doc.stances:
            lines.append(f"    {st.aspect:<20} {st.label:<24} «{st.evidence[:100]}»")
    return "\n".join(lines) + "\n"
