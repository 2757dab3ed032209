"""One file, several documents: a Woo release holds a cover letter, a fiche, a beslisnota and
workflow logs; a Kamerstuk may hold a cover letter and the fiches it announces.

split_parts cuts a read file into Parts; each becomes its own Document.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from parsers.text import Block, ReadResult, SourceMetadata


@dataclass
class Part:
    id: str
    kind: str  # "document" when the file is one whole; else letter, fiche, beslisnota, workflow
    blocks: list[Block]
    meta: SourceMetadata = field(default_factory=SourceMetadata)
    format: str = ""
    footnotes: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n\n".join(b.text for b in self.blocks)


def split_parts(read: ReadResult, fallback_id: str) -> list[Part]:
    """The parts of a file, in order. A file of one document is one Part."""
    part_id = read.meta.identifier or fallback_id
    return [
        Part(
            id=part_id,
            kind="document",
            blocks=read.blocks,
            meta=read.meta,
            format=read.format,
            footnotes=read.footnotes,
        )
    ]
