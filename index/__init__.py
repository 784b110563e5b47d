"""Embedding, the FAISS and BM25 indexes over the corpus, and their manifest.

Imports `corpus` only; `bot` and `api` build on it.
"""
