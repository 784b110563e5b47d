"""Translating answers: providers behind a `Translator` interface, the memory, and their order."""
