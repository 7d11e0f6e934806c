"""Near-duplicate stories: MinHash signatures over word shingles, LSH candidates,
verified pairs, union-find clusters.

Shingles are hashed with CRC-32 in numpy (several times faster than datasketch's
default sha1 per shingle, and stable across processes, which matters because
signatures are stored and compared run after run); datasketch applies its permutations
and its LSH does the candidate search.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Mapping
from functools import cache

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

from flows.dedup.text import words

NUM_PERM = 128
SHINGLE_WORDS = 5
SEED = 1
# Chosen on bench/dedup.py's labelled pairs; see docs/dedup.md for the curve.
DEFAULT_THRESHOLD = 0.4

SCHEME = "affine32"
_MASK32 = np.uint64((1 << 32) - 1)
_MIX = np.uint64(1_000_003)


def _identity(value: int) -> int:
    return value


# Word -> CRC-32: news vocabularies are small, so most words are hashed once per process.
_WORD_HASHES: dict[str, int] = {}
_WORD_CACHE_LIMIT = 2_000_000


def _word_hash(word: str) -> int:
    if len(_WORD_HASHES) > _WORD_CACHE_LIMIT:
        _WORD_HASHES.clear()
    value = _WORD_HASHES[word] = zlib.crc32(word.encode("utf-8"))
    return value


def shingle_hashes(text: str, k: int = SHINGLE_WORDS) -> np.ndarray:
    """32-bit hashes of the word k-shingles of ``text`` (one shingle for short texts)."""
    tokens = words(text)
    if not tokens:
        return np.zeros(0, dtype=np.uint64)
    get = _WORD_HASHES.get
    word_hashes = np.array([get(t) or _word_hash(t) for t in tokens], dtype=np.uint64)
    n = max(1, len(tokens) - k + 1)
    width = min(k, len(tokens))
    combined = np.zeros(n, dtype=np.uint64)
    for i in range(width):
        combined = (combined * _MIX + word_hashes[i : i + n]) & _MASK32
    return np.unique(combined)


@cache
def _permutations(num_perm: int) -> tuple[np.ndarray, np.ndarray]:
    return MinHash(num_perm=num_perm, seed=SEED, scheme=SCHEME).permutations


def signature(text: str, num_perm: int = NUM_PERM) -> np.ndarray:
    """MinHash values of ``text`` (datasketch's affine32 scheme, uint32 x num_perm).

    The shingles are hashed here in numpy; datasketch applies its permutations to the
    ready hashes (an identity hashfunc), so no shingle goes through Python's sha1."""
    minhash = MinHash(
        num_perm=num_perm,
        seed=SEED,
        hashfunc=_identity,
        scheme=SCHEME,
        permutations=_permutations(num_perm),
    )
    hashes = shingle_hashes(text)
    if hashes.size:
        minhash.update_batch(hashes.tolist())
    return minhash.hashvalues


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.count_nonzero(a == b)) / len(a)


def to_bytes(values: np.ndarray) -> bytes:
    return values.astype("<u4").tobytes()


def from_bytes(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype="<u4").astype(np.uint32)


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        parent = self.parent.setdefault(x, x)
        if parent != x:
            root = self.find(parent)
            self.parent[x] = root
            return root
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # The smaller id becomes the root: cluster ids do not depend on input order.
            if rb < ra:
                ra, rb = rb, ra
            self.parent[rb] = ra


def cluster(
    new: Mapping[str, np.ndarray],
    stored: Mapping[str, np.ndarray] | None = None,
    existing_clusters: Mapping[str, str] | None = None,
    exact_keys: Mapping[str, str] | None = None,
    threshold: float = DEFAULT_THRESHOLD,
) -> dict[str, str]:
    """Story cluster id (the smallest member id) for every article, old and new.

    ``stored`` holds signatures of articles clustered in earlier runs (their signatures
    are not recomputed); ``existing_clusters`` their cluster ids; ``exact_keys`` a
    content hash per article, equal hashes always share a cluster. Only new articles
    are queried, so a run costs O(new) LSH lookups.
    """
    stored = stored or {}
    uf = _UnionFind()
    for article_id, cluster_id in (existing_clusters or {}).items():
        uf.union(article_id, cluster_id)
    by_hash: dict[str, str] = {}
    for article_id, key in sorted((exact_keys or {}).items()):
        if key in by_hash:
            uf.union(by_hash[key], article_id)
        else:
            by_hash[key] = article_id

    num_perm = len(next(iter(new.values()))) if new else NUM_PERM
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    signatures: dict[str, np.ndarray] = {}
    with lsh.insertion_session() as session:
        for article_id, values in stored.items():
            session.insert(article_id, _lean(values), check_duplication=False)
            signatures[article_id] = values
    for article_id in sorted(new):
        values = new[article_id]
        lean = _lean(values)
        for candidate in lsh.query(lean):
            if similarity(values, signatures[candidate]) >= threshold:
                uf.union(article_id, candidate)
        if article_id not in signatures:
            lsh.insert(article_id, lean, check_duplication=False)
        signatures[article_id] = values
    everyone: Iterable[str] = set(signatures) | set(existing_clusters or {}) | set(exact_keys or {})
    return {article_id: uf.find(article_id) for article_id in everyone}


def _lean(values: np.ndarray) -> LeanMinHash:
    return LeanMinHash(seed=SEED, hashvalues=values, scheme=SCHEME)
