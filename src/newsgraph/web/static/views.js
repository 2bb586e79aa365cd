/* One function per view: read the URL, fetch the JSON API, build the page with DOM calls. */
"use strict";

NG.views = {};

NG.select = function (name, label, options, current) {
  return NG.h("label", {}, label, " ",
    NG.h("select", {name, id: "f-" + name},
      NG.h("option", {value: ""}, "any"),
      options.map(([value, text]) => {
        const o = NG.h("option", {value}, text);
        if (value === current) o.selected = true;
        return o;
      })));
};

NG.actorLinks = function (names) {
  return NG.names(names);
};

NG.eventRows = function (events, onPick) {
  return events.map((ev) => {
    const tr = NG.h("tr", {class: "event-row", "data-event": ev.event},
      NG.h("td", {}, ev.date || NG.h("span", {class: "muted"}, ev.first_reported ? "rep. " + ev.first_reported : "?")),
      NG.h("td", {}, NG.chip(ev.type)),
      NG.h("td", {}, NG.names(ev.actors)),
      NG.h("td", {}, NG.names(ev.targets)),
      NG.h("td", {}, String(ev.reports), ev.outlets && ev.outlets.length ? NG.h("div", {class: "muted small"}, ev.outlets.join(", ")) : null),
      NG.h("td", {class: "evidence-cell"}, ev.evidence || ""));
    if (onPick) tr.addEventListener("click", () => onPick(ev.event));
    else tr.addEventListener("click", () => { window.location.href = "/events/" + NG.enc(ev.event); });
    return tr;
  });
};

NG.views.timeline = async function (main, params) {
  const facets = await NG.api("/api/facets");
  const q = (k) => params.get(k) || "";
  const form = NG.h("form", {class: "filters", method: "get", action: "/timeline", id: "timeline-filters"},
    NG.select("actor", "Actor", facets.actors.map((a) => [a.id, `${a.name} (${a.events})`]), q("actor")),
    NG.select("type", "Type", facets.types.map((t) => [t, t]), q("type")),
    NG.select("source", "Source", facets.outlets.map((o) => [o, o]), q("source")),
    NG.h("label", {}, "From ", NG.h("input", {name: "from", value: q("from"), placeholder: "YYYY-MM-DD", size: 10})),
    NG.h("label", {}, "To ", NG.h("input", {name: "to", value: q("to"), placeholder: "YYYY-MM-DD", size: 10})),
    NG.h("button", {type: "submit"}, "Filter"),
    NG.h("a", {href: "/timeline", class: "reset"}, "clear"));
  main.appendChild(NG.h("h1", {}, "Timeline of events"));
  main.appendChild(form);
  const data = await NG.api("/api/timeline", {actor: q("actor"), type: q("type"), source: q("source"),
    from: q("from"), to: q("to")});
  const panel = NG.h("aside", {class: "side", id: "side"},
    NG.h("p", {class: "muted"}, "Click an event to see its evidence and the outlets that reported it."));
  const pick = async (id) => {
    NG.clear(panel).appendChild(NG.h("p", {class: "muted"}, "loading…"));
    try {
      const ev = await NG.api("/api/events/" + NG.enc(id));
      NG.clear(panel).appendChild(NG.eventPanel(ev));
    } catch (e) { NG.clear(panel).appendChild(NG.error(e.message)); }
  };
  main.appendChild(NG.h("p", {class: "muted", id: "count"},
    `${data.count} event${data.count === 1 ? "" : "s"} from ${facets.documents} article(s)`));
  main.appendChild(NG.h("div", {class: "split"},
    NG.h("div", {class: "grow"}, NG.timelineChart(data.events, pick),
      NG.table(["date", "type", "actors", "targets", "reports", "evidence"], NG.eventRows(data.events, pick))),
    panel));
};

NG.views.event = async function (main, params, id) {
  const ev = await NG.api("/api/events/" + NG.enc(id));
  main.appendChild(NG.h("p", {}, NG.h("a", {href: "/timeline"}, "← timeline")));
  main.appendChild(NG.eventPanel(ev));
};

NG.views.disputes = async function (main, params) {
  const actor = params.get("actor") || "";
  const data = await NG.api("/api/contradictions", {actor: actor});
  main.appendChild(NG.h("h1", {}, "Reports that disagree"));
  main.appendChild(NG.h("p", {class: "muted", id: "count"},
    `${data.count} disagreement${data.count === 1 ? "" : "s"}: one report affirms an event another denies, ` +
    "or two date it to different days."));
  const side = (r, p) => NG.h("td", {}, NG.h("strong", {}, r[p + "outlet"] || "unknown outlet"), " ",
    r[p + "published"] || "undated", ": ", NG.h("em", {}, r[p + "says"]),
    NG.h("div", {class: "muted small"}, NG.h("a", {href: "/articles/" + NG.enc(r[p + "document"])}, r[p + "evidence"])));
  main.appendChild(NG.table(["event", "on", "first", "then"], data.contradictions.map((r) => NG.h("tr", {},
    NG.h("td", {}, NG.h("a", {href: "/events/" + NG.enc(r.event)}, `${r.type} ${r.date || ""}`),
      NG.h("div", {class: "muted small"}, NG.names(r.actors))),
    NG.h("td", {}, r.kind === "date" ? "the day" : "whether it happened"),
    side(r, "first_"), side(r, "then_")))));
};

