/*!
 * Kiruna vision chat widget.
 *
 * Embed with one tag:
 *   <script src="https://BOT-HOST/widget.js" async></script>
 * Options (data- attributes on that tag): data-lang (the language the widget shows at first;
 * default: the browser's languages, else Swedish), data-position (bottom-right | bottom-left),
 * data-title, data-starters ("question one|question two"), data-document (the document id of the
 * page, sent as `page`), data-api (API origin; default: the origin this script was loaded from).
 * See docs/widget.md.
 *
 * One self-contained file, no framework, no build step. Everything the server sends is rendered
 * with textContent / createTextNode, never as HTML. Nothing is stored in the browser before the
 * resident opens the chat; afterwards the conversation lives in sessionStorage only.
 */
(function () {
  "use strict";

  const VERSION = "1.1.1";
  const TAG = "kiruna-vision-chat";
  const STORE_KEY = "kiruna-vision-chat";
  const MAX_MESSAGE = 1000;
  const MAX_STORED_MESSAGES = 60;
  const MAX_PAGE = 2048;
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
      lang: (data.lang || "").trim().toLowerCase() || null,
      position: data.position === "bottom-left" ? "bottom-left" : "bottom-right",
      title: (data.title || "").trim() || null,
      starters: starters.length ? starters : null,
      document: (data.document || "").trim().slice(0, MAX_PAGE) || null,
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
      UI_LANG_AUTO: "Automatic",
      UI_THINKING: "Looking in the official text…",
      UI_UNREACHABLE: "The chat cannot be reached right now. Please try again later, or visit {url}.",
      UI_ERROR: "Something went wrong. Please try again.",
      UI_TOO_MANY: "You have asked many questions in a short time. Please wait {seconds} s and ask again.",
      UI_TOO_MANY_NOW: "You have asked many questions in a short time. Please wait a moment and ask again.",
      UI_FEEDBACK_PROMPT: "Was this answer helpful?",
      UI_FEEDBACK_YES: "Yes, it helped",
      UI_FEEDBACK_NO: "No, it did not help",
      UI_FEEDBACK_THANKS: "Thank you for your feedback.",
      UI_SOURCE: "Source",
      UI_SWEDISH_ORIGINAL: "Official text in Swedish",
      UI_NEW_TAB: "opens in a new tab",
      UI_SUGGESTIONS: "Suggestions",
      UI_POINTER: "Not from the vision text: guidance from Kiruna kommun",
      UI_OUT_OF_SCOPE: "Outside the vision",
      UI_START_OVER: "Start over",
      UI_STARTED_OVER: "New conversation started.",
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
      UI_LANG_AUTO: "Automatiskt",
      UI_THINKING: "Letar i den officiella texten…",
      UI_UNREACHABLE: "Chatten går inte att nå just nu. Försök igen senare eller besök {url}.",
      UI_ERROR: "Något gick fel. Försök igen.",
      UI_TOO_MANY: "Du har ställt många frågor på kort tid. Vänta {seconds} s och fråga igen.",
      UI_TOO_MANY_NOW: "Du har ställt många frågor på kort tid. Vänta en stund och fråga igen.",
      UI_FEEDBACK_PROMPT: "Var svaret till hjälp?",
      UI_FEEDBACK_YES: "Ja, det hjälpte",
      UI_FEEDBACK_NO: "Nej, det hjälpte inte",
      UI_FEEDBACK_THANKS: "Tack för ditt svar.",
      UI_SOURCE: "Källa",
      UI_SWEDISH_ORIGINAL: "Officiell text på svenska",
      UI_NEW_TAB: "öppnas i en ny flik",
      UI_SUGGESTIONS: "Förslag",
      UI_POINTER: "Inte ur visionstexten: vägledning från Kiruna kommun",
      UI_OUT_OF_SCOPE: "Utanför visionen",
      UI_START_OVER: "Börja om",
      UI_STARTED_OVER: "Ny konversation påbörjad.",
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
  // Browser language tags that name a supported language under another code.
  const BROWSER_ALIASES = { sme: "se", prs: "fa", pes: "fa", swe: "sv", fin: "fi" };
  const DEFAULT_MUNICIPALITY_URL = "https://www.kiruna.se";

  // ---------------------------------------------------------------------------------------
  // Styles: a constructable stylesheet, which the host page's CSP style-src does not block.
  // Every size is in em from :host, whose font size is the reader's default (`medium`): the host
  // page's root font size (html { font-size: 62.5% }) never reaches the widget.
  // ---------------------------------------------------------------------------------------

  const CSS = `
:host {
  all: initial;
  display: block;
  position: static;
  font-size: medium;
}
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
.root {
  --bg: #ffffff;
  --fg: #1a1a1a;
  --muted: #4a555e;
  --line: #d0d5d9;
  --border: #6b7780;
  --surface: #f3f4f5;
  --user: #e6f0f6;
  --accent: #00507f;
  --accent-hover: #003a5c;
  --on-accent: #ffffff;
  --link: #00507f;
  --head-bg: #00507f;
  --head-fg: #ffffff;
  --notice-bg: #fff4ce;
  --notice-border: #8a6100;
  --error-bg: #fdecee;
  --error-border: #b3001b;
  --error-fg: #a4000f;
  --focus: #0b0c0c;
  --focus-halo: #ffffff;
  --pressed-bg: #00507f;
  --pressed-fg: #ffffff;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Arabic",
    "Noto Sans Ethiopic", Arial, sans-serif;
  font-size: 1em;
  line-height: 1.5;
  color: var(--fg);
  text-align: start;
}
@media (prefers-color-scheme: dark) {
  .root {
    --bg: #1b1e21;
    --fg: #eef0f2;
    --muted: #c3cad0;
    --line: #3e464d;
    --border: #9aa5ae;
    --surface: #262b30;
    --user: #1d3547;
    --accent: #8fcbf2;
    --accent-hover: #b5dcf6;
    --on-accent: #0b1a24;
    --link: #8fcbf2;
    --head-bg: #0d2a40;
    --head-fg: #ffffff;
    --notice-bg: #3a2f05;
    --notice-border: #e0b43a;
    --error-bg: #3b1519;
    --error-border: #ff8a96;
    --error-fg: #ffb3ba;
    --focus: #ffd34d;
    --focus-halo: #1b1e21;
    --pressed-bg: #8fcbf2;
    --pressed-fg: #0b1a24;
  }
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
a { color: var(--link); text-decoration: underline; text-underline-offset: 0.15em; }
a:hover { text-decoration-thickness: 0.15em; }
:focus { outline: none; }
:focus-visible {
  outline: 3px solid var(--focus);
  outline-offset: 2px;
  box-shadow: 0 0 0 2px var(--focus-halo);
}
.nw { white-space: nowrap; }

.probe {
  position: fixed;
  top: 0;
  left: 0;
  width: 10em;
  height: 0;
  visibility: hidden;
  pointer-events: none;
}

/* launcher: on the host page, the same in light and dark */
.launcher {
  position: fixed;
  z-index: 2147483000;
  bottom: 1em;
  display: inline-flex;
  align-items: center;
  gap: 0.5em;
  min-height: 3em;
  min-width: 3em;
  max-width: calc(100% - 2em);
  padding: 0.625em 1.125em;
  border: 2px solid #ffffff;
  border-radius: 1.5em;
  background: #00507f;
  color: #ffffff;
  font-weight: 600;
  cursor: pointer;
  box-shadow: 0 0.25em 0.75em rgba(0, 0, 0, 0.3);
  text-align: start;
}
.launcher:hover { background: #003a5c; }
.launcher:focus-visible { outline-color: #0b0c0c; box-shadow: 0 0 0 2px #ffffff; }
.launcher svg { flex: none; width: 1.5em; height: 1.5em; }
.launcher .ic-close { display: none; }
.is-open .launcher { padding: 0.625em; border-radius: 50%; }
.is-open .launcher .ic-chat { display: none; }
.is-open .launcher .ic-close { display: block; }
.is-open .launcher-text, .narrow .launcher-text {
  position: absolute; width: 1px; height: 1px; margin: -1px; overflow: hidden;
  clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap;
}
.pos-right .launcher { right: 1em; }
.pos-left .launcher { left: 1em; }

/* panel */
.panel {
  position: fixed;
  z-index: 2147483001;
  bottom: 5em;
  width: 26em;
  height: min(44em, calc(100% - 6em));
  max-width: calc(100% - 2em);
  display: flex;
  flex-direction: column;
  overflow: hidden;
  background: var(--bg);
  color: var(--fg);
  border: 1px solid var(--border);
  border-radius: 0.75em;
  box-shadow: 0 0.5em 2em rgba(0, 0, 0, 0.3);
}
.pos-right .panel { right: 1em; }
.pos-left .panel { left: 1em; }
.panel.opening { animation: kvc-in 160ms ease-out; }
@keyframes kvc-in {
  from { opacity: 0; transform: translateY(0.5em); }
  to { opacity: 1; transform: none; }
}

/* header: one compact row (title, close); the toolbar under it (language, start over) */
.header {
  flex: none;
  display: flex;
  align-items: center;
  gap: 0.25em;
  padding-block: 0.25em;
  padding-inline: 0.875em 0.25em;
  background: var(--head-bg);
  color: var(--head-fg);
}
.header :focus-visible { outline-color: #ffd34d; box-shadow: none; }
.title {
  flex: 1 1 auto;
  margin: 0;
  font-size: 1em;
  font-weight: 700;
  line-height: 1.3;
  overflow-wrap: break-word;
  min-width: 0;
}
.icon-btn {
  flex: none;
  min-width: 2.75em;
  min-height: 2.75em;
  padding: 0.25em;
  border: 2px solid transparent;
  border-radius: 0.5em;
  background: transparent;
  color: inherit;
  cursor: pointer;
  display: inline-flex;
  align-items: center;
  justify-content: center;
}
.icon-btn:hover { border-color: currentColor; }
.icon-btn svg { width: 1.25em; height: 1.25em; }

.toolbar {
  flex: none;
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: 0.25em 0.5em;
  padding: 0.375em 0.875em;
  border-bottom: 1px solid var(--line);
  background: var(--surface);
  font-size: 0.875em;
}
.toolbar label { font-weight: 600; }
.toolbar select { min-height: 2.5em; }
.toolbar select.forced { border-color: var(--accent); background: var(--user); font-weight: 700; }
.restart {
  margin-inline-start: auto;
  min-height: 2.5em;
  padding: 0.125em 0.625em;
  border: 2px solid var(--accent);
  border-radius: 0.375em;
  background: var(--bg);
  color: var(--link);
  font-weight: 600;
  cursor: pointer;
  display: inline-flex;
  align-items: center;
  gap: 0.375em;
}
.restart svg { width: 1.125em; height: 1.125em; }
.restart:hover { background: var(--surface); }
select, input[type="text"] {
  min-height: 2.75em;
  border: 2px solid var(--border);
  border-radius: 0.375em;
  background: var(--bg);
  color: var(--fg);
  padding: 0.25em 0.5em;
}
select { max-width: 100%; }

.log {
  flex: 1 1 auto;
  min-height: 6em;
  overflow-y: auto;
  padding: 0.75em 0.875em;
  display: flex;
  flex-direction: column;
  gap: 0.75em;
  overscroll-behavior: contain;
}
.msg {
  max-width: 100%;
  padding: 0.625em 0.75em;
  border-radius: 0.75em;
  overflow-wrap: break-word;
}
.msg p { margin: 0 0 0.5em; }
.msg > :last-child { margin-bottom: 0; }
.msg.user {
  align-self: flex-end;
  max-width: 90%;
  background: var(--user);
  white-space: pre-wrap;
}
.msg.bot { align-self: stretch; background: var(--surface); }
.msg.error { background: var(--error-bg); border-inline-start: 0.25em solid var(--error-border); }
.answer-heading {
  margin: 0 0 0.25em;
  font-size: 0.875em;
  font-weight: 700;
  line-height: 1.4;
  color: var(--muted);
}
.subheading { margin: 0.75em 0 0.25em; font-size: 0.875em; font-weight: 700; color: var(--muted); }
.lead { margin: 0 0 0.5em; }
.text { white-space: pre-line; }
.quote {
  margin: 0 0 0.5em;
  padding: 0.125em 0;
  padding-inline-start: 0.75em;
  border-inline-start: 0.25em solid var(--accent);
  white-space: pre-line;
}
.notice {
  margin: 0 0 0.75em;
  padding: 0.5em 0.75em;
  background: var(--notice-bg);
  border: 2px solid var(--notice-border);
  border-radius: 0.5em;
  font-weight: 600;
}
.small { font-size: 0.875em; }
.provenance { margin: 0 0 0.5em; color: var(--muted); }
.label { display: block; margin: 0.5em 0 0.25em; font-weight: 700; color: var(--muted); }
.fallback { margin: 0 0 0.5em; white-space: pre-line; }
details.original { margin: 0 0 0.5em; }
details.original summary {
  cursor: pointer;
  display: list-item;
  min-height: 1.75em;
  padding: 0.125em 0;
  color: var(--link);
  font-weight: 600;
}
details.original[open] summary { margin-bottom: 0.375em; }
.source { margin: 0.25em 0 0.375em; }
.source a { display: inline; }
/* the "opens in a new tab" mark on every link the bot sends */
a > svg { width: 0.875em; height: 0.875em; vertical-align: -0.05em; margin-inline-start: 0.25em; }
.related { margin: 0 0 0.5em; padding: 0; list-style: none; }
.related li { margin: 0.125em 0; }
.pointer {
  margin: 0.5em 0;
  padding: 0.5em 0.75em;
  border: 2px dashed var(--border);
  border-radius: 0.5em;
}
.pointer-label { margin: 0 0 0.25em; font-weight: 700; color: var(--muted); }
.suggestions { display: flex; flex-wrap: wrap; gap: 0.375em; margin: 0.5em 0; padding: 0; list-style: none; }
.chip {
  min-height: 2.5em;
  padding: 0.25em 0.75em;
  border: 2px solid var(--accent);
  border-radius: 1.25em;
  background: var(--bg);
  color: var(--link);
  cursor: pointer;
  text-align: start;
}
.chip:hover { background: var(--user); }
.feedback {
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: 0.25em 0.5em;
  margin-top: 0.5em;
  padding-top: 0.375em;
  border-top: 1px solid var(--line);
  color: var(--muted);
}
.fb {
  min-width: 2.75em;
  min-height: 2.75em;
  display: inline-flex;
  align-items: center;
  justify-content: center;
  padding: 0.25em;
  border: 2px solid var(--border);
  border-radius: 0.5em;
  background: var(--bg);
  color: var(--fg);
  cursor: pointer;
  font-size: 1.0625em;
}
.fb svg { width: 1.25em; height: 1.25em; }
.fb:hover { border-color: var(--accent); }
.fb[aria-pressed="true"] { background: var(--pressed-bg); border-color: var(--pressed-bg); color: var(--pressed-fg); }

.starters { flex: none; }
.starters-title { margin: 0 0 0.375em; font-size: 0.875em; font-weight: 700; color: var(--muted); }
.starters ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.375em; }

.status {
  flex: none;
  padding: 0 0.875em;
  font-size: 0.875em;
  color: var(--muted);
}
.status:not(:empty) { padding-top: 0.25em; }
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
  padding: 0.375em 0.875em 0.625em;
  background: var(--bg);
}
.field { flex: 1 1 10em; min-width: 0; display: flex; flex-direction: column; gap: 0.125em; }
.field label { font-size: 0.875em; font-weight: 600; }
.field input { width: 100%; }
.send {
  flex: none;
  min-height: 2.75em;
  min-width: 2.75em;
  padding: 0.25em 1em;
  border: 2px solid var(--accent);
  border-radius: 0.375em;
  background: var(--accent);
  color: var(--on-accent);
  font-weight: 600;
  cursor: pointer;
}
.send:hover { background: var(--accent-hover); }
.send[aria-disabled="true"] { cursor: progress; }

.footer {
  flex: none;
  display: flex;
  flex-wrap: wrap;
  gap: 0 1em;
  padding: 0.25em 0.875em 0.5em;
  font-size: 0.8125em;
}
.footer a { display: inline-block; min-height: 1.5em; padding: 0.125em 0; }

/* The panel covers the screen (narrow or short viewports, real or through zoom; set from script
   because media queries do not see CSS zoom on the host page). Its size follows the visual
   viewport, so a phone keyboard does not hide the question field. */
.full .panel {
  top: var(--kvc-top, 0px);
  left: 0;
  right: 0;
  bottom: auto;
  width: auto;
  max-width: none;
  height: var(--kvc-height, 100%);
  border-radius: 0;
  border: 0;
}
.full.is-open .launcher { display: none; }
/* Short (200 % zoom, a phone on its side or with the keyboard up): one scroll container, the
   panel itself; the question field stays in view at the bottom. No scrolling inside scrolling. */
.short .panel { overflow-y: auto; overscroll-behavior: contain; }
.short .log { flex: none; min-height: 0; overflow: visible; }
.short .composer { position: sticky; bottom: 0; z-index: 1; border-top: 1px solid var(--line); }
.short .field label {
  position: absolute; width: 1px; height: 1px; margin: -1px; overflow: hidden;
  clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap;
}
.short .toolbar { padding-top: 0.125em; padding-bottom: 0.125em; }

@media (prefers-reduced-motion: reduce) {
  .panel.opening { animation: none; }
  .dots::after { animation: none; content: "…"; }
  * { transition: none !important; scroll-behavior: auto !important; }
}
@media (forced-colors: active) {
  .launcher, .send, .fb, .chip, .restart, .icon-btn, select, input[type="text"] { border-color: ButtonText; }
  .panel { border: 1px solid CanvasText; }
  .quote { border-color: CanvasText; }
  :focus-visible { outline-color: Highlight; }
  .fb[aria-pressed="true"] {
    forced-color-adjust: none;
    background: SelectedItem;
    color: SelectedItemText;
    border-color: SelectedItem;
    outline: 2px solid CanvasText;
  }
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
  const ICON_RESTART = ["M3 12a9 9 0 1 0 3-6.7", "M3 4v5h5"];
  const ICON_EXTERNAL = ["M14 4h6v6", "M20 4l-9 9", "M18 14v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h5"];
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

  function hostOf(href) {
    try {
      return new URL(href).hostname.replace(/^www\./, "");
    } catch (e) {
      return "";
    }
  }

  // A paragraph sign with its number, and dates (ISO, "21 februari 2020", "February 21, 2020"),
  // never broken across lines.
  const UNBREAKABLE = new RegExp(
    [
      "§\\s*\\p{Nd}+",
      "\\p{Nd}{4}-\\p{Nd}{2}-\\p{Nd}{2}",
      "\\p{Nd}{1,2}\\.?\\s\\p{L}+\\.?,?\\s\\p{Nd}{4}",
      "\\p{L}+\\s\\p{Nd}{1,2},\\s\\p{Nd}{4}",
    ].join("|"),
    "gu"
  );

  /** Text with its dates and "§ 68" kept on one line; all as text nodes. */
  function unbroken(text) {
    const frag = document.createDocumentFragment();
    const s = String(text == null ? "" : text);
    let last = 0;
    let m;
    UNBREAKABLE.lastIndex = 0;
    while ((m = UNBREAKABLE.exec(s)) !== null) {
      frag.appendChild(document.createTextNode(s.slice(last, m.index)));
      frag.appendChild(el("span", { className: "nw", text: m[0] }));
      last = m.index + m[0].length;
    }
    frag.appendChild(document.createTextNode(s.slice(last)));
    return frag;
  }

  /** Plain text with its http(s) addresses as links (new tab); all as text nodes. */
  function linkified(text, newTabLabel) {
    const frag = document.createDocumentFragment();
    const re = /https?:\/\/[^\s<>"”’)]+/g;
    let last = 0;
    let m;
    const s = String(text == null ? "" : text);
    while ((m = re.exec(s)) !== null) {
      let url = m[0];
      const trail = url.match(/[.,;:!?]+$/);
      if (trail) url = url.slice(0, -trail[0].length);
      frag.appendChild(unbroken(s.slice(last, m.index)));
      const href = safeUrl(url);
      if (href) frag.appendChild(externalLink(href, [url], newTabLabel, null));
      else frag.appendChild(document.createTextNode(url));
      last = m.index + url.length;
    }
    frag.appendChild(unbroken(s.slice(last)));
    return frag;
  }

  /** A link that opens in a new tab and says so (and where it goes) to screen readers. */
  function externalLink(href, content, newTabLabel, where, className) {
    const extra = [where, newTabLabel].filter(Boolean).join(", ");
    return el("a", { href: href, target: "_blank", rel: "noopener", className: className || null }, [
      ...content,
      icon(ICON_EXTERNAL),
      extra ? el("span", { className: "sr-only", text: " (" + extra + ")" }) : null,
    ]);
  }

  function format(template, values) {
    return String(template || "").replace(/\{(\w+)\}/g, function (all, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : all;
    });
  }

  function str(value) {
    return typeof value === "string" ? value : value == null ? "" : String(value);
  }

  /** A language code as the server sends it, or "" for anything else. */
  function langCode(value) {
    const s = str(value).toLowerCase();
    return /^[a-z]{2,3}$/.test(s) ? s : "";
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
  const FOCUSABLE = 'a[href], button:not([disabled]), input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';

  class KirunaVisionChat extends HTMLElement {
    static get version() {
      return VERSION;
    }

    constructor() {
      super();
      this.config = null;
      this.ids = "kvc" + ++uid;
      this.uiLang = ""; // the language the widget shows
      this.forced = null; // the answer language the resident chose in the menu, or null: automatic
      this.conversation = null; // the previous answer's `conversation`, sent back to continue
      this.strings = null;
      this.stringsCache = {};
      this.stringsPending = {};
      this.chatLanguages = DEFAULT_LANGUAGES;
      this.chatLanguagesLoaded = false;
      this.municipalityUrl = DEFAULT_MUNICIPALITY_URL;
      this.messages = [];
      this.nodes = new Map(); // message -> its node in the log
      this.activated = false; // true once the resident has opened the chat (storage allowed)
      this.isOpen = false;
      this.isFull = false;
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
      if (stored) {
        // The resident opened the chat earlier in this tab: carry on with that conversation.
        this.activated = true;
        this.messages = stored.messages.slice(-MAX_STORED_MESSAGES);
        if (stored.v === 2) {
          this.forced = this.knownLang(stored.forced) ? stored.forced : null;
          this.conversation = typeof stored.conversation === "string" ? stored.conversation : null;
        }
      }
      this.uiLang = this.initialLanguage(stored && (stored.ui || stored.lang));
      this.applyStrings(this.defaultStrings(this.uiLang), this.uiLang);
      this.renderAll();
      this.layout();
      this.loadStrings(this.uiLang);
      this.messages.forEach((m) => m.role === "bot" && m.data && this.loadStrings(langCode(m.data.lang)));
      if (stored && stored.open) this.open(false);
    }

    /** The language shown at first: the tab's earlier choice, data-lang, the browser's, Swedish. */
    initialLanguage(storedLang) {
      if (this.knownLang(storedLang)) return storedLang;
      if (this.knownLang(this.config.lang)) return this.config.lang;
      const tags = (navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language]) || [];
      for (let i = 0; i < tags.length; i++) {
        const tag = str(tags[i]).toLowerCase();
        const primary = tag.split("-")[0];
        const code = BROWSER_ALIASES[primary] || primary;
        if (this.knownLang(code)) return code;
      }
      return "sv";
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
      this.closeBtn = el("button", { type: "button", className: "icon-btn close" }, [icon(ICON_CLOSE), this.closeLabel]);
      this.closeBtn.addEventListener("click", () => this.close(true));
      const header = el("div", { className: "header" }, [this.titleEl, this.closeBtn]);

      this.chatLangLabel = el("label", { for: id + "-lang" });
      this.chatLangSelect = el("select", { id: id + "-lang" });
      this.chatLangSelect.addEventListener("change", () => this.setLanguage(this.chatLangSelect.value));
      this.restartText = el("span");
      this.restartBtn = el("button", { type: "button", className: "restart", hidden: true }, [
        icon(ICON_RESTART),
        this.restartText,
      ]);
      this.restartBtn.addEventListener("click", () => this.startOver());
      const toolbar = el("div", { className: "toolbar" }, [this.chatLangLabel, this.chatLangSelect, this.restartBtn]);

      // A log of the conversation, but not a live region: what is announced is chosen (see
      // announce()), so a screen reader hears the answer, not every label around it.
      this.log = el("div", {
        className: "log",
        id: id + "-log",
        role: "log",
        "aria-live": "off",
        tabindex: "0",
      });

      this.startersTitle = el("p", { className: "starters-title", id: id + "-starters" });
      this.startersList = el("ul", { "aria-labelledby": id + "-starters" });
      this.startersEl = el("div", { className: "starters" }, [this.startersTitle, this.startersList]);
      this.log.appendChild(this.startersEl);

      this.statusEl = el("div", { className: "status", role: "status", "aria-live": "polite", id: id + "-status" });
      this.announcer = el("div", { className: "announcer sr-only", "aria-live": "polite", "aria-atomic": "true" });

      this.inputLabel = el("label", { for: id + "-input" });
      this.input = el("input", {
        type: "text",
        id: id + "-input",
        maxlength: String(MAX_MESSAGE),
        autocomplete: "off",
        enterkeyhint: "send",
        dir: "auto",
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
        [header, toolbar, this.log, this.statusEl, this.announcer, this.form, footer]
      );
      this.panel.addEventListener("animationend", () => this.panel.classList.remove("opening"));

      this.rootEl.addEventListener("keydown", (ev) => {
        if (ev.key === "Escape" && this.isOpen) {
          ev.stopPropagation();
          this.close(true);
        } else if (ev.key === "Tab" && this.isOpen && this.isFull) {
          this.trapTab(ev);
        }
      });

      this.probe = el("span", { className: "probe", "aria-hidden": "true" });
      this.rootEl.appendChild(this.probe);
      this.rootEl.appendChild(this.launcher);
      this.rootEl.appendChild(this.panel);
      root.appendChild(this.rootEl);

      let pending = 0;
      const relayout = () => {
        cancelAnimationFrame(pending);
        pending = requestAnimationFrame(() => this.layout());
      };
      window.addEventListener("resize", relayout, { passive: true });
      if (window.visualViewport) {
        window.visualViewport.addEventListener("resize", relayout, { passive: true });
        window.visualViewport.addEventListener("scroll", relayout, { passive: true });
      }
    }

    // ----- languages and words ---------------------------------------------------------

    knownLang(code) {
      return (
        typeof code === "string" &&
        this.chatLanguages.some(function (l) {
          return l.code === code;
        })
      );
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
      const d = this.defaultStrings(this.uiLang);
      return d[key] || DEFAULT_STRINGS.en[key] || key;
    }

    /**
     * The widget's words in `lang` (an answer's language) and the language they really are in:
     * the server's catalog when loaded, else built-in words, else the words the widget shows.
     */
    words(lang) {
      const cached = this.stringsCache[lang];
      let table = null;
      let actual = lang;
      if (cached) table = cached.messages;
      else if (DEFAULT_STRINGS[lang]) table = DEFAULT_STRINGS[lang];
      else {
        actual = this.uiLang;
        table = this.stringsCache[actual] ? this.stringsCache[actual].messages : this.defaultStrings(actual);
      }
      return {
        lang: actual,
        t: function (key) {
          return (table && typeof table[key] === "string" && table[key]) || DEFAULT_STRINGS.en[key] || key;
        },
      };
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
      if (!lang || !this.knownLang(lang)) return Promise.resolve();
      if (this.stringsCache[lang]) {
        if (this.uiLang === lang) this.applyStrings(this.stringsCache[lang].messages, lang);
        return Promise.resolve();
      }
      if (this.stringsPending[lang]) return this.stringsPending[lang];
      const loading = this.request("/v1/ui/" + encodeURIComponent(lang), { headers: { Accept: "application/json" } })
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
          if (this.uiLang === lang) this.applyStrings(data.messages, lang);
          this.rerenderAnswersIn(lang);
        })
        .catch(function () {
          /* the built-in words stay */
        })
        .finally(() => {
          delete this.stringsPending[lang];
        });
      this.stringsPending[lang] = loading;
      return loading;
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
      select.appendChild(el("option", { value: "", text: this.t("UI_LANG_AUTO") }));
      this.chatLanguages.forEach((l) => {
        const dir = l.dir === "rtl" ? "rtl" : "ltr";
        select.appendChild(el("option", { value: l.code, lang: l.code, dir: dir, text: l.name }));
      });
      select.value = this.forced || "";
      // A chosen language is visibly different from "automatic".
      select.classList.toggle("forced", !!this.forced);
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
      this.launcherText.textContent = this.t(this.isOpen ? "UI_CLOSE" : "UI_OPEN");
      this.closeLabel.textContent = this.t("UI_CLOSE");
      this.closeBtn.setAttribute("title", this.t("UI_CLOSE"));
      this.chatLangLabel.textContent = this.t("UI_LANGUAGE");
      this.restartText.textContent = this.t("UI_START_OVER");
      this.log.setAttribute("aria-label", title);
      this.inputLabel.textContent = this.t("UI_INPUT_LABEL");
      this.input.setAttribute("placeholder", this.t("UI_PLACEHOLDER"));
      this.sendBtn.textContent = this.t("UI_SEND");
      this.a11yLink.textContent = this.t("UI_ACCESSIBILITY");
      this.privacyLink.textContent = this.t("UI_PRIVACY");
      this.renderStarters();
      this.renderLanguages();
    }

    /** The menu: "" is automatic (the language the question is written in); a code forces it. */
    setLanguage(code) {
      if (code === "") {
        this.forced = null;
        this.renderLanguages();
        this.save();
        return;
      }
      if (!this.knownLang(code)) return;
      this.forced = code;
      if (code !== this.uiLang) {
        this.uiLang = code;
        this.applyStrings(this.stringsCache[code] ? this.stringsCache[code].messages : this.defaultStrings(code), code);
        this.loadStrings(code);
      } else {
        this.renderLanguages();
      }
      this.save();
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
        const b = el("button", { type: "button", className: "chip starter", text: q });
        b.addEventListener("click", () => this.ask(q));
        list.appendChild(el("li", null, [b]));
      });
      this.startersEl.hidden = this.messages.length > 0;
    }

    // ----- layout ----------------------------------------------------------------------

    /**
     * Narrow / short classes from the space the widget really has, in its own CSS pixels; when
     * the panel covers the screen, its box follows the visual viewport (a phone keyboard).
     */
    layout() {
      // The probe is 10em wide in the widget's own units; on screen it is that times any CSS
      // zoom of the host page (a real browser zoom shows in innerWidth instead).
      const probe = this.probe;
      const onScreen = probe.getBoundingClientRect().width;
      const unit = onScreen > 0 ? onScreen / 10 : 16;
      const fontPx = parseFloat(getComputedStyle(probe).fontSize) || 16;
      const zoom = unit / fontPx;
      const vv = window.visualViewport;
      const viewWidth = vv ? vv.width : window.innerWidth;
      const viewHeight = vv ? Math.min(vv.height, window.innerHeight) : window.innerHeight;
      const narrow = window.innerWidth / unit < 30;
      const short = viewHeight / unit < 34;
      const full = narrow || short;
      this.rootEl.classList.toggle("narrow", narrow);
      this.rootEl.classList.toggle("short", short);
      this.rootEl.classList.toggle("full", full);
      this.isFull = full;
      this.panel.setAttribute("aria-modal", full ? "true" : "false");
      if (full && vv && (vv.height < window.innerHeight - 1 || vv.offsetTop > 0 || viewWidth < window.innerWidth - 1)) {
        this.panel.style.setProperty("--kvc-top", vv.offsetTop / zoom + "px");
        this.panel.style.setProperty("--kvc-height", vv.height / zoom + "px");
      } else {
        this.panel.style.removeProperty("--kvc-top");
        this.panel.style.removeProperty("--kvc-height");
      }
    }

    /** While the panel covers the screen, Tab and Shift+Tab go round inside it. */
    trapTab(ev) {
      const items = Array.prototype.filter.call(this.panel.querySelectorAll(FOCUSABLE), function (n) {
        return n.getClientRects().length > 0 && !n.closest("[hidden]");
      });
      if (!items.length) return;
      const first = items[0];
      const last = items[items.length - 1];
      const active = this.shadowRoot.activeElement;
      const inside = active && this.panel.contains(active);
      if (ev.shiftKey && (!inside || active === first)) {
        ev.preventDefault();
        last.focus();
      } else if (!ev.shiftKey && (!inside || active === last)) {
        ev.preventDefault();
        first.focus();
      }
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
      this.launcherText.textContent = this.t("UI_CLOSE");
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
      this.launcherText.textContent = this.t("UI_OPEN");
      this.rootEl.classList.remove("is-open");
      this.save();
      if (returnFocus) this.launcher.focus();
    }

    save() {
      if (!this.activated) return; // nothing is stored before the resident opens the chat
      writeStore({
        v: 2,
        ui: this.uiLang,
        forced: this.forced,
        conversation: this.conversation,
        open: this.isOpen,
        messages: this.messages.slice(-MAX_STORED_MESSAGES),
      });
    }

    /** Clear the conversation: the transcript, and the token that continues it. */
    startOver() {
      this.messages = [];
      this.nodes.clear();
      this.conversation = null;
      this.renderAll();
      this.save();
      this.setStatus(this.t("UI_STARTED_OVER"));
      this.input.focus();
    }

    // ----- status and announcements ----------------------------------------------------

    /** The status line: busy, thanks, started over. `lang` when the words are not the widget's. */
    setStatus(text, kind, lang) {
      const s = this.statusEl;
      while (s.firstChild) s.removeChild(s.firstChild);
      if (!text) return;
      const attrs = lang && lang !== this.uiLang ? { lang: lang, dir: this.dirOf(lang) } : {};
      s.appendChild(el("span", Object.assign({ className: kind === "busy" ? "dots" : null, text: text }, attrs)));
    }

    /** Say this once to screen readers: [{text, lang}], each part in its own language. */
    announce(parts) {
      const a = this.announcer;
      while (a.firstChild) a.removeChild(a.firstChild);
      const spans = parts
        .filter(function (p) {
          return p && str(p.text).trim();
        })
        .map((p) => el("span", { lang: p.lang || null, dir: p.lang ? this.dirOf(p.lang) : null, text: str(p.text) + " " }));
      // A fresh node a moment later, so the same words said twice are said again.
      setTimeout(function () {
        spans.forEach(function (s) {
          a.appendChild(s);
        });
      }, 50);
    }

    // ----- asking ----------------------------------------------------------------------

    /** Where the widget sits: the document id from data-document, else the page's address. */
    pageRef() {
      if (this.config.document) return this.config.document;
      const l = window.location;
      return (l.origin + l.pathname).slice(0, MAX_PAGE); // no query or fragment: they may be personal
    }

    ask(raw) {
      const message = str(raw).trim().slice(0, MAX_MESSAGE);
      if (!message || this.busy) return;
      if (!this.isOpen) this.open(false);
      this.activated = true;
      // The resident's message gets its language once the bot has detected it; until then
      // its direction follows its own letters (dir=auto).
      const user = { role: "user", text: message, lang: this.forced, dir: this.forced ? this.dirOf(this.forced) : null };
      this.push(user);
      this.input.value = "";
      this.busy = true;
      this.sendBtn.setAttribute("aria-disabled", "true");
      this.setStatus(this.t("UI_THINKING"), "busy");
      this.post(message, user, true).finally(() => {
        this.busy = false;
        this.sendBtn.removeAttribute("aria-disabled");
      });
    }

    post(message, user, withConversation) {
      const body = { message: message, ui_lang: this.uiLang, page: this.pageRef() };
      if (this.forced) body.lang = this.forced;
      const token = withConversation ? this.conversation : null;
      if (token) body.conversation = token;
      return this.request("/v1/chat", {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify(body),
      })
        .then(
          (r) => {
            if (r.status === 422 && token) {
              // A conversation the server no longer accepts: this message starts a new one.
              this.conversation = null;
              return this.post(message, user, false);
            }
            return this.handleResponse(r, user);
          },
          () => this.showError("UI_UNREACHABLE", { url: this.municipalityUrl })
        )
        .catch(() => this.showError("UI_ERROR"));
    }

    handleResponse(r, user) {
      if (r.status === 429) {
        const tooMany = (seconds) => {
          if (seconds > 0) this.showError("UI_TOO_MANY", { seconds: seconds });
          else this.showError("UI_TOO_MANY_NOW");
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
        this.showError("UI_ERROR");
        return null;
      }
      return r.json().then((data) => {
        if (!data || typeof data !== "object" || typeof data.answer !== "string") {
          this.showError("UI_ERROR");
          return;
        }
        this.setStatus("");
        if (typeof data.conversation === "string" || data.conversation === null) {
          this.conversation = data.conversation || null;
        }
        const detected = langCode(data.detected_lang);
        if (detected && !user.lang) {
          user.lang = detected;
          user.dir = this.dirOf(detected);
          this.rerender(user);
        }
        // Kept in the tab's sessionStorage: what the message shows, not the ranking evidence.
        const kept = Object.assign({}, data, { sources: undefined, refusal_reason: undefined, conversation: undefined });
        // The answer's own words (disclosure, link labels) in its language: painted once, in full.
        return this.wordsReady(langCode(data.lang)).then(() => {
          this.push({ role: "bot", data: kept });
          this.announce(this.announcement(kept));
        });
      });
    }

    /** Resolves when the words of `lang` are loaded, or after a short wait: never holds an answer back long. */
    wordsReady(lang) {
      if (!lang || this.stringsCache[lang]) return Promise.resolve();
      return Promise.race([
        this.loadStrings(lang),
        new Promise(function (resolve) {
          setTimeout(resolve, 800);
        }),
      ]);
    }

    /**
     * Shown once (in the conversation) and said once (to screen readers), in the language the
     * conversation is in: an Arabic reader on a Swedish page is told in Arabic to wait.
     */
    showError(key, values) {
      this.setStatus("");
      const w = this.words(this.conversationLang());
      const text = format(w.t(key), values || {});
      this.push({ role: "error", text: text, lang: w.lang, dir: this.dirOf(w.lang) });
      this.announce([{ text: text, lang: w.lang }]);
    }

    /** The language chosen in the menu, else that of the last answer, else the one the widget shows. */
    conversationLang() {
      if (this.forced) return this.forced;
      for (let i = this.messages.length - 1; i >= 0; i--) {
        const m = this.messages[i];
        const lang = m.role === "bot" && m.data ? langCode(m.data.lang) : null;
        if (lang) return lang;
      }
      return this.uiLang;
    }

    push(message) {
      this.messages.push(message);
      if (this.messages.length > MAX_STORED_MESSAGES) {
        this.messages.splice(0, this.messages.length - MAX_STORED_MESSAGES).forEach((m) => {
          const n = this.nodes.get(m);
          if (n) n.remove();
          this.nodes.delete(m);
        });
      }
      const node = this.renderMessage(message);
      this.nodes.set(message, node);
      this.log.appendChild(node);
      this.startersEl.hidden = true;
      this.restartBtn.hidden = false;
      this.save();
      this.scrollTo(node, message.role !== "user");
    }

    rerender(message) {
      const old = this.nodes.get(message);
      if (!old) return;
      const active = this.shadowRoot.activeElement;
      if (active && old.contains(active)) return; // never pull the page from under the reader
      const node = this.renderMessage(message);
      old.replaceWith(node);
      this.nodes.set(message, node);
    }

    rerenderAnswersIn(lang) {
      this.messages.forEach((m) => {
        if (m.role === "bot" && m.data && langCode(m.data.lang) === lang) this.rerender(m);
      });
    }

    /** The scroll container: the conversation, or the whole panel when the screen is short. */
    scroller() {
      return this.rootEl.classList.contains("short") ? this.panel : this.log;
    }

    scrollTo(node, toTop) {
      const box = this.scroller();
      if (toTop) {
        const stickyTop = box === this.panel ? 0 : this.log.offsetTop;
        box.scrollTop = Math.max(0, node.offsetTop - stickyTop - 8);
      } else box.scrollTop = box.scrollHeight;
    }

    scrollToEnd() {
      const box = this.scroller();
      box.scrollTop = box.scrollHeight;
    }

    // ----- rendering -------------------------------------------------------------------

    renderAll() {
      while (this.log.lastChild && this.log.lastChild !== this.startersEl) this.log.removeChild(this.log.lastChild);
      this.nodes.clear();
      this.messages.forEach((m) => {
        const node = this.renderMessage(m);
        this.nodes.set(m, node);
        this.log.appendChild(node);
      });
      this.startersEl.hidden = this.messages.length > 0;
      this.restartBtn.hidden = this.messages.length === 0;
    }

    renderMessage(m) {
      if (m.role === "bot") return this.renderAnswer(m);
      if (m.role === "error") {
        const lang = str(m.lang) || this.uiLang;
        return el("div", { className: "msg error", lang: lang, dir: m.dir === "rtl" ? "rtl" : "ltr" }, [
          el("p", { className: "text" }, [linkified(m.text, this.words(lang).t("UI_NEW_TAB"))]),
        ]);
      }
      const lang = langCode(m.lang);
      const node = el("div", {
        className: "msg user",
        lang: lang || null,
        dir: lang ? (m.dir === "rtl" ? "rtl" : "ltr") : "auto",
      });
      // "You:" for screen readers, in the widget's language; the bubble itself says it visually. Its own `dir` keeps
      // it out of the bubble's `dir="auto"`: an English question in the Arabic widget reads left to right.
      node.appendChild(
        el("span", { className: "sr-only", lang: this.uiLang, dir: this.dirOf(this.uiLang), text: this.t("UI_YOU") + ": " }),
      );
      node.appendChild(document.createTextNode(str(m.text)));
      return node;
    }

    /** What a screen reader hears when an answer arrives: the lead and the answer, nothing else. */
    announcement(d) {
      const lang = langCode(d.lang) || this.uiLang;
      const parts = [];
      const tr = d.translation && typeof d.translation === "object" ? d.translation : {};
      const quotes = this.quotesOf(d);
      if (this.kindOf(d) === "answer" && quotes.length) {
        if (tr.available === false && str(tr.notice)) parts.push({ text: tr.notice, lang: lang });
        parts.push({ text: d.lead, lang: lang });
        quotes.forEach((q) => {
          const shown = this.shownText(q, lang);
          if (str(q.lead)) parts.push({ text: q.lead, lang: lang });
          parts.push({ text: shown.text, lang: shown.lang });
        });
      } else {
        parts.push({ text: d.answer || d.lead, lang: lang });
      }
      return parts;
    }

    kindOf(d) {
      const k = str(d.kind);
      if (k === "answer" || k === "out_of_scope" || k === "smalltalk" || k === "clarification") return k;
      return d.answered ? "answer" : "out_of_scope";
    }

    quotesOf(d) {
      const list = Array.isArray(d.quotes) && d.quotes.length ? d.quotes : d.quote ? [d.quote] : [];
      return list.filter(function (q) {
        return q && typeof q === "object" && typeof q.text === "string";
      });
    }

    /** A quote in the resident's language when translated, else the Swedish text. */
    shownText(q, lang) {
      const t = q.translation && typeof q.translation === "object" ? q.translation : null;
      if (t && str(t.text)) return { text: str(t.text), lang: langCode(t.lang) || lang, translated: true };
      return { text: str(q.text), lang: "sv", translated: false };
    }

    renderAnswer(m) {
      const d = m.data || {};
      const lang = langCode(d.lang) || this.uiLang;
      const dir = d.dir === "rtl" ? "rtl" : "ltr";
      const W = this.words(lang);
      // The widget's own words carry their language when it is not the answer's.
      const own = W.lang === lang ? {} : { lang: W.lang, dir: this.dirOf(W.lang) };
      const kind = this.kindOf(d);
      const headingId = this.ids + "-a" + ++uid;
      const node = el("section", {
        className: "msg bot",
        lang: lang,
        dir: dir,
        "aria-labelledby": headingId,
        "data-answer-id": str(d.id) || null,
        "data-kind": kind,
      });
      const quotes = kind === "answer" ? this.quotesOf(d) : [];
      const tr = d.translation && typeof d.translation === "object" ? d.translation : {};

      // Heading: the section the answer quotes, in the answer's language; else a word of ours.
      // A list (several items of one part of the page) is headed by its lead, each item by its name.
      const list = this.isList(quotes) && str(d.lead) !== "";
      let heading = list ? str(d.lead).replace(/[:：]\s*$/, "") : quotes.length ? this.headingOf(quotes[0], lang) : "";
      let headingOwn = {};
      if (!heading) {
        heading = W.t(kind === "out_of_scope" ? "UI_OUT_OF_SCOPE" : "UI_BOT");
        headingOwn = own;
      }
      // A lead that names the section already ("Ur avsnittet ”Vår vision”:") says the heading aloud on
      // screen: the heading then stays for screen readers only (it still names the answer's region).
      const named = !list && heading !== "" && this.mentions(d.lead, heading);
      node.appendChild(
        el(
          "h3",
          Object.assign({ className: "answer-heading" + (named ? " sr-only" : ""), id: headingId, text: heading }, headingOwn)
        )
      );

      if (kind !== "answer" || !quotes.length) {
        this.renderPlain(node, d, W);
      } else {
        if (tr.available === false) {
          const notice = str(tr.notice) || format(W.t("DEGRADED"), { language: this.nameOf(lang) });
          node.appendChild(el("p", { className: "notice" }, [unbroken(notice)]));
        }
        if (str(d.lead) && !list) node.appendChild(el("p", { className: "lead" }, [unbroken(d.lead)]));
        const originals = [];
        quotes.forEach((q, i) => {
          // A quote set apart from a list's items (the page's own count, elsewhere) says where it is from.
          const aside = str(q.lead);
          if (aside) node.appendChild(el("p", { className: "lead aside" }, [unbroken(aside)]));
          const sub = !aside && (i > 0 || list) ? this.headingOf(q, lang) : "";
          const shown = this.shownText(q, lang);
          // Not when the quote itself opens with its heading ("Vi vill att visionen ska tolkas så här:"),
          // nor when its first line names it ("Inriktning: Kommunikationer" under "Kommunikationer").
          const said =
            shown.text.trim().toLowerCase().indexOf(sub.toLowerCase()) === 0 ||
            this.names(shown.text.trim().split("\n")[0], sub);
          if (sub && sub !== heading && !said) {
            node.appendChild(el("h4", { className: "subheading", text: sub }));
          }
          node.appendChild(
            el("blockquote", {
              className: "quote",
              lang: shown.lang,
              dir: this.dirOf(shown.lang),
              cite: safeUrl(q.url),
            }, [unbroken(shown.text)])
          );
          const fb = q.fallback && typeof q.fallback === "object" ? q.fallback : {};
          if (!shown.translated && typeof fb.fi === "string" && fb.fi) {
            node.appendChild(el("p", Object.assign({ className: "label small", text: W.t("IN_FINNISH") }, own)));
            node.appendChild(el("p", { className: "fallback", lang: "fi", dir: "ltr" }, [unbroken(fb.fi)]));
          }
          if (shown.translated) originals.push(q);
        });
        // A part of the message no page answers ("… and what does the bus cost?") is said, not dropped.
        (Array.isArray(d.not_answered) ? d.not_answered : []).map(str).filter(Boolean).forEach(function (t) {
          node.appendChild(el("p", { className: "lead not-answered" }, [unbroken(t)]));
        });
        if (originals.length) {
          // One line on where the translation comes from; the Swedish text, which applies, behind it.
          const provenance = str(tr.notice) || this.provenanceLabel(originals[0], W);
          if (provenance) {
            const p = el("p", { className: "provenance small" }, [unbroken(provenance)]);
            if (!str(tr.notice)) Object.keys(own).forEach((k) => p.setAttribute(k, own[k]));
            node.appendChild(p);
          }
          const details = el("details", { className: "original small" }, [
            el("summary", Object.assign({ text: W.t("UI_SWEDISH_ORIGINAL") }, own)),
          ]);
          originals.forEach(function (q) {
            details.appendChild(el("blockquote", { className: "quote", lang: "sv", dir: "ltr" }, [unbroken(str(q.text))]));
          });
          node.appendChild(details);
        }
      }

      if (d.pointer && typeof d.pointer === "object" && str(d.pointer.text) && str(d.answer).indexOf(str(d.pointer.text)) < 0) {
        node.appendChild(this.renderPointer(d.pointer, W, own));
      }
      const source = this.renderSource(d, quotes, W, own);
      if (source) node.appendChild(source);
      const related = this.renderRelated(d, lang, W);
      if (related) node.appendChild(related);
      const suggestions = this.renderSuggestions(d, W, own);
      if (suggestions) node.appendChild(suggestions);
      // "was this answer helpful?" under "Hello! …" asks of no answer: small talk gets none
      if (d.id && d.kind !== "smalltalk") node.appendChild(this.renderFeedback(m, W, own));
      return node;
    }

    /** Whether `text` names `name` as a whole (case aside): a lead naming its section. */
    mentions(text, name) {
      const n = str(name).trim().toLowerCase();
      if (!n) return false;
      const escaped = n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      return new RegExp("(^|[^\\p{L}\\p{N}])" + escaped + "($|[^\\p{L}\\p{N}])", "u").test(str(text).toLowerCase());
    }

    /** Whether a quote's line is just the item's name, maybe labelled: "Inriktning: Kommunikationer". */
    names(line, name) {
      const n = str(name).trim().toLowerCase();
      const bare = str(line).trim().replace(/^[^:：]{1,40}[:：]\s*/u, "").toLowerCase();
      return n !== "" && (bare === n || str(line).trim().toLowerCase() === n);
    }

    /** Three or more quotes from the same part of the page: the items of a list. */
    isList(quotes) {
      quotes = quotes.filter(function (q) {
        return !str(q.lead);
      });
      if (quotes.length < 3) return false;
      const parent = function (q) {
        return str(q.section).split(" › ").slice(0, -1).join(" › ");
      };
      const first = parent(quotes[0]);
      return (
        first !== "" &&
        quotes.every(function (q) {
          return parent(q) === first;
        })
      );
    }

    /** A quote's section name in the answer's language (a Swedish answer may use the page's own). */
    headingOf(q, lang) {
      const heading = str(q.heading);
      if (heading || lang !== "sv") return heading;
      return str(q.section).split(" › ").pop();
    }

    /** Small talk, a clarification or a refusal: the bot's words as they come. */
    renderPlain(node, d, W) {
      // With suggestions (a clarification's topics, small talk's questions) the lead says it all:
      // the answer text would list the same topics again.
      const suggested = Array.isArray(d.suggestions) && d.suggestions.length > 0;
      const text = (suggested && str(d.lead)) || str(d.answer) || str(d.lead);
      text
        .split(/\n{2,}/)
        .filter(function (p) {
          return p.trim();
        })
        .forEach(function (para) {
          node.appendChild(el("p", { className: "text" }, [linkified(para, W.t("UI_NEW_TAB"))]));
        });
    }

    provenanceLabel(q, W) {
      const t = q.translation || {};
      const key =
        t.provenance === "reviewed" ? "LABEL_REVIEWED" : t.provenance === "machine" ? "LABEL_MACHINE" : "LABEL_UNREVIEWED";
      return W.t(key).replace(/[:：]\s*$/, "");
    }

    renderPointer(p, W, own) {
      const box = el("div", { className: "pointer" }, [
        el("p", Object.assign({ className: "pointer-label small", text: W.t("UI_POINTER") }, own)),
        el("p", { className: "text" }, [unbroken(p.text)]),
      ]);
      const href = safeUrl(p.url);
      if (href) {
        box.appendChild(
          el("p", { className: "small" }, [externalLink(href, [str(p.topic) || hostOf(href)], W.t("UI_NEW_TAB"), hostOf(href))])
        );
      }
      return box;
    }

    /** The one source line, linked to the page it quotes (new tab), saying where it goes. */
    renderSource(d, quotes, W, own) {
      const s = d.source && typeof d.source === "object" ? d.source : null;
      let text = s ? str(s.text) : "";
      let href = s ? safeUrl(s.url) : null;
      let textOwn = {};
      if (!text && quotes.length) {
        const q = quotes[0];
        text = W.t("UI_SOURCE") + ": " + str(q.document);
        href = href || safeUrl(q.url);
        textOwn = own;
      }
      if (!text) return null;
      const p = el("p", Object.assign({ className: "source small" }, textOwn));
      if (href) p.appendChild(externalLink(href, [unbroken(text)], W.t("UI_NEW_TAB"), hostOf(href), "source-link"));
      else p.appendChild(unbroken(text));
      return p;
    }

    renderRelated(d, lang, W) {
      const related = Array.isArray(d.related) ? d.related : [];
      if (this.kindOf(d) !== "answer" || !related.length) return null;
      const ul = el("ul", { className: "related small" });
      related.forEach(function (r) {
        if (!r || typeof r !== "object") return;
        const translated = str(r.label);
        const label = translated || str(r.text) || str(r.title);
        if (!label) return;
        // A line the bot could not translate stays Swedish, marked so, inside the answer's direction.
        const text = translated ? label : el("span", { lang: "sv", dir: "ltr", text: label });
        const href = safeUrl(r.url);
        ul.appendChild(el("li", null, [href ? externalLink(href, [text], W.t("UI_NEW_TAB"), hostOf(href)) : text]));
      });
      return ul.children.length ? ul : null;
    }

    renderSuggestions(d, W, own) {
      const list = (Array.isArray(d.suggestions) ? d.suggestions : []).map(str).filter(Boolean).slice(0, 6);
      if (!list.length) return null;
      const ul = el("ul", Object.assign({ className: "suggestions", "aria-label": W.t("UI_SUGGESTIONS") }, own));
      list.forEach((s) => {
        const b = el("button", { type: "button", className: "chip", lang: str(d.lang) || null, text: s });
        b.addEventListener("click", () => this.ask(s));
        ul.appendChild(el("li", null, [b]));
      });
      return ul;
    }

    nameOf(code) {
      const found = this.chatLanguages.find(function (l) {
        return l.code === code;
      });
      return found ? found.name : code;
    }

    renderFeedback(m, W, own) {
      const group = el("div", Object.assign({ className: "feedback small", role: "group" }, own));
      const promptId = this.ids + "-fb-" + ++uid;
      group.setAttribute("aria-labelledby", promptId);
      group.appendChild(el("span", { id: promptId, text: W.t("UI_FEEDBACK_PROMPT") }));
      const yes = el("button", { type: "button", className: "fb fb-yes", "aria-pressed": m.feedback === true ? "true" : "false" }, [
        icon(ICON_UP),
        el("span", { className: "sr-only", text: W.t("UI_FEEDBACK_YES") }),
      ]);
      const no = el("button", { type: "button", className: "fb fb-no", "aria-pressed": m.feedback === false ? "true" : "false" }, [
        icon(ICON_DOWN),
        el("span", { className: "sr-only", text: W.t("UI_FEEDBACK_NO") }),
      ]);
      yes.setAttribute("title", W.t("UI_FEEDBACK_YES"));
      no.setAttribute("title", W.t("UI_FEEDBACK_NO"));
      yes.addEventListener("click", () => this.sendFeedback(m, true, yes, no, W));
      no.addEventListener("click", () => this.sendFeedback(m, false, yes, no, W));
      group.appendChild(yes);
      group.appendChild(no);
      return group;
    }

    sendFeedback(m, helpful, yes, no, W) {
      if (m.feedback === helpful) {
        this.setStatus(W.t("UI_FEEDBACK_THANKS"), null, W.lang);
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
            this.setStatus(W.t("UI_FEEDBACK_THANKS"), null, W.lang);
            this.save();
          },
          () => {
            throw new Error("unreachable");
          }
        )
        .catch(() => this.setStatus(W.t("UI_ERROR"), null, W.lang))
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
