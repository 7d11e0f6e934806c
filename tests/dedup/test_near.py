"""MinHash signatures: equal to datasketch's own, stable, and sensible on real edits."""

from __future__ import annotations

import numpy as np
from datasketch import MinHash

from flows.dedup.near import (
    NUM_PERM,
    SCHEME,
    SEED,
    cluster,
    from_bytes,
    shingle_hashes,
    signature,
    similarity,
    to_bytes,
    word_hashes,
)

TEXT = (
    "Microsoft is investing €3.2 billion in AI infrastructure in Germany, doubling its data "
    "centre capacity in the Frankfurt region and training 1.2 million people in digital skills. "
    "It has also committed €1.9 billion in Spain to expand its cloud and AI infrastructure."
)


def test_signature_equals_datasketch_update_batch():
    reference = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME, hashfunc=int)
    reference.update_batch(shingle_hashes(TEXT).tolist())
    assert np.array_equal(signature(TEXT), reference.hashvalues)


def test_words_are_case_and_punctuation_insensitive():
    assert np.array_equal(word_hashes("Hello, World!"), word_hashes("hello world"))
    assert not np.array_equal(word_hashes("hello world"), word_hashes("world hello"))
    assert word_hashes("Zürich 2024").size == 2


def test_signature_is_stable_and_round_trips_through_bytes():
    values = signature(TEXT)
    assert np.array_equal(from_bytes(to_bytes(values)), values)
    assert to_bytes(signature(TEXT)) == to_bytes(values)


def test_similarity_tracks_edits():
    words = TEXT.split()
    assert similarity(signature(TEXT), signature(TEXT)) == 1.0
    truncated = " ".join(words[: int(len(words) * 0.6)])
    assert 0.35 < similarity(signature(TEXT), signature(truncated)) < 0.8
    assert similarity(signature(TEXT), signature("An unrelated text about football.")) < 0.1


def test_empty_text_matches_nothing_real():
    assert similarity(signature(""), signature(TEXT)) == 0.0


def test_cluster_ids_do_not_depend_on_input_order():
    sigs = {"b": signature(TEXT), "a": signature(TEXT + " Extra."), "c": signature("Other news.")}
    forward = cluster(sigs)
    backward = cluster(dict(reversed(list(sigs.items()))))
    assert forward == backward == {"a": "a", "b": "a", "c": "c"}
