/*
 * Helpers shared by the staff console (staff.js) and the content pages (content.js): building DOM
 * with textContent only, times, links, status lines and the staff session ("kiruna-staff" in
 * sessionStorage, for this tab only). Loaded before either page's own script; served behind the
 * staff gate like the console (its name starts with "staff.").
 */
window.KirunaStaff = (function () {
  "use strict";

  const KEY = "kiruna-staff";
  const byId = (id) => document.getElementById(id);

  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([key, value]) => {
      if (value === null || value === undefined || value === false) return;
      if (key === "text") node.textContent = String(value);
      else if (key === "className") node.className = value;
      else node.setAttribute(key, value === true ? "" : String(value));
    });
    (children || []).forEach((child) => {
      if (child === null || child === undefined) return;
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
    return node;
  }

  function str(v) {
    return v === null || v === undefined ? "" : String(v);
  }

  // The API gives UTC with its zone; a time without one is UTC too. Shown in the browser's local time.
  function when(iso) {
    if (!iso) return "–";
    const s = str(iso);
    const d = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(s) ? s : s + "Z");
    return isNaN(d.getTime()) ? s : d.toLocaleString("sv-SE");
  }

  function safeUrl(value) {
    if (typeof value !== "string" || !value) return null;
    try {
      const u = new URL(value);
      return u.protocol === "https:" || u.protocol === "http:" ? u.href : null;
    } catch (e) {
      return null;
    }
  }

  function status(id, text, kind) {
    const node = byId(id);
    if (!node) return;
    node.classList.toggle("is-error", kind === "error");
    node.classList.toggle("is-ok", kind === "ok");
    node.textContent = text || "";
  }

  /** Header values must be ISO-8859-1; a name outside it is sent percent-encoded. */
  function headerSafe(name) {
    return /^[\u0020-\u007e\u00a0-\u00ff]*$/.test(name) ? name : encodeURIComponent(name);
  }

  function loadSession() {
    try {
      const s = JSON.parse(window.sessionStorage.getItem(KEY) || "null");
      return s && typeof s.token === "string" && s.token ? { token: s.token, name: str(s.name) } : null;
    } catch (e) {
      return null;
    }
  }

  function saveSession(s) {
    try {
      window.sessionStorage.setItem(KEY, JSON.stringify(s));
    } catch (e) {
      /* the session then lasts until reload */
    }
  }

  function clearSession() {
    try {
      window.sessionStorage.removeItem(KEY);
    } catch (e) {
      /* nothing stored */
    }
  }

  return { byId, el, clear, str, when, safeUrl, status, headerSafe, loadSession, saveSession, clearSession };
})();
