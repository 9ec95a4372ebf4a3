"""How the rules and the classifier decide an event together.

The rules keep what they are good at: who acted on whom, frames, negation and hedging, dates,
places and evidence. The classifier:
- drops a pattern's event, and adds none, where it is sure the sentence only states something
  (five-way class 0) and sees no act ACLED would record;
- retypes a pattern's event of a kind ACLED does not record (a demand, an accusation) where it is
  sure the sentence reports an ACLED act ("staged a sit-in to demand ...": a protest);
- retypes any other pattern's event only when both heads see another kind of act: the type head
  surer of it than the pattern's measured precision (`pattern_precision`, from `accord train`)
  plus a margin, and the five-way head sure of that type's class. A frame or a modality ("refused
  to", "will withdraw", "must stop") keeps the pattern's type: the rules read those;
- adds an event where no trigger fired and it is sure of one: a type, a type its five-way head
  agrees with, or an ACLED sub-event type (`decided_by` "model");
- gives every event whose type ACLED records (acled.yaml) its ACLED sub-event type, else the
  CAMEO table's pair for the code.

The thresholds were set on the dev sets (eval/plover_gsr, tests/data/events_news.jsonl) and a
fifth of ConfliBERT's sentences kept out of training, with every floor of the baseline held.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..codebook import Codebook
from .classifier import NONE, Prediction, SentenceClassifier

EVENT_THRESHOLD = 0.5  # an untriggered sentence is an event when a type is likelier than "no event", itself below this
TYPE_THRESHOLD = 0.5  # ... and its likeliest type has at least this probability,
PENTA_AGREE = 0.7  # ... or the five-way head puts that type's kind of act at least this high
ACLED_THRESHOLD = 0.5  # ... or when the ACLED head names a sub-event type with at least this probability
OVERRIDE_MARGIN = 0.3  # how much the classifier's confidence in another type must exceed a pattern's precision
PENTA_OVERRIDE = 0.8  # ... and the five-way head puts that type's kind of act at least this high
STATEMENT_DROP = 0.6  # a statement (five-way class 0) this sure drops the pattern's event and adds none


@dataclass(frozen=True)
class Decision:
    type: str
    cameo: str
    acled: tuple[str, str] | None
    decided_by: str  # pattern | model
    confidence: float | None  # None: a pattern whose precision was not measured


class Combiner:
    """Decides type, code and ACLED pair for each event from the rule's code and the classifier's guess."""

    def __init__(self, book: Codebook, classifier: SentenceClassifier | None):
        self.book = book
        self.acled_table = book.acled
        self.classifier = classifier
        self.precision = classifier.meta.get("pattern_precision", {}) if classifier else {}
        self.codes_by_class: dict[tuple[str, int], str] = {}  # (PLOVER type, QuadClass) -> its most general code
        for code in sorted(book.cameo.values(), key=lambda c: (len(c.code), c.code)):
            if code.plover:
                self.codes_by_class.setdefault((code.plover, code.quad_class), code.code)

    def predict(self, sentence: SpacySpan) -> Prediction | None:
        """The classifier's guess for a sentence; None when the rules code alone."""
        return self.classifier.predict(sentence) if self.classifier else None

    def _acled(self, plover: str, cameo: str, guess: Prediction | None) -> tuple[str, str] | None:
        sub = self.acled_table.sub_events.get(guess.acled.label) if guess else None
        if sub and (plover in sub.types or plover not in self.acled_table.not_recorded):
            return sub.event_type, sub.name
        return None if plover in self.acled_table.not_recorded else self.book.code(cameo).acled

    def _sure_acled(self, guess: Prediction | None):
        """The ACLED sub-event type the classifier gives the sentence, when it is sure of it."""
        if guess is None or guess.acled.confidence < ACLED_THRESHOLD:
            return None
        return self.acled_table.sub_events.get(guess.acled.label)

    def _code_for(self, plover: str, guess: Prediction) -> str:
        """The CAMEO code of an event the classifier typed: its ACLED sub-event's when that fits."""
        sub = self.acled_table.sub_events.get(guess.acled.label)
        if sub and plover in sub.types and self.book.code(sub.cameo).plover == plover:
            return sub.cameo
        return self.acled_table.default_codes[plover]

    def pattern(self, plover: str, cameo: str, guess: Prediction | None, framed: bool = False) -> Decision | None:
        """The decision for an event a trigger coded; None when the classifier is sure the
        sentence is a statement and reports no act. A `framed` event (intended, demanded,
        refused, threatened: the rules read its modality) keeps the pattern's type."""
        precision = self.precision.get(plover)
        if guess is not None and self._statement(guess):
            return None
        sub = self._sure_acled(guess)
        if sub and plover in self.acled_table.not_recorded and plover not in sub.types:  # "staged a sit-in to demand": the act is the sit-in
            kind = guess.typed.label if guess.typed.label in sub.types else self.book.code(sub.cameo).plover
            code = self._code_for(kind, guess)
            return Decision(kind, code, self._acled(kind, code, guess), "model", guess.acled.confidence)
        if guess is None or precision is None or framed:
            return Decision(plover, cameo, self._acled(plover, cameo, guess), "pattern", precision)
        other, penta = guess.typed, int(guess.penta.label)
        if other.label != plover and self._class_agrees(other.label, guess, PENTA_OVERRIDE) and other.confidence > precision + OVERRIDE_MARGIN:
            # both heads see another kind of act, the type head surer than the pattern has proved to be
            code = self._code_for(other.label, guess)
            if self.book.code(code).quad_class != penta:
                code = self.codes_by_class[(other.label, penta)]
            return Decision(other.label, code, self._acled(other.label, code, guess), "model", other.confidence)
        return Decision(plover, cameo, self._acled(plover, cameo, guess), "pattern", round(precision, 4))

    def refine(self, decision: Decision, verb: Token, guess: Prediction) -> Decision:
        """A classifier's event takes the more specific code the verb lexicon gives its verb, when
        that code is of the event's type ("extended a loan" -> 071 for an AID)."""
        code = next((c for c in self.classifier.verbs.codes(verb) if c in self.book.cameo and self.book.code(c).plover == decision.type), None)
        if code is None:
            return decision
        return Decision(decision.type, code, self._acled(decision.type, code, guess), "model", decision.confidence)

    def untriggered(self, guess: Prediction | None) -> Decision | None:
        """The classifier's event for a sentence no trigger coded, or None when it reports none:
        an event type it is sure of, or an ACLED sub-event type it is sure of ("the group named a
        new leader"), which then takes a PLOVER type that sub-event type allows."""
        if guess is None or self._statement(guess):
            return None
        sub = self._sure_acled(guess)
        plover = guess.typed.label
        agreed = self._class_agrees(plover, guess, PENTA_AGREE)
        reported = guess.plover.label != NONE and guess.no_event < EVENT_THRESHOLD  # a type beats "no event"
        if not reported or (guess.typed.confidence < TYPE_THRESHOLD and not agreed):
            if sub is None:
                return None
            if plover not in sub.types:
                plover = self.book.code(sub.cameo).plover
        code = self._code_for(plover, guess)
        return Decision(plover, code, self._acled(plover, code, guess), "model", guess.typed.confidence)

    def _class_agrees(self, kind: str, guess: Prediction, threshold: float) -> bool:
        """True when the five-way head puts PLOVER type `kind`'s kind of act at least `threshold` high."""
        return (kind, int(guess.penta.label)) in self.codes_by_class and guess.penta.confidence >= threshold

    def _statement(self, guess: Prediction) -> bool:
        """The classifier is sure the sentence only states something (CAMEO 01: no PLOVER event)
        and sees no act ACLED would record in it ("the army said it had retaken the town" reports one)."""
        return guess.penta.label == "0" and guess.penta.confidence >= STATEMENT_DROP and self._sure_acled(guess) is None
