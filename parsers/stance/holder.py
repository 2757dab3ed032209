"""Whose view a cue states: the cabinet's, another actor's, or nobody's.

Decided per sentence with token rules (the blank Dutch pipeline has no parser):
1. an attribution names the holder of the whole sentence ("volgens het kabinet",
   "naar het oordeel van de Commissie");
2. else the first subject before the cue in its own clause ("Het kabinet steunt",
   "... verwacht dat de lidstaten ... steunen"); an actor after it is an object ("Het
   kabinet acht een nieuw agentschap overbodig");
3. else an inverted subject just after it ("Verder steunt het kabinet ...");
4. else, for a cue in a main clause, the nearest subject before it in the sentence
   ("Het kabinet onderschrijft ..., maar plaatst kanttekeningen");
5. else a pronoun continuing the previous sentence's holder ("Daarom is zij voorstander").
A subject is an actor word (cues.CABINET, cues.OTHER_ACTORS) that is not inside a
prepositional phrase ("het voorstel van de Commissie" names no holder), or the agent of a
passive ("wordt door de lidstaten ondersteund"); not the government a request is made of
("De Kamer verzoekt de regering"). A government word another country qualifies ("de
Roemeense regering", "de regering van Malta") or a former minister is another actor. A
sentence naming no actor has no holder: facts and impersonal statements carry no stance.
In a verbatim record the speaker labels ("De heer X (Partij):", "Minister X:") say whose
turn it is (speaker_turn).
"""

from __future__ import annotations

from enum import Enum

from spacy.tokens import Span, Token

from parsers.stance.cues import (
    ATTRIBUTION_FRAME,
    ATTRIBUTIONS,
    CABINET,
    CABINET_ADJECTIVE,
    CABINET_NOUNS,
    CONTINUING_PRONOUNS,
    INVERTED_SUBJECT_WINDOW,
    NOUN_PHRASE_WORDS,
    OPINION_WORDS,
    OTHER_ACTORS,
    OWN_TEXT_DETERMINERS,
    OWN_TEXTS,
    PASSIVE_AGENT,
    PREPOSITIONS,
    REQUEST_VERBS,
    SUBORDINATORS,
)

# "door" names an agent only in a passive: "wordt door de lidstaten ondersteund", not "de
# behandeling van het verzoek door de raadswerkgroep".
PASSIVE_AUXILIARIES = frozenset({"wordt", "worden", "werd", "werden", "geworden"})
DEMONSTRATIVES = frozenset({"dat", "die", "welke"})
CLAUSE_PUNCTUATION = frozenset({",", ";", ":", "—", "–", "(", ")"})
# Tokens a prepositional phrase may put between its preposition and the actor:
# "van de", "met andere", "door een brede groep".
PHRASE_REACH = 5
# Speaker labels of a verbatim record (Handelingen): "De heer X (Partij):", "Minister X:".
SPEAKER_LABEL_REACH = 12
SPEAKER_OPENINGS = frozenset({"de", "mevrouw", "minister", "staatssecretaris"})
GOVERNMENT_SPEAKERS = frozenset({"minister", "staatssecretaris", "minister-president"})
# Adjectives of nationality end so: "Duitse", "Roemeense", "Belgische", "Tsjechische". Among
# the words that stand before "regering" or "minister" no other does ("huidige", "vorige",
# "nieuwe" end in -e but not in these).
NATIONALITY_ENDINGS = ("se", "sche", "ische")
# "NL" is the Netherlands in a Council report ("NL steunt") and the language in an EU
# document's header ("NL Publicatieblad van de Europese Unie").
LANGUAGE_CODE = "nl"
FORMER = frozenset({"voormalig", "voormalige", "oud-", "ex-"})


class Holder(Enum):
    CABINET = "cabinet"
    OTHER = "other"
    NONE = "none"


def actor_of(token: Token) -> Holder:
    word = token.lower_
    if word == LANGUAGE_CODE and not followed_by_its_verb(token):
        return Holder.NONE  # "5.7.2014 NL Publicatieblad": the language of the text
    if word in CABINET:
        return Holder.OTHER if foreign_government(token) else Holder.CABINET
    if word in OWN_TEXTS and token.i > 0 and token.doc[token.i - 1].lower_ in OWN_TEXT_DETERMINERS:
        return Holder.CABINET
    if word == CABINET_ADJECTIVE:
        following = token.doc[token.i + 1 : token.i + 2]
        if following and following[0].lower_ in CABINET_NOUNS:
            return Holder.CABINET
    if word.endswith(OTHER_ACTORS) and word[:1].isalpha():
        return Holder.OTHER
    return Holder.NONE


