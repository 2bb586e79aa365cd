/* The actor graph: a small force-directed layout, computed once, drawn as SVG. Node size: mentions. */
"use strict";

NG.chip = function (type) {
  const el = NG.h("span", {class: "type-chip"}, type);
  el.style.background = NG.typeColour(type);
  return el;
};

/* Fruchterman-Reingold: nodes repel (k^2/d), edges pull (d^2/k), moves shrink as the layout cools. */
NG.layout = function (nodes, edges, W, H, pad) {
  const n = nodes.length;
  const pos = nodes.map((_, i) => ({
    x: W / 2 + Math.cos(2 * Math.PI * i / Math.max(1, n)) * W * 0.3,
    y: H / 2 + Math.sin(2 * Math.PI * i / Math.max(1, n)) * H * 0.3}));
  const index = new Map(nodes.map((d, i) => [d.id, i]));
  const links = edges.map((e) => [index.get(e.source), index.get(e.target)])
    .filter((l) => l[0] !== undefined && l[1] !== undefined);
  const k = 0.75 * Math.sqrt((W - 2 * pad) * (H - 2 * pad) / Math.max(1, n));
  const steps = 250;
  for (let step = 0; step < steps; step++) {
    const temp = (W / 8) * (1 - step / steps) + 1;
    const disp = pos.map(() => ({x: 0, y: 0}));
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        let dx = pos[i].x - pos[j].x, dy = pos[i].y - pos[j].y;
        const d = Math.max(Math.sqrt(dx * dx + dy * dy), 0.5);
        const f = k * k / d;
        dx /= d; dy /= d;
        disp[i].x += dx * f; disp[i].y += dy * f;
        disp[j].x -= dx * f; disp[j].y -= dy * f;
      }
    }
    for (const [a, b] of links) {
      let dx = pos[a].x - pos[b].x, dy = pos[a].y - pos[b].y;
      const d = Math.max(Math.sqrt(dx * dx + dy * dy), 0.5);
      const f = d * d / k;
      dx /= d; dy /= d;
      disp[a].x -= dx * f; disp[a].y -= dy * f;
      disp[b].x += dx * f; disp[b].y += dy * f;
    }
    for (let i = 0; i < n; i++) {
      // gravity pulls like an edge to the centre at half strength: unconnected actors stay near the rest
      const gx = W / 2 - pos[i].x, gy = H / 2 - pos[i].y;
      const gd = Math.sqrt(gx * gx + gy * gy);
      disp[i].x += gx * gd / k * 0.5; disp[i].y += gy * gd / k * 0.5;
      const d = Math.max(Math.sqrt(disp[i].x ** 2 + disp[i].y ** 2), 0.01);
      const move = Math.min(d, temp);
      pos[i].x += disp[i].x / d * move;
      pos[i].y += disp[i].y / d * move;
    }
  }
  // fit the drawing to the box, keeping its aspect
  const xs = pos.map((p) => p.x), ys = pos.map((p) => p.y);
  const x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys);
  const scale = Math.min((W - 2 * pad) / Math.max(x1 - x0, 1), (H - 2 * pad) / Math.max(y1 - y0, 1), 1.5);
  const ox = (W - (x1 - x0) * scale) / 2, oy = (H - (y1 - y0) * scale) / 2;
  for (const p of pos) { p.x = ox + (p.x - x0) * scale; p.y = oy + (p.y - y0) * scale; }
  return pos;
};

NG.TYPE_FILL = {PERSON: "#1e88e5", ORG: "#8e24aa", PLACE: "#43a047", GROUP: "#fb8c00", OTHER: "#757575"};

NG.graphChart = function (data) {
  const nodes = data.nodes, edges = data.edges;
  const W = 1000, H = Math.max(320, Math.min(640, 160 + 30 * nodes.length));
  const pos = NG.layout(nodes, edges, W, H, 50);
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
