"""A text's shingles, MinHash signature and locality-sensitive keys.

Articles sharing a key are candidates, compared exactly by ``compare``. Two keys
are kept per article: bands of the whole text's MinHash, which find copies that
keep most of the text (boilerplate added, light edits), and bands of its
opening's, which find copies cut short (a truncated copy shares the opening of
its original, though only a part of the whole).
"""

from __future__ import annotations

import hashlib

import numpy as np
from datasketch import MinHash

from .text import SHINGLE_WORDS, shingle_hashes, words

# The opening: the shingles of the first words, whatever follows.
OPENING_WORDS = 60
# The whole text: 20 bands of 3 rows. Texts whose shingle sets have a Jaccard
# similarity of 0.5 share a key with probability 1-(1-0.5**3)**20 = 0.93 (0.6:
# 0.99; 0.2: 0.15; unrelated texts, about 0.01: 0.00002).
BANDS = 20
# The opening: a copy cut short keeps it whole, one with a dateline added most of
# it (0.8: 8 bands find it with probability 0.996).
OPENING_BANDS = 8
ROWS = 3
NUM_PERM = BANDS * ROWS
_SEED = 20  # fixed: keys stored in the database must be the same in every process


# The permutations drawn once: drawing them is most of the cost of a MinHash.
_PERMUTATIONS = MinHash(num_perm=NUM_PERM, seed=_SEED).permutations


def _minhash(hashes: np.ndarray) -> np.ndarray:
    signature = MinHash(
        num_perm=NUM_PERM, seed=_SEED, hashfunc=int, permutations=_PERMUTATIONS, scheme="affine32"
    )
    signature.update_batch(hashes.tolist())
    return signature.hashvalues


def _band_keys(signature: np.ndarray, salt: bytes, bands: int) -> list[int]:
    keys = []
    for band in range(bands):
        rows = signature[band * ROWS : (band + 1) * ROWS].astype("<u8").tobytes()
        digest = hashlib.blake2b(salt + bytes([band]) + rows, digest_size=8).digest()
        keys.append(int.from_bytes(digest, "little", signed=True))
    return keys


def copy_keys(text: str) -> list[int]:
    """The LSH keys of a text: its whole text's bands, then its opening's.

    An empty text has none: it is nobody's copy.
    """
    hashes = shingle_hashes(words(text))
    if not len(hashes):
        return []
    whole = _minhash(hashes)
    # The opening's shingles are the first of the whole text's; a short text is all opening.
    opening_shingles = OPENING_WORDS - SHINGLE_WORDS + 1
    opening = _minhash(hashes[:opening_shingles]) if len(hashes) > opening_shingles else whole
    return _band_keys(whole, b"w", BANDS) + _band_keys(opening, b"o", OPENING_BANDS)
