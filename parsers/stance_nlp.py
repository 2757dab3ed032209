"""The spaCy pipeline for stance analysis, built once per process.

blank("nl") tokenizer -> lookup lemmatizer (spacy-lookups-data, offline) ->
fiche_sentence_hints -> sentencizer -> fiche_stance_cues.

fiche_stance_cues runs the matchers of parsers/stance_rules.py and leaves its findings in
span groups, so the deciding code reads plain spans and never touches a matcher:

    doc.spans["aspect_term"]   label = the aspect named (bevoegdheid, ...)
    doc.spans["aspect_frame"]  a judgement wording (grondhouding, beoordeelt, acht, ...)
    doc.spans["aspect_label"]  label = positief / negatief / gedeeltelijk / geen_oordeel
    doc.spans["para_cue"]      label = a key of PARAGRAPH_CUES
"""

from __future__ import annotations

import re
from functools import cache

import spacy
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import compile_suffix_regex, filter_spans

from parsers.stance_rules import ASPECT_FRAMES, ASPECT_LABELS, ASPECT_TERMS, PARAGRAPH_CUES

SPAN_GROUPS = ("aspect_term", "aspect_frame", "aspect_label", "para_cue")


SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
SENTENCE_END = frozenset({".", "!", "?"})
# Footnote references glued to a word or its full stop: "Migratie⁵.", "ingezetenen.⁷",
# and in PDF text "vergroten.11". Split off so the full stop can end the sentence.
FOOTNOTE_SUFFIXES = (
    f"[{SUPERSCRIPT_DIGITS}]+",
    f"(?<=[{SUPERSCRIPT_DIGITS}])[.!?,;:]",
    r"(?<=[a-z]\.)[0-9]{1,2}",
)


@Language.component("fiche_sentence_hints")
def sentence_hints(doc: Doc) -> Doc:
    """Sentence boundaries the punctuation-only sentencizer gets wrong.

    - A blank line always starts a new sentence, so a heading without a full stop
      ("Tape voor geconsolideerde handelsdata") does not glue onto the next sentence.
    - A footnote reference after a full stop ("ingezetenen.⁷ Tegelijkertijd") belongs to
      the sentence it ends, the next word starts the new one.
    Runs before the sentencizer, which keeps boundaries already set.
    """
    for token in doc[:-1]:
        following = doc[token.i + 1]
        if token.is_space and token.text.count("\n") >= 2:
            following.is_sent_start = True
        elif is_footnote_reference(token):
            token.is_sent_start = False
            following.is_sent_start = not following.is_space
    return doc


def is_footnote_reference(token) -> bool:
    if token.i == 0 or token.doc[token.i - 1].whitespace_:
        return False
    after_full_stop = token.doc[token.i - 1].text in SENTENCE_END
    marker = token.text.strip(SUPERSCRIPT_DIGITS) == "" or (
        token.text.isdigit() and len(token.text) <= 2
    )
    return after_full_stop and marker


# Words too common to tell whether a sentence can hold a cue.
COMMON_WORDS = frozenset(
    {"is", "zijn", "van", "op", "onder", "de", "het", "een", ",", "met", "niet", "geen", "nog"}
    | {"heeft", "hebben", "maakt", "maken", "ziet", "zien", "uit", "in", "te", "worden"}
    | {"over", "bij", "ten", "en", "zich", "wel", "aan", "dit", "deze", "dat"}
)


def anchor(pattern: list[dict]) -> tuple[str, list[str]]:
    """(attribute, words) of the pattern's most telling required token.

    Every match contains it, so a sentence without any anchor word cannot match.
    """
    best: tuple[int, str, list[str]] | None = None
    for token in pattern:
        if "OP" in token:
            continue
        for attr in ("LOWER", "LEMMA"):
            value = token.get(attr)
            if isinstance(value, dict) and "IN" in value:
                common = sum(word in COMMON_WORDS for word in value["IN"])
                if best is None or common <= best[0]:
                    best = (common, attr, value["IN"])
    if best is None:
        raise ValueError(f"pattern without a required word: {pattern}")
    return best[1], best[2]


