"""Position stances: one per sentence in which the cabinet takes a position (two when it
supports and criticises across a contrast), following the policy of DESIGN.md ("Stance").

A sentence gets a label when it carries a cue of cues.POSITION_CUES that the cabinet holds
(stance/holder.py decides whose view a cue states), by the cue's holder rule:
- `cabinet`: the cue's holder is the cabinet ("Het kabinet steunt", "Wat ons betreft ...",
  the complement of its opinion: "Het kabinet vindt dat het voorstel te ver gaat");
- `impersonal`: also without any holder, in a main clause no other actor is the subject of
  ("Het is van belang dat ...", "Dat is een goede zaak");
- `demand`: a modal framed by the cabinet's opinion ("Het kabinet vindt dat X moet ...");
- `qualifier`: no holder of its own; "mits", "voor zover" make support conditional.
A negation just before a cue, or after a verb cue within its clause ("steunt het voorstel
niet"), turns it into the cue's negated label ("geen voorstander" -> kritisch) or cancels it.
Several cabinet cues combine by POSITION_PRECEDENCE (the least positive wins), except support
and a reservation on either side of a contrast word: then each part is a stance of its own.
Facts and the views of the Commissie, member states, the Parliament, Kamerleden or the sector
carry no label, whatever words they use. The evidence is the sentence (or its part), with its
offsets in the section text.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from parsers.model import Section, Stance
from parsers.stance.cues import (
    CABINET_HOLDS,
    CLAUSE_BREAKS,
    CONTRAST_WORDS,
    DEMAND,
    NATIONAL_PARLIAMENT,
    OPINION_WORDS,
    POSITION_CUES,
    POSITION_PRECEDENCE,
    PROPOSAL_WORDS,
    QUALIFIER,
    Cue,
)
from parsers.stance.holder import (
    Holder,
    actor_of,
    attribution,
    clause_of,
    holder_of,
    in_noun_phrase,
    main_clause_holder,
    sentence_holder,
    speaker_turn,
)
from parsers.stance.negation import is_negator
from parsers.stance.nlp import evidence_bounds

NEGATION_BEFORE = 3  # tokens before a cue a negator may stand: "niet echt positief tegenover"
NEGATION_AFTER = 6  # tokens after a verb cue, within its clause: "steunt het voorstel niet"
SUPPORT = "steunt"
CONDITIONAL_SUPPORT = "steunt_onder_voorwaarden"
POSITIVE_LABELS = frozenset({SUPPORT, CONDITIONAL_SUPPORT})
NEGATIVE_LABELS = frozenset({"terughoudend", "kritisch", "verwerpt"})
JUDGED_FOR = "voor"  # "Dat is voor de Commissie geen optie": whose judgement it is
CABINET_SPEAKS = "cabinet_speaks"  # doc.user_data key: cabinet_speaks() once per text


@dataclass(frozen=True)
class Judgement:
    """One cabinet cue read in a sentence: its label and the token where it starts."""

    label: str
    start: int


def position_stances(section: Section, doc: Doc) -> list[Stance]:
    stances = []
    previous = Holder.NONE
    speaker = None  # in a verbatim record: whose turn it is
    for sentence in doc.sents:
        speaker = speaker_turn(sentence) or speaker
        if speaker is Holder.OTHER:  # a Kamerlid's or the chair's turn: "ik" is not ours
            continue
        for label, part in sentence_labels(sentence, previous):
            stances.append(make_stance(section, part, label))
        holder = sentence_holder(sentence)
        previous = holder if holder is not Holder.NONE else previous
    return stances


def sentence_labels(sentence: Span, previous: Holder) -> list[tuple[str, Span]]:
    """The sentence's position labels with the part that carries each: one label for the
    whole sentence, or two when support and a reservation stand on either side of a contrast
    ("steunt X, maar is kritisch over Y"). [] when the cabinet takes no position in it."""
    if about_own_parliament(sentence):
        return []
    judgements = cabinet_judgements(sentence, previous)
    if not judgements:
        return []
    qualified = any(is_qualifier(span, sentence) for span in cues_in(sentence))
    split = contrast_split(sentence, judgements)
    if split is not None:
        second = [j for j in judgements if j.start >= split]
        head_end = split - 1 if sentence.doc[split - 1].text == "," else split
        head, tail = sentence.doc[sentence.start : head_end], sentence.doc[split : sentence.end]
        # the reservation after the contrast qualifies the support before it
        return [(CONDITIONAL_SUPPORT, head), (decide(second, qualified=False), tail)]
    return [(decide(judgements, qualified), sentence)]


def about_own_parliament(sentence: Span) -> bool:
    """ "Het kabinet hecht waarde aan de informatievoorziening aan de Kamer": procedure."""
    words = {t.lower_ for t in sentence}
    return bool(words & NATIONAL_PARLIAMENT) and not words & PROPOSAL_WORDS


def decide(judgements: list[Judgement], qualified: bool) -> str:
    winner = min((j.label for j in judgements), key=POSITION_PRECEDENCE.index)
    return CONDITIONAL_SUPPORT if qualified and winner == SUPPORT else winner


def contrast_split(sentence: Span, judgements: list[Judgement]) -> int | None:
    """The token index of a contrast word between a positive and a negative judgement."""
    positive = [j.start for j in judgements if j.label in POSITIVE_LABELS]
    negative = [j.start for j in judgements if j.label in NEGATIVE_LABELS]
    if not positive or not negative or min(positive) > min(negative):
        return None
    doc = sentence.doc
    for i in range(min(positive) + 1, min(negative)):
        if doc[i].lower_ in CONTRAST_WORDS and i > sentence.start:
            return i
    return None


def cues_in(sentence: Span) -> list[Span]:
    return [span for span in sentence.doc.spans["position_cue"] if within(span, sentence)]


def is_qualifier(span: Span, sentence: Span) -> bool:
    rule = POSITION_CUES[int(span.label_)]
    return rule.holder == QUALIFIER and not is_negated(span, sentence, rule)


def cabinet_judgements(sentence: Span, previous: Holder) -> list[Judgement]:
    judgements = []
    for span in cues_in(sentence):
        rule = POSITION_CUES[int(span.label_)]
        if rule.holder == QUALIFIER or not holds(rule, span, sentence, previous):
            continue
        label = cue_label(span, sentence, rule)
        if label:
            judgements.append(Judgement(label, span.start))
    return judgements


def holds(rule: Cue, span: Span, sentence: Span, previous: Holder) -> bool:
    """Whether the cabinet holds this cue (see the holder rules in stance/cues.py)."""
    holder = holder_of(span.start, sentence, previous)
    if reported_by_others(span, sentence):
        return False
    if rule.holder == CABINET_HOLDS:
        return holder is Holder.CABINET
    if (
        rule.holder == DEMAND
    ):  # "Het kabinet vindt dat X moet", "Wij moeten", "Wat ons betreft moet"
        if attribution(sentence) is Holder.CABINET:
            return True
        return cabinet_opinion_before(span.start, sentence, previous)
    if holder is Holder.CABINET or judged_for(span, sentence) is Holder.CABINET:
        return True  # "Het is voor het kabinet belangrijk dat ...": said for the cabinet
    # impersonal: a main clause without another actor ("Het is van belang dat ..."); in a
    # subordinate clause ("Ik begrijp dat dit ... moet worden gezien") it states nobody's view
    _, subordinate = clause_of(span.start, sentence)
    return (
        holder is Holder.NONE
        and cabinet_speaks(sentence.doc)
        and not subordinate
        and not has_other_subject(sentence, previous)
        and judged_for(span, sentence) is not Holder.OTHER
    )


def cabinet_speaks(doc: Doc) -> bool:
    """Whether the cabinet holds a cue of its own anywhere in the text. An impersonal
    judgement ("Het is van belang dat ...", "X moet worden ...") is the cabinet's voice in a
    text where the cabinet speaks; in one where it never does (a regulation's recitals,
    Council conclusions, a motie) it is the voice of whoever wrote it. A cabinet word alone
    is no voice: "NL" in a header, "Nederland" in a list of member states."""
    if CABINET_SPEAKS not in doc.user_data:
        doc.user_data[CABINET_SPEAKS] = any(
            POSITION_CUES[int(span.label_)].holder == CABINET_HOLDS
            and holder_of(span.start, span.sent, Holder.NONE) is Holder.CABINET
            for span in doc.spans["position_cue"]
        )
    return doc.user_data[CABINET_SPEAKS]


def reported_by_others(span: Span, sentence: Span) -> bool:
    """A cue in a subordinate clause of another actor's main clause is that actor's report,
    wish or question: "Deze leden vinden het belangrijk dat de regering kritisch blijft",
    "De Commissie verwacht dat Nederland het voorstel steunt"."""
    _, subordinate = clause_of(span.start, sentence)
    return subordinate and main_clause_holder(sentence) is Holder.OTHER


def judged_for(span: Span, sentence: Span) -> Holder:
    """Whom an impersonal judgement is said for, up to its cue: "is voor de Commissie geen
    optie" is the Commissie's view, "is voor ons belangrijk" the cabinet's."""
    doc = sentence.doc
    for i in range(sentence.start, min(span.end, sentence.end) - 1):
        if doc[i].lower_ != JUDGED_FOR:
            continue
        for token in doc[i + 1 : min(i + 4, sentence.end)]:
            actor = actor_of(token)
            if actor is not Holder.NONE:
                return actor
            if not in_noun_phrase(token.lower_):
                break
    return Holder.NONE


