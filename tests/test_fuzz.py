"""Mutated and truncated real files only ever give Documents or the project's ParseError."""

import pytest
from conftest import CORPUS, SEED
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parsers import Document, ParseError, parse_bytes

SAMPLES = {
    "op-xml": CORPUS / "kamerstukken" / "kst-32545-143.xml",
    "ah-xml": CORPUS / "kamerstukken" / "ah-tk-20202021-3235.xml",
    "ob-html": CORPUS / "kamerstukken" / "kst-32545-143.html",
    "eurlex-xhtml": CORPUS / "eurlex" / "COM_2025_11_EN.xhtml",
    "formex": CORPUS / "eurlex" / "formex_5cca93ee_DOC_2.xml",
    "metadata": CORPUS / "kamerstukken" / "kst-32545-143.metadata.xml",
    "docx": CORPUS / "kamerstukken" / "tk_motie_36278-32_0787ced2.docx",
    "odt": CORPUS / "kamerstukken" / "kst-32545-143.odt",
    "txt": SEED,
    "pdf": CORPUS / "pdf" / "kst-32545-143.pdf",
}
# Whole files are big; mutations near the start hit the structure, so fuzz the first 16 KB
# (plus the real file's tail for zips, whose directory sits at the end).
HEAD = 16_384


def sample_bytes(name: str) -> bytes:
    data = SAMPLES[name].read_bytes()
    return data if SAMPLES[name].suffix in (".docx", ".odt", ".pdf") else data[:HEAD]


mutation = st.tuples(
    st.sampled_from(["flip", "insert", "delete"]),
    st.floats(min_value=0, max_value=1, allow_nan=False),
    st.binary(min_size=1, max_size=8),
)


def mutate(data: bytes, mutations, keep: float) -> bytes:
    for kind, where, chunk in mutations:
        at = int(where * len(data))
        if kind == "flip" and data:
            at = min(at, len(data) - 1)
            data = data[:at] + bytes([data[at] ^ chunk[0]]) + data[at + 1 :]
        elif kind == "insert":
            data = data[:at] + chunk + data[at:]
        else:
            data = data[:at] + data[at + len(chunk) :]
    return data[: int(len(data) * keep)] if keep < 1 else data


@pytest.mark.parametrize("name", sorted(SAMPLES))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    mutations=st.lists(mutation, max_size=4),
    keep=st.one_of(st.just(1.0), st.floats(min_value=0, max_value=1, allow_nan=False)),
)
def test_mutated_files_give_documents_or_parse_error(name, mutations, keep):
    data = mutate(sample_bytes(name), mutations, keep)
    try:
        documents = parse_bytes(data, filename=SAMPLES[name].name)
    except ParseError as error:
        assert error.reason and "\n" not in error.reason
        return
    assert isinstance(documents, list) and documents
    assert all(isinstance(doc, Document) for doc in documents)
