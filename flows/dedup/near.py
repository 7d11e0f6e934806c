"""Near-duplicate stories: MinHash signatures over word shingles, LSH candidates,
verified pairs, union-find clusters.

Words and shingles are hashed in numpy, all at once (several times faster than
datasketch's default of sha1 per shingle in Python, and stable across processes, which
matters because signatures are stored and compared run after run); the permutations are
datasketch's affine32 scheme and its LSH does the candidate search.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

NUM_PERM = 128
SHINGLE_WORDS = 5
SEED = 1
# Chosen on bench/dedup.py's labelled pairs; see docs/dedup.md for the curve.
DEFAULT_THRESHOLD = 0.4
INDEX_UNLESS_SIMILARITY = 0.8

SCHEME = "affine32"
_U32 = np.uint32
_FMIX = (_U32(16), _U32(0x85EBCA6B), _U32(13), _U32(0xC2B2AE35), _U32(16))
_WORD_MUL = np.uint64(0x100000001B3)  # FNV-64 prime: odd, so invertible modulo 2^64
_SHINGLE_MUL = np.uint64(1_000_003)
_POWERS_CACHE: dict[int, tuple[np.ndarray, np.ndarray]] = {}


def _powers(n: int) -> tuple[np.ndarray, np.ndarray]:
    """M^i and M^-i modulo 2^64 for i < n (uint64 arithmetic wraps, which is the modulo)."""
    size = 1 << max(10, (n - 1).bit_length())
    if size not in _POWERS_CACHE:
        inverse = np.uint64(pow(int(_WORD_MUL), -1, 1 << 64))
        with np.errstate(over="ignore"):
            up = np.cumprod(np.full(size, _WORD_MUL, dtype=np.uint64))
            down = np.cumprod(np.full(size, inverse, dtype=np.uint64))
        up = np.concatenate(([np.uint64(1)], up[:-1]))
        down = np.concatenate(([np.uint64(1)], down[:-1]))
        _POWERS_CACHE[size] = (up, down)
    return _POWERS_CACHE[size]


def word_hashes(text: str) -> np.ndarray:
    """A 64-bit hash per word, computed for all words at once.

    Words are runs of letters and digits of the lower-cased UTF-8 text (bytes >= 0x80
    count as letters, so accented and non-Latin words stay whole). Each word's hash is
    a polynomial over its bytes, taken from one prefix sum of the whole text.
    """
    data = np.frombuffer(text.lower().encode("utf-8"), dtype=np.uint8)
    if data.size == 0:
        return np.zeros(0, dtype=np.uint64)
    is_word = (
        ((data >= 48) & (data <= 57))
        | ((data >= 97) & (data <= 122))
        | (data >= 128)
        | (data == 95)
    )
    edges = np.diff(np.concatenate(([False], is_word, [False])).astype(np.int8))
    starts = np.flatnonzero(edges == 1)
    ends = np.flatnonzero(edges == -1)
    if starts.size == 0:
        return np.zeros(0, dtype=np.uint64)
    up, down = _powers(data.size + 1)
    with np.errstate(over="ignore"):
        terms = data.astype(np.uint64) * up[: data.size]
        prefix = np.concatenate(([np.uint64(0)], np.cumsum(terms, dtype=np.uint64)))
        return (prefix[ends] - prefix[starts]) * down[starts]


def shingle_hashes(text: str, k: int = SHINGLE_WORDS) -> np.ndarray:
    """Distinct 32-bit hashes of the word k-shingles of ``text`` (one shingle for texts
    shorter than k words)."""
    words_ = word_hashes(text)
    if words_.size == 0:
        return np.zeros(0, dtype=_U32)
    n = max(1, words_.size - k + 1)
    combined = np.zeros(n, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for i in range(min(k, words_.size)):
            combined = combined * _SHINGLE_MUL + words_[i : i + n]
    return np.unique((combined >> np.uint64(32)) ^ (combined & np.uint64(0xFFFFFFFF))).astype(_U32)


@cache
def _permutations(num_perm: int) -> tuple[np.ndarray, np.ndarray]:
    a, b = MinHash(num_perm=num_perm, seed=SEED, scheme=SCHEME).permutations
    return a.astype(_U32)[:, None], b.astype(_U32)[:, None]


def _fmix32(hv: np.ndarray) -> np.ndarray:
    s1, m1, s2, m2, s3 = _FMIX
    hv = hv ^ (hv >> s1)
    hv = hv * m1
    hv = hv ^ (hv >> s2)
    hv = hv * m2
    return hv ^ (hv >> s3)


def signature(text: str, num_perm: int = NUM_PERM) -> np.ndarray:
    """MinHash values of ``text``: datasketch's affine32 scheme (MurmurHash3 finalizer,
    then a*h+b modulo 2^32 with its seeded permutations), applied in one numpy step to
    all shingle hashes. tests/dedup/test_near.py checks the values equal datasketch's own
    MinHash.update_batch, so they load into its LeanMinHash and MinHashLSH."""
    hashes = shingle_hashes(text)
    if hashes.size == 0:
        return np.full(num_perm, np.iinfo(_U32).max, dtype=_U32)
    a, b = _permutations(num_perm)
    with np.errstate(over="ignore"):
        return (a * _fmix32(hashes)[None, :] + b).min(axis=1)


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
        closest = 0.0
        for candidate in lsh.query(lean):
            if uf.find(candidate) == uf.find(article_id):
                continue  # already in one story: nothing to verify
            score = similarity(values, signatures[candidate])
            closest = max(closest, score)
            if score >= threshold:
                uf.union(article_id, candidate)
        # A near-identical copy of an indexed article adds nothing the index can find:
        # leaving it out keeps candidate lists short when a story is syndicated hundreds
        # of times. Distinct members (truncations, rewrites) stay indexed, so chains hold.
        if article_id not in signatures and closest < INDEX_UNLESS_SIMILARITY:
            lsh.insert(article_id, lean, check_duplication=False)
        signatures[article_id] = values
    everyone: Iterable[str] = set(signatures) | set(existing_clusters or {}) | set(exact_keys or {})
    return {article_id: uf.find(article_id) for article_id in everyone}


def _lean(values: np.ndarray) -> LeanMinHash:
    return LeanMinHash(seed=SEED, hashvalues=values, scheme=SCHEME)