def cabinet_opinion_before(index: int, sentence: Span, previous: Holder) -> bool:
    doc = sentence.doc
    return any(
        doc[i].lower_ in OPINION_WORDS and holder_of(i, sentence, previous) is Holder.CABINET
        for i in range(sentence.start, index)
        if not doc[i].lower_.startswith("vind") or not reflexive_before(doc, i, sentence)
    )


def reflexive_before(doc, index: int, sentence: Span) -> bool:
    """ "kan zich vinden in" is agreement, not an opinion that frames a demand."""
    return any(
        doc[i].lower_ in ("zich", "ons", "me", "mij")
        for i in range(max(sentence.start, index - 6), index)
    )


def has_other_subject(sentence: Span, previous: Holder) -> bool:
    """An impersonal judgement is nobody's when another actor is the subject of its main
    clause; an actor inside what it asks ("Het is van belang dat de lidstaten ...") is not."""
    return main_clause_holder(sentence) is Holder.OTHER


def cue_label(span: Span, sentence: Span, rule: Cue) -> str | None:
    return rule.negated if is_negated(span, sentence, rule) else rule.label


def is_negated(span: Span, sentence: Span, rule: Cue) -> bool:
    doc = span.doc
    # Before the cue, or inside a cue with a gap ("acht het daarom niet wenselijk"); a cue
    # that starts with its own negation ("geen steun") is not negated by it.
    before = doc[max(sentence.start, span.start - NEGATION_BEFORE) : span.start]
    inside = [] if rule.own_negation else list(span[1:])
    if any(is_negator(t) for t in [*before, *inside]):
        return True
    if not rule.verb:
        return False
    for token in doc[span.end : min(sentence.end, span.end + NEGATION_AFTER)]:
        if token.lower_ in CLAUSE_BREAKS:
            return False
        if is_negator(token):
            return True
    return False


def make_stance(section: Section, sentence: Span, label: str) -> Stance:
    """The stance with its evidence: the sentence, or the part of it that carries the label."""
    start, end = evidence_bounds(sentence)
    return Stance(
        aspect=section.key,
        label=label,
        evidence=section.text[start:end],
        section_key=section.key,
        start=start,
        end=end,
    )


def within(span: Span, sentence: Span) -> bool:
    return span.start >= sentence.start and span.end <= sentence.end