class StanceCues:
    """Marks every stance cue of parsers/stance_rules.py as a span (see module docstring)."""

    def __init__(self, nlp: Language):
        self.term_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for aspect, words in ASPECT_TERMS.items():
            self.term_matcher.add(aspect, [nlp.make_doc(word) for word in words])
        self.frame_matcher = Matcher(nlp.vocab)
        self.frame_matcher.add("frame", ASPECT_FRAMES)
        self.label_matcher = Matcher(nlp.vocab)
        for label, patterns in ASPECT_LABELS.items():
            self.label_matcher.add(label, patterns)
        self.paragraph_matcher = Matcher(nlp.vocab)
        for name, cue in PARAGRAPH_CUES.items():
            self.paragraph_matcher.add(name, list(cue.patterns))
        patterns = [
            *ASPECT_FRAMES,
            *(p for ps in ASPECT_LABELS.values() for p in ps),
            *(p for cue in PARAGRAPH_CUES.values() for p in cue.patterns),
        ]
        anchors = [anchor(p) for p in patterns]
        self.anchor_lowers = frozenset(w for attr, ws in anchors if attr == "LOWER" for w in ws)
        self.anchor_lemmas = frozenset(w for attr, ws in anchors if attr == "LEMMA" for w in ws)

    def __call__(self, doc: Doc) -> Doc:
        doc.spans["aspect_term"] = self._spans([doc[:]], self.term_matcher)
        # The Matchers cost time per token and pattern: only sentences holding an anchor
        # word can match, and few do.
        sentences = [s for s in doc.sents if self._may_hold_cue(s)]
        doc.spans["aspect_frame"] = self._spans(sentences, self.frame_matcher)
        doc.spans["aspect_label"] = self._spans(sentences, self.label_matcher)
        doc.spans["para_cue"] = self._spans(sentences, self.paragraph_matcher)
        return doc

    def _may_hold_cue(self, sentence: Span) -> bool:
        return any(
            t.lower_ in self.anchor_lowers or t.lemma_ in self.anchor_lemmas for t in sentence
        )

    @staticmethod
    def _spans(sentences: list[Span], matcher: Matcher | PhraseMatcher) -> list[Span]:
        # Longest match wins where matches overlap: "deels positief" is one cue, not two.
        spans = [span for s in sentences for span in matcher(s, as_spans=True)]
        return sorted(filter_spans(spans), key=lambda span: span.start)


@Language.factory("fiche_stance_cues")
def make_stance_cues(nlp: Language, name: str) -> StanceCues:
    return StanceCues(nlp)


@cache
def stance_nlp() -> Language:
    """The pipeline, built on first use and shared for the life of the process."""
    nlp = spacy.blank("nl")
    suffixes = [*nlp.Defaults.suffixes, *FOOTNOTE_SUFFIXES]
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.add_pipe("fiche_sentence_hints")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("fiche_stance_cues")
    nlp.initialize()
    return nlp


# A blank line (paragraph break), or a lone line break.
LINE_BREAK = re.compile(r"\n[^\S\n]*\n\s*|\n")


def flatten_line_breaks(text: str) -> str:
    """The text with lone line breaks made spaces, blank lines kept, offsets unchanged.

    spaCy makes a token of every line break, and a token between two words breaks a
    pattern: PDF text wraps "kan zich vinden in\nde voorgestelde rechtsgrondslag".
    Same length, so offsets into the flattened text are offsets into the section text.
    """
    return LINE_BREAK.sub(lambda m: m.group() if m.group().count("\n") > 1 else " ", text)


def evidence_bounds(sentence: Span) -> tuple[int, int]:
    """Character offsets of a sentence without surrounding blanks and list bullets."""
    tokens = [t for t in sentence if not t.is_space]
    while tokens and tokens[0].text in {"-", "•", "*", "–", "·", "▪"}:
        tokens = tokens[1:]
    if not tokens:
        return sentence.start_char, sentence.start_char
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