def followed_by_its_verb(token: Token) -> bool:
    """ "NL steunt", "NL is", "NL, net als ...": the abbreviation as a subject."""
    following = token.doc[token.i + 1 : token.i + 2]
    return bool(following) and (following[0].is_lower or following[0].text == ",")


def foreign_government(token: Token) -> bool:
    """ "de Roemeense regering", "de Duitse minister", "de regering van Malta": a government
    word another country qualifies is that country's government ("de minister van
    Financiën" is ours); a former minister speaks for himself."""
    doc = token.doc
    before = doc[token.i - 1].lower_ if token.i > 0 else ""
    if before != CABINET_ADJECTIVE and before.endswith(NATIONALITY_ENDINGS) and before.isalpha():
        return True
    if before in FORMER:  # "voormalig minister van Justitie": a person, not the government
        return True
    after = doc[token.i + 1 : token.i + 4]
    if len(after) >= 2 and after[0].lower_ == "van":
        # a country names another government; a portfolio ("van Financiën") does not
        named = after[1] if after[1].lower_ not in ("de", "het") else after[-1]
        return named.lower_ not in CABINET and actor_of(named) is Holder.OTHER
    return False


def holder_of(cue_start: int, sentence: Span, previous: Holder) -> Holder:
    """The holder of a cue starting at token index `cue_start` inside `sentence`."""
    attributed = attribution(sentence)
    if attributed is not None:
        return attributed
    clause_start, subordinate = clause_of(cue_start, sentence)
    doc = sentence.doc
    subjects = [i for i in range(sentence.start, sentence.end) if is_subject(doc[i], sentence)]
    in_clause = [i for i in subjects if clause_start <= i < cue_start]
    if in_clause:
        return actor_of(doc[in_clause[0]])  # the first: a later actor is an object
    window_end = min(sentence.end, cue_start + INVERTED_SUBJECT_WINDOW + 1)
    inverted = [i for i in subjects if cue_start <= i < window_end and no_break(doc, cue_start, i)]
    if inverted:
        return actor_of(doc[inverted[0]])
    if subordinate:
        return opinion_holder(clause_start - 1, sentence, previous)
    before = [i for i in subjects if i < cue_start]
    if before:
        return actor_of(doc[before[-1]])
    if previous is Holder.CABINET and any(t.lower_ in CONTINUING_PRONOUNS for t in sentence):
        return Holder.CABINET
    return Holder.NONE


def opinion_holder(subordinator: int, sentence: Span, previous: Holder) -> Holder:
    """The holder of a subordinate clause without a subject of its own: the holder of the
    opinion it completes ("Het kabinet vindt dat het voorstel te ver gaat"), else nobody."""
    doc = sentence.doc
    opinion = [i for i in range(sentence.start, subordinator) if doc[i].lower_ in OPINION_WORDS]
    if not opinion:
        return Holder.NONE
    return holder_of(opinion[-1], sentence, previous)


def sentence_holder(sentence: Span) -> Holder:
    """The holder a following sentence's pronoun continues: the first subject's."""
    attributed = attribution(sentence)
    if attributed is not None:
        return attributed
    for token in sentence:
        if is_subject(token, sentence):
            return actor_of(token)
    return Holder.NONE


def main_clause_holder(sentence: Span) -> Holder:
    """The first subject outside subordinate clauses: in "Het is van belang dat de lidstaten
    ... houden" the lidstaten are the subject of the demand's content, not of the judgement."""
    attributed = attribution(sentence)
    if attributed is not None:
        return attributed
    for token in sentence:
        if is_subject(token, sentence) and not clause_of(token.i, sentence)[1]:
            return actor_of(token)
    return Holder.NONE


def attribution(sentence: Span) -> Holder | None:
    words = [t.lower_ for t in sentence]
    framed = framed_attribution(sentence, words)
    if framed is not None:
        return framed
    for phrase in ATTRIBUTIONS:
        for i in range(len(words) - len(phrase) + 1):
            if words[i : i + len(phrase)] != phrase:
                continue
            following = sentence[i + len(phrase) : i + len(phrase) + 3]
            for token in following:
                actor = actor_of(token)
                if actor is not Holder.NONE:
                    return actor
    return None


