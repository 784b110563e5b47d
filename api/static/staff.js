/*
 * The staff console: try questions with their evidence, run the evaluation, review translations
 * and read the question log. Every staff call carries `Authorization: Bearer <token>` and
 * `X-Staff-Name: <name>`. The token lives in sessionStorage ("kiruna-staff") for this tab only.
 * Everything the server sends is shown with textContent, never as HTML.
 */
(function () {
  "use strict";

  const { byId, el, clear, str, when, safeUrl, status, headerSafe, loadSession, saveSession, clearSession } =
    window.KirunaStaff;
  const PROVENANCE = {
    reviewed: "Translation reviewed by Kiruna kommun",
    unreviewed: "Translation, not yet reviewed by Kiruna kommun",
    machine: "Machine translation, not reviewed",
    original: "Original Swedish text",
    catalog: "The bot's own words (message catalog)",
  };

  let session = null; // { token, name }
  let languages = [];
  let sentences = null;
  let lastTry = null;

  // ----------------------------------------------------------------------------------------
  // Helpers
  // ----------------------------------------------------------------------------------------

  function num(v, digits) {
    return typeof v === "number" && isFinite(v) ? v.toFixed(digits === undefined ? 3 : digits) : "–";
  }

  function langName(code) {
    const l = languages.find((x) => x.code === code);
    return l ? l.english_name + " (" + l.code + ")" : str(code);
  }

  function dirOf(code) {
    const l = languages.find((x) => x.code === code);
    return l && l.dir === "rtl" ? "rtl" : "ltr";
  }

  // ----------------------------------------------------------------------------------------
  // Session and API
  // ----------------------------------------------------------------------------------------

  class AuthError extends Error {}

  class HttpError extends Error {
    constructor(statusCode, detail) {
      super(detail || "HTTP " + statusCode);
      this.status = statusCode;
    }
  }

  async function api(path, options) {
    const opts = options || {};
    if (!session) throw new AuthError("not signed in");
    const headers = {
      Authorization: "Bearer " + session.token,
      "X-Staff-Name": headerSafe(session.name || "staff"),
      Accept: opts.raw ? "text/csv" : "application/json",
    };
    const init = { method: opts.method || "GET", headers: headers, credentials: "omit", cache: "no-store" };
    if (opts.body !== undefined) {
      headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(opts.body);
    }
    let r;
    try {
      r = await fetch(path, init);
    } catch (e) {
      throw new HttpError(0, "The server cannot be reached. Check the connection and try again.");
    }
    if (r.status === 401) {
      signOut("Your session has ended or the token is not valid. Please sign in again.");
      throw new AuthError("unauthorized");
    }
    if (!r.ok) {
      let detail = "";
      try {
        const body = await r.json();
        detail = typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail);
      } catch (e) {
        detail = r.statusText;
      }
      if (r.status === 404 && path.indexOf("/v1/staff/") === 0 && detail === "Not Found") {
        detail = "The staff console is switched off on this server (no staff token is configured).";
      }
      throw new HttpError(r.status, "Error " + r.status + ": " + (detail || "request failed"));
    }
    return opts.raw ? r.blob() : r.json();
  }

  /** Runs an action; shows its error in a status region (a 401 has already signed out). */
  async function guarded(statusId, fn) {
    try {
      return await fn();
    } catch (e) {
      if (!(e instanceof AuthError)) status(statusId, e.message || "Something went wrong.", "error");
      return undefined;
    }
  }

  // ----------------------------------------------------------------------------------------
  // Sign in / out
  // ----------------------------------------------------------------------------------------

  function showSignIn(message) {
    byId("console").hidden = true;
    byId("console-nav").hidden = true;
    byId("who").hidden = true;
    byId("sign-in").hidden = false;
    const msg = byId("sign-in-message");
    msg.hidden = !message;
    msg.textContent = message || "";
  }

  function showConsole() {
    byId("sign-in").hidden = true;
    byId("sign-in-message").hidden = true;
    byId("console").hidden = false;
    byId("console-nav").hidden = false;
    byId("who").hidden = false;
    byId("who-name").textContent = session.name || "staff";
  }

  function signOut(message) {
    session = null;
    clearSession();
    byId("staff-token").value = "";
    showSignIn(message);
    byId(message ? "staff-token" : "staff-name").focus();
  }

  async function signIn(ev) {
    ev.preventDefault();
    const name = byId("staff-name").value.trim();
    const token = byId("staff-token").value.trim();
    if (!name || !token) {
      showSignIn("Enter your name and the staff token.");
      byId(name ? "staff-token" : "staff-name").focus();
      return;
    }
    session = { token: token, name: name.slice(0, 200) };
    try {
      await api("/v1/staff/eval-cases");
    } catch (e) {
      if (!(e instanceof AuthError)) {
        session = null;
        showSignIn(e.message);
      } else {
        showSignIn("That token is not valid. Check it and try again.");
      }
      byId("staff-token").focus();
      return;
    }
    saveSession(session);
    byId("staff-token").value = "";
    enterConsole(true);
  }

  function enterConsole(moveFocus) {
    showConsole();
    status("global-status", "Signed in as " + (session.name || "staff") + ".", "ok");
    if (moveFocus) {
      const h = byId("console").querySelector("h1");
      h.setAttribute("tabindex", "-1");
      h.focus();
    }
    loadLanguages().then(function () {
      loadSentences();
      loadCases();
      loadTranslations();
      loadQuestions();
    });
  }

  // ----------------------------------------------------------------------------------------
  // Languages and sentences (for the selects)
  // ----------------------------------------------------------------------------------------

  async function loadLanguages() {
    try {
      const r = await fetch("/v1/languages", { credentials: "omit", headers: { Accept: "application/json" } });
      if (r.ok) languages = await r.json();
    } catch (e) {
      /* keep what we have */
    }
    if (!Array.isArray(languages)) languages = [];
    fillLangSelect(byId("try-lang"), true);
    fillLangSelect(byId("case-lang"), false);
    fillLangSelect(byId("tr-lang"), true);
    fillLangSelect(byId("q-lang"), true);
    if (!byId("tr-lang").dataset.touched && languages.some((l) => l.code === "fi")) byId("tr-lang").value = "fi";
  }

  function fillLangSelect(select, keepFirst) {
    const first = keepFirst && select.options.length ? select.options[0] : null;
    const value = select.value;
    clear(select);
    if (first) select.appendChild(first);
    languages.forEach((l) => {
      select.appendChild(el("option", { value: l.code, text: l.english_name + " – " + l.name + " (" + l.code + ")" }));
    });
    select.value = value;
    if (select.selectedIndex < 0) select.selectedIndex = 0;
  }

  async function loadSentences() {
    const list = await guarded("case-status", () => api("/v1/staff/sentences"));
    if (!Array.isArray(list)) return;
    sentences = list;
    fillSentenceSelect();
  }

  function fillSentenceSelect(preferred) {
    const select = byId("case-answer");
    clear(select);
    select.appendChild(el("option", { value: "", text: "— Should be refused (no passage answers it) —" }));
    const groups = new Map();
    (sentences || []).forEach((s) => {
      const key = str(s.section) || str(s.chunk_id);
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(s);
    });
    groups.forEach((items, section) => {
      const group = el("optgroup", { label: section });
      items.forEach((s) => {
        group.appendChild(el("option", { value: str(s.id), lang: "sv", text: str(s.text) }));
      });
      select.appendChild(group);
    });
    if (preferred !== undefined) select.value = preferred;
  }

  function sentenceText(id) {
    const s = (sentences || []).find((x) => str(x.id) === id);
    return s ? s.text : null;
  }

  // ----------------------------------------------------------------------------------------
  // Try a question
  // ----------------------------------------------------------------------------------------

  async function tryQuestion(ev) {
    ev.preventDefault();
    const message = byId("try-message").value.trim();
    if (!message) {
      status("try-status", "Write a question first.", "error");
      byId("try-message").focus();
      return;
    }
    const lang = byId("try-lang").value;
    status("try-status", "Asking…");
    const body = { message: message };
    if (lang) body.lang = lang;
    const result = await guarded("try-status", () => api("/v1/staff/try", { method: "POST", body: body }));
    if (!result) return;
    lastTry = { message: message, lang: lang, result: result };
    renderTry(result);
    status("try-status", "Answer ready: " + (result.answer && result.answer.answered ? "answered" : "refused") + ".", "ok");
  }

  function renderTry(result) {
    const answer = result.answer || {};
    byId("try-result").hidden = false;
    renderResidentAnswer(byId("try-answer"), answer);

    const facts = clear(byId("try-facts"));
    const scope = result.scope || {};
    const tr = answer.translation || {};
    const provenance = tr.provenance || (answer.quote && answer.quote.translation && answer.quote.translation.provenance);
    const add = (term, value, cls) => {
      facts.appendChild(el("dt", { text: term }));
      facts.appendChild(el("dd", { className: cls || null, text: value }));
    };
    add("Detected language", result.detected_lang ? langName(result.detected_lang) : "–");
    add("Answer language", langName(answer.lang));
    add("Outcome", answer.answered ? "Answered" : "Refused", answer.answered ? "ok" : "bad");
    add("Scope decision", (scope.in_scope ? "In scope" : "Out of scope") + " (score " + num(scope.score) + ")");
    add("Scope reason", str(scope.reason) || "–");
    if (answer.refusal_reason) add("Refusal reason", answer.refusal_reason);
    add(
      "Translation",
      (provenance ? PROVENANCE[provenance] || provenance : "–") +
        "; provider " +
        (str(tr.provider) || "–") +
        "; " +
        (tr.available === false ? "not available" : "available")
    );
    if (tr.notice) add("Notice shown", tr.notice, "bad");
    add("Question asks for", (result.asks || []).length ? result.asks.join(", ") : "–");

    const tbody = clear(byId("try-retrieved").tBodies[0]);
    (result.retrieved || []).forEach((r, i) => {
      tbody.appendChild(
        el("tr", null, [
          el("th", { scope: "row", className: "num", text: String(i + 1) }),
          el("td", { lang: "sv", text: str(r.section) }),
          el("td", { className: "num", text: num(r.dense) }),
          el("td", { className: "num", text: num(r.lexical) }),
          el("td", { className: "num", text: num(r.fused) }),
          el("td", { text: (r.answer_types || []).join(", ") || "–" }),
          el("td", { lang: "sv", className: "passage", text: str(r.text) }),
        ])
      );
    });

    // Prefill "save as eval case"
    byId("case-question").value = lastTry.message;
    const caseLang = lastTry.lang || result.detected_lang || "sv";
    byId("case-lang").value = caseLang;
    let preferred = "";
    if (answer.answered && answer.quote && sentences) {
      const hit = sentences.find((s) => s.chunk_id === answer.quote.chunk_id && answer.quote.text.indexOf(s.text) >= 0);
      if (hit) preferred = str(hit.id);
    }
    fillSentenceSelect(preferred);
  }

  function renderResidentAnswer(box, a) {
    clear(box);
    const dir = a.dir === "rtl" ? "rtl" : "ltr";
    box.setAttribute("lang", str(a.lang) || "sv");
    box.setAttribute("dir", dir);
    const tr = a.translation || {};
    if (tr.available === false && tr.notice) box.appendChild(el("p", { className: "notice", text: tr.notice }));
    const quotes = Array.isArray(a.quotes) && a.quotes.length ? a.quotes : a.quote ? [a.quote] : [];
    if (!a.answered || !quotes.length) {
      box.appendChild(el("p", { className: "pre", text: str(a.answer) }));
      return;
    }
    if (a.lead) box.appendChild(el("p", { text: str(a.lead) }));
    quotes.forEach((q) => {
      const block = el("div", { className: "quote-block" });
      if (q.lead) block.appendChild(el("p", { text: str(q.lead) }));
      if (q.translation && q.translation.text) {
        block.appendChild(
          el("p", { className: "label", lang: "en", dir: "ltr", text: PROVENANCE[q.translation.provenance] || q.translation.provenance })
        );
        block.appendChild(el("p", { className: "pre", text: q.translation.text }));
      }
      block.appendChild(el("p", { className: "label", lang: "en", dir: "ltr", text: "Official text (Swedish)" }));
      block.appendChild(el("blockquote", { lang: "sv", dir: "ltr", className: "pre", text: str(q.text) }));
      if (q.fallback && q.fallback.fi) {
        block.appendChild(el("p", { className: "label", lang: "en", dir: "ltr", text: "In Finnish" }));
        block.appendChild(el("blockquote", { lang: "fi", dir: "ltr", className: "pre", text: q.fallback.fi }));
      }
      const src = el("p", { className: "source", lang: "sv", dir: "ltr" }, [
        str(q.document) + " › " + str(q.section) + (q.adopted ? ". " + q.adopted + "." : "."),
      ]);
      const href = safeUrl(q.url);
      if (href) {
        src.appendChild(document.createTextNode(" "));
        src.appendChild(el("a", { href: href, target: "_blank", rel: "noopener", text: href }));
      }
      block.appendChild(src);
      box.appendChild(block);
    });
  }

  async function saveCase(ev) {
    ev.preventDefault();
    const question = byId("case-question").value.trim();
    const lang = byId("case-lang").value;
    const sid = byId("case-answer").value;
    if (!question) {
      status("case-status", "The question is empty.", "error");
      byId("case-question").focus();
      return;
    }
    const answer = sid ? sentenceText(sid) : null;
    const saved = await guarded("case-status", () =>
      api("/v1/staff/eval-cases", { method: "POST", body: { lang: lang, question: question, answer: answer } })
    );
    if (!saved) return;
    status(
      "case-status",
      "Saved eval case " + str(saved.id) + (answer ? " (expects a passage)." : " (should be refused)."),
      "ok"
    );
    loadCases();
  }

  async function loadCases() {
    const cases = await guarded("case-status", () => api("/v1/staff/eval-cases"));
    if (!Array.isArray(cases)) return;
    const tbody = clear(byId("cases-table").tBodies[0]);
    if (!cases.length) {
      tbody.appendChild(el("tr", null, [el("td", { colspan: "5", text: "No saved cases yet." })]));
      return;
    }
    cases.forEach((c) => {
      tbody.appendChild(
        el("tr", null, [
          el("td", { text: str(c.lang) }),
          el("th", { scope: "row", lang: str(c.lang) || null, dir: dirOf(c.lang), text: str(c.question) }),
          el("td", { lang: "sv", text: c.answer === null ? "(should be refused)" : str(c.answer) }),
          el("td", { text: str(c.created_by) }),
          el("td", { text: when(c.created_at) }),
        ])
      );
    });
  }

  // ----------------------------------------------------------------------------------------
  // Evaluation
  // ----------------------------------------------------------------------------------------

  const METRICS = [
    ["questions", "Questions", 0],
    ["in_scope", "In scope", 0],
    ["out_of_scope", "Out of scope", 0],
    ["recall_at_1", "Recall@1", 3],
    ["recall_at_3", "Recall@3", 3],
    ["mrr", "MRR", 3],
    ["quote_hit_rate", "Quote hit", 3],
    ["refusal_rate", "Refusal rate", 3],
    ["false_refusal_rate", "False refusals", 3],
    ["verbatim_rate", "Verbatim", 3],
  ];

  async function runEval() {
    const button = byId("eval-run");
    button.disabled = true;
    status("eval-status", "Running the evaluation… this can take a minute.");
    try {
      const report = await guarded("eval-status", () => api("/v1/staff/eval", { method: "POST" }));
      if (!report) return;
      renderEval(report);
      const n = (report.overall && report.overall.questions) || 0;
      status("eval-status", "Evaluation finished: " + n + " questions, " + (report.failures || []).length + " failures.", "ok");
    } finally {
      button.disabled = false;
    }
  }

  function renderEval(report) {
    byId("eval-result").hidden = false;
    const overall = clear(byId("eval-overall"));
    METRICS.forEach(([key, label, digits]) => {
      const v = (report.overall || {})[key];
      overall.appendChild(
        el("div", null, [el("dt", { text: label }), el("dd", { text: digits ? num(v, digits) : str(v) })])
      );
    });
    const tbody = clear(byId("eval-by-lang").tBodies[0]);
    Object.entries(report.by_lang || {}).forEach(([lang, s]) => {
      const cells = METRICS.map(([key, , digits]) =>
        el("td", { className: "num", text: digits ? num(s[key], digits) : str(s[key]) })
      );
      tbody.appendChild(el("tr", null, [el("th", { scope: "row", text: langName(lang) })].concat(cells)));
    });
    const foot = byId("eval-by-lang").tFoot || byId("eval-by-lang").createTFoot();
    clear(foot);
    const o = report.overall || {};
    foot.appendChild(
      el(
        "tr",
        null,
        [el("th", { scope: "row", text: "All languages" })].concat(
          METRICS.map(([key, , digits]) => el("td", { className: "num", text: digits ? num(o[key], digits) : str(o[key]) }))
        )
      )
    );
    const fbody = clear(byId("eval-failures").tBodies[0]);
    const failures = report.failures || [];
    if (!failures.length) fbody.appendChild(el("tr", null, [el("td", { colspan: "7", text: "No failures." })]));
    failures.forEach((f) => {
      fbody.appendChild(
        el("tr", null, [
          el("th", { scope: "row", text: str(f.id) }),
          el("td", { text: str(f.lang) }),
          el("td", { lang: str(f.lang) || null, dir: dirOf(f.lang), text: str(f.question) }),
          el("td", { lang: "sv", text: f.expected === null ? "(should be refused)" : str(f.expected) }),
          el("td", { text: f.answered ? "yes" : "no" }),
          el("td", { className: "num", text: f.rank === null || f.rank === undefined ? "–" : str(f.rank) }),
          el("td", { className: "num", text: num(f.top_score) }),
        ])
      );
    });
  }

  // ----------------------------------------------------------------------------------------
  // Translations
  // ----------------------------------------------------------------------------------------

  const STATUS_TEXT = { all: "", unreviewed: "not reviewed ", reviewed: "reviewed ", stale: "stale " };
  let trGroups = 0;

  async function loadTranslations(ev) {
    if (ev) ev.preventDefault();
    const params = new URLSearchParams();
    const lang = byId("tr-lang").value;
    const state = byId("tr-state").value || "all";
    if (lang) params.set("lang", lang);
    if (state !== "all") params.set("status", state);
    status("tr-status", "Loading translations…");
    const rows = await guarded("tr-status", () => api("/v1/staff/translations?" + params.toString()));
    if (!Array.isArray(rows)) return;
    const box = clear(byId("tr-groups"));
    const groups = groupBySection(rows);
    groups.forEach((g) => box.appendChild(translationGroup(g)));
    if (!rows.length) box.appendChild(el("p", { text: "No translations match." }));
    const stale = rows.filter((r) => r.stale).length;
    status(
      "tr-status",
      rows.length +
        " " +
        STATUS_TEXT[state] +
        "translation" +
        (rows.length === 1 ? "" : "s") +
        " in " +
        groups.length +
        " section" +
        (groups.length === 1 ? "" : "s") +
        (stale ? ", " + stale + " stale." : "."),
      "ok"
    );
  }

  /** Entries come in page order; consecutive ones of a section form a group. Stale ones last, together. */
  function groupBySection(rows) {
    const groups = [];
    const byKey = new Map();
    rows.forEach((r) => {
      const key = r.stale || !r.chunk_id ? "__stale" : str(r.chunk_id);
      let g = byKey.get(key);
      if (!g) {
        g = { key: key, section: key === "__stale" ? null : str(r.section) || key, entries: [] };
        byKey.set(key, g);
        groups.push(g);
      }
      g.entries.push(r);
    });
    return groups;
  }

  function translationGroup(g) {
    const n = ++trGroups;
    const headingId = "tr-group-" + n;
    const heading = el("h3", {
      id: headingId,
      tabindex: "-1",
      lang: g.section ? "sv" : null,
      text: g.section || "No longer on the page (stale)",
    });
    const count = el("p", { className: "tr-count" });
    const approveAll = el("button", { type: "button", className: "secondary approve-section", "aria-describedby": headingId });
    const head = el("div", { className: "tr-group-head" }, [heading, count, approveAll]);
    const list = el("ol", { className: "tr-list", "aria-labelledby": headingId });
    const group = el("div", { className: "tr-group", "data-section": g.key }, [head, list]);
    g.entries.forEach((entry) => list.appendChild(translationItem(entry, () => refreshGroup(group, g))));
    approveAll.addEventListener("click", () => approveSection(group, g, heading));
    refreshGroup(group, g);
    return group;
  }

  /** The group's count and its "approve section" button, from its entries as they are now. */
  function refreshGroup(group, g) {
    const current = g.entries.filter((e) => !e.stale);
    const reviewed = current.filter((e) => e.reviewed).length;
    const open = current.length - reviewed;
    group.querySelector(".tr-count").textContent = g.section
      ? reviewed + " of " + current.length + " reviewed"
      : g.entries.length + " stale: translations of Swedish text that is no longer on the page";
    const button = group.querySelector(".approve-section");
    button.hidden = open === 0;
    button.textContent = "Approve section (" + open + ")";
  }

  async function approveSection(group, g, heading) {
    const ids = g.entries.filter((e) => !e.stale && !e.reviewed).map((e) => e.id);
    if (!ids.length) return;
    const approved = await guarded("tr-status", () =>
      api("/v1/staff/translations/approve", { method: "POST", body: { ids: ids } })
    );
    if (!Array.isArray(approved)) return;
    approved.forEach((entry) => {
      const i = g.entries.findIndex((e) => e.id === entry.id);
      if (i >= 0) g.entries[i] = entry;
      const item = group.querySelector("li[data-entry='" + str(entry.id) + "']");
      if (item) fillTranslationItem(item, entry, () => refreshGroup(group, g));
    });
    refreshGroup(group, g);
    status(
      "tr-status",
      "Approved " + approved.length + " translation" + (approved.length === 1 ? "" : "s") + " in “" + (g.section || "") +
        "” as " + session.name + ".",
      "ok"
    );
    heading.focus();
  }

  function translationItem(entry, changed) {
    const item = el("li", { className: "tr-item", "data-entry": str(entry.id) });
    fillTranslationItem(item, entry, changed);
    return item;
  }

  function stateLine(entry) {
    const line = el("p", { className: "tr-state" });
    if (entry.reviewed) {
      line.appendChild(el("span", { className: "state reviewed", text: "Reviewed" }));
      line.appendChild(
        document.createTextNode(
          " by " + (str(entry.reviewer) || "–") + (entry.reviewed_at ? ", " + when(entry.reviewed_at) : "")
        )
      );
    } else {
      line.appendChild(el("span", { className: "state unreviewed", text: "Not reviewed" }));
    }
    line.appendChild(el("span", { className: "provider", text: " · Provider: " + (str(entry.provider) || "–") }));
    return line;
  }

  function fillTranslationItem(item, entry, changed) {
    clear(item);
    const id = str(entry.id);
    item.className = "tr-item" + (entry.stale ? " stale" : "");
    item.dataset.reviewed = entry.reviewed ? "true" : "false";
    item.dataset.kind = str(entry.kind);
    const textId = "tr-text-" + id;
    const area = el("textarea", {
      id: textId,
      lang: str(entry.lang),
      dir: dirOf(entry.lang),
      rows: entry.kind === "heading" ? "1" : "3",
    });
    area.value = str(entry.text);

    const kind = entry.kind === "heading" ? "Heading" : entry.kind === "sentence" ? "Sentence" : "Segment";
    const source = el("div", { className: "tr-source" }, [
      el("p", { className: "tr-kind", text: kind + " · Swedish source" }),
      el("p", { className: "tr-sv pre", lang: "sv", text: str(entry.source_text) }),
    ]);
    const save = el("button", { type: "button", className: "secondary", "aria-label": "Save translation " + id, text: "Save" });
    const approve = el("button", {
      type: "button",
      className: "primary",
      "aria-label": "Approve translation " + id,
      text: "Approve",
    });
    save.addEventListener("click", () => saveTranslation(item, entry, area, false, changed));
    approve.addEventListener("click", () => saveTranslation(item, entry, area, true, changed));
    const target = el("div", { className: "tr-target" }, [
      el("label", { for: textId, text: langName(entry.lang) + " translation " + id }),
      area,
      stateLine(entry),
      entry.stale
        ? el("p", { className: "stale-flag", text: "Stale: the Swedish text has changed since this was translated" })
        : null,
      el("div", { className: "actions" }, [save, approve]),
    ]);
    item.appendChild(source);
    item.appendChild(target);
  }

  async function saveTranslation(item, entry, area, approve, changed) {
    const id = str(entry.id);
    const text = area.value;
    let current = entry;
    if (text.trim() && text !== entry.text) {
      const saved = await guarded("tr-status", () =>
        api("/v1/staff/translations/" + encodeURIComponent(id), { method: "PUT", body: { text: text } })
      );
      if (!saved) return;
      current = saved;
    } else if (!text.trim()) {
      status("tr-status", "Translation " + id + " is empty; nothing saved.", "error");
      return;
    } else if (!approve) {
      status("tr-status", "Translation " + id + ": no changes to save.");
      return;
    }
    if (approve) {
      const approved = await guarded("tr-status", () =>
        api("/v1/staff/translations/" + encodeURIComponent(id) + "/approve", { method: "POST" })
      );
      if (!approved) return;
      current = approved;
    }
    Object.assign(entry, current);
    fillTranslationItem(item, entry, changed);
    changed();
    const msg = approve
      ? "Translation " + id + " approved by " + (str(current.reviewer) || session.name) + "."
      : "Translation " + id + " saved; it now needs review.";
    status("tr-status", msg, "ok");
    const focusTarget = item.querySelector(approve ? "button.primary" : "button.secondary");
    if (focusTarget) focusTarget.focus();
  }

  // ----------------------------------------------------------------------------------------
  // Questions
  // ----------------------------------------------------------------------------------------

  async function loadQuestions(ev) {
    if (ev) ev.preventDefault();
    const params = new URLSearchParams();
    const lang = byId("q-lang").value;
    const answered = byId("q-answered").value;
    if (lang) params.set("lang", lang);
    if (answered) params.set("answered", answered);
    status("q-status", "Loading questions…");
    const [list, top] = await Promise.all([
      guarded("q-status", () => api("/v1/staff/questions?" + params.toString())),
      guarded("q-status", () => api("/v1/staff/questions/top-unanswered")),
    ]);
    if (Array.isArray(list)) {
      const tbody = clear(byId("q-table").tBodies[0]);
      if (!list.length) tbody.appendChild(el("tr", null, [el("td", { colspan: "7", text: "No questions yet." })]));
      list.forEach((q) => {
        tbody.appendChild(
          el("tr", null, [
            el("td", { text: when(q.created_at) }),
            el("th", { scope: "row", lang: str(q.detected_lang || q.lang) || null, dir: dirOf(q.detected_lang || q.lang), text: str(q.text) }),
            el("td", { text: str(q.lang) }),
            el("td", { text: str(q.detected_lang) || "–" }),
            el("td", { className: q.answered ? "ok" : "bad", text: q.answered ? "Answered" : "Refused" }),
            el("td", { className: "num", text: str(q.helpful || 0) }),
            el("td", { className: "num", text: str(q.unhelpful || 0) }),
          ])
        );
      });
      status("q-status", list.length + " question" + (list.length === 1 ? "" : "s") + " shown.", "ok");
    }
    if (top && typeof top === "object") renderTop(top);
  }

  function renderTop(top) {
    const box = clear(byId("q-top"));
    const langs = Object.keys(top).filter((k) => Array.isArray(top[k]) && top[k].length);
    if (!langs.length) {
      box.appendChild(el("p", { text: "No unanswered questions." }));
      return;
    }
    const wrap = el("div", { className: "top-grid" });
    langs.forEach((lang) => {
      const capId = "q-top-" + lang;
      const table = el("table", { className: "data small", "aria-labelledby": capId }, [
        el("caption", { id: capId, text: langName(lang) }),
        el("thead", null, [
          el("tr", null, [el("th", { scope: "col", text: "Question" }), el("th", { scope: "col", className: "num", text: "Times" })]),
        ]),
      ]);
      const tbody = el("tbody");
      top[lang].forEach((pair) => {
        tbody.appendChild(
          el("tr", null, [
            el("th", { scope: "row", lang: lang, dir: dirOf(lang), text: str(pair[0]) }),
            el("td", { className: "num", text: str(pair[1]) }),
          ])
        );
      });
      table.appendChild(tbody);
      wrap.appendChild(table);
    });
    box.appendChild(wrap);
  }

  async function downloadCsv() {
    status("q-status", "Preparing questions.csv…");
    const blob = await guarded("q-status", () => api("/v1/staff/questions.csv", { raw: true }));
    if (!blob) return;
    const url = URL.createObjectURL(blob);
    const a = el("a", { href: url, download: "questions.csv", hidden: true });
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    status("q-status", "questions.csv downloaded.", "ok");
  }

  // ----------------------------------------------------------------------------------------
  // Start
  // ----------------------------------------------------------------------------------------

  function start() {
    byId("sign-in-form").addEventListener("submit", signIn);
    byId("sign-out").addEventListener("click", () => {
      signOut("");
      status("global-status", "Signed out.", "ok");
    });
    byId("try-form").addEventListener("submit", tryQuestion);
    byId("case-form").addEventListener("submit", saveCase);
    byId("eval-run").addEventListener("click", runEval);
    byId("tr-filter").addEventListener("submit", loadTranslations);
    byId("tr-lang").addEventListener("change", () => {
      byId("tr-lang").dataset.touched = "1";
    });
    byId("q-filter").addEventListener("submit", loadQuestions);
    byId("q-csv").addEventListener("click", downloadCsv);

    session = loadSession();
    if (session) {
      byId("staff-name").value = session.name;
      enterConsole(false);
    } else {
      showSignIn("");
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
