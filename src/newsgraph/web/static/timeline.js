/* The zoomable SVG timeline: one lane per event type, wheel or buttons to zoom, drag to pan. */
"use strict";

NG.parseDay = function (value) {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(value || "");
  if (!m) return null;
  return Date.UTC(+m[1], m[2] ? +m[2] - 1 : 0, m[3] ? +m[3] : 1);
};

NG.DAY = 86400000;

NG.fmtDay = function (ms) {
  return new Date(ms).toISOString().slice(0, 10);
};

NG.timelineChart = function (events, onPick) {
  const W = 1000, LEFT = 110, RIGHT = 20, TOP = 24, LANE = 34;
  const dated = [];
  for (const ev of events) {
    const t = NG.parseDay(ev.date) ?? NG.parseDay(ev.first_reported);
    if (t !== null) dated.push({ev, t});
  }
  const types = [...new Set(dated.map((d) => d.ev.type))].sort();
  const H = TOP + Math.max(1, types.length) * LANE + 30;
  const svg = NG.s("svg", {viewBox: `0 0 ${W} ${H}`, class: "timeline", role: "img",
    "aria-label": "timeline of events"});
  const wrap = NG.h("div", {class: "chart"});
  if (!dated.length) {
    wrap.appendChild(NG.h("p", {class: "muted"}, "No dated events to draw."));
    return wrap;
  }
  let lo = Math.min(...dated.map((d) => d.t)) - NG.DAY * 2;
  let hi = Math.max(...dated.map((d) => d.t)) + NG.DAY * 2;
  const full = [lo, hi];
  const x = (t) => LEFT + (t - lo) / (hi - lo) * (W - LEFT - RIGHT);
  const grid = NG.s("g", {class: "axis"});
  const dots = NG.s("g", {class: "dots"});
  types.forEach((type, i) => {
    const y = TOP + i * LANE + LANE / 2;
    svg.appendChild(NG.s("line", {x1: LEFT, x2: W - RIGHT, y1: y, y2: y, class: "lane"}));
    svg.appendChild(NG.s("text", {x: LEFT - 8, y: y + 4, "text-anchor": "end", class: "lane-label",
      fill: NG.typeColour(type)}, type));
  });
  svg.appendChild(grid);
  svg.appendChild(dots);
  const marks = dated.map((d) => {
    const r = 5 + Math.min(8, Math.sqrt(d.ev.reports || 1) * 2);
    const y = TOP + types.indexOf(d.ev.type) * LANE + LANE / 2;
    const c = NG.s("circle", {r, cy: y, fill: NG.typeColour(d.ev.type), class: "event-dot", tabindex: 0,
      "data-event": d.ev.event, role: "button", "aria-label": `${d.ev.type} ${d.ev.date || ""}`},
      NG.s("title", {}, `${d.ev.date || d.ev.first_reported || "undated"} ${d.ev.type}: ` +
        `${NG.names(d.ev.actors)}${d.ev.targets.length ? " → " + NG.names(d.ev.targets) : ""}`));
    c.addEventListener("click", () => onPick(d.ev.event));
    c.addEventListener("keydown", (e) => { if (e.key === "Enter") onPick(d.ev.event); });
    dots.appendChild(c);
    return {c, t: d.t};
  });
  function draw() {
    for (const m of marks) {
      const px = x(m.t);
      m.c.setAttribute("cx", px);
      m.c.setAttribute("visibility", px < LEFT - 2 || px > W - RIGHT + 2 ? "hidden" : "visible");
    }
    NG.clear(grid);
    const ticks = 6;
    for (let i = 0; i <= ticks; i++) {
      const t = lo + (hi - lo) * i / ticks;
      const px = x(t);
      grid.appendChild(NG.s("line", {x1: px, x2: px, y1: TOP - 6, y2: H - 24, class: "tick"}));
      grid.appendChild(NG.s("text", {x: px, y: H - 8, "text-anchor": "middle", class: "tick-label"}, NG.fmtDay(t)));
    }
  }
  function zoom(factor, centre) {
    const c = centre ?? (lo + hi) / 2;
    const span = Math.max(NG.DAY * 2, (hi - lo) * factor);
    lo = c - (c - lo) * span / (hi - lo);
    hi = lo + span;
    draw();
  }
  const toTime = (clientX) => {
    const box = svg.getBoundingClientRect();
    const px = (clientX - box.left) / box.width * W;
    return lo + (px - LEFT) / (W - LEFT - RIGHT) * (hi - lo);
  };
  svg.addEventListener("wheel", (e) => { e.preventDefault(); zoom(e.deltaY < 0 ? 0.8 : 1.25, toTime(e.clientX)); },
    {passive: false});
  let drag = null;
  svg.addEventListener("pointerdown", (e) => {
    if (e.target.classList && e.target.classList.contains("event-dot")) return;
    drag = {x: e.clientX, lo, hi};
  });
  window.addEventListener("pointerup", () => { drag = null; });
  svg.addEventListener("pointermove", (e) => {
    if (!drag) return;
    const box = svg.getBoundingClientRect();
    const dt = (e.clientX - drag.x) / box.width * W / (W - LEFT - RIGHT) * (drag.hi - drag.lo);
    lo = drag.lo - dt; hi = drag.hi - dt;
    draw();
  });
  draw();
  const tools = NG.h("div", {class: "zoom"},
    NG.h("button", {type: "button", onclick: () => zoom(0.5), "aria-label": "zoom in", id: "zoom-in"}, "+"),
    NG.h("button", {type: "button", onclick: () => zoom(2), "aria-label": "zoom out", id: "zoom-out"}, "−"),
    NG.h("button", {type: "button", onclick: () => { [lo, hi] = full; draw(); }, id: "zoom-reset"}, "reset"),
    NG.h("span", {class: "muted"}, " wheel to zoom, drag to pan"));
  wrap.appendChild(tools);
  wrap.appendChild(svg);
  return wrap;
};

