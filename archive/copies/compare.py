"""Whether two texts are copies of one story.

Candidates sharing an LSH key are compared on their exact shingle sets. A copy
either holds nearly all of the shorter text (a verbatim copy with boilerplate
added, or one cut short: the shorter is contained in the longer) or shares
most of both (a lightly edited copy: a few sentences dropped or reworded, a
paragraph added). Articles on one template that report different events share
their formula but not their particulars, and fall short of both (a copy edited
as much as they differ is missed: the price of not grouping different events).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

# The shorter text's shingles found in the longer: a verbatim or cut-short copy
# (a dateline and a footer added to a cut copy leave about 0.85 of it in the original).
CONTAINED = 0.8
# But not a sentence quoted in a long transcript: the shorter is at least this
# share of the longer (a copy cut to its first fifth still is).
MIN_SIZE_RATIO = 0.2
# Shingles shared, of both texts' (Jaccard similarity): a lightly edited copy (a
# few sentences dropped, words reworded, a paragraph added: 0.4 to 0.8). Among the
# State Department's releases, texts on one template about different events
# mostly stay below 0.5 (two calls with one minister 0.53, two countries' joint
# statements 0.53, public schedules 0.46); re-issued releases reach 0.66 and more.
# Measured in bench/copies (README): 0.5 misses a tenth of the edited copies.
EDITED = 0.5
# Outlets republish a story within days; the same words weeks later are a new
# statement (a yearly message, a re-issued notice), not a copy.
WINDOW = dt.timedelta(days=14)


@dataclass(frozen=True)
class Similarity:
    contained: float  # shared shingles / the shorter text's
    jaccard: float  # shared shingles / both texts'
    size_ratio: float  # the shorter text's shingles / the longer's


def similarity(first: set[bytes], second: set[bytes]) -> Similarity:
    if not first or not second:
        return Similarity(0.0, 0.0, 0.0)
    shared = len(first & second)
    shorter, longer = sorted((len(first), len(second)))
    union = len(first) + len(second) - shared
    return Similarity(shared / shorter, shared / union, shorter / longer)


def is_copy(found: Similarity) -> bool:
    if found.contained >= CONTAINED and found.size_ratio >= MIN_SIZE_RATIO:
        return True
    return found.jaccard >= EDITED


def within_window(first: dt.date | None, second: dt.date | None) -> bool:
    """Whether two publication dates are close enough for one to copy the other
    (an unknown date may be either)."""
    if first is None or second is None:
        return True
    return abs(first - second) <= WINDOW
