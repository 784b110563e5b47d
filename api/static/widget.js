/*!
 * Kiruna vision chat widget.
 *
 * Embed with one tag:
 *   <script src="https://BOT-HOST/widget.js" data-lang="sv" async></script>
 * Options (data- attributes on that tag): data-lang, data-position (bottom-right | bottom-left),
 * data-title, data-starters ("question one|question two"), data-api (API origin; default: the
 * origin this script was loaded from). See docs/widget.md.
 *
 * One self-contained file, no framework, no build step. Everything the server sends is rendered
 * with textContent / createTextNode, never as HTML. Nothing is stored in the browser before the
 * resident opens the chat; afterwards the conversation lives in sessionStorage only.
 */
(function () {
  "use strict";

  const VERSION = "1.1.0";
  const TAG = "kiruna-vision-chat";
  const STORE_KEY = "kiruna-vision-chat";
  const MAX_MESSAGE = 1000;
  const MAX_STORED_MESSAGES = 60;
  const REQUEST_TIMEOUT_MS = 30000;

  // Captured while the script runs: later, document.currentScript is null.
  const currentScript = document.currentScript;

  if (window.customElements && window.customElements.get(TAG)) {
    return; // loaded twice on one page: the first copy is in charge
  }

  // ---------------------------------------------------------------------------------------
  // Configuration from the script tag
  // ---------------------------------------------------------------------------------------

  function readConfig(script) {
    const data = (script && script.dataset) || {};
    const src = (script && script.src) || window.location.href;
    let api = "";
    try {
      api = new URL(src, window.location.href).origin;
    } catch (e) {
      api = window.location.origin;
    }
    if (data.api) {
      try {
        const u = new URL(data.api, window.location.href);
        api = (u.origin + u.pathname).replace(/\/+$/, "");
      } catch (e) {
        /* keep the script's origin */
      }
    }
    const starters = (data.starters || "")
      .split("|")
      .map(function (s) {
        return s.trim();
      })
      .filter(Boolean)
      .slice(0, 6);
    return {
      api: api,
      lang: (data.lang || "sv").trim().toLowerCase(),
      position: data.position === "bottom-left" ? "bottom-left" : "bottom-right",
      title: (data.title || "").trim() || null,
      starters: starters.length ? starters : null,
      // the page it sits on: answers from its document are preferred (data-document, else the page's address)
      page: (data.document || "").trim() || window.location.origin + window.location.pathname,
    };
  }

  // ---------------------------------------------------------------------------------------
  // Built-in words, used until (or if never) /v1/ui/{lang} answers
  // ---------------------------------------------------------------------------------------

  const DEFAULT_STRINGS = {
    en: {
      UI_TITLE: "Ask about Kiruna's vision",
      UI_OPEN: "Open the chat about Kiruna's vision",
      UI_CLOSE: "Close the chat",
      UI_INPUT_LABEL: "Your question",
      UI_PLACEHOLDER: "Ask about the vision and goals…",
      UI_SEND: "Send",
      UI_LANGUAGE: "Language",
      UI_THINKING: "Looking in the official text…",
      UI_UNREACHABLE: "The chat cannot be reached right now. Please try again later, or visit {url}.",
      UI_ERROR: "Something went wrong. Please try again.",
      UI_FEEDBACK_PROMPT: "Was this answer helpful?",
      UI_FEEDBACK_YES: "Yes, it helped",
      UI_FEEDBACK_NO: "No, it did not help",
      UI_FEEDBACK_THANKS: "Thank you for your feedback.",
      UI_SOURCE: "Source",
      UI_OFFICIAL_TEXT: "Official text (Swedish)",
      UI_STARTERS: "Suggested questions",
      UI_STARTER_VISION: "What is Kiruna's vision?",
      UI_STARTER_HOUSING: "What is the goal for housing?",
      UI_STARTER_HISTORY: "How was the vision made?",
      UI_ACCESSIBILITY: "Accessibility statement",
      UI_PRIVACY: "How your questions are handled",
      UI_YOU: "You",
      UI_BOT: "Kiruna vision bot",
      LABEL_REVIEWED: "Translation reviewed by Kiruna kommun:",
      LABEL_UNREVIEWED: "Translation, not yet reviewed by Kiruna kommun:",
      LABEL_MACHINE: "Machine translation (Google Translate), not reviewed:",
      ORIGINAL: "The official text in Swedish, which is the one that applies:",
      DEGRADED: "A translation into {language} is not available right now. Here is the official text in Swedish.",
      IN_FINNISH: "In Finnish:",
    },
    sv: {
      UI_TITLE: "Fråga om Kirunas vision",
      UI_OPEN: "Öppna chatten om Kirunas vision",
      UI_CLOSE: "Stäng chatten",
      UI_INPUT_LABEL: "Din fråga",
      UI_PLACEHOLDER: "Fråga om visionen och målen…",
      UI_SEND: "Skicka",
      UI_LANGUAGE: "Språk",
      UI_THINKING: "Letar i den officiella texten…",
      UI_UNREACHABLE: "Chatten går inte att nå just nu. Försök igen senare eller besök {url}.",
      UI_ERROR: "Något gick fel. Försök igen.",
      UI_FEEDBACK_PROMPT: "Var svaret till hjälp?",
      UI_FEEDBACK_YES: "Ja, det hjälpte",
      UI_FEEDBACK_NO: "Nej, det hjälpte inte",
      UI_FEEDBACK_THANKS: "Tack för ditt svar.",
      UI_SOURCE: "Källa",
      UI_OFFICIAL_TEXT: "Officiell text (svenska)",
      UI_STARTERS: "Förslag på frågor",
      UI_STARTER_VISION: "Vad är Kirunas vision?",
      UI_STARTER_HOUSING: "Vilket mål finns för boende?",
      UI_STARTER_HISTORY: "Hur togs visionen fram?",
      UI_ACCESSIBILITY: "Tillgänglighetsredogörelse",
      UI_PRIVACY: "Så hanteras dina frågor",
      UI_YOU: "Du",
      UI_BOT: "Kirunas visionsbot",
      LABEL_REVIEWED: "Översättning granskad av Kiruna kommun:",
      LABEL_UNREVIEWED: "Översättning, ännu inte granskad av Kiruna kommun:",
      LABEL_MACHINE: "Maskinöversättning (Google Translate), inte granskad:",
      ORIGINAL: "Den officiella texten på svenska, som är den som gäller:",
      DEGRADED: "En översättning till {language} finns inte just nu. Här är den officiella texten på svenska.",
      IN_FINNISH: "På finska:",
    },
  };

  // Used when /v1/languages cannot be read: the codes of the contract, each named in itself.
  const DEFAULT_LANGUAGES = [
    ["sv", "svenska", "ltr"],
    ["en", "English", "ltr"],
    ["fi", "suomi", "ltr"],
    ["se", "davvisámegiella", "ltr"],
    ["fit", "meänkieli", "ltr"],
    ["ar", "العربية", "rtl"],
    ["so", "Soomaali", "ltr"],
    ["ti", "ትግርኛ", "ltr"],
    ["fa", "فارسی", "rtl"],
    ["uk", "українська", "ltr"],
    ["pl", "polski", "ltr"],
    ["de", "Deutsch", "ltr"],
  ].map(function (l) {
    return { code: l[0], name: l[1], english_name: l[1], dir: l[2] };
  });
  const RTL = { ar: true, fa: true };
  const DEFAULT_MUNICIPALITY_URL = "https://www.kiruna.se";

  // ---------------------------------------------------------------------------------------
  // Styles: a constructable stylesheet, which the host page's CSP style-src does not block
  // ---------------------------------------------------------------------------------------

  const CSS = `
:host {
  all: initial;
  display: block;
  position: static;
}
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
.root {
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Arabic",
    "Noto Sans Ethiopic", Arial, sans-serif;
  font-size: 1rem;
  line-height: 1.5;
  color: #1a1a1a;
  text-align: start;
}
.sr-only {
  position: absolute !important;
  width: 1px; height: 1px;
  margin: -1px; padding: 0; border: 0;
  overflow: hidden;
  clip: rect(0 0 0 0);
  clip-path: inset(50%);
  white-space: nowrap;
}
button, input, select, textarea { font: inherit; color: inherit; }
a { color: #00507f; text-decoration: underline; text-underline-offset: 0.15em; }
a:hover { text-decoration-thickness: 0.15em; }
:focus { outline: none; }
:focus-visible {
  outline: 3px solid #0b0c0c;
  outline-offset: 2px;
  box-shadow: 0 0 0 2px #ffffff;
}

.probe {
  position: fixed;
  top: 0;
  left: 0;
  width: 10em;
  height: 0;
  visibility: hidden;
  pointer-events: none;
}

/* launcher */
.launcher {
  position: fixed;
  z-index: 2147483000;
  bottom: 1rem;
  display: inline-flex;
  align-items: center;
  gap: 0.5em;
  min-height: 3rem;
  min-width: 3rem;
  max-width: calc(100% - 2rem);
  padding: 0.625em 1.125em;
  border: 2px solid #ffffff;
  border-radius: 1.5rem;
  background: #00507f;
  color: #ffffff;
  font-weight: 600;
  cursor: pointer;
  box-shadow: 0 0.25rem 0.75rem rgba(0, 0, 0, 0.3);
  text-align: start;
}
.launcher:hover { background: #003a5c; }
.launcher svg { flex: none; width: 1.5em; height: 1.5em; }
.launcher .ic-close { display: none; }
.is-open .launcher { padding: 0.625em; border-radius: 50%; }
.is-open .launcher .ic-chat { display: none; }
.is-open .launcher .ic-close { display: block; }
.is-open .launcher-text {
  position: absolute; width: 1px; height: 1px; margin: -1px; overflow: hidden;
  clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap;
}
.pos-right .launcher { right: 1rem; }
.pos-left .launcher { left: 1rem; }

/* panel */
.panel {
  position: fixed;
  z-index: 2147483001;
  bottom: 5rem;
  width: 25rem;
  max-width: calc(100% - 2rem);
  max-height: calc(100% - 6rem);
  display: flex;
  flex-direction: column;
  overflow: auto;
  background: #ffffff;
  color: #1a1a1a;
  border: 1px solid #6b7780;
  border-radius: 0.75rem;
  box-shadow: 0 0.5rem 2rem rgba(0, 0, 0, 0.3);
}
.pos-right .panel { right: 1rem; }
.pos-left .panel { left: 1rem; }
.panel.opening { animation: kvc-in 160ms ease-out; }
@keyframes kvc-in {
  from { opacity: 0; transform: translateY(0.5rem); }
  to { opacity: 1; transform: none; }
}

.header {
  flex: none;
  display: flex;
  align-items: center;
  gap: 0.5em;
  padding: 0.5em 0.5em 0.5em 1em;
  background: #00507f;
  color: #ffffff;
  border-radius: 0.75rem 0.75rem 0 0;
}
.header :focus-visible { outline-color: #ffd34d; box-shadow: none; }
.title {
  flex: 1 1 auto;
  margin: 0;
  font-size: 1.125rem;
  font-weight: 700;
  line-height: 1.3;
  overflow-wrap: anywhere;
}
.close {
  flex: none;
  min-width: 2.75rem;
  min-height: 2.75rem;
  padding: 0.25em;
  border: 2px solid transparent;
  border-radius: 0.5rem;
  background: transparent;
  color: #ffffff;
  cursor: pointer;
  display: inline-flex;
  align-items: center;
  justify-content: center;
}
.close:hover { border-color: #ffffff; }
.close svg { width: 1.25em; height: 1.25em; }

.toolbar {
  flex: none;
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: 0.25em 0.5em;
  padding: 0.5em 1em;
  border-bottom: 1px solid #d0d5d9;
  background: #f3f4f5;
}
.toolbar label { font-weight: 600; }
select, input[type="text"] {
  min-height: 2.75rem;
  border: 2px solid #6b7780;
  border-radius: 0.375rem;
  background: #ffffff;
  color: #1a1a1a;
  padding: 0.25em 0.5em;
}
select { max-width: 100%; }

.log {
  flex: 1 1 auto;
  min-height: 8rem;
  overflow-y: auto;
  padding: 0.75em 1em;
  display: flex;
  flex-direction: column;
  gap: 0.75em;
  overscroll-behavior: contain;
}
.msg {
  max-width: 100%;
  padding: 0.625em 0.75em;
  border-radius: 0.75rem;
  overflow-wrap: anywhere;
}
.msg p { margin: 0 0 0.5em; }
.msg p:last-child { margin-bottom: 0; }
.msg.user {
  align-self: flex-end;
  max-width: 90%;
  background: #e6f0f6;
  white-space: pre-wrap;
}
.msg.bot { align-self: stretch; background: #f3f4f5; }
.msg.error { background: #fdecee; color: #1a1a1a; border-inline-start: 0.25rem solid #b3001b; }
.who {
  display: block;
  margin-bottom: 0.25em;
  font-size: 0.875rem;
  font-weight: 700;
  color: #4a555e;
}
.text { white-space: pre-line; }
.notice {
  margin: 0 0 0.75em;
  padding: 0.5em 0.75em;
  background: #fff4ce;
  border: 2px solid #8a6100;
  border-radius: 0.5rem;
  font-weight: 600;
}
.quote-block + .quote-block {
  margin-top: 0.75em;
  padding-top: 0.75em;
  border-top: 1px solid #d0d5d9;
}
.label {
  display: block;
  margin: 0 0 0.25em;
  font-size: 0.875rem;
  font-weight: 700;
  color: #4a555e;
}
.translated { margin: 0 0 0.75em; white-space: pre-line; }
figure { margin: 0; }
figcaption { display: block; margin: 0 0 0.25em; font-size: 0.875rem; font-weight: 700; color: #4a555e; }
blockquote {
  margin: 0;
  padding: 0.25em 0 0.25em 0.75em;
  border-left: 0.25rem solid #00507f;
  white-space: pre-line;
  text-align: left;
}
.fallback {
  margin-top: 0.75em;
  padding: 0.25em 0 0.25em 0.75em;
  border-left: 0.25rem solid #4a555e;
  white-space: pre-line;
  text-align: left;
}
.source {
  margin-top: 0.5em;
  font-size: 0.875rem;
  color: #4a555e;
}
.source-label { display: block; font-weight: 700; }
.source-detail { display: block; text-align: left; overflow-wrap: anywhere; }
.source cite { font-style: normal; }
.related { margin: 0.5em 0 0; padding-left: 1.25em; font-size: 0.875rem; text-align: left; }
.feedback {
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: 0.25em 0.5em;
  margin-top: 0.75em;
  padding-top: 0.5em;
  border-top: 1px solid #d0d5d9;
  font-size: 0.875rem;
  color: #4a555e;
}
.fb {
  min-width: 2.75rem;
  min-height: 2.75rem;
  display: inline-flex;
  align-items: center;
  justify-content: center;
  padding: 0.25em;
  border: 2px solid #6b7780;
  border-radius: 0.5rem;
  background: #ffffff;
  color: #1a1a1a;
  cursor: pointer;
}
.fb svg { width: 1.25em; height: 1.25em; }
.fb:hover { border-color: #00507f; }
.fb[aria-pressed="true"] { background: #00507f; border-color: #00507f; color: #ffffff; }

.starters { flex: none; }
.starters-title { margin: 0 0 0.375em; font-size: 0.875rem; font-weight: 700; color: #4a555e; }
.starters ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.375em; }
.starter {
  min-height: 2.75rem;
  padding: 0.375em 0.75em;
  border: 2px solid #00507f;
  border-radius: 1.375rem;
  background: #ffffff;
  color: #00507f;
  cursor: pointer;
  text-align: start;
}
.starter:hover { background: #eef4f8; }

.status {
  flex: none;
  min-height: 1.5em;
  padding: 0.25em 1em;
  font-size: 0.875rem;
  color: #4a555e;
}
.status.is-error { color: #a4000f; font-weight: 600; }
.dots::after {
  content: "";
  display: inline-block;
  width: 1.5em;
  text-align: start;
  animation: kvc-dots 1.2s steps(4, end) infinite;
}
@keyframes kvc-dots {
  0% { content: ""; }
  25% { content: "."; }
  50% { content: ".."; }
  75% { content: "..."; }
}

.composer {
  flex: none;
  display: flex;
  flex-wrap: wrap;
  align-items: flex-end;
  gap: 0.5em;
  padding: 0.25em 1em 0.75em;
}
.field { flex: 1 1 10em; min-width: 0; display: flex; flex-direction: column; gap: 0.125em; }
.field label { font-size: 0.875rem; font-weight: 600; }
.field input { width: 100%; }
.send {
  flex: none;
  min-height: 2.75rem;
  min-width: 2.75rem;
  padding: 0.25em 1em;
  border: 2px solid #00507f;
  border-radius: 0.375rem;
  background: #00507f;
  color: #ffffff;
  font-weight: 600;
  cursor: pointer;
}
.send:hover { background: #003a5c; }
.send[aria-disabled="true"] { cursor: progress; }

.footer {
  flex: none;
  display: flex;
  flex-wrap: wrap;
  gap: 0.25em 1em;
  padding: 0.5em 1em 0.75em;
  border-top: 1px solid #d0d5d9;
  font-size: 0.875rem;
}
.footer a { display: inline-block; min-height: 1.5rem; padding: 0.125em 0; }

[dir="rtl"] blockquote, [dir="rtl"] .fallback { direction: ltr; }

/* Narrow or short viewports, real or through zoom (set from script: media queries do not see
   CSS zoom on the host page): the panel takes the whole width, or the whole height. */
.narrow .panel, .short .panel {
  left: 0;
  right: 0;
  bottom: 0;
  width: auto;
  max-width: 100%;
  max-height: 100%;
  border-radius: 0;
}
.narrow .header, .short .header { border-radius: 0; }
.narrow .launcher-text {
  position: absolute; width: 1px; height: 1px; margin: -1px; overflow: hidden;
  clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap;
}
.narrow .launcher { padding: 0.625em; border-radius: 50%; }
.narrow.is-open .launcher, .short.is-open .launcher { display: none; }
.short .log { min-height: 4rem; }
.short .toolbar, .short .header { padding-top: 0.25em; padding-bottom: 0.25em; }
@media (prefers-reduced-motion: reduce) {
  .panel.opening { animation: none; }
  .dots::after { animation: none; content: "…"; }
  * { transition: none !important; scroll-behavior: auto !important; }
}
@media (forced-colors: active) {
  .launcher, .send, .fb, .starter, .close, select, input[type="text"] { border-color: ButtonText; }
  .panel { border-color: CanvasText; }
  :focus-visible { outline-color: Highlight; }
}
`;

  // ---------------------------------------------------------------------------------------
  // Small DOM helpers: text only, never HTML
  // ---------------------------------------------------------------------------------------

  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (key) {
        const value = attrs[key];
        if (value === null || value === undefined || value === false) return;
        if (key === "text") node.textContent = String(value);
        else if (key === "className") node.className = value;
        else node.setAttribute(key, value === true ? "" : String(value));
      });
    }
    (children || []).forEach(function (child) {
      if (child === null || child === undefined) return;
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  const SVG_NS = "http://www.w3.org/2000/svg";
  function icon(paths, cls) {
    const svg = document.createElementNS(SVG_NS, "svg");
    if (cls) svg.setAttribute("class", cls);
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    paths.forEach(function (d) {
      const p = document.createElementNS(SVG_NS, "path");
      p.setAttribute("d", d);
      p.setAttribute("fill", "none");
      p.setAttribute("stroke", "currentColor");
      p.setAttribute("stroke-width", "2");
      p.setAttribute("stroke-linecap", "round");
      p.setAttribute("stroke-linejoin", "round");
      svg.appendChild(p);
    });
    return svg;
  }
  const ICON_CHAT = ["M21 12a8 8 0 0 1-11.6 7.1L4 20.5l1.4-4.9A8 8 0 1 1 21 12z", "M8.5 12h.01M12 12h.01M15.5 12h.01"];
  const ICON_CLOSE = ["M6 6l12 12", "M18 6L6 18"];
  const ICON_UP = [
    "M7 10v11H4a1 1 0 0 1-1-1v-9a1 1 0 0 1 1-1h3z",
    "M7 10l4-7a2.5 2.5 0 0 1 2.8 3L13 10h6a2 2 0 0 1 2 2.3l-1.3 7A2 2 0 0 1 17.7 21H7",
  ];
  const ICON_DOWN = [
    "M17 14V3h3a1 1 0 0 1 1 1v9a1 1 0 0 1-1 1h-3z",
    "M17 14l-4 7a2.5 2.5 0 0 1-2.8-3L11 14H5a2 2 0 0 1-2-2.3l1.3-7A2 2 0 0 1 6.3 3H17",
  ];

  /** Only http(s) links are ever made clickable. */
  function safeUrl(value) {
    if (typeof value !== "string" || !value) return null;
    try {
      const u = new URL(value);
      return u.protocol === "https:" || u.protocol === "http:" ? u.href : null;
    } catch (e) {
      return null;
    }
  }

  /** Plain text with its http(s) addresses as links; all as text nodes. */
  function linkified(text) {
    const frag = document.createDocumentFragment();
    const re = /https?:\/\/[^\s<>"”’)]+/g;
    let last = 0;
    let m;
    const s = String(text == null ? "" : text);
    while ((m = re.exec(s)) !== null) {
      let url = m[0];
      const trail = url.match(/[.,;:!?]+$/);
      if (trail) url = url.slice(0, -trail[0].length);
      frag.appendChild(document.createTextNode(s.slice(last, m.index)));
      const href = safeUrl(url);
      if (href) frag.appendChild(el("a", { href: href, target: "_blank", rel: "noopener noreferrer", text: url }));
      else frag.appendChild(document.createTextNode(url));
      last = m.index + url.length;
    }
    frag.appendChild(document.createTextNode(s.slice(last)));
    return frag;
  }

  function format(template, values) {
    return String(template || "").replace(/\{(\w+)\}/g, function (all, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : all;
    });
  }

  function str(value) {
    return typeof value === "string" ? value : value == null ? "" : String(value);
  }

  // ---------------------------------------------------------------------------------------
  // Session storage: only after the resident opens the chat, and never anything else
  // ---------------------------------------------------------------------------------------

  function readStore() {
    try {
      const raw = window.sessionStorage.getItem(STORE_KEY);
      if (!raw) return null;
      const data = JSON.parse(raw);
      return data && typeof data === "object" && Array.isArray(data.messages) ? data : null;
    } catch (e) {
      return null;
    }
  }

  function writeStore(data) {
    try {
      window.sessionStorage.setItem(STORE_KEY, JSON.stringify(data));
    } catch (e) {
      /* storage full or blocked: the conversation simply is not kept */
    }
  }

  // ---------------------------------------------------------------------------------------
  // The element
  // ---------------------------------------------------------------------------------------

  let uid = 0;
  const pendingFeedback = new WeakSet();

  class KirunaVisionChat extends HTMLElement {
    static get version() {
      return VERSION;
    }

    constructor() {
      super();
      this.config = null;
      this.ids = "kvc" + ++uid;
      this.chatLang = "";
      this.strings = null;
      this.stringsCache = {};
      this.chatLanguages = DEFAULT_LANGUAGES;
      this.chatLanguagesLoaded = false;
      this.municipalityUrl = DEFAULT_MUNICIPALITY_URL;
      this.messages = [];
      this.activated = false; // true once the resident has opened the chat (storage allowed)
      this.isOpen = false;
      this.busy = false;
      this.built = false;
    }

    get version() {
      return VERSION;
    }

    configure(config) {
      this.config = config;
    }

    connectedCallback() {
      if (this.built) return;
      this.built = true;
      if (!this.config) this.config = readConfig(null);
      this.setAttribute("data-version", VERSION);
      const root = this.attachShadow({ mode: "open" });
      this.applyStyles(root);
      this.build(root);

      const stored = readStore();
      const wanted = (stored && stored.lang) || this.config.lang;
      this.chatLang = this.knownLang(wanted) ? wanted : "sv";
      if (stored) {
        // The resident opened the chat earlier in this tab: carry on with that conversation.
        this.activated = true;
        this.messages = stored.messages.slice(-MAX_STORED_MESSAGES);
      }
      this.applyStrings(this.defaultStrings(this.chatLang), this.chatLang);
      this.renderAll();
      this.layout();
      this.loadStrings(this.chatLang);
      if (stored && stored.open) this.open(false);
    }

    applyStyles(root) {
      try {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(CSS);
        root.adoptedStyleSheets = [sheet];
      } catch (e) {
        // Browsers without constructable stylesheets (host CSP may block this fallback).
        root.appendChild(el("style", { text: CSS }));
      }
    }

    // ----- structure -------------------------------------------------------------------

    build(root) {
      const id = this.ids;
      const c = this.config;
      this.rootEl = el("div", { className: "root " + (c.position === "bottom-left" ? "pos-left" : "pos-right") });

      this.launcherText = el("span", { className: "launcher-text" });
      this.launcher = el(
        "button",
        { type: "button", className: "launcher", "aria-expanded": "false", "aria-controls": id + "-panel" },
        [icon(ICON_CHAT, "ic-chat"), icon(ICON_CLOSE, "ic-close"), this.launcherText]
      );
      this.launcher.addEventListener("click", () => (this.isOpen ? this.close(true) : this.open(true)));

      this.titleEl = el("h2", { className: "title", id: id + "-title" });
      this.closeLabel = el("span", { className: "sr-only" });
      this.closeBtn = el("button", { type: "button", className: "close" }, [icon(ICON_CLOSE), this.closeLabel]);
      this.closeBtn.addEventListener("click", () => this.close(true));
      const header = el("div", { className: "header" }, [this.titleEl, this.closeBtn]);

      this.chatLangLabel = el("label", { for: id + "-lang" });
      this.chatLangSelect = el("select", { id: id + "-lang" });
      this.chatLangSelect.addEventListener("change", () => this.setLanguage(this.chatLangSelect.value));
      const toolbar = el("div", { className: "toolbar" }, [this.chatLangLabel, this.chatLangSelect]);

      this.log = el("div", {
        className: "log",
        id: id + "-log",
        role: "log",
        "aria-live": "polite",
        "aria-relevant": "additions",
        tabindex: "0",
      });

      this.startersTitle = el("p", { className: "starters-title", id: id + "-starters" });
      this.startersList = el("ul", { "aria-labelledby": id + "-starters" });
      this.startersEl = el("div", { className: "starters" }, [this.startersTitle, this.startersList]);
      this.log.appendChild(this.startersEl);

      this.statusEl = el("div", { className: "status", role: "status", "aria-live": "polite", id: id + "-status" });

      this.inputLabel = el("label", { for: id + "-input" });
      this.input = el("input", {
        type: "text",
        id: id + "-input",
        maxlength: String(MAX_MESSAGE),
        autocomplete: "off",
        enterkeyhint: "send",
        "aria-describedby": id + "-status",
      });
      this.sendBtn = el("button", { type: "submit", className: "send" });
      this.form = el("form", { className: "composer", novalidate: true }, [
        el("div", { className: "field" }, [this.inputLabel, this.input]),
        this.sendBtn,
      ]);
      this.form.addEventListener("submit", (ev) => {
        ev.preventDefault();
        this.ask(this.input.value);
      });

      this.a11yLink = el("a", { href: c.api + "/accessibility", target: "_blank", rel: "noopener" });
      this.privacyLink = el("a", { href: c.api + "/privacy", target: "_blank", rel: "noopener" });
      const footer = el("div", { className: "footer" }, [this.a11yLink, this.privacyLink]);

      this.panel = el(
        "div",
        {
          className: "panel",
          id: id + "-panel",
          role: "dialog",
          "aria-modal": "false",
          "aria-labelledby": id + "-title",
          hidden: true,
        },
        [header, toolbar, this.log, this.statusEl, this.form, footer]
      );
      this.panel.addEventListener("animationend", () => this.panel.classList.remove("opening"));

      this.rootEl.addEventListener("keydown", (ev) => {
        if (ev.key === "Escape" && this.isOpen) {
          ev.stopPropagation();
          this.close(true);
        }
      });

      this.probe = el("span", { className: "probe", "aria-hidden": "true" });
      this.rootEl.appendChild(this.probe);
      this.rootEl.appendChild(this.launcher);
      this.rootEl.appendChild(this.panel);
      root.appendChild(this.rootEl);

      let pending = 0;
      window.addEventListener(
        "resize",
        () => {
          cancelAnimationFrame(pending);
          pending = requestAnimationFrame(() => this.layout());
        },
        { passive: true }
      );
    }

    // ----- languages and words ---------------------------------------------------------

    knownLang(code) {
      return this.chatLanguages.some(function (l) {
        return l.code === code;
      });
    }

    dirOf(code) {
      const found = this.chatLanguages.find(function (l) {
        return l.code === code;
      });
      if (found && (found.dir === "rtl" || found.dir === "ltr")) return found.dir;
      return RTL[code] ? "rtl" : "ltr";
    }

    defaultStrings(lang) {
      return DEFAULT_STRINGS[lang] || DEFAULT_STRINGS.en;
    }

    t(key) {
      const s = this.strings || {};
      if (typeof s[key] === "string" && s[key]) return s[key];
      const d = this.defaultStrings(this.chatLang);
      return d[key] || DEFAULT_STRINGS.en[key] || key;
    }

    request(path, options) {
      const opts = Object.assign({ mode: "cors", credentials: "omit" }, options || {});
      let timer = null;
      if (typeof AbortController === "function") {
        const ctrl = new AbortController();
        opts.signal = ctrl.signal;
        timer = setTimeout(function () {
          ctrl.abort();
        }, REQUEST_TIMEOUT_MS);
      }
      return fetch(this.config.api + path, opts).finally(function () {
        if (timer) clearTimeout(timer);
      });
    }

    loadStrings(lang) {
      if (this.stringsCache[lang]) {
        this.applyStrings(this.stringsCache[lang].messages, lang);
        return Promise.resolve();
      }
      return this.request("/v1/ui/" + encodeURIComponent(lang), { headers: { Accept: "application/json" } })
        .then(function (r) {
          if (!r.ok) throw new Error("HTTP " + r.status);
          return r.json();
        })
        .then((data) => {
          if (!data || typeof data.messages !== "object") return;
          this.stringsCache[lang] = data;
          if (typeof data.municipality_url === "string" && safeUrl(data.municipality_url)) {
            this.municipalityUrl = data.municipality_url;
          }
          if (this.chatLang === lang) this.applyStrings(data.messages, lang);
        })
        .catch(function () {
          /* the built-in words stay */
        });
    }

    loadLanguages() {
      if (this.chatLanguagesLoaded) return Promise.resolve();
      return this.request("/v1/languages", { headers: { Accept: "application/json" } })
        .then(function (r) {
          if (!r.ok) throw new Error("HTTP " + r.status);
          return r.json();
        })
        .then((list) => {
          if (!Array.isArray(list) || !list.length) return;
          this.chatLanguages = list
            .filter(function (l) {
              return l && typeof l.code === "string";
            })
            .map(function (l) {
              return { code: l.code, name: str(l.name) || l.code, english_name: str(l.english_name), dir: l.dir };
            });
          this.chatLanguagesLoaded = true;
          this.renderLanguages();
        })
        .catch(function () {
          /* the built-in list stays */
        });
    }

    renderLanguages() {
      const select = this.chatLangSelect;
      while (select.firstChild) select.removeChild(select.firstChild);
      this.chatLanguages.forEach((l) => {
        const dir = l.dir === "rtl" ? "rtl" : "ltr";
        const opt = el("option", { value: l.code, lang: l.code, dir: dir, text: l.name });
        select.appendChild(opt);
      });
      select.value = this.chatLang;
    }

    applyStrings(messages, lang) {
      this.strings = messages || {};
      const dir = this.dirOf(lang);
      this.rootEl.setAttribute("lang", lang);
      this.rootEl.setAttribute("dir", dir);
      this.panel.setAttribute("lang", lang);
      this.panel.setAttribute("dir", dir);
      const title = this.config.title || this.t("UI_TITLE");
      this.titleEl.textContent = title;
      this.launcherText.textContent = this.t("UI_OPEN");
      this.closeLabel.textContent = this.t("UI_CLOSE");
      this.closeBtn.setAttribute("title", this.t("UI_CLOSE"));
      this.chatLangLabel.textContent = this.t("UI_LANGUAGE");
      this.log.setAttribute("aria-label", title);
      this.inputLabel.textContent = this.t("UI_INPUT_LABEL");
      this.input.setAttribute("placeholder", this.t("UI_PLACEHOLDER"));
      this.sendBtn.textContent = this.t("UI_SEND");
      this.a11yLink.textContent = this.t("UI_ACCESSIBILITY");
      this.privacyLink.textContent = this.t("UI_PRIVACY");
      this.renderStarters();
      this.renderLanguages();
    }

    setLanguage(code) {
      if (!this.knownLang(code) || code === this.chatLang) return;
      this.chatLang = code;
      this.applyStrings(this.stringsCache[code] ? this.stringsCache[code].messages : this.defaultStrings(code), code);
      this.save();
      this.loadStrings(code);
    }

    renderStarters() {
      const list = this.startersList;
      while (list.firstChild) list.removeChild(list.firstChild);
      const questions = this.config.starters || [
        this.t("UI_STARTER_VISION"),
        this.t("UI_STARTER_HOUSING"),
        this.t("UI_STARTER_HISTORY"),
      ];
      this.startersTitle.textContent = this.t("UI_STARTERS");
      questions.forEach((q) => {
        const b = el("button", { type: "button", className: "starter", text: q });
        b.addEventListener("click", () => this.ask(q));
        list.appendChild(el("li", null, [b]));
      });
      this.startersEl.hidden = this.messages.length > 0;
    }

    // ----- layout ----------------------------------------------------------------------

    /** Narrow / short classes from the space the widget really has, in its own CSS pixels. */
    layout() {
      // The probe is 10em wide in the widget's own units; on screen it is that times any CSS
      // zoom of the host page (a real browser zoom shows in innerWidth instead).
      const probe = this.probe;
      const onScreen = probe.getBoundingClientRect().width;
      const unit = onScreen > 0 ? onScreen / 10 : 16;
      const width = window.innerWidth / unit;
      const height = window.innerHeight / unit;
      this.rootEl.classList.toggle("narrow", width < 30);
      this.rootEl.classList.toggle("short", height < 34);
    }

    // ----- open / close ----------------------------------------------------------------

    open(moveFocus) {
      if (this.isOpen) return;
      this.isOpen = true;
      this.activated = true;
      this.layout();
      this.panel.hidden = false;
      const still = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
      if (!still) {
        this.panel.classList.add("opening");
        setTimeout(() => this.panel.classList.remove("opening"), 400); // if animationend never comes
      }
      this.launcher.setAttribute("aria-expanded", "true");
      this.rootEl.classList.add("is-open");
      this.loadLanguages();
      this.save();
      this.scrollToEnd();
      if (moveFocus) this.input.focus();
    }

    close(returnFocus) {
      if (!this.isOpen) return;
      this.isOpen = false;
      this.panel.hidden = true;
      this.panel.classList.remove("opening");
      this.launcher.setAttribute("aria-expanded", "false");
      this.rootEl.classList.remove("is-open");
      this.save();
      if (returnFocus) this.launcher.focus();
    }

    save() {
      if (!this.activated) return; // nothing is stored before the resident opens the chat
      writeStore({
        v: 1,
        lang: this.chatLang,
        open: this.isOpen,
        messages: this.messages.slice(-MAX_STORED_MESSAGES),
      });
    }

    // ----- status ----------------------------------------------------------------------

    setStatus(text, kind) {
      const s = this.statusEl;
      s.classList.toggle("is-error", kind === "error");
      while (s.firstChild) s.removeChild(s.firstChild);
      if (!text) return;
      if (kind === "busy") {
        s.appendChild(el("span", { className: "dots", text: text }));
      } else {
        s.appendChild(linkified(text));
      }
    }

    // ----- asking ----------------------------------------------------------------------

    ask(raw) {
      const message = str(raw).trim().slice(0, MAX_MESSAGE);
      if (!message || this.busy) return;
      if (!this.isOpen) this.open(false);
      this.activated = true;
      const lang = this.chatLang;
      this.push({ role: "user", text: message, lang: lang, dir: this.dirOf(lang) });
      this.input.value = "";
      this.busy = true;
      this.sendBtn.setAttribute("aria-disabled", "true");
      this.setStatus(this.t("UI_THINKING"), "busy");

      this.request("/v1/chat", {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify({ message: message, lang: lang, page: this.config.page }),
      })
        .then(
          (r) => this.handleResponse(r, lang),
          () => this.showUnreachable(lang)
        )
        .catch(() => this.showError(this.t("UI_ERROR"), lang))
        .finally(() => {
          this.busy = false;
          this.sendBtn.removeAttribute("aria-disabled");
        });
    }

    handleResponse(r, lang) {
      if (r.status === 429) {
        const tooMany = (seconds) => {
          const text = seconds > 0 ? this.t("UI_ERROR") + " (" + seconds + " s)" : this.t("UI_ERROR");
          this.showError(text, lang);
        };
        // Retry-After is readable cross-origin only if the server exposes it; the body's
        // "try again in N s" says the same.
        const header = parseInt(r.headers.get("Retry-After") || "", 10);
        if (header > 0) return tooMany(header);
        return r.json().then(
          (body) => {
            const m = /(\d+)\s*s\b/.exec(str(body && body.detail));
            tooMany(m ? parseInt(m[1], 10) : 0);
          },
          () => tooMany(0)
        );
      }
      if (!r.ok) {
        this.showError(this.t("UI_ERROR"), lang);
        return null;
      }
      return r.json().then((data) => {
        if (!data || typeof data !== "object" || typeof data.answer !== "string") {
          this.showError(this.t("UI_ERROR"), lang);
          return;
        }
        this.setStatus("");
        // Kept in the tab's sessionStorage: what the message shows, not the ranking evidence.
        this.push({ role: "bot", data: Object.assign({}, data, { sources: undefined, refusal_reason: undefined }) });
      });
    }

    showUnreachable(lang) {
      const text = format(this.t("UI_UNREACHABLE"), { url: this.municipalityUrl });
      this.setStatus(text, "error");
      this.push({ role: "error", text: text, lang: lang, dir: this.dirOf(lang) });
    }

    showError(text, lang) {
      this.setStatus(text, "error");
      this.push({ role: "error", text: text, lang: lang, dir: this.dirOf(lang) });
    }

    push(message) {
      this.messages.push(message);
      if (this.messages.length > MAX_STORED_MESSAGES) this.messages.splice(0, this.messages.length - MAX_STORED_MESSAGES);
      const node = this.renderMessage(message);
      this.log.appendChild(node);
      while (this.log.children.length > MAX_STORED_MESSAGES + 1) this.log.removeChild(this.startersEl.nextSibling);
      this.startersEl.hidden = true;
      this.save();
      this.scrollTo(node, message.role !== "user");
    }

    scrollTo(node, toTop) {
      const log = this.log;
      if (toTop) log.scrollTop = Math.max(0, node.offsetTop - log.offsetTop - 8);
      else log.scrollTop = log.scrollHeight;
    }

    scrollToEnd() {
      this.log.scrollTop = this.log.scrollHeight;
    }

    // ----- rendering -------------------------------------------------------------------

    renderAll() {
      while (this.log.lastChild && this.log.lastChild !== this.startersEl) this.log.removeChild(this.log.lastChild);
      this.messages.forEach((m) => this.log.appendChild(this.renderMessage(m)));
      this.startersEl.hidden = this.messages.length > 0;
    }

    renderMessage(m) {
      if (m.role === "bot") return this.renderAnswer(m);
      const cls = m.role === "error" ? "msg error" : "msg user";
      const lang = str(m.lang) || this.chatLang;
      const node = el("div", { className: cls, lang: lang, dir: m.dir === "rtl" ? "rtl" : "ltr" });
      const who = m.role === "error" ? this.t("UI_BOT") : this.t("UI_YOU");
      node.appendChild(el("span", { className: "who", text: who }));
      const p = el("p", { className: "text" });
      if (m.role === "error") p.appendChild(linkified(m.text));
      else p.textContent = str(m.text);
      node.appendChild(p);
      return node;
    }

    renderAnswer(m) {
      const d = m.data || {};
      const lang = str(d.lang) || this.chatLang;
      const dir = d.dir === "rtl" ? "rtl" : "ltr";
      const node = el("div", { className: "msg bot", lang: lang, dir: dir, "data-answer-id": str(d.id) || null });
      node.appendChild(el("span", { className: "who", text: this.t("UI_BOT") }));

      const tr = d.translation && typeof d.translation === "object" ? d.translation : {};
      if (tr.available === false) {
        const langName = this.nameOf(lang);
        const notice = str(tr.notice) || format(this.t("DEGRADED"), { language: langName });
        node.appendChild(el("p", { className: "notice", text: notice }));
      }

      const quotes = Array.isArray(d.quotes) && d.quotes.length ? d.quotes : d.quote ? [d.quote] : [];
      if (d.answered && quotes.length) {
        quotes.forEach((q) => {
          if (q && typeof q === "object") node.appendChild(this.renderQuote(q, lang));
        });
      } else {
        node.appendChild(el("p", { className: "text" }, [linkified(d.answer)]));
      }

      const related = Array.isArray(d.related) ? d.related : [];
      if (d.answered && related.length) {
        const ul = el("ul", { className: "related", lang: "sv", dir: "ltr" });
        related.forEach(function (r) {
          if (!r || typeof r !== "object") return;
          const href = safeUrl(r.url);
          const label = str(r.text) || str(r.title);
          ul.appendChild(
            el("li", null, [href ? el("a", { href: href, target: "_blank", rel: "noopener", text: label }) : label])
          );
        });
        if (ul.children.length) node.appendChild(ul);
      }

      if (d.id) node.appendChild(this.renderFeedback(m));
      return node;
    }

    nameOf(code) {
      const found = this.chatLanguages.find(function (l) {
        return l.code === code;
      });
      return found ? found.name : code;
    }

    renderQuote(q, lang) {
      const block = el("div", { className: "quote-block" });
      const t = q.translation && typeof q.translation === "object" ? q.translation : null;
      if (t && str(t.text)) {
        const key =
          t.provenance === "reviewed"
            ? "LABEL_REVIEWED"
            : t.provenance === "machine"
              ? "LABEL_MACHINE"
              : "LABEL_UNREVIEWED";
        block.appendChild(el("span", { className: "label provenance", "data-provenance": str(t.provenance), text: this.t(key) }));
        const tlang = str(t.lang) || lang;
        block.appendChild(
          el("p", { className: "translated", lang: tlang, dir: this.dirOf(tlang), text: str(t.text) })
        );
      }

      const fig = el("figure", { className: "official" }, [
        el("figcaption", { text: this.t("UI_OFFICIAL_TEXT") }),
        el("blockquote", { lang: "sv", dir: "ltr", cite: safeUrl(q.url), text: str(q.text) }),
      ]);
      block.appendChild(fig);

      const fb = q.fallback && typeof q.fallback === "object" ? q.fallback : {};
      if (typeof fb.fi === "string" && fb.fi) {
        block.appendChild(el("span", { className: "label", text: this.t("IN_FINNISH") }));
        block.appendChild(el("div", { className: "fallback", lang: "fi", dir: "ltr", text: fb.fi }));
      }

      // Source: the label in the resident's language, then the Swedish details as one
      // left-to-right unit (document › section. Decision. Last modified. Link.)
      const src = el("div", { className: "source" });
      src.appendChild(el("span", { className: "source-label", text: this.t("UI_SOURCE") }));
      const detail = el("span", { className: "source-detail", lang: "sv", dir: "ltr" });
      detail.appendChild(el("cite", { className: "document", text: str(q.document) }));
      if (str(q.section)) {
        detail.appendChild(document.createTextNode(" › "));
        detail.appendChild(el("span", { className: "section", text: str(q.section) }));
      }
      detail.appendChild(document.createTextNode("."));
      if (str(q.adopted)) {
        detail.appendChild(document.createTextNode(" "));
        detail.appendChild(el("span", { className: "adopted", text: str(q.adopted).replace(/\.?$/, ".") }));
      }
      if (str(q.last_modified) || str(q.doc_version)) {
        // the version quoted, so a screenshot of an answer can be traced
        const parts = [str(q.last_modified), str(q.doc_version) ? "v " + str(q.doc_version) : ""].filter(Boolean);
        detail.appendChild(document.createTextNode(" "));
        detail.appendChild(el("span", { className: "modified", text: "(" + parts.join(", ") + ")" }));
      }
      const href = safeUrl(q.url);
      if (href) {
        detail.appendChild(document.createTextNode(" "));
        detail.appendChild(
          el("a", { href: href, target: "_blank", rel: "noopener", className: "source-link", text: href })
        );
      }
      src.appendChild(detail);
      block.appendChild(src);
      return block;
    }

    renderFeedback(m) {
      const d = m.data;
      const group = el("div", { className: "feedback", role: "group" });
      const promptId = this.ids + "-fb-" + ++uid;
      group.setAttribute("aria-labelledby", promptId);
      group.appendChild(el("span", { id: promptId, text: this.t("UI_FEEDBACK_PROMPT") }));
      const yes = el("button", { type: "button", className: "fb fb-yes", "aria-pressed": m.feedback === true ? "true" : "false" }, [
        icon(ICON_UP),
        el("span", { className: "sr-only", text: this.t("UI_FEEDBACK_YES") }),
      ]);
      const no = el("button", { type: "button", className: "fb fb-no", "aria-pressed": m.feedback === false ? "true" : "false" }, [
        icon(ICON_DOWN),
        el("span", { className: "sr-only", text: this.t("UI_FEEDBACK_NO") }),
      ]);
      yes.setAttribute("title", this.t("UI_FEEDBACK_YES"));
      no.setAttribute("title", this.t("UI_FEEDBACK_NO"));
      yes.addEventListener("click", () => this.sendFeedback(m, true, yes, no));
      no.addEventListener("click", () => this.sendFeedback(m, false, yes, no));
      group.appendChild(yes);
      group.appendChild(no);
      return group;
    }

    sendFeedback(m, helpful, yes, no) {
      if (m.feedback === helpful) {
        this.setStatus(this.t("UI_FEEDBACK_THANKS"));
        return;
      }
      if (pendingFeedback.has(m)) return;
      pendingFeedback.add(m);
      this.request("/v1/feedback", {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify({ answer_id: str(m.data.id), helpful: helpful }),
      })
        .then(
          (r) => {
            if (!r.ok) throw new Error("HTTP " + r.status);
            m.feedback = helpful;
            yes.setAttribute("aria-pressed", helpful ? "true" : "false");
            no.setAttribute("aria-pressed", helpful ? "false" : "true");
            this.setStatus(this.t("UI_FEEDBACK_THANKS"));
            this.save();
          },
          () => {
            throw new Error("unreachable");
          }
        )
        .catch(() => this.setStatus(this.t("UI_ERROR"), "error"))
        .finally(function () {
          pendingFeedback.delete(m);
        });
    }
  }

  // ---------------------------------------------------------------------------------------
  // Start: one element appended to the body
  // ---------------------------------------------------------------------------------------

  const config = readConfig(currentScript);

  function start() {
    if (!window.customElements.get(TAG)) window.customElements.define(TAG, KirunaVisionChat);
    if (document.querySelector(TAG)) return;
    const node = document.createElement(TAG);
    node.configure(config);
    document.body.appendChild(node);
  }

  if (!window.customElements || !("attachShadow" in Element.prototype)) return; // too old a browser
  if (document.body) start();
  else document.addEventListener("DOMContentLoaded", start, { once: true });
})();
