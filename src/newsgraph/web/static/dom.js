/* DOM helpers: every string becomes a text node; no string is ever parsed as HTML. */
"use strict";
const NG = {};

NG.SVGNS = "http://www.w3.org/2000/svg";

NG.build = function (el, attrs, children) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") el.addEventListener(key.slice(2), value);
    else if (key === "class") el.setAttribute("class", value);
    else if (key === "text") el.textContent = String(value);
    else if (key === "href") el.setAttribute("href", NG.safeHref(value));
    else el.setAttribute(key, String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
};

/* h("a", {href: "/x"}, "text", otherNode): an HTML element. */
NG.h = function (tag, attrs, ...children) {
  return NG.build(document.createElement(tag), attrs, children);
};

/* s("circle", {r: 3}): an SVG element. */
NG.s = function (tag, attrs, ...children) {
  return NG.build(document.createElementNS(NG.SVGNS, tag), attrs, children);
};

/* Links inside the app, or http(s) links out; anything else (javascript:, data:) becomes "#". */
NG.safeHref = function (value) {
  const v = String(value);
  if (v.startsWith("/") && !v.startsWith("//")) return v;
  try {
    const u = new URL(v);
    if (u.protocol === "http:" || u.protocol === "https:") return u.href;
  } catch (e) { /* not a URL */ }
  return "#";
};

NG.enc = encodeURIComponent;

NG.api = async function (path, params) {
  const url = new URL(path, window.location.origin);
  for (const [k, v] of Object.entries(params || {})) if (v) url.searchParams.set(k, v);
  const response = await fetch(url, {headers: {accept: "application/json"}});
  let body = null;
  try { body = await response.json(); } catch (e) { body = null; }
  if (!response.ok) {
    let detail = body && body.detail;
    if (Array.isArray(detail)) detail = detail.map((d) => d.msg).join("; ");
    throw new Error(detail || ("HTTP " + response.status));
  }
  return body;
};

NG.clear = function (el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
};

NG.error = function (message) {
  return NG.h("p", {class: "error", role: "alert"}, String(message));
};

/* A colour per event type, the same on every page. */
NG.TYPE_COLOURS = {
  AGREE: "#2e7d32", CONSULT: "#1565c0", SUPPORT: "#43a047", CONCEDE: "#7cb342", COOPERATE: "#00897b",
  AID: "#26a69a", RETREAT: "#9e9d24", REQUEST: "#5e35b1", ACCUSE: "#e65100", REJECT: "#f4511e",
  THREATEN: "#c62828", PROTEST: "#ad1457", SANCTION: "#6a1b9a", MOBILIZE: "#8d6e63", COERCE: "#b71c1c",
  ASSAULT: "#880e4f", OTHER: "#607d8b",
};
NG.typeColour = (t) => NG.TYPE_COLOURS[t] || "#607d8b";

/* Text with \x02...\x03 marks (search hits) as text nodes and <mark> elements. */
NG.marked = function (text) {
  const out = [];
  const parts = String(text || "").split(/([\x02\x03])/);
  let inMark = false;
  for (const part of parts) {
    if (part === "\x02") { inMark = true; continue; }
    if (part === "\x03") { inMark = false; continue; }
    if (!part) continue;
    out.push(inMark ? NG.h("mark", {}, part) : document.createTextNode(part));
  }
  return out;
};

NG.table = function (headers, rows) {
  return NG.h("table", {class: "rows"},
    NG.h("thead", {}, NG.h("tr", {}, headers.map((x) => NG.h("th", {}, x)))),
    NG.h("tbody", {}, rows));
};

NG.names = function (list) {
  return (list || []).join(", ");
};
