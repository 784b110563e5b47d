"""A saved HTML page of the municipality's site becomes page text: the content region only.

Web editors save or link the page as the site publishes it, with its menus, cookie notice,
language chooser and footer. What the bot may quote is the content: the heading, paragraphs,
lists, the "Läs mer" links (whose addresses are kept) and the "Publicerad av" / "Senast ändrad"
lines. The result is the same page text format staff copy by hand (`format = "site-page"`), so
it is chunked by the same parser as the seed page. Which element holds the content and what is
chrome inside it are site rules (`[html]` in `corpus/site.toml`), not code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from corpus.cleaning import clean_line, clean_text
from corpus.site_profile import SiteProfile
from corpus.sources import CorpusError, DocumentSource, Link, new_doc_id, source_from_text

_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
)
# Elements that end a paragraph of text: what stands after them starts a new block.
_BLOCKS = frozenset(
    {
        "address",
        "article",
        "blockquote",
        "body",
        "div",
        "dl",
        "figure",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "main",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "ul",
    }
)
# Elements that start a new line inside the block they stand in.
_LINES = frozenset({"li", "tr", "dt", "dd", "figcaption", "caption"})
# A start tag of one of these closes an open <p> (HTML's implied end tags).
_CLOSES_P = _BLOCKS | {"li", "hr"}
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_SPACE = re.compile(r"\s+")


@dataclass
class _Node:
    tag: str
    attrs: dict[str, str]
    children: list[_Node | str] = field(default_factory=list)

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())


class _TreeBuilder(HTMLParser):
    """A forgiving tree of the page: unclosed <p> and <li> are closed where HTML closes them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Node("#root", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _CLOSES_P:
            self._close_open("p", stop_at=("div", "section", "article", "main", "td", "li", "blockquote"))
        if tag == "li":
            self._close_open("li", stop_at=("ul", "ol"))
        node = _Node(tag, {k: (v or "") for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in _VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(_Node(tag, {k: (v or "") for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)

    def _close_open(self, tag: str, stop_at: tuple[str, ...]) -> None:
        for i in range(len(self.stack) - 1, 0, -1):
            current = self.stack[i].tag
            if current == tag:
                del self.stack[i:]
                return
            if current in stop_at:
                return


def _matches(node: _Node, selector: str) -> bool:
    if selector.startswith("#"):
        return node.attrs.get("id") == selector[1:]
    if selector.startswith("."):
        return selector[1:] in node.classes
    if selector.startswith("[") and selector.endswith("]"):
        name, _, value = selector[1:-1].partition("=")
        if name not in node.attrs:
            return False
        return not value or node.attrs[name].strip().lower() == value.strip("\"'").lower()
    return node.tag == selector


def _find(node: _Node, selector: str) -> _Node | None:
    for child in node.children:
        if isinstance(child, _Node):
            if _matches(child, selector):
                return child
            found = _find(child, selector)
            if found is not None:
                return found
    return None


def _text(node: _Node | str) -> str:
    if isinstance(node, str):
        return node
    return "".join(_text(c) for c in node.children)


class _Writer:
    """Blocks of lines, as page text separates them: a blank line between blocks."""

    def __init__(self) -> None:
        self.blocks: list[tuple[str, list[str]]] = []  # (kind, lines): kind "heading:N" or "text"
        self._lines: list[str] = []
        self._line: list[str] = []

    def write(self, text: str) -> None:
        self._line.append(text)

    def newline(self) -> None:
        line = clean_line(_SPACE.sub(" ", "".join(self._line)))
        if line:
            self._lines.append(line)
        self._line = []

    def end_block(self, kind: str = "text") -> None:
        self.newline()
        if self._lines:
            self.blocks.append((kind, self._lines))
        self._lines = []


def _walk(node: _Node, out: _Writer, drop: tuple[str, ...], links: list[tuple[str, str]]) -> None:
    for child in node.children:
        if isinstance(child, str):
            out.write(child)
            continue
        if any(_matches(child, s) for s in drop):
            continue
        tag = child.tag
        if tag == "br":
            out.newline()
            continue
        if tag == "a" and child.attrs.get("href"):
            links.append((clean_line(_SPACE.sub(" ", _text(child))), child.attrs["href"]))
        if tag in _HEADINGS:
            out.end_block()
            _walk(child, out, drop, links)
            out.end_block(f"heading:{_HEADINGS[tag]}")
        elif tag in _BLOCKS:
            out.end_block()
            _walk(child, out, drop, links)
            out.end_block()
        elif tag in _LINES:
            out.newline()
            _walk(child, out, drop, links)
            out.newline()
        else:
            _walk(child, out, drop, links)


def _join_leads(blocks: list[tuple[str, list[str]]]) -> list[tuple[str, list[str]]]:
    """A paragraph that ends with a colon introduces the next one: they stay one block, as on the page."""
    out: list[tuple[str, list[str]]] = []
    for kind, lines in blocks:
        if out and out[-1][0] == "text" and kind == "text" and out[-1][1][-1].endswith(":"):
            out[-1] = ("text", out[-1][1] + lines)
        else:
            out.append((kind, list(lines)))
    return out


@dataclass(frozen=True)
class HtmlPage:
    """The content of a saved page: its page text (title first), title and the addresses of its links."""

    title: str
    text: str
    links: tuple[Link, ...]


def extract_page(html: str, profile: SiteProfile, base_url: str | None = None) -> HtmlPage:
    """The content region of a page as page text; `CorpusError` when it holds no heading or text."""
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    region = next((n for s in profile.html_main if (n := _find(builder.root, s)) is not None), None)
    if region is None:
        region = _find(builder.root, "body") or builder.root
    writer = _Writer()
    found: list[tuple[str, str]] = []
    _walk(region, writer, profile.html_drop, found)
    writer.end_block()
    blocks = _join_leads(writer.blocks)
    title = next((lines[0] for kind, lines in blocks if kind == "heading:1"), None)
    if title is None:
        head_title = _find(builder.root, "title")
        title = clean_line(_text(head_title)) if head_title is not None else ""
        if title:
            blocks.insert(0, ("heading:1", [title]))
    if not title or not any(kind == "text" for kind, _ in blocks):
        raise CorpusError("no page content found: no heading or no text in the page's content region")
    # the title line first: everything before it would be read as site chrome
    start = next(i for i, (kind, lines) in enumerate(blocks) if kind == "heading:1" and lines[0] == title)
    text = clean_text("\n\n".join("\n".join(lines) for _, lines in blocks[start:]))
    return HtmlPage(title=title, text=text, links=_link_lines(text, found, profile, base_url))


def _link_lines(
    text: str, found: list[tuple[str, str]], profile: SiteProfile, base_url: str | None
) -> tuple[Link, ...]:
    """Each "Läs mer" line of the text with the address of the link that stands in it."""
    out: dict[str, str] = {}
    for line in text.split("\n"):
        if profile.as_related_link(line) is None or line in out:
            continue
        for anchor, href in found:
            if anchor and (anchor == line or anchor in line or line in anchor):
                url = urljoin(base_url, href) if base_url else href
                # without the page's address a relative link stays relative: the document's address resolves it
                if urlsplit(url).scheme in ("http", "https") or (not base_url and not urlsplit(url).scheme):
                    out[line] = url
                break
    return tuple(Link(k, v) for k, v in out.items())


def source_from_html(
    html: str,
    profile: SiteProfile,
    *,
    base_url: str | None = None,
    default_publisher: str = "Kiruna kommun",
) -> DocumentSource:
    """A document version from a saved page; "Publicerad av" and "Senast ändrad" fill its metadata.

    The page's address is `base_url` (a fetched page), else the canonical address a saved page names.
    """
    base_url = base_url or canonical_url(html)
    page = extract_page(html, profile, base_url)
    source = source_from_text(
        page.text,
        name=new_doc_id(page.title),
        suffix=".txt",
        profile=profile,
        metadata={"title": page.title, "format": "site-page"},
        default_publisher=default_publisher,
    )
    footer = _footer_anywhere(html, profile)
    return DocumentSource(
        **{
            **source.__dict__,
            "published_by": source.published_by or footer.get("published_by"),
            "last_modified": source.last_modified or footer.get("last_modified"),
            "source_url": base_url,
            "links": page.links,
        }
    )


def canonical_url(html: str) -> str | None:
    """The address a saved page gives itself (`<link rel="canonical">`), if it is an http(s) one."""
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    pending: list[_Node] = [builder.root]
    while pending:
        node = pending.pop()
        if node.tag == "link" and "canonical" in node.attrs.get("rel", "").lower().split():
            href = node.attrs.get("href", "").strip()
            return href if urlsplit(href).scheme in ("http", "https") else None
        pending.extend(c for c in node.children if isinstance(c, _Node))
    return None


def _footer_anywhere(html: str, profile: SiteProfile) -> dict[str, str]:
    """Footer fields wherever the site puts them (some sites print them outside the content region)."""
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    writer = _Writer()
    _walk(builder.root, writer, ("script", "style", "template"), [])
    writer.end_block()
    fields: dict[str, str] = {}
    for _, lines in writer.blocks:
        for line in lines:
            field_value = profile.as_footer(line)
            if field_value and field_value[0] not in fields:
                fields[field_value[0]] = field_value[1]
    return fields