NG.views.graph = async function (main) {
  const data = await NG.api("/api/graph");
  main.appendChild(NG.h("h1", {}, "Actors"));
  if (!data.nodes.length) { main.appendChild(NG.h("p", {class: "muted"}, "No actors in this store.")); return; }
  main.appendChild(NG.graphChart(data));
  main.appendChild(NG.h("ul", {class: "columns", id: "actor-list"},
    data.nodes.map((n) => NG.h("li", {}, NG.h("a", {href: "/actors/" + NG.enc(n.id)}, n.name),
      NG.h("span", {class: "muted"}, ` ${n.type}, ${n.mentions}`)))));
};

NG.views.actor = async function (main, params, id) {
  const a = await NG.api("/api/actors/" + NG.enc(id));
  const docLink = (doc, text, extra) => NG.h("a", {href: `/articles/${NG.enc(doc)}${extra || ""}`}, text || doc);
  const people = (rows) => rows.length
    ? rows.map((r, i) => [i ? ", " : "", NG.h("a", {href: "/actors/" + NG.enc(r.actor)}, r.name), ` (${r.events})`])
    : NG.h("span", {class: "muted"}, "none");
  main.appendChild(NG.h("h1", {}, a.name, " ", NG.h("span", {class: "muted small"}, a.type)));
  main.appendChild(NG.h("p", {}, a.aliases.length ? ["Also: ", a.aliases.join(", "), ". "] : null,
    `In ${a.documents} article(s).`));
  main.appendChild(NG.h("p", {}, "Acts with: ", people(a.with)));
  main.appendChild(NG.h("p", {}, "Acts against: ", people(a.against)));
  main.appendChild(NG.h("h2", {}, `Roles over time (${a.roles.length})`));
  main.appendChild(NG.table(["date", "role", "of", "evidence"], a.roles.map((r) => NG.h("tr", {},
    NG.h("td", {}, r.date || "?"), NG.h("td", {}, r.title), NG.h("td", {}, r.of || ""),
    NG.h("td", {}, docLink(r.document, r.evidence))))));
  main.appendChild(NG.h("h2", {}, `Quotes (${a.quotes.length})`));
  main.appendChild(NG.h("ul", {class: "quotes"}, a.quotes.map((q) => NG.h("li", {},
    NG.h("q", {}, q.text), " ", NG.h("span", {class: "muted"}, `${q.kind}, ${q.cue || ""} · ${q.outlet || ""} ${q.date || ""} `),
    docLink(q.document, "article")))));
  main.appendChild(NG.h("h2", {}, `Events (${a.events.length})`));
  main.appendChild(NG.table(["date", "type", "actors", "targets", "reports", "evidence"], NG.eventRows(a.events)));
  main.appendChild(NG.h("h2", {}, `Articles (${a.articles.length})`));
  main.appendChild(NG.h("ul", {class: "articles"}, a.articles.map((d) => NG.h("li", {},
    docLink(d.id, d.title || d.id), NG.h("span", {class: "muted"}, ` ${d.outlet || ""} ${d.published || ""}, ${d.mentions} mention(s)`)))));
};

NG.views.articles = async function (main, params) {
  const offset = Math.max(0, parseInt(params.get("offset") || "0", 10) || 0);
  const data = await NG.api("/api/articles", {limit: "100", offset: String(offset)});
  main.appendChild(NG.h("h1", {}, `Articles (${data.total})`));
  main.appendChild(NG.table(["published", "outlet", "title", "entities", "events", "quotes"],
    data.articles.map((d) => NG.h("tr", {},
      NG.h("td", {}, d.published || "?"), NG.h("td", {}, d.outlet || ""),
      NG.h("td", {}, NG.h("a", {href: "/articles/" + NG.enc(d.id), class: "article-link"}, d.title || d.id)),
      NG.h("td", {}, String(d.entities)), NG.h("td", {}, String(d.events)), NG.h("td", {}, String(d.quotes))))));
  const nav = NG.h("p", {});
  if (offset > 0) nav.appendChild(NG.h("a", {href: `/articles?offset=${Math.max(0, offset - 100)}`}, "← newer "));
  if (offset + 100 < data.total) nav.appendChild(NG.h("a", {href: `/articles?offset=${offset + 100}`}, " older →"));
  main.appendChild(nav);
};

