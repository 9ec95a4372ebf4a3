"""The public surface is what `accord.__all__` says, and every name in it exists."""

import accord

EXPECTED = {
    "analyze", "Pipeline", "Store", "stance_matrix",
    "Analysis", "Article", "Rejected", "Span", "TimeExpression", "Actor", "Mention", "Event", "Place",
    "Quantity", "Quote", "Stance", "Finding",
    "AccordError", "InputRejected", "KnowledgeBaseError", "StoreError",
}  # fmt: skip


def test_all_is_the_public_surface():
    assert set(accord.__all__) == EXPECTED
    for name in accord.__all__:
        assert getattr(accord, name) is not None


def test_errors_share_one_base():
    for error in (accord.InputRejected, accord.KnowledgeBaseError, accord.StoreError):
        assert issubclass(error, accord.AccordError)
