/* The article view: the text with every fact as a nested highlight, built with DOM text nodes only. */
"use strict";

NG.KINDS = ["entity", "time", "quote", "event", "amount", "role"];

/* Facts (sorted by start, longest first) as a tree of properly nested spans; crossing ones are clipped. */
NG.nest = function (facts, length) {
  const root = {start: 0, end: length, children: []};
  const stack = [root];
  for (const f of facts) {
    while (stack.length > 1 && stack[stack.length - 1].end <= f.start) stack.pop();
    const top = stack[stack.length - 1];
    const end = Math.min(f.end, top.end);
    if (end <= f.start) continue;
    const node = Object.assign({}, f, {end, children: []});
    top.children.push(node);
    stack.push(node);
  }
  return root;
};

NG.renderSpans = function (text, node, onPick) {
  const parts = [];
  let at = node.start;
  for (const child of node.children) {
    if (child.start > at) parts.push(document.createTextNode(text.slice(at, child.start)));
    parts.push(NG.renderSpans(text, child, onPick));
    at = child.end;
  }
  if (node.end > at) parts.push(document.createTextNode(text.slice(at, node.end)));
  if (!node.kind) return NG.h("div", {class: "article-text"}, parts);
  let hover = `${node.kind}: ${node.label} · ${node.detail}`;
  if (node.actors) hover += ` · by ${node.actors}`;
  if (node.targets) hover += ` · on ${node.targets}`;
  const el = NG.h("span", {class: `f f-${node.kind}`, title: hover, "data-kind": node.kind,
    "data-start": node.start, "data-end": node.end, "data-id": node.id || null}, parts);
  el.addEventListener("click", (e) => { e.stopPropagation(); onPick(node); });
  return el;
};

NG.factPanel = function (f) {
  const links = [];
  if (f.actor) links.push(NG.h("a", {href: "/actors/" + NG.enc(f.actor)}, "actor page"));
  if (f.event) links.push(NG.h("a", {href: "/events/" + NG.enc(f.event)}, "event: evidence and outlets"));
  return NG.h("div", {class: "fact-detail"},
    NG.h("div", {}, NG.h("span", {class: `key f-${f.kind}`}, f.kind), " ", NG.h("strong", {}, f.label)),
    NG.h("div", {class: "muted"}, f.detail),
    f.actors ? NG.h("div", {}, "actors: ", f.actors) : null,
    f.targets ? NG.h("div", {}, "targets: ", f.targets) : null,
    links.map((a) => NG.h("div", {}, a)));
};
