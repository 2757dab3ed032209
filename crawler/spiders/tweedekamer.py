"""Documents from the Tweede Kamer open data API (OData v4, gegevensmagazijn.tweedekamer.nl).

Lists the Document entities of Kamerstukdossier 22112 (or --dossier) and the cabinet's fiche
letters (Soort 'Brief regering', Onderwerp starting with 'Fiche'), never deleted ones, changed
since the watermark; follows @odata.nextLink; downloads each file from Document(<Id>)/resource.
Document types (Soort) are open strings: nothing here depends on a list of them.
"""

from __future__ import annotations

import json
import mimetypes
from urllib.parse import urlencode

from crawler.spiders.base import SourceSpider

FIELDS = (
    "Id,Soort,DocumentNummer,Volgnummer,Titel,Onderwerp,Datum,ContentType,GewijzigdOp,"
    "ApiGewijzigdOp"
)
# The Kamerstuk a Document is: its dossier (and toevoeging) and its number in it.
EXPAND = "Kamerstukdossier($select=Nummer,Toevoeging)"
EXTENSIONS = {
    "application/pdf": "pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/msword": "doc",
    "application/vnd.oasis.opendocument.text": "odt",
    "text/html": "html",
    "application/xml": "xml",
    "text/xml": "xml",
}


class TweedeKamerSpider(SourceSpider):
    name = "tweedekamer"

    async def start(self):
        yield self.listing_request(self.first_page_url(), self.parse_page)

    def odata_filter(self) -> str:
        wanted = (
            f"Kamerstukdossier/any(k: k/Nummer eq {int(self.dossier)})"
            " or (Soort eq 'Brief regering' and startswith(Onderwerp, 'Fiche'))"
        )
        clause = f"Verwijderd eq false and ({wanted})"
        since = self.lower_bound()
        if since:
            stamp = since if "T" in since else f"{since}T00:00:00Z"
            clause += f" and ApiGewijzigdOp ge {stamp}"
        return clause

    def first_page_url(self) -> str:
        params = {
            "$filter": self.odata_filter(),
            "$orderby": "ApiGewijzigdOp",
            "$select": FIELDS,
            "$expand": EXPAND,
        }
        return f"{self.settings.get('FICHE_TK_ODATA_URL')}/Document?{urlencode(params)}"

    def parse_page(self, response):
        try:
            page = json.loads(response.body)
            entities = page["value"]
        except (ValueError, KeyError, TypeError) as error:
            self.progress.listing_failed(response.url, f"unreadable OData JSON ({error})")
            return
        self.progress.listing_read(response.url)
        for entity in entities:
            yield from self.entity_requests(entity)
        following = page.get("@odata.nextLink")
        if following:
            yield self.listing_request(response.urljoin(following), self.parse_page)

    def entity_requests(self, entity: dict):
        doc_id = entity.get("Id", "")
        number = entity.get("DocumentNummer") or doc_id
        kind = extension_for(entity.get("ContentType") or "")
        url = f"{self.settings.get('FICHE_TK_ODATA_URL')}/Document({doc_id})/resource"
        file = {
            "url": url,
            "kind": kind,
            "role": "document",
            "filename": f"{number}.{kind}",
            # A Kamerstuk is kst-… however it is reached (KOOP's XML, this API's PDF).
            "identity": kamerstuk_id(entity),
            "fallback_id": f"tk-{number}",
        }
        stamp = entity.get("ApiGewijzigdOp") or entity.get("GewijzigdOp") or ""
        yield from self.fetch_record(number, stamp, stamp, [file])


def kamerstuk_id(entity: dict) -> str:
    """kst-32545-143 from the Document's dossier and Volgnummer; "" when it is no Kamerstuk
    (a Handeling, an activity's annex) or the API leaves either out."""
    dossiers = entity.get("Kamerstukdossier") or []
    number = entity.get("Volgnummer")
    if not isinstance(dossiers, list) or len(dossiers) != 1 or not number:
        return ""
    dossier = dossiers[0].get("Nummer") if isinstance(dossiers[0], dict) else None
    if not dossier:
        return ""
    addition = (dossiers[0].get("Toevoeging") or "").strip()
    middle = f"{dossier}-{addition}" if addition else f"{dossier}"
    return f"kst-{middle}-{number}"


def extension_for(content_type: str) -> str:
    base = content_type.split(";")[0].strip().lower()
    if base in EXTENSIONS:
        return EXTENSIONS[base]
    guessed = mimetypes.guess_extension(base) if base else None
    return guessed.lstrip(".") if guessed else "bin"
