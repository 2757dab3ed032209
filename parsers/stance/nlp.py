"""The spaCy pipeline for stance analysis, built once per process.

blank("nl") tokenizer -> lookup lemmatizer (spacy-lookups-data, offline) ->
fiche_sentence_hints -> sentencizer -> fiche_stance_cues.

fiche_stance_cues runs the matchers of parsers/stance_rules.py and leaves its findings in
span groups, so the deciding code reads plain spans and never touches a matcher:

    doc.spans["aspect_term"]   label = the aspect named (bevoegdheid, ...)
    doc.spans["aspect_frame"]  a judgement wording (grondhouding, beoordeelt, acht, ...)
    doc.spans["aspect_label"]  label = positief / negatief / gedeeltelijk / geen_oordeel
    doc.spans["position_cue"]  label = the index of its row in POSITION_CUES
"""

from __future__ import annotations

import re
from functools import cache

import spacy
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import compile_suffix_regex, filter_spans

from parsers.stance.cues import ASPECT_FRAMES, ASPECT_LABELS, ASPECT_TERMS, POSITION_CUES

SPAN_GROUPS = ("aspect_term", "aspect_frame", "aspect_label", "position_cue")


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
    """Marks every stance cue of parsers/stance_rules.py as a span (see module docstring).

    A Matcher costs time per token and per pattern, so patterns are grouped by their anchor
    word (see `anchor`) and a sentence only meets the few groups whose anchor it contains.
    """

    def __init__(self, nlp: Language):
        self.term_matcher = Matcher(nlp.vocab)
        for aspect, regex in ASPECT_TERMS.items():
            self.term_matcher.add(aspect, [[{"LOWER": {"REGEX": regex}}]])
        # (attribute, word) -> a Matcher of the patterns anchored on that word; match keys
        # are "group|label", group being a span group name of the module docstring.
        self.by_anchor: dict[tuple[str, str], Matcher] = {}
        for group, key, pattern in all_patterns():
            attr, words = anchor(pattern)
            for word in words:
                matcher = self.by_anchor.setdefault((attr, word), Matcher(nlp.vocab))
                matcher.add(f"{group}|{key}", [pattern])

    def __call__(self, doc: Doc) -> Doc:
        found: dict[str, list[Span]] = {g: [] for g in SPAN_GROUPS if g != "aspect_term"}
        for sentence in doc.sents:
            for matcher in self._matchers_for(sentence):
                for span in matcher(sentence, as_spans=True):
                    group, key = span.label_.split("|", 1)
                    found[group].append(Span(doc, span.start, span.end, label=key))
        doc.spans["aspect_term"] = longest_first(list(self.term_matcher(doc, as_spans=True)))
        for group, spans in found.items():
            # Position cues overlap on purpose ("vindt het belangrijk dat" is both "vindt dat"
            # and "acht van belang"): every one is kept and the label precedence decides.
            keep = every_span if group == "position_cue" else longest_first
            doc.spans[group] = keep(spans)
        return doc

    def _matchers_for(self, sentence: Span) -> list[Matcher]:
        keys = {("LOWER", t.lower_) for t in sentence} | {("LEMMA", t.lemma_) for t in sentence}
        matchers = {id(m): m for k in keys if (m := self.by_anchor.get(k)) is not None}
        return list(matchers.values())


def all_patterns() -> list[tuple[str, str, list[dict]]]:
    """(span group, label, pattern) for every Matcher pattern of the rules."""
    rows = [("aspect_frame", "frame", p) for p in ASPECT_FRAMES]
    rows += [("aspect_label", label, p) for label, ps in ASPECT_LABELS.items() for p in ps]
    rows += [
        ("position_cue", str(index), p)
        for index, cue in enumerate(POSITION_CUES)
        for p in cue.patterns
    ]
    return rows


def every_span(spans: list[Span]) -> list[Span]:
    """Each span once (a pattern met through two anchor words is one span), by position."""
    unique = {(s.start, s.end, s.label_): s for s in spans}
    return sorted(unique.values(), key=lambda span: (span.start, span.end))


def longest_first(spans: list[Span]) -> list[Span]:
    """Longest match wins where matches overlap: "deels positief" is one cue, not two.
    The same pattern met through two anchor words is one span."""
    unique = {(s.start, s.end, s.label_): s for s in spans}
    return sorted(filter_spans(list(unique.values())), key=lambda span: span.start)


@Language.factory("fiche_stance_cues")
def make_stance_cues(nlp: Language, name: str) -> StanceCues:
    return StanceCues(nlp)


@cache
def stance_nlp() -> Language:
    """The pipeline, built on first use and shared for the life of the process."""
    nlp = spacy.blank("nl")
    nlp.tokenizer.rules = {
        text: tokens
        for text, tokens in nlp.tokenizer.rules.items()
        if text not in WORDS_NOT_ABBREVIATIONS
    }
    suffixes = [*nlp.Defaults.suffixes, *FOOTNOTE_SUFFIXES]
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.add_pipe("fiche_sentence_hints")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("fiche_stance_cues")
    nlp.initialize()
    return nlp


# spaCy's Dutch abbreviations that are common words ending a sentence: "Dat gaat ons te ver."
# ("ver." = vereniging) must end with a word and a full stop, or no cue nor sentence end is seen.
WORDS_NOT_ABBREVIATIONS = frozenset(
    f"{word}." for word in ("ver", "dat", "best", "pas", "al", "me", "vol", "top", "kon", "hand")
)


# A blank line (paragraph break), or a lone line break.
LINE_BREAK = re.compile(r"\n[^\S\n]*\n\s*|\n")


def flatten_line_breaks(text: str) -> str:
    """The text with lone line breaks made spaces, blank lines kept, offsets unchanged.

    spaCy makes a token of every line break, and a token between two words breaks a
    pattern: PDF text wraps "kan zich vinden in\nde voorgestelde rechtsgrondslag".
    Same length, so offsets into the flattened text are offsets into the section text.
    """
    return LINE_BREAK.sub(lambda m: m.group() if m.group().count("\n") > 1 else " ", text)


BULLETS = frozenset({"-", "•", "*", "–", "·", "▪"})


def evidence_bounds(sentence: Span) -> tuple[int, int]:
    """Character offsets of a sentence without surrounding blanks and list bullets."""
    tokens = [t for t in sentence if not t.is_space]
    while tokens and tokens[0].text in BULLETS:
        tokens = tokens[1:]
    # the next item's bullet, when the sentencizer left it at this sentence's end
    while tokens and tokens[-1].text in BULLETS:
        tokens = tokens[:-1]
    if not tokens:
        return sentence.start_char, sentence.start_char
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