/* The evidence of one event: each report's sentence with its trigger marked, and who reported it. */
NG.evidence = function (text, start, trigger) {
  const t = String(text || "");
  const i = trigger ? t.indexOf(trigger) : -1;
  if (i < 0) return [t];
  return [t.slice(0, i), NG.h("mark", {class: "trigger"}, trigger), t.slice(i + trigger.length)];
};

NG.eventPanel = function (ev) {
  const people = (list) => list.length
    ? list.map((a, i) => [i ? ", " : "", NG.h("a", {href: "/actors/" + NG.enc(a.id)}, a.name)])
    : [NG.h("span", {class: "muted"}, "none named")];
  const reports = ev.reports.map((r) => NG.h("li", {class: "report"},
    NG.h("div", {class: "report-head"},
      NG.h("strong", {}, r.outlet || "unknown outlet"), " ", r.published || "undated",
      r.first ? NG.h("span", {class: "badge"}, "first") : null,
      " ", NG.h("span", {class: "muted"}, r.modality || ""),
      r.credited_to ? [" · credited to ", r.credited_to] : null),
    NG.h("blockquote", {class: "evidence"}, NG.h("span", {class: "context"}, r.context_before || ""),
      NG.h("span", {class: "span"}, NG.evidence(r.evidence, r.start, r.trigger)),
      NG.h("span", {class: "context"}, r.context_after || "")),
    NG.h("a", {href: `/articles/${NG.enc(r.document)}?event=${NG.enc(r.report)}`, class: "open-article"},
      "open in the article: ", r.title || r.document)));
  return NG.h("section", {class: "event-panel", id: "event-panel", "data-event": ev.id},
    NG.h("h2", {}, NG.chip(ev.type), " ",
      ev.date || ("first reported " + (ev.first_reported || "undated"))),
    NG.h("dl", {},
      NG.h("dt", {}, "actors"), NG.h("dd", {}, people(ev.actors)),
      NG.h("dt", {}, "targets"), NG.h("dd", {}, people(ev.targets)),
      ev.place ? [NG.h("dt", {}, "place"), NG.h("dd", {}, ev.place)] : null,
      NG.h("dt", {}, "outlets"), NG.h("dd", {class: "outlets"}, ev.outlets.length ? ev.outlets.join(", ") : "none named")),
    NG.disputes(ev.contradictions || []),
    NG.h("h3", {}, `Evidence (${ev.reports.length} report${ev.reports.length === 1 ? "" : "s"})`),
    NG.h("ol", {class: "reports"}, reports),
    NG.h("p", {}, NG.h("a", {href: "/events/" + NG.enc(ev.id)}, "permalink to this event")));
};

/* Where the reports disagree: whether the event happened, or its day; each side with its outlet and words. */
NG.disputes = function (rows) {
  if (!rows.length) return null;
  const side = (r, p) => NG.h("li", {},
    NG.h("strong", {}, r[p + "outlet"] || "unknown outlet"), " ", r[p + "published"] || "undated", ": ",
    NG.h("em", {}, r[p + "says"]), " ", NG.h("span", {class: "muted"}, "\u201c" + r[p + "evidence"] + "\u201d"));
  return NG.h("section", {class: "contradictions"},
    NG.h("h3", {}, `Reports disagree (${rows.length})`),
    rows.map((r) => NG.h("div", {class: "contradiction"},
      NG.h("span", {class: "badge"}, r.kind === "date" ? "on the day" : "on whether it happened"),
      NG.h("ul", {}, side(r, "first_"), side(r, "then_")))));
};
