"""A few hundred fuzzed inputs through a real `accord ingest` process: no crash, every rejection
with a reason, every good article mixed in stored exactly once (bench/fuzz.py runs 10,000)."""

import itertools

from accord.read import read_bytes
from tests.fuzzing import _FOREIGN, Fuzzer, fuzz_ingest


def test_fuzzed_inputs_never_crash_ingest_and_good_articles_are_stored_once(tmp_path):
    run = fuzz_ingest(tmp_path, n=300, seed=12, huge_every=150)
    assert run.crashes == []
    assert run.exit_code == 1  # bad inputs were rejected, and said so
    assert run.unexplained == []
    assert run.good >= 60 and run.missing == [] and run.duplicated == []
    kinds = " | ".join(run.reasons)
    for reason in ("binary input", "empty input", "too large", "not English", "no real article text",
                   "the WARC file ends early", "does not expand", "nested too deeply"):  # fmt: skip
        assert reason in kinds, f"{reason!r} not among {sorted(run.reasons)}"


def test_the_generator_is_seeded_and_covers_every_kind():
    a = [(c.name, c.data) for c in Fuzzer(seed=3).cases(200, huge_every=0)]
    b = [(c.name, c.data) for c in Fuzzer(seed=3).cases(200, huge_every=0)]
    assert a == b
    fuzzer = Fuzzer()
    assert len(fuzzer.bad) == 12 and len(fuzzer.good) == 8


def test_a_mix_of_other_languages_is_not_taken_for_english():
    for a, b in itertools.permutations(_FOREIGN, 2):
        [item] = read_bytes(f"{a} {b}".encode(), "mix.txt")
        assert "not English" in item.reason
    [names] = read_bytes("Volodymyr Zelensky met Recep Tayyip Erdogan in Ankara.".encode(), "names.txt")
    assert names.language == "en"  # few words, mostly names: unsure, so English
