"""Near-duplicate reports: the same wire story re-published with a new headline or a line added.

Exact copies are caught by `Article.content_hash`; near copies are not, yet they would count the
same events twice. Each text gets a MinHash signature over its 5-word shingles (word sequences
survive re-wrapping, re-punctuation and small edits), and an LSH index finds, without comparing
every pair, the stored originals whose estimated Jaccard similarity passes the threshold.
Signatures are plain bytes so the store can persist them and a later run, in a new process,
rebuilds the index from the database.
"""
from __future__ import annotations

import re
from typing import NamedTuple

import numpy as np
from datasketch import MinHash, MinHashLSH

SHINGLE_WORDS = 5
NUM_PERM = 128
THRESHOLD = 0.8
# datasketch's permutation scheme: hash values of different schemes cannot be compared, so the
# persisted ones are only meaningful with the scheme that made them.
SCHEME = "affine32"
WORD = re.compile(r"\w+")


class NearDuplicate(NamedTuple):
    """The stored article a new one repeats, and how similar they are (estimated Jaccard)."""

    article_id: str
    similarity: float


def shingles(text: str) -> set[bytes]:
    """The text's overlapping 5-word sequences, case-folded (a shorter text is one shingle)."""
    words = WORD.findall(text.casefold())
    if 0 < len(words) < SHINGLE_WORDS:
        return {" ".join(words).encode("utf-8")}
    return {" ".join(words[i:i + SHINGLE_WORDS]).encode("utf-8")
            for i in range(len(words) - SHINGLE_WORDS + 1)}


def signature(text: str) -> MinHash:
    minhash = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    minhash.update_batch(list(shingles(text)))
    return minhash


def signature_bytes(minhash: MinHash) -> bytes:
    """The persisted form: the hash values as little-endian uint64."""
    return minhash.hashvalues.astype("<u8").tobytes()


def signature_from_bytes(blob: bytes) -> MinHash:
    return MinHash(num_perm=NUM_PERM, scheme=SCHEME,
                   hashvalues=np.frombuffer(blob, dtype="<u8").astype(np.uint64))


class NearDuplicateIndex:
    """An LSH index of original articles; `match` names the most similar one above the threshold.

    Only originals are indexed, so a near-duplicate always points at the first stored report of
    its story, never at another copy.
    """

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._signatures: dict[str, MinHash] = {}

    def add(self, article_id: str, minhash: MinHash) -> None:
        self._lsh.insert(article_id, minhash)
        self._signatures[article_id] = minhash

    def match(self, minhash: MinHash) -> NearDuplicate | None:
        """LSH proposes candidates; the estimated similarity decides, ties to the smaller id."""
        if minhash.is_empty():
            return None
        scored = [NearDuplicate(candidate, self._signatures[candidate].jaccard(minhash))
                  for candidate in self._lsh.query(minhash)]
        above = [c for c in scored if c.similarity >= self.threshold]
        return min(above, key=lambda c: (-c.similarity, c.article_id), default=None)
