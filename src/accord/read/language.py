"""Language identification with py3langid's bundled model (no download)."""

from functools import lru_cache

from ..errors import InputRejected

SAMPLE_CHARS = 3000
MIN_CONFIDENCE = 0.9


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str, float]:
    """Return the ISO 639-1 code of the text's language and the model's confidence."""
    lang, prob = _identifier().classify(text[:SAMPLE_CHARS])
    return lang, float(prob)


def require_english(text: str) -> str:
    """Return "en", or raise InputRejected when the text is confidently another language."""
    lang, prob = detect_language(text)
    if lang != "en" and prob >= MIN_CONFIDENCE:
        raise InputRejected(
            f"language is '{lang}' (confidence {prob:.2f}), not English; "
            "accord analyses English text only"
        )
    return "en"
