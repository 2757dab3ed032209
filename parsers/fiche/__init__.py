"""Fiche structure: find every BNC-fiche in a part and build its Document.

build.py     find_fiches / build_fiche: a part into a fiche Document
labels.py    the template's headings and metadata labels, as words
sections.py  a fiche's lines into canonical sections
metadata.py  section 1 (Algemene gegevens) into metadata
"""
