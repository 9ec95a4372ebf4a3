"""How the rules and the classifier decide an event's type together.

The rules keep what they are good at: who acted on whom, frames, negation and hedging, dates,
places and evidence. The classifier types:
- a sentence where no trigger fired but the classifier reports an event (probability of "no
  event" below one half) gets the classifier's event (`decided_by` "model");
- a trigger's type stands unless the classifier gives another type a probability above the
  precision the trigger's type has shown on the team's training sentences (`accord train`
  measures it; `pattern_precision` in the artifact), so a precise rule is hard to overrule;
- the ACLED sub-event type is the classifier's whenever it names one that fits the event's
  PLOVER type (acled.yaml, `types`), else the CAMEO table's pair for the code.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan

from ..codebook import Codebook
from .classifier import NONE, Prediction, SentenceClassifier

EVENT_THRESHOLD = 0.5  # an untriggered sentence is an event when "no event" is less likely than this
OVERRIDE_MARGIN = 0.0  # how much the classifier's confidence must exceed a pattern's precision


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

    def predict(self, sentence: SpacySpan) -> Prediction | None:
        """The classifier's guess for a sentence; None when the rules code alone."""
        return self.classifier.predict(sentence) if self.classifier else None

    def _acled(self, plover: str, cameo: str, guess: Prediction | None) -> tuple[str, str] | None:
        if guess and guess.acled.label != NONE and self.acled_table.applies(guess.acled.label, plover):
            return self.acled_table.sub_events[guess.acled.label].event_type, guess.acled.label
        own = self.book.code(cameo).acled
        return own if own and self.acled_table.applies(own[1], plover) else None

    def _code_for(self, plover: str, guess: Prediction) -> str:
        """The CAMEO code of an event the classifier typed: its ACLED sub-event's when that fits."""
        sub = self.acled_table.sub_events.get(guess.acled.label)
        if sub and plover in sub.types and self.book.code(sub.cameo).plover == plover:
            return sub.cameo
        return self.acled_table.default_codes[plover]

    def pattern(self, plover: str, cameo: str, guess: Prediction | None) -> Decision:
        """The decision for an event a trigger coded."""
        precision = self.precision.get(plover)
        if guess is None or precision is None:
            return Decision(plover, cameo, self._acled(plover, cameo, guess), "pattern", precision)
        other = guess.plover
        if other.label not in (NONE, plover) and other.confidence > precision + OVERRIDE_MARGIN:
            code = self._code_for(other.label, guess)
            return Decision(other.label, code, self._acled(other.label, code, guess), "model", other.confidence)
        return Decision(plover, cameo, self._acled(plover, cameo, guess), "pattern", round(precision, 4))

    def untriggered(self, guess: Prediction | None) -> Decision | None:
        """The classifier's event for a sentence no trigger coded, or None when it reports none.
        An ACLED sub-event type the classifier is sure of is an event even where the PLOVER head
        sees none ("the group named a new leader"): it takes the type the sub-event type allows."""
        if guess is None:
            return None
        sub = self.acled_table.sub_events.get(guess.acled.label)
        plover = guess.typed.label
        if guess.no_event >= EVENT_THRESHOLD:
            if sub is None or guess.acled.confidence < EVENT_THRESHOLD:
                return None
            if plover not in sub.types:
                plover = self.book.code(sub.cameo).plover
        code = self._code_for(plover, guess)
        return Decision(plover, code, self._acled(plover, code, guess), "model", guess.typed.confidence)
