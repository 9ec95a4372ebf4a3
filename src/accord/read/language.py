"""Language identification with py3langid's bundled model (no download)."""

from functools import lru_cache

from ..errors import InputRejected

SAMPLE_CHARS = 3000
MIN_CONFIDENCE = 0.9
# The model's probability that a text is English: real English articles score 0.6 and up, a few
# names alone 0.005 and up, text in other languages (or a mix of them, where no one language
# is sure) below 0.00001. Below this floor a text is surely not English.
MIN_ENGLISH = 0.0001


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str, float]:
    """Return the ISO 639-1 code of the text's language and the model's confidence."""
    ranks = _ranks(text)
    lang = max(ranks, key=ranks.get)
    return lang, ranks[lang]


def require_english(text: str) -> str:
    """Return "en", or raise InputRejected when the text is confidently another language, or
    when the model all but rules English out (a mix of other languages)."""
    ranks = _ranks(text)
    lang = max(ranks, key=ranks.get)
    prob, english = ranks[lang], ranks.get("en", 0.0)
    if lang != "en" and prob >= MIN_CONFIDENCE:
        raise InputRejected(
            f"language is '{lang}' (confidence {prob:.2f}), not English; "
            "accord analyses English text only"
        )
    if english < MIN_ENGLISH:
        raise InputRejected(
            f"not English (probability {english:.0e}; most like '{lang}' at {prob:.2f}, perhaps a mix "
            "of languages); accord analyses English text only"
        )
    return "en"


def _ranks(text: str) -> dict[str, float]:
    return {lang: float(prob) for lang, prob in _identifier().rank(text[:SAMPLE_CHARS])}
