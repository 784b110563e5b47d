"""Offline evaluation: retrieval recall, refusal rates and verbatim quoting, per language."""
