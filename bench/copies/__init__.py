"""Wire copies (issue 20): a seeded test set of copied articles and the harness that
scores the archive's copy groups against it.

    python -m bench.copies.make_set --out var/copies     # dev and test sets
    python -m bench.copies.reuters --out var/copies      # Reuters-21578 check input
    python -m bench.copies.evaluate --set var/copies/dev
    python -m bench.copies.sample --set var/copies/reuters   # groups to hand-check
"""