def framed_attribution(sentence: Span, words: list[str]) -> Holder | None:
    """ "wat het kabinet betreft", "wat ons betreft": the actor inside the frame."""
    opening, closing = ATTRIBUTION_FRAME
    for i, word in enumerate(words):
        if word != opening or closing not in words[i + 2 : i + 5]:
            continue
        end = words.index(closing, i + 2)
        for token in sentence[i + 1 : end]:
            actor = actor_of(token)
            if actor is not Holder.NONE:
                return actor
    return None


def clause_of(index: int, sentence: Span) -> tuple[int, bool]:
    """(first token index of the clause holding `index`, whether it is subordinate)."""
    doc = sentence.doc
    for i in range(index - 1, sentence.start - 1, -1):
        word = doc[i].lower_
        # "Dat is een goede zaak", "Die lijn steunt het kabinet": a demonstrative, no clause
        if word in SUBORDINATORS and not (i == sentence.start and word in DEMONSTRATIVES):
            return i + 1, True
        if word in CLAUSE_PUNCTUATION:
            return i + 1, False
    return sentence.start, False


def is_subject(token: Token, sentence: Span) -> bool:
    """An actor word heading its own noun phrase, or the agent of a passive."""
    if actor_of(token) is Holder.NONE:
        return False
    doc = token.doc
    for i in range(token.i - 1, max(sentence.start, token.i - PHRASE_REACH) - 1, -1):
        word = doc[i].lower_
        if word == PASSIVE_AGENT:
            return is_passive(sentence)
        if word in PREPOSITIONS:
            return False
        if not in_noun_phrase(word):
            return not addressed(i, sentence)
    return True


def addressed(verb: int, sentence: Span) -> bool:
    """Whether the actor after the word at `verb` is whom a request is made of: "(De Kamer)
    verzoekt de regering ...", "De leden vragen de regering ...". Not an inverted subject
    ("Daarom vraagt het kabinet de Commissie ..."): the request needs a subject before its
    verb, or opens the sentence as the dictum of a motie does."""
    doc = sentence.doc
    if doc[verb].lower_ not in REQUEST_VERBS:
        return False
    if verb == sentence.start:
        return True
    return any(actor_of(doc[i]) is not Holder.NONE for i in range(sentence.start, verb))


def is_passive(sentence: Span) -> bool:
    return any(t.lower_ in PASSIVE_AUXILIARIES for t in sentence)


def in_noun_phrase(word: str) -> bool:
    """Words a noun phrase may hold before its noun: articles, quantifiers, adjectives."""
    inflected_adjective = word.isalpha() and len(word) > 3 and word.endswith("e")
    return word in NOUN_PHRASE_WORDS or inflected_adjective or word.endswith("-")


def no_break(doc, start: int, end: int) -> bool:
    return not any(doc[i].lower_ in CLAUSE_PUNCTUATION for i in range(start, end))


def speaks_for_others(sentence: Span) -> bool:
    """True when the sentence's subjects are other actors and none is the cabinet: "De
    Commissie beoordeelt de subsidiariteit als positief" reports a view, it is no verdict."""
    attributed = attribution(sentence)
    if attributed is not None:
        return attributed is Holder.OTHER
    actors = {actor_of(t) for t in sentence if is_subject(t, sentence)}
    return Holder.OTHER in actors and Holder.CABINET not in actors


def speaker_turn(sentence: Span) -> Holder | None:
    """The speaker a verbatim record's label opens a turn with: "Minister Rutte:" and
    "Staatssecretaris Klijnsma:" speak for the government; "De heer Klaver (GroenLinks):",
    "Mevrouw Maij (PvdA):" and "De voorzitter:" do not. None when the sentence opens none."""
    words = [t.lower_ for t in sentence[:SPEAKER_LABEL_REACH]]
    # the tokenizer keeps "):" of "(GroenLinks):" as one token
    end = next((i for i, word in enumerate(words) if word.endswith(":")), None)
    if end is None or words[0] not in SPEAKER_OPENINGS:
        return None
    label = words[: end + 1]
    if label[0] in GOVERNMENT_SPEAKERS:
        return Holder.CABINET
    if any(")" in word for word in label) or label[-2:] == ["voorzitter", ":"]:
        return Holder.OTHER
    return None
