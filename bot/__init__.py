"""Retrieval, extractive answers, languages and the chat service that ties them together.

Imports `corpus` and `index`; `api` builds on it.
"""
