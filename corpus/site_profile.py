"""Rules for reading page text copied from the municipality's site (`site.toml`)."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from corpus.errors import CorpusError, read_text
from corpus.model import Decision, RelatedLink

DEFAULT_PROFILE = Path(__file__).with_name("site.toml")


@dataclass(frozen=True)
class SiteProfile:
    boilerplate: tuple[re.Pattern[str], ...]
    related_link: re.Pattern[str]
    decision: re.Pattern[str]
    footer: dict[str, re.Pattern[str]]
    # saved HTML pages: where the content is, and what inside it is not content (`corpus.html_import`)
    html_main: tuple[str, ...] = ("main", "[role=main]", "article")
    html_drop: tuple[str, ...] = ("nav", "header", "footer", "aside", "form", "script", "style")

    def is_boilerplate(self, line: str) -> bool:
        return any(p.fullmatch(line) for p in self.boilerplate)

    def as_related_link(self, line: str) -> RelatedLink | None:
        m = self.related_link.fullmatch(line)
        return RelatedLink(title=m.group("title").strip(), text=line) if m else None

    def as_decision(self, line: str) -> Decision | None:
        m = self.decision.fullmatch(line)
        if not m:
            return None
        paragraph = re.sub(r"§\s*", "§ ", m["paragraph"])
        return Decision(body=m["body"], date=m["date"], paragraph=paragraph)

    def as_footer(self, line: str) -> tuple[str, str] | None:
        for name, pattern in self.footer.items():
            m = pattern.fullmatch(line)
            if m:
                return name, m["value"].strip()
        return None


def _html_rules(table: dict[str, object]) -> dict[str, tuple[str, ...]]:
    rules: dict[str, tuple[str, ...]] = {}
    for key in ("main", "drop"):
        value = table.get(key)
        if value is not None:
            if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
                raise ValueError(f"[html] {key} must be a list of selectors")
            rules[f"html_{key}"] = tuple(value)
    return rules


def load_site_profile(path: Path = DEFAULT_PROFILE) -> SiteProfile:
    """Read and compile a site profile; a bad pattern fails here, at load, with its name."""
    try:
        data = tomllib.loads(read_text(path))
    except tomllib.TOMLDecodeError as exc:
        raise CorpusError(f"{path}: not valid TOML ({exc})") from exc
    try:
        return SiteProfile(
            boilerplate=tuple(re.compile(p) for p in data.get("boilerplate", [])),
            related_link=re.compile(data["related_link"]),
            decision=re.compile(data["decision"]),
            footer={k: re.compile(v) for k, v in data.get("footer", {}).items()},
            **_html_rules(data.get("html", {})),
        )
    except (KeyError, re.error) as exc:
        raise CorpusError(f"{path}: invalid site profile: {exc}") from exc
