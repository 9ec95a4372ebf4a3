"""Shared fixtures. Tests that read ../shared skip, with the reason, when it is absent."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples"
SEED = SHARED / "eval" / "seed" / "article.txt"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, skipping the calling test when it is not there."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: the shared evaluation data sits beside the project in CI")
    return path


@pytest.fixture(scope="session")
def pipeline():
    from accord import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def seed_analysis():
    import accord

    return accord.analyze(shared_path("eval", "seed", "article.txt"), published="2025-04-14")