NG.views.article = async function (main, params, id) {
  const d = await NG.api("/api/articles/" + NG.enc(id));
  main.appendChild(NG.h("h1", {id: "article-title"}, d.title || d.id));
  main.appendChild(NG.h("p", {class: "muted"}, [d.outlet, d.author, d.published].filter(Boolean).join(" · "), " ",
    d.url ? NG.h("a", {href: d.url, rel: "noopener noreferrer nofollow", target: "_blank"}, "original") : null));
  const side = NG.h("aside", {class: "side", id: "side"}, NG.h("p", {class: "muted"}, "Hover a highlight for its value; click it for links."));
  const pick = (f) => NG.clear(side).appendChild(NG.factPanel(f));
  const body = NG.renderSpans(d.text, NG.nest(d.facts, d.text.length), pick);
  const legend = NG.h("div", {class: "legend", id: "legend"}, NG.KINDS.map((k) => {
    const box = NG.h("input", {type: "checkbox", "data-kind": k});
    box.checked = true;
    box.addEventListener("change", () => body.classList.toggle("hide-" + k, !box.checked));
    return NG.h("label", {class: "key f-" + k}, box, ` ${k} (${d.counts[k] || 0})`);
  }));
  main.appendChild(legend);
  main.appendChild(NG.h("div", {class: "split"}, NG.h("div", {class: "grow"}, body), side));
  const focusEvent = params.get("event");
  const at = /^(\d+)-(\d+)$/.exec(params.get("at") || "");
  let target = null;
  if (focusEvent) target = [...body.querySelectorAll("span.f-event")].find((el) => el.dataset.id === focusEvent);
  else if (at) target = [...body.querySelectorAll("span.f")].find((el) => el.dataset.start === at[1] && el.dataset.end === at[2]);
  if (target) {
    target.classList.add("focus");
    target.scrollIntoView({block: "center"});
    const f = d.facts.find((x) => String(x.start) === target.dataset.start && String(x.end) === target.dataset.end && x.kind === target.dataset.kind);
    if (f) pick(f);
  }
};

NG.views.search = async function (main, params) {
  const q = params.get("q") || "";
  const input = document.querySelector("form.search input[name=q]");
  if (input) input.value = q;
  main.appendChild(NG.h("h1", {}, "Search"));
  if (!q.trim()) { main.appendChild(NG.h("p", {class: "muted"}, "Type words in the search box.")); return; }
  const r = await NG.api("/api/search", {q});
  main.appendChild(NG.h("h2", {}, `Articles (${r.articles.length})`));
  main.appendChild(NG.h("ul", {class: "hits", id: "article-hits"}, r.articles.map((d) => NG.h("li", {},
    NG.h("a", {href: "/articles/" + NG.enc(d.id)}, d.title || d.id), " ",
    NG.h("span", {class: "muted"}, `${d.outlet || ""} ${d.published || ""}`),
    NG.h("div", {class: "snippet"}, NG.marked(d.snippet))))));
  main.appendChild(NG.h("h2", {}, `Quotes (${r.quotes.length})`));
  main.appendChild(NG.h("ul", {class: "hits", id: "quote-hits"}, r.quotes.map((x) => NG.h("li", {},
    NG.h("q", {}, NG.marked(x.text)), " — ",
    x.speaker_id ? NG.h("a", {href: "/actors/" + NG.enc(x.speaker_id)}, x.speaker) : (x.speaker || "unknown"), " · ",
    NG.h("a", {href: `/articles/${NG.enc(x.document)}?at=${x.start}-${x.end}`}, x.title || x.document)))));
};

NG.views.docs = async function (main) {
  const spec = await NG.api("/openapi.json");
  main.appendChild(NG.h("h1", {}, `${spec.info.title} API ${spec.info.version}`));
  main.appendChild(NG.h("p", {}, spec.info.description || ""));
  main.appendChild(NG.h("p", {}, "Machine-readable: ", NG.h("a", {href: "/openapi.json"}, "/openapi.json"), " (OpenAPI " + spec.openapi + ")."));
  for (const [path, ops] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const typeOf = (sc) => !sc ? "" : sc.type || (sc.anyOf || []).map((x) => x.type).filter((t) => t && t !== "null").join("|");
      const params = (op.parameters || []).map((p) => NG.h("li", {},
        NG.h("code", {}, p.name), ` (${p.in}${p.required ? ", required" : ""}${typeOf(p.schema) ? ", " + typeOf(p.schema) : ""})`,
        p.description ? " — " + p.description : ""));
      const needs = (op.parameters || []).some((p) => p.required);
      const tryIt = method === "get" && !needs ? NG.h("a", {href: path}, " try") : null;
      main.appendChild(NG.h("section", {class: "op"},
        NG.h("h3", {}, NG.h("span", {class: "method " + method}, method.toUpperCase()), " ", NG.h("code", {}, path), tryIt),
        NG.h("p", {}, op.summary || ""),
        op.description ? NG.h("p", {class: "muted small"}, op.description) : null,
        params.length ? NG.h("ul", {}, params) : null,
        op.requestBody ? NG.h("p", {class: "muted"}, "Body: application/json, an article as in the JSONL form, or a list of them.") : null));
    }
  }
};
