"""Recognising copies of one story: pure functions of texts and times, no Django.

``signatures`` turns a text into shingles, a MinHash and its LSH keys (the
candidates a new article is compared with); ``compare`` decides whether two
texts are copies; ``first`` names the first publisher of a group; ``diff`` says
what a copy changed.
"""
