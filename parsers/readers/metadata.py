"""officielebekendmakingen metadata: metadata.xml (<metadata_gegevens>, OVERHEIDop.* names),
metadata_owms.xml (owmskern/owmsmantel), and the same name/content pairs as <meta> tags in
the HTML and as user-defined fields in the ODT.

All three forms go through one mapping (meta_from_pairs), so the XML, HTML and ODT of one
publication say the same things about it. A metadata file next to a document (its sidecar)
is merged into what the document says about itself; a metadata file on its own is not a
document (ParseError), and importers skip sidecars (is_sidecar_metadata).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from parsers.model import NotADocument, ParseError
from parsers.readers.xmltools import local_name, parse_xml, text_of
from parsers.text import SourceMetadata

SOURCE = "officielebekendmakingen"
PUBLIC_URL = "https://zoek.officielebekendmakingen.nl/{identifier}"
SIDECAR_SUFFIXES = (".metadata.xml", ".metadata_owms.xml")
SIDECAR_NAMES = ("metadata.xml", "metadata_owms.xml")
METADATA_ROOTS = ("metadata_gegevens", "owms-metadata")

# Identifier prefix -> doc_type. Longest prefixes first: "h-tk" before "h".
_PREFIX_TYPES = (
    ("ah-", "aanhangsel"),
    ("h-", "handelingen"),
    ("kv-", "kamervragen"),
    ("kst-", "kamerstuk"),
    ("blg-", "bijlage"),
    ("ag-", "agenda"),
    ("nds-", "niet-dossierstuk"),
    ("stb-", "staatsblad"),
    ("stcrt-", "staatscourant"),
    ("trb-", "tractatenblad"),
    ("gmb-", "gemeenteblad"),
    ("prb-", "provinciaal-blad"),
    ("wsb-", "waterschapsblad"),
    ("bgr-", "blad-gemeenschappelijke-regeling"),
)
# Kamerstuk kinds (OVERHEIDop.KamerstukTypen, or the printed title) with a doc_type of their own.
_KAMERSTUK_KINDS = {"motie": "motie", "gewijzigde motie": "motie", "brief": "kamerbrief"}

# Fields kept in SourceMetadata.extra: OVERHEID name -> extra key.
_EXTRA_FIELDS = {
    "OVERHEIDop.dossiertitel": "dossiertitel",
    "OVERHEIDop.vergaderjaar": "vergaderjaar",
    "OVERHEIDop.ondernummer": "ondernummer",
    "OVERHEIDop.aanhangselNummer": "aanhangselnummer",
    "OVERHEIDop.vraagnummer": "vraagnummer",
    "OVERHEIDop.publicationName": "publicatie",
    "OVERHEIDop.documentStatus": "document_status",
    "OVERHEIDop.hoofddocument": "hoofddocument",
    "DC.creator": "creator",
}
_LISTED_FIELDS = {"OVERHEIDop.indiener": "indieners", "OVERHEIDop.ontvanger": "ontvangers"}

# owms element local name -> the metadata.xml name it corresponds to.
_DCTERMS_NAMES = {
    "identifier": "DC.identifier",
    "title": "DC.title",
    "type": "DC.type",
    "creator": "DC.creator",
    "language": "DCTERMS.language",
}
_OWMS_NAMESPACES = {
    "http://standaarden.overheid.nl/oep/meta/": "OVERHEIDop.",
    "http://standaarden.overheid.nl/owms/terms/": "OVERHEID.",
    "http://purl.org/dc/terms/": "DCTERMS.",
}


@dataclass
class MetaPair:
    """One metadata statement: <meta name=... scheme=... content=...>."""

    name: str
    scheme: str
    content: str


def meta_from_pairs(pairs: Iterable[MetaPair]) -> SourceMetadata:
    """SourceMetadata from OVERHEID name/scheme/content statements."""
    values: dict[str, list[str]] = {}
    types: dict[str, str] = {}
    for pair in pairs:
        content = " ".join(pair.content.split())
        if not content:
            continue
        values.setdefault(pair.name, []).append(content)
        if pair.name == "DC.type":
            types[pair.scheme] = content
    identifier = _one(values, "DC.identifier")
    kind = types.get("OVERHEIDop.KamerstukTypen", "")
    meta = SourceMetadata(
        identifier=identifier,
        title=_one(values, "OVERHEIDop.documenttitel") or _one(values, "DC.title"),
        date=_first_date(values),
        doc_type=doc_type_for(identifier, kind) if identifier else "",
        source=SOURCE if identifier else "",
        url=public_url(identifier),
        dossier=_unique(
            values.get("OVERHEIDop.dossiernummer", [])
            + values.get("OVERHEIDop.behandeldDossier", [])
        ),
        extra=_extra(values, types),
    )
    return meta


def _one(values: dict[str, list[str]], name: str) -> str:
    found = values.get(name)
    return found[0] if found else ""


def _first_date(values: dict[str, list[str]]) -> str:
    # issued = the date the document carries; available = the date it went online.
    for name in ("DCTERMS.issued", "OVERHEIDop.datumOntvangst", "DCTERMS.available"):
        date = _one(values, name)
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", date[:10]):
            return date[:10]
    return ""


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(item.replace(" ", "") for item in items))


def _extra(values: dict[str, list[str]], types: dict[str, str]) -> dict[str, str]:
    extra = {key: _one(values, name) for name, key in _EXTRA_FIELDS.items() if name in values}
    for name, key in _LISTED_FIELDS.items():
        if name in values:
            extra[key] = "; ".join(values[name])
    dc_title = _one(values, "DC.title")
    if _one(values, "OVERHEIDop.documenttitel") and dc_title:
        extra["dc_title"] = dc_title
    for scheme in ("OVERHEIDop.KamerstukTypen", "OVERHEIDop.AanhangselTypen"):
        if scheme in types:
            extra["soort"] = types[scheme]
    return extra


def doc_type_for(identifier: str, kind: str = "") -> str:
    """doc_type from an officielebekendmakingen identifier, refined by the Kamerstuk kind."""
    lowered = identifier.lower()
    for prefix, doc_type in _PREFIX_TYPES:
        if lowered.startswith(prefix):
            if doc_type == "kamerstuk":
                return _KAMERSTUK_KINDS.get(kind.strip().lower(), doc_type)
            return doc_type
    return "officiele-publicatie"


def public_url(identifier: str) -> str:
    return PUBLIC_URL.format(identifier=identifier) if identifier else ""


# --- metadata files -------------------------------------------------------------------


def read_metadata_root(root) -> SourceMetadata:
    """SourceMetadata from a parsed metadata.xml or metadata_owms.xml root."""
    if local_name(root) == "metadata_gegevens":
        return meta_from_pairs(_gegevens_pairs(root))
    if local_name(root) == "owms-metadata":
        return meta_from_pairs(_owms_pairs(root))
    raise ParseError(f"not an officielebekendmakingen metadata file (root <{local_name(root)}>)")


def read_metadata_bytes(data: bytes) -> SourceMetadata:
    return read_metadata_root(parse_xml(data))


def reject_metadata_file(root) -> None:
    """A metadata file parsed on its own is not a document: say what it describes."""
    meta = read_metadata_root(root)
    described = f" for {meta.identifier}" if meta.identifier else ""
    raise NotADocument(
        f"an officielebekendmakingen metadata file{described}, not a document "
        "(it is merged into the document it sits next to)"
    )


def _gegevens_pairs(root) -> list[MetaPair]:
    # Nested <metadata> (gebiedsmarkering) are details of their parent: iter() flattens them.
    return [
        MetaPair(el.get("name", ""), el.get("scheme", ""), el.get("content", ""))
        for el in root.iter()
        if local_name(el) == "metadata"
    ]


def _owms_pairs(root) -> list[MetaPair]:
    pairs = []
    for element in root.iter():
        name = _owms_name(element)
        if name:
            pairs.append(MetaPair(name, element.get("scheme", ""), text_of(element)))
    return pairs


def _owms_name(element) -> str:
    tag = element.tag
    if not isinstance(tag, str) or not tag.startswith("{"):
        return ""
    namespace, local = tag[1:].split("}", 1)
    if namespace == "http://purl.org/dc/terms/" and local in _DCTERMS_NAMES:
        return _DCTERMS_NAMES[local]
    prefix = _OWMS_NAMESPACES.get(namespace)
    return f"{prefix}{local}" if prefix else ""


# --- sidecars -------------------------------------------------------------------------


def is_sidecar_metadata(path: str | Path) -> bool:
    """True for a metadata file that belongs to a document next to it (importers skip it)."""
    name = Path(path).name.lower()
    return name in SIDECAR_NAMES or name.endswith(SIDECAR_SUFFIXES)


def find_sidecars(path: str | Path) -> list[Path]:
    """The metadata files next to a document: <stem>.metadata.xml, <stem>.metadata_owms.xml."""
    path = Path(path)
    if is_sidecar_metadata(path):
        return []
    return [
        candidate
        for suffix in SIDECAR_SUFFIXES
        if (candidate := path.with_name(path.stem + suffix)).is_file()
    ]


def merge_metadata(own: SourceMetadata, sidecar: SourceMetadata) -> SourceMetadata:
    """The document's own metadata, with every field the sidecar states taking precedence:
    the sidecar is the publisher's record, the document body only what it happens to print."""
    if own.identifier and sidecar.identifier and own.identifier != sidecar.identifier:
        return own  # a sidecar of another publication: do not mix them
    return replace(
        own,
        identifier=sidecar.identifier or own.identifier,
        title=sidecar.title or own.title,
        date=sidecar.date or own.date,
        doc_type=sidecar.doc_type or own.doc_type,
        source=sidecar.source or own.source,
        url=sidecar.url or own.url,
        dossier=sidecar.dossier or own.dossier,
        extra={**own.extra, **sidecar.extra},
    )
