/*
 * The content pages: import a changed page, review what changes, publish or roll back, write pointers
 * for topics the page does not cover, and see refused questions grouped by meaning. Every call carries
 * `Authorization: Bearer <token>` and `X-Staff-Name`; the session ("kiruna-staff" in sessionStorage) is the
 * staff console's, for this tab only. Everything the server sends is shown with textContent, never as HTML.
 */
(function () {
  "use strict";

  const { byId, el, clear, str, when, safeUrl, status, headerSafe, loadSession, saveSession, clearSession } =
    window.KirunaStaff;
  const API = "/v1/staff/content";
  const KIND = { changed: "Reworded", added: "Added", removed: "Removed" };
  const POLL_MS = 700;

  let session = null;
  let overview = null; // GET /documents
  let reviewed = null; // the version shown in the review

  // ------------------------------------------------------------------------------------------
  // Helpers
  // ------------------------------------------------------------------------------------------

  function sleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
  }

  // ------------------------------------------------------------------------------------------
  // Session and API
  // ------------------------------------------------------------------------------------------

  class ApiError extends Error {
    constructor(status, detail) {
      super(detail);
      this.status = status;
    }
  }

  async function api(path, options) {
    const opts = Object.assign({ method: "GET" }, options || {});
    const headers = {
      Authorization: "Bearer " + session.token,
      "X-Staff-Name": headerSafe(session.name || "staff"),
    };
    if (opts.body !== undefined) {
      headers["Content-Type"] = "application/json";
      opts.body = JSON.stringify(opts.body);
    }
    opts.headers = headers;
    const response = await fetch(API + path, opts);
    if (response.status === 204) return null;
    let data = null;
    try {
      data = await response.json();
    } catch (e) {
      data = null;
    }
    if (!response.ok) {
      const detail = data && typeof data.detail === "string" ? data.detail : "The server answered " + response.status;
      throw new ApiError(response.status, detail);
    }
    return data;
  }

  function failed(id, err) {
    if (err instanceof ApiError && err.status === 401) {
      signOut("The staff token is not valid. Please sign in again.");
      return;
    }
    status(id, err && err.message ? err.message : "Something went wrong.", "error");
  }

  function signOut(message) {
    clearSession();
    session = null;
    byId("console").hidden = true;
    byId("content-nav").hidden = true;
    byId("who").hidden = true;
    byId("sign-in").hidden = false;
    const msg = byId("sign-in-message");
    msg.hidden = !message;
    msg.textContent = message || "";
    byId("staff-token").value = "";
  }

  async function signIn(s) {
    session = s;
    try {
      await loadOverview();
    } catch (err) {
      signOut(err instanceof ApiError && err.status === 401 ? "The staff token is not valid." : err.message);
      return false;
    }
    saveSession(s);
    byId("sign-in").hidden = true;
    byId("console").hidden = false;
    byId("content-nav").hidden = false;
    byId("who").hidden = false;
    byId("who-name").textContent = s.name || "staff";
    loadTopics().catch((err) => failed("topic-status-line", err));
    return true;
  }

  // ------------------------------------------------------------------------------------------
  // Documents and versions
  // ------------------------------------------------------------------------------------------

  function versionLabel(v) {
    return v.doc_id + " · version " + v.number + " (" + v.id + ")" + (v.published ? " · published" : "");
  }

  async function loadOverview() {
    overview = await api("/documents");
    renderServing();
    renderVersions();
    fillSelects();
    return overview;
  }

  function renderServing() {
    const node = clear(byId("serving"));
    const docs = overview.documents || [];
    node.appendChild(el("h2", { className: "small-heading", text: "Published now" }));
    const list = el("ul", { className: "plain" });
    docs.forEach((d) => {
      const v = (d.versions || []).find((x) => x.id === d.published);
      const served = (overview.serving || {})[d.id];
      const line = v
        ? d.title + ": version " + v.number + " (" + v.id + "), last modified " + str(v.last_modified || "–")
        : d.title + ": not published";
      const note = served && served !== d.published ? " — this server still answers from " + served : "";
      list.appendChild(el("li", { "data-doc": d.id, text: line + note }));
    });
    node.appendChild(list);
  }

  function fillSelects() {
    const docs = overview.documents || [];
    ["import-doc", "import-url-doc"].forEach((id) => {
      const select = byId(id);
      const keep = select.value;
      clear(select).appendChild(el("option", { value: "", text: "Find it from the page" }));
      docs.forEach((d) => select.appendChild(el("option", { value: d.id, text: d.title + " (" + d.id + ")" })));
      select.value = keep;
    });
    const versions = docs.flatMap((d) => d.versions || []);
    const review = byId("review-version");
    const against = byId("review-against");
    const keepReview = review.value;
    const keepAgainst = against.value;
    clear(review);
    clear(against).appendChild(el("option", { value: "", text: "The published version" }));
    versions.forEach((v) => {
      review.appendChild(el("option", { value: v.id, text: versionLabel(v) }));
      against.appendChild(el("option", { value: v.id, text: versionLabel(v) }));
    });
    if (keepReview && versions.some((v) => v.id === keepReview)) review.value = keepReview;
    if (keepAgainst && versions.some((v) => v.id === keepAgainst)) against.value = keepAgainst;
  }

  function renderVersions() {
    const host = clear(byId("versions-list"));
    (overview.documents || []).forEach((d) => {
      const headingId = "versions-" + d.id;
      host.appendChild(el("h3", { id: headingId, text: d.title + " (" + d.id + ")" }));
      const published = (d.versions || []).find((v) => v.id === d.published);
      const tbody = el("tbody");
      (d.versions || []).forEach((v) => {
        const actions = el("td", { className: "actions" });
        actions.appendChild(
          el("button", { type: "button", className: "secondary", "data-review": v.id, text: "Review" })
        );
        if (!v.published) {
          const earlier = published && v.number < published.number;
          actions.appendChild(
            el("button", {
              type: "button",
              className: earlier ? "secondary" : "primary",
              "data-publish": v.id,
              "data-action": earlier ? "rollback" : "publish",
              text: earlier ? "Roll back to version " + v.number : "Publish version " + v.number,
            })
          );
        }
        tbody.appendChild(
          el("tr", { "data-version": v.id, className: v.published ? "current" : null }, [
            el("th", { scope: "row" }, [
              "Version " + v.number,
              el("span", { className: "id", text: v.id }),
              v.published ? el("span", { className: "badge ok", text: "Published" }) : null,
            ]),
            el("td", { text: str(v.last_modified || "–") }),
            el("td", { text: when(v.imported_at) + " by " + str(v.imported_by) }),
            el("td", { className: "origin", text: str(v.origin) }),
            actions,
          ])
        );
      });
      host.appendChild(
        el("div", { className: "table-wrap", role: "region", "aria-labelledby": headingId, tabindex: "0" }, [
          el("table", { className: "data versions" }, [
            el("thead", null, [
              el("tr", null, [
                el("th", { scope: "col", text: "Version" }),
                el("th", { scope: "col", text: "Last modified (page)" }),
                el("th", { scope: "col", text: "Imported" }),
                el("th", { scope: "col", text: "From" }),
                el("th", { scope: "col", text: "Actions" }),
              ]),
            ]),
            tbody,
          ]),
        ])
      );
    });
  }

  // ------------------------------------------------------------------------------------------
  // Import
  // ------------------------------------------------------------------------------------------

  function readFile(file) {
    return new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.onerror = () => reject(new Error("The file could not be read."));
      reader.readAsText(file, "utf-8");
    });
  }

  async function imported(result) {
    const v = result.version;
    const c = result.diff.counts;
    const what = result.created ? "Imported as version " + v.number : "Already imported as version " + v.number;
    status(
      "import-status",
      what + " (" + v.id + ") of " + v.doc_id + ": " + c.changed + " sentences reworded, " + c.added + " added, " +
        c.removed + " removed. Not published yet.",
      "ok"
    );
    await loadOverview();
    byId("review-version").value = v.id;
    byId("review-against").value = "";
    await showReview(v.id, "");
  }

  async function importFile(event) {
    event.preventDefault();
    const input = byId("import-file");
    const file = input.files && input.files[0];
    if (!file) {
      status("import-status", "Choose a file to import.", "error");
      input.focus();
      return;
    }
    status("import-status", "Importing " + file.name + "…");
    try {
      const content = await readFile(file);
      const body = { name: file.name, content: content };
      if (byId("import-doc").value) body.doc_id = byId("import-doc").value;
      await imported(await api("/import", { method: "POST", body: body }));
    } catch (err) {
      failed("import-status", err);
    }
  }

  async function importUrl(event) {
    event.preventDefault();
    const url = byId("import-url").value.trim();
    if (!url) {
      status("import-status", "Enter the address of the page.", "error");
      byId("import-url").focus();
      return;
    }
    status("import-status", "Fetching " + url + "…");
    try {
      const body = { url: url };
      if (byId("import-url-doc").value) body.doc_id = byId("import-url-doc").value;
      await imported(await api("/import-url", { method: "POST", body: body }));
    } catch (err) {
      failed("import-status", err);
    }
  }

  // ------------------------------------------------------------------------------------------
  // Review
  // ------------------------------------------------------------------------------------------

  function fact(term, value) {
    return el("div", null, [el("dt", { text: term }), el("dd", { text: String(value) })]);
  }

  function textCell(text, lang) {
    return el("td", { className: "passage", lang: text ? lang : null, text: text || "—" });
  }

  async function showReview(versionId, against) {
    status("review-status", "Comparing…");
    const query = against ? "?against=" + encodeURIComponent(against) : "";
    const r = await api("/versions/" + encodeURIComponent(versionId) + "/review" + query);
    reviewed = r;
    const counts = r.diff.counts;
    clear(byId("review-counts"));
    [
      ["Reworded", counts.changed],
      ["Added", counts.added],
      ["Removed", counts.removed],
      ["Unchanged", counts.unchanged],
    ].forEach(([term, value]) => byId("review-counts").appendChild(fact(term, value)));

    const tbody = clear(byId("changes-table").querySelector("tbody"));
    r.diff.changes.forEach((c) => {
      tbody.appendChild(
        el("tr", { "data-kind": c.kind }, [
          el("th", { scope: "row" }, [el("span", { className: "badge kind-" + c.kind, text: KIND[c.kind] })]),
          el("td", { lang: "sv", text: str(c.new_section || c.old_section) }),
          textCell(c.old, "sv"),
          textCell(c.new, "sv"),
        ])
      );
    });
    if (!r.diff.changes.length) {
      tbody.appendChild(el("tr", null, [el("td", { colspan: "4", text: "No sentence changes." })]));
    }

    const other = clear(byId("other-changes"));
    r.diff.headings_added.forEach((h) => other.appendChild(el("li", { lang: "sv", text: "New heading: " + h })));
    r.diff.headings_removed.forEach((h) => other.appendChild(el("li", { lang: "sv", text: "Heading removed: " + h })));
    r.diff.links.forEach((l) => {
      const href = safeUrl(l.new_url || l.old_url);
      other.appendChild(
        el("li", { "data-link": l.kind }, [
          "Link " + l.kind + ": ",
          el("span", { lang: "sv", text: l.text }),
          href ? " → " : "",
          href ? el("a", { href: href, rel: "noopener", target: "_blank", text: href }) : null,
        ])
      );
    });
    Object.entries(r.diff.metadata).forEach(([name, change]) => {
      other.appendChild(
        el("li", { text: name.replace("_", " ") + ": " + str(change.old || "–") + " → " + str(change.new || "–") })
      );
    });
    if (!other.children.length) other.appendChild(el("li", { text: "None." }));

    const stale = clear(byId("stale-table").querySelector("tbody"));
    const langs = new Set(Object.keys(r.untranslated || {}));
    r.stale_translations.forEach((s) => langs.add(s.lang));
    Array.from(langs).forEach((lang) => {
      const s = r.stale_translations.find((x) => x.lang === lang) || { count: 0, reviewed: 0, curated: 0 };
      stale.appendChild(
        el("tr", { "data-lang": lang }, [
          el("th", { scope: "row", text: lang }),
          el("td", { className: "num", text: String(s.count) }),
          el("td", { className: "num", text: String(s.reviewed) }),
          el("td", { className: "num", text: String(s.curated) }),
          el("td", { className: "num", text: String((r.untranslated || {})[lang] || 0) }),
        ])
      );
    });

    const cases = clear(byId("review-cases"));
    r.eval_cases.forEach((c) => cases.appendChild(el("li", { text: c.id + " [" + c.lang + "] " + c.question })));
    if (!r.eval_cases.length) cases.appendChild(el("li", { text: "None." }));
    const questions = clear(byId("review-questions"));
    r.questions.forEach((q) =>
      questions.appendChild(
        el("li", { text: q.count + " answers from " + q.chunk_id + (q.examples.length ? ", e.g. “" + q.examples[0] + "”" : "") })
      )
    );
    if (!r.questions.length) questions.appendChild(el("li", { text: "None." }));

    const version = (overview.documents || []).flatMap((d) => d.versions || []).find((v) => v.id === versionId);
    const button = byId("review-publish");
    button.hidden = !version || version.published;
    if (version) button.textContent = "Publish version " + version.number;
    byId("review-result").hidden = false;
    status(
      "review-status",
      (r.against ? "Version " + r.version + " compared with " + r.against : "Version " + r.version + ": a new document") +
        ".",
      "ok"
    );
  }

  async function review(event) {
    event.preventDefault();
    const version = byId("review-version").value;
    if (!version) return;
    try {
      await showReview(version, byId("review-against").value);
    } catch (err) {
      failed("review-status", err);
    }
  }

  // ------------------------------------------------------------------------------------------
  // Publish and roll back
  // ------------------------------------------------------------------------------------------

  async function publish(versionId, action) {
    const verb = action === "rollback" ? "Rolling back to" : "Publishing";
    status("publish-status", verb + " " + versionId + ": building the index in the background…");
    byId("versions").scrollIntoView({ block: "start" });
    try {
      let p = await api("/" + action, { method: "POST", body: { version_id: versionId } });
      while (p.state === "building") {
        await sleep(POLL_MS);
        p = await api("/publications/" + p.id);
      }
      if (p.state !== "published") {
        status("publish-status", "Publishing " + versionId + " failed: " + str(p.error), "error");
        return;
      }
      // The version table is refreshed before the status says "published", so the two never disagree.
      await loadOverview();
      status("publish-status", versionId + " is published. Every server answers from it within seconds.", "ok");
      for (let i = 0; i < 20; i++) {
        if (Object.values(overview.serving || {}).indexOf(versionId) >= 0) break;
        await sleep(POLL_MS);
        await loadOverview();
      }
      if (reviewed && reviewed.version === versionId) byId("review-publish").hidden = true;
    } catch (err) {
      failed("publish-status", err);
    }
  }

  // ------------------------------------------------------------------------------------------
  // Topics
  // ------------------------------------------------------------------------------------------

  let topics = [];

  function topicForm(t) {
    byId("topic-id").value = t ? String(t.id || "") : "";
    byId("topic-name").value = t ? str(t.name) : "";
    byId("topic-status").value = t && t.status === "active" ? "active" : "draft";
    byId("topic-examples").value = t ? (t.examples || []).join("\n") : "";
    byId("topic-text").value = t ? str(t.text) : "";
    byId("topic-url").value = t ? str(t.url) : "";
  }

  async function loadTopics() {
    topics = await api("/topics");
    const tbody = clear(byId("topics-table").querySelector("tbody"));
    topics.forEach((t) => {
      const href = safeUrl(t.url);
      tbody.appendChild(
        el("tr", { "data-topic": String(t.id) }, [
          el("th", { scope: "row", text: t.name }),
          el("td", null, [el("span", { className: "badge " + (t.status === "active" ? "ok" : "warn"), text: t.status })]),
          el("td", null, [el("ul", { className: "plain" }, (t.examples || []).map((x) => el("li", { text: x })))]),
          el("td", null, [
            el("p", { lang: "sv", text: t.text || "—" }),
            href ? el("a", { href: href, rel: "noopener", target: "_blank", text: href }) : null,
          ]),
          el("td", { className: "actions" }, [
            el("button", { type: "button", className: "secondary", "data-edit": String(t.id), text: "Edit " + t.name }),
            el("button", { type: "button", className: "secondary", "data-delete": String(t.id), text: "Delete " + t.name }),
          ]),
        ])
      );
    });
    if (!topics.length) tbody.appendChild(el("tr", null, [el("td", { colspan: "5", text: "No topics yet." })]));
  }

  async function saveTopic(event) {
    event.preventDefault();
    const id = byId("topic-id").value;
    const body = {
      name: byId("topic-name").value.trim(),
      status: byId("topic-status").value,
      examples: byId("topic-examples").value.split("\n").map((x) => x.trim()).filter(Boolean),
      text: byId("topic-text").value.trim(),
      url: byId("topic-url").value.trim(),
    };
    if (!body.name) {
      status("topic-status-line", "A topic needs a name.", "error");
      byId("topic-name").focus();
      return;
    }
    status("topic-status-line", "Saving…");
    try {
      const saved = await api(id ? "/topics/" + encodeURIComponent(id) : "/topics", {
        method: id ? "PUT" : "POST",
        body: body,
      });
      topicForm(saved);
      await loadTopics();
      status("topic-status-line", "Saved “" + saved.name + "” (" + saved.status + ").", "ok");
    } catch (err) {
      failed("topic-status-line", err);
    }
  }

  async function topicAction(event) {
    const edit = event.target.closest("[data-edit]");
    const del = event.target.closest("[data-delete]");
    if (edit) {
      topicForm(topics.find((t) => String(t.id) === edit.getAttribute("data-edit")));
      byId("topic-name").focus();
    } else if (del) {
      const t = topics.find((x) => String(x.id) === del.getAttribute("data-delete"));
      if (!t || !window.confirm("Delete the topic “" + t.name + "”?")) return;
      try {
        await api("/topics/" + encodeURIComponent(t.id), { method: "DELETE" });
        if (byId("topic-id").value === String(t.id)) topicForm(null);
        await loadTopics();
        status("topic-status-line", "Deleted “" + t.name + "”.", "ok");
      } catch (err) {
        failed("topic-status-line", err);
      }
    }
  }

  // ------------------------------------------------------------------------------------------
  // Unanswered questions
  // ------------------------------------------------------------------------------------------

  let clusters = [];

  async function loadClusters() {
    status("unanswered-status", "Grouping refused questions…");
    byId("unanswered-load").disabled = true;
    try {
      clusters = await api("/unanswered");
      const tbody = clear(byId("unanswered-table").querySelector("tbody"));
      clusters.forEach((c, i) => {
        const langs = Object.entries(c.by_lang)
          .map(([lang, n]) => lang + " " + n)
          .join(", ");
        tbody.appendChild(
          el("tr", { "data-cluster": String(i) }, [
            el("td", { className: "num", text: String(c.count) }),
            el("td", { text: langs }),
            el("td", null, [
              el(
                "ul",
                { className: "plain" },
                c.questions.slice(0, 8).map((q) => el("li", { lang: q.lang, text: q.text + " (" + q.count + ")" }))
              ),
            ]),
            el("td", { text: c.covered_by || "—" }),
            el("td", { className: "actions" }, [
              el("button", {
                type: "button",
                className: "secondary",
                "data-draft": String(i),
                text: "Make a topic draft (" + c.label.slice(0, 40) + ")",
              }),
            ]),
          ])
        );
      });
      if (!clusters.length) tbody.appendChild(el("tr", null, [el("td", { colspan: "5", text: "No refused questions." })]));
      status("unanswered-status", clusters.length + " groups of refused questions.", "ok");
    } catch (err) {
      failed("unanswered-status", err);
    } finally {
      byId("unanswered-load").disabled = false;
    }
  }

  async function draftFromCluster(event) {
    const button = event.target.closest("[data-draft]");
    if (!button) return;
    const c = clusters[Number(button.getAttribute("data-draft"))];
    if (!c) return;
    try {
      const draft = await api("/topics", {
        method: "POST",
        body: { name: c.label.slice(0, 200), examples: c.questions.slice(0, 30).map((q) => q.text), status: "draft" },
      });
      await loadTopics();
      topicForm(draft);
      status("topic-status-line", "Draft “" + draft.name + "” made: add a Swedish text and a link, then make it active.", "ok");
      byId("topics").scrollIntoView({ block: "start" });
      byId("topic-name").focus();
    } catch (err) {
      failed("unanswered-status", err);
    }
  }

  // ------------------------------------------------------------------------------------------
  // Wiring
  // ------------------------------------------------------------------------------------------

  document.addEventListener("DOMContentLoaded", function () {
    byId("sign-in-form").addEventListener("submit", function (event) {
      event.preventDefault();
      const name = byId("staff-name").value.trim();
      const token = byId("staff-token").value.trim();
      if (!name || !token) {
        const msg = byId("sign-in-message");
        msg.hidden = false;
        msg.textContent = "Enter your name and the staff token.";
        return;
      }
      signIn({ token: token, name: name });
    });
    byId("sign-out").addEventListener("click", () => signOut(""));
    byId("import-file-form").addEventListener("submit", importFile);
    byId("import-url-form").addEventListener("submit", importUrl);
    byId("review-form").addEventListener("submit", review);
    byId("review-publish").addEventListener("click", () => reviewed && publish(reviewed.version, "publish"));
    byId("versions-list").addEventListener("click", (event) => {
      const p = event.target.closest("[data-publish]");
      const r = event.target.closest("[data-review]");
      if (p) publish(p.getAttribute("data-publish"), p.getAttribute("data-action"));
      if (r) {
        byId("review-version").value = r.getAttribute("data-review");
        byId("review-against").value = "";
        showReview(r.getAttribute("data-review"), "").catch((err) => failed("review-status", err));
        byId("review").scrollIntoView({ block: "start" });
      }
    });
    byId("topic-form").addEventListener("submit", saveTopic);
    byId("topic-new").addEventListener("click", () => {
      topicForm(null);
      byId("topic-name").focus();
    });
    byId("topics-table").addEventListener("click", topicAction);
    byId("unanswered-load").addEventListener("click", loadClusters);
    byId("unanswered-table").addEventListener("click", draftFromCluster);
    const saved = loadSession();
    if (saved) signIn(saved);
  });
})();
