"""`make bench`: the archive at scale, side by side with Datasette over SQLite FTS5.

Run with ``python -m bench``; see ``bench/__main__.py``. The product never imports this.
"""
