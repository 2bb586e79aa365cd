/* The actor graph: a small force-directed layout, computed once, drawn as SVG. Node size: mentions. */
"use strict";

NG.chip = function (type) {
  const el = NG.h("span", {class: "type-chip"}, type);
  el.style.background = NG.typeColour(type);
  return el;
};

NG.layout = function (nodes, edges, W, H) {
  const n = nodes.length;
  const pos = nodes.map((_, i) => ({
    x: W / 2 + Math.cos(2 * Math.PI * i / Math.max(1, n)) * W * 0.35,
    y: H / 2 + Math.sin(2 * Math.PI * i / Math.max(1, n)) * H * 0.35, vx: 0, vy: 0}));
  const index = new Map(nodes.map((d, i) => [d.id, i]));
  const links = edges.map((e) => [index.get(e.source), index.get(e.target), e.with + e.against])
    .filter((l) => l[0] !== undefined && l[1] !== undefined);
  const k = Math.sqrt(W * H / Math.max(1, n)) * 0.6;
  for (let step = 0; step < 300; step++) {
    const heat = 1 - step / 300;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const dx = pos[i].x - pos[j].x, dy = pos[i].y - pos[j].y;
        const d2 = Math.max(dx * dx + dy * dy, 1);
        const f = k * k / d2;
        pos[i].vx += dx * f / 10; pos[i].vy += dy * f / 10;
        pos[j].vx -= dx * f / 10; pos[j].vy -= dy * f / 10;
      }
    }
    for (const [a, b, w] of links) {
      const dx = pos[b].x - pos[a].x, dy = pos[b].y - pos[a].y;
      const d = Math.max(Math.sqrt(dx * dx + dy * dy), 1);
      const f = (d - k) / d * 0.1 * Math.min(3, w);
      pos[a].vx += dx * f; pos[a].vy += dy * f;
      pos[b].vx -= dx * f; pos[b].vy -= dy * f;
    }
    for (const p of pos) {
      p.vx += (W / 2 - p.x) * 0.01; p.vy += (H / 2 - p.y) * 0.01;
      const v = Math.sqrt(p.vx * p.vx + p.vy * p.vy);
      const cap = 20 * heat + 0.5;
      if (v > cap) { p.vx *= cap / v; p.vy *= cap / v; }
      p.x = Math.min(W - 30, Math.max(30, p.x + p.vx));
      p.y = Math.min(H - 20, Math.max(20, p.y + p.vy));
      p.vx *= 0.5; p.vy *= 0.5;
    }
  }
  return pos;
};

NG.TYPE_FILL = {PERSON: "#1e88e5", ORG: "#8e24aa", PLACE: "#43a047", GROUP: "#fb8c00", OTHER: "#757575"};

NG.graphChart = function (data) {
  const W = 1000, H = 640;
  const nodes = data.nodes, edges = data.edges;
  const pos = NG.layout(nodes, edges, W, H);
  const at = new Map(nodes.map((d, i) => [d.id, pos[i]]));
  const svg = NG.s("svg", {viewBox: `0 0 ${W} ${H}`, class: "graph", role: "img", "aria-label": "actor graph"});
  const lines = NG.s("g", {class: "edges"});
  for (const e of edges) {
    const a = at.get(e.source), b = at.get(e.target);
    if (!a || !b) continue;
    const kind = e.against > e.with ? "against" : "with";
    lines.appendChild(NG.s("line", {x1: a.x, y1: a.y, x2: b.x, y2: b.y, class: "edge " + kind,
      "stroke-width": 1 + Math.min(6, e.with + e.against)},
      NG.s("title", {}, `${e.with} event(s) together, ${e.against} against`)));
  }
  svg.appendChild(lines);
  const dots = NG.s("g", {class: "nodes"});
  const maxM = Math.max(1, ...nodes.map((d) => d.mentions));
  nodes.forEach((d, i) => {
    const r = 5 + 20 * Math.sqrt(d.mentions / maxM);
    const link = NG.s("a", {href: "/actors/" + NG.enc(d.id), class: "node", "data-actor": d.id},
      NG.s("circle", {cx: pos[i].x, cy: pos[i].y, r, fill: NG.TYPE_FILL[d.type] || "#757575"}),
      NG.s("text", {x: pos[i].x, y: pos[i].y + r + 12, "text-anchor": "middle", class: "node-label"}, d.name),
      NG.s("title", {}, `${d.name} (${d.type}): ${d.mentions} mention(s)`));
    dots.appendChild(link);
  });
  svg.appendChild(dots);
  const legend = NG.h("p", {class: "legend"},
    Object.entries(NG.TYPE_FILL).map(([t, c]) => {
      const sw = NG.h("span", {class: "swatch"});
      sw.style.background = c;
      return [sw, t, " "];
    }),
    NG.h("span", {class: "edge-key with"}, "acts with"), " ",
    NG.h("span", {class: "edge-key against"}, "acts against"),
    NG.h("span", {class: "muted"}, ` · ${nodes.length} of ${data.total_actors} actors, size by mentions`));
  return NG.h("div", {class: "chart"}, legend, svg);
};
