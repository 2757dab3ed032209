"""The small pure pieces of the crawler."""

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

from conftest import CORPUS

from crawler.errorpages import error_page_reason
from crawler.middlewares import retry_after_seconds
from crawler.sources import rebase
from crawler.spiders.eurlex import celex_candidates


def test_retry_after_as_seconds_or_http_date():
    assert retry_after_seconds(b"7") == 7.0
    later = format_datetime(datetime.now(UTC) + timedelta(seconds=30), usegmt=True)
    assert 20 < retry_after_seconds(later.encode()) <= 30
    assert retry_after_seconds(b"soon") is None
    assert retry_after_seconds(None) is None


def test_fake_404_pages_are_told_from_documents():
    page = b"<html><head><title>Pagina niet gevonden</title></head><body></body></html>"
    assert "niet gevonden" in error_page_reason(page, "text/html", "html")
    assert "PDF" in error_page_reason(page, "text/html", "pdf")
    real = (CORPUS / "kamerstukken" / "kst-32545-143.html").read_bytes()
    assert error_page_reason(real, "text/html", "html") is None
    xml = (CORPUS / "kamerstukken" / "kst-32545-143.xml").read_bytes()
    assert error_page_reason(xml, "application/xml", "xml") is None


def test_rebase_keeps_the_source_path():
    assert rebase("https://repository.overheid.nl/sru", "http://127.0.0.1:81") == (
        "http://127.0.0.1:81/sru"
    )
    assert rebase("https://x.nl/OData/v4/2.0", "http://mirror/tk/") == (
        "http://mirror/tk/OData/v4/2.0"
    )


def test_com_numbers_become_celex_candidates():
    assert celex_candidates("com", "COM(2022) 546") == ["52022PC0546", "52022DC0546"]
    assert celex_candidates("celex", "32016R0679") == ["32016R0679"]
    assert celex_candidates("com", "SWD(2022) 1") == []
