/* The router: one HTML shell, the view chosen by the path. */
"use strict";

NG.route = function (path) {
  let parts;
  try { parts = path.split("/").filter(Boolean).map(decodeURIComponent); } catch (e) { return [null, null, null]; }
  if (!parts.length || parts[0] === "timeline") return ["timeline", null, "timeline"];
  if (parts[0] === "graph") return ["graph", null, "graph"];
  if (parts[0] === "disputes") return ["disputes", null, "disputes"];
  if (parts[0] === "actors" && parts.length === 2) return ["actor", parts[1], "graph"];
  if (parts[0] === "events" && parts.length === 2) return ["event", parts[1], "timeline"];
  if (parts[0] === "articles" && parts.length === 2) return ["article", parts[1], "articles"];
  if (parts[0] === "articles") return ["articles", null, "articles"];
  if (parts[0] === "search") return ["search", null, null];
  if (parts[0] === "docs") return ["docs", null, "docs"];
  return [null, null, null];
};

NG.start = async function () {
  const main = document.getElementById("main");
  const [view, id, nav] = NG.route(window.location.pathname);
  for (const a of document.querySelectorAll("nav a")) a.classList.toggle("here", a.dataset.view === nav);
  document.body.dataset.view = view || "none";
  if (!view) { main.appendChild(NG.error("No such page.")); return; }
  try {
    await NG.views[view](main, new URLSearchParams(window.location.search), id);
    document.title = `newsgraph · ${view}`;
  } catch (e) {
    main.appendChild(NG.error(e.message));
  } finally {
    document.body.dataset.ready = "1";
  }
};

document.addEventListener("DOMContentLoaded", NG.start);
