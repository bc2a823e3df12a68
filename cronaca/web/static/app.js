/* cronaca page: stories, timeline, contradictions, map, actor graph, article reader.
   Plain browser JavaScript; talks to the JSON API served by the same app. */
"use strict";

const state = { lang: "en", labels: {}, stories: [], story: null, articles: new Map(), world: null, reading: null };

/* ---------- helpers ---------- */
const $ = (sel) => document.querySelector(sel);
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined) node.append(c);
  return node;
}
const svgEl = (tag, attrs = {}) => {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
};
function t(key, vars = {}) {
  const raw = (state.labels[state.lang] || {})[key] ?? (state.labels.en || {})[key] ?? key;
  return String(raw).replace(/\{(\w+)\}/g, (_, v) => vars[v] ?? "");
}
const statusLabel = (s) => ((state.labels[state.lang] || {}).status || {})[s] || s;
const typeLabel = (type) => ((state.labels[state.lang] || {}).event_types || {})[type] || type;
const eventLabel = (ev) => `${typeLabel(ev.type)}${ev.mode ? " (" + ev.mode + ")" : ""}`;
function fmtDate(iso) {
  if (!iso) return "?";
  const d = new Date(iso + "T12:00:00Z");
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString(state.lang === "it" ? "it-IT" : "en-GB", { day: "numeric", month: "short", year: "numeric" });
}
async function api(path, options) {
  const res = await fetch(path, options);
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error((body.error && body.error.message) || res.statusText);
  return body;
}
/* story titles and explanations come worded in the page's language */
const storyPath = (id) => `/stories/${encodeURIComponent(id)}?lang=${encodeURIComponent(state.lang)}`;
const storiesPath = () => `/stories?limit=500&lang=${encodeURIComponent(state.lang)}`;
/* an article's title, or the opening words the API derived for it (marked as such) */
const titleNode = (tag, art) => el(tag, { class: art.title_derived ? "derived" : null,
  title: art.title_derived ? t("derived_title") : null, text: art.display_title || art.title || art.id || art.doc_id });
const sourceText = (attr) => (attr || []).map((s) => s.name || s.text).filter(Boolean).join(" ← ");
function showError(msg) { $("#main").prepend(el("p", { class: "error", role: "alert", text: t("load_error", { msg }) })); }

/* ---------- stories ---------- */
async function loadStories(selectId) {
  const lang = state.lang;
  const body = await api(storiesPath());
  if (lang !== state.lang) return;  // the language changed meanwhile: a newer call renders
  state.stories = body.items;
  const list = $("#story-list");
  list.replaceChildren();
  if (!state.stories.length) list.append(el("li", { class: "empty", text: t("no_stories") }));
  for (const s of state.stories) {
    const dates = s.first_date === s.last_date ? fmtDate(s.first_date) : `${fmtDate(s.first_date)} – ${fmtDate(s.last_date)}`;
    list.append(el("li", {},
      el("a", { href: `#/story/${encodeURIComponent(s.id)}`, class: "story-link", "data-id": s.id,
        "aria-current": state.story && state.story.id === s.id ? "page" : "false" },
        el("span", { class: "story-title", text: s.title }),
        el("span", { class: "story-meta", text: `${dates} · ${t("n_articles", { n: s.articles })}` }),
        s.contradictions ? el("span", { class: "badge warn", text: t("n_contradictions", { n: s.contradictions }) }) : null)));
  }
  if (selectId) location.hash = `#/story/${encodeURIComponent(selectId)}`;
}

async function openStory(id) {
  const lang = state.lang;
  const story = await api(storyPath(id));
  if (lang !== state.lang) return;
  state.story = story;
  document.querySelectorAll(".story-link").forEach((a) => a.setAttribute("aria-current", a.dataset.id === id ? "page" : "false"));
  $("#welcome").hidden = true;
  $("#story").hidden = false;
  $("#story-title").textContent = story.title;
  $("#story-meta").textContent = `${fmtDate(story.first_date)} – ${fmtDate(story.last_date)} · ${t("n_articles", { n: story.articles.length })}`;
  await Promise.all(story.articles.map((a) => loadArticle(a.id)));
  if (lang !== state.lang || state.story !== story) return;
  renderContradictions(story);
  renderTimeline(story);
  renderArticles(story);
  renderMap(story);
  renderGraph(story);
}

async function loadArticle(id) {
  if (!state.articles.has(id)) state.articles.set(id, await api(`/articles/${encodeURIComponent(id)}`));
  return state.articles.get(id);
}

/* ---------- timeline ---------- */
function evidenceOf(entry, story) {
  if (entry.evidence) return entry.evidence;
  const art = state.articles.get(entry.doc_id);
  if (!art) return null;
  const ev = story.events.find((e) => e.status_history.includes(entry));
  const ids = new Set((ev ? ev.mentions : []).filter((m) => m.doc_id === entry.doc_id).map((m) => m.event_id));
  for (const e of art.events) if (ids.has(e.id)) for (const c of e.claims) if (c.status === entry.status) return c.evidence;
  return null;
}

function renderContradictions(story) {
  const box = $("#contradictions");
  box.replaceChildren(el("h3", { text: t("contradictions") }));
  if (!story.contradictions.length) { box.append(el("p", { class: "meta", text: t("no_contradictions") })); return; }
  for (const c of story.contradictions) {
    const ev = story.events.find((e) => e.id === c.event);
    const groups = new Map();
    for (const v of c.values) {
      if (!groups.has(v.value)) groups.set(v.value, []);
      groups.get(v.value).push(v);
    }
    const vals = [...groups.entries()].map(([value, reports], i) => el("span", { class: "c-value" },
      i ? el("span", { class: "vs", text: ` ${t("vs")} ` }) : null,
      el("strong", { text: c.slot === "status" ? statusLabel(value) : value }), " (",
      ...reports.map((v, k) => [k ? "; " : null, el("button", { type: "button", class: "fact value", title: t("open_evidence"),
        onclick: () => openReader(v.doc_id, v.evidence) },
        fmtDate(dateOf(v.doc_id)) + (v.attribution && v.attribution.length ? ", " + t("according_to") + " " + sourceText(v.attribution) : ""))]).flat(),
      ")"));
    box.append(el("div", { class: "contradiction", role: "note" },
      el("p", { class: "c-head" }, el("span", { class: "badge warn", text: t("slot_" + c.slot) }), " ",
        ev ? `${eventLabel(ev)}: ${ev.participants.join(", ")}` : ""),
      el("p", { class: "c-values" }, ...vals),
      el("p", { class: "c-expl", text: c.explanation })));
  }
}

const dateOf = (docId) => { const a = state.articles.get(docId); return a ? (a.date || (a.dateline && a.dateline.date)) : null; };

function renderTimeline(story) {
  const box = $("#timeline");
  box.replaceChildren();
  const dates = [...new Set(story.events.flatMap((e) => e.status_history.map((h) => h.date)).filter(Boolean))].sort();
  const conflicted = new Set(story.contradictions.map((c) => c.event));
  const head = el("div", { class: "tl-row tl-head" }, el("div", { class: "tl-label", text: t("event") }),
    el("div", { class: "tl-cells" }, ...dates.map((d) => el("div", { class: "tl-date", text: t("report_of", { date: fmtDate(d) }) }))));
  box.append(head);
  for (const ev of story.events) {
    const cells = dates.map((d) => {
      const groups = new Map();
      for (const h of ev.status_history.filter((x) => x.date === d)) {
        const key = `${h.status}\u0000${sourceText(h.attribution)}`;
        if (!groups.has(key)) groups.set(key, []);
        groups.get(key).push(h);
      }
      return el("div", { class: "tl-cell" }, ...[...groups.values()].map((entries) => {
        const h = entries[0];
        const who = h.attribution && h.attribution.length ? t("according_to") + " " + sourceText(h.attribution) : t("reported_by_article");
        let next = 0;
        return el("button", {
          type: "button", class: `fact status s-${h.status}`,
          title: `${statusLabel(h.status)} — ${who}` + (entries.length > 1 ? ` · ${t("n_sentences", { n: entries.length })}` : ""),
          onclick: () => { const e = entries[next]; next = (next + 1) % entries.length; openReader(e.doc_id, evidenceOf(e, story)); },
        }, el("span", { class: "dot", "aria-hidden": "true" }), statusLabel(h.status),
          entries.length > 1 ? el("small", { class: "count", text: ` ×${entries.length}` }) : null,
          h.attribution && h.attribution.length ? el("small", { text: ` · ${sourceText(h.attribution)}` }) : null);
      }));
    });
    box.append(el("div", { class: "tl-row" + (conflicted.has(ev.id) ? " conflict" : "") },
      el("div", { class: "tl-label" }, el("strong", { text: eventLabel(ev) }),
        el("span", { text: ev.participants.join(", ") }),
        conflicted.has(ev.id) ? el("span", { class: "badge warn", text: "⚠ " + t("disputed") }) : null),
      el("div", { class: "tl-cells" }, ...cells)));
  }
  $("#legend").textContent = t("legend");
}

function renderArticles(story) {
  const list = $("#article-list");
  list.replaceChildren();
  for (const a of story.articles) {
    list.append(el("li", {}, el("button", { type: "button", class: "fact", onclick: () => openReader(a.id, null) },
      titleNode("strong", a), ` — ${fmtDate(a.date)}${a.dateline ? ", " + a.dateline : ""}`)));
  }
}

/* ---------- map ---------- */
async function renderMap(story) {
  const box = $("#map");
  box.replaceChildren();
  const places = [];
  for (const a of story.articles) {
    const art = state.articles.get(a.id);
    for (const p of (art ? art.places : [])) if (p.lat !== null && p.lon !== null) places.push({ ...p, doc_id: a.id });
  }
  const chips = $("#place-list");
  chips.replaceChildren();
  if (!places.length) { box.append(el("p", { class: "meta", text: t("no_places") })); return; }
  if (!state.world) state.world = await (await fetch("/static/vendor/countries-110m.json")).json();
  const countries = topojson.feature(state.world, state.world.objects.countries);
  const width = 720, height = 380;
  const pts = { type: "MultiPoint", coordinates: places.map((p) => [p.lon, p.lat]) };
  const projection = d3.geoNaturalEarth1().fitExtent([[40, 30], [width - 40, height - 30]], pts);
  if (projection.scale() > 1400) projection.scale(1400);
  const path = d3.geoPath(projection);
  const svg = svgEl("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": t("map") });
  svg.append(svgEl("rect", { width, height, class: "sea" }));
  for (const f of countries.features) svg.append(svgEl("path", { d: path(f) || "", class: "country" }));
  const seen = new Map();
  for (const p of places) {
    const key = p.name;
    if (seen.has(key)) { seen.get(key).n += 1; continue; }
    seen.set(key, { p, n: 1 });
  }
  for (const { p, n } of seen.values()) {
    const [x, y] = projection([p.lon, p.lat]);
    const g = svgEl("g", { class: "place", tabindex: "0", role: "button", "aria-label": `${p.text} (${p.country || "-"})` });
    g.append(svgEl("circle", { cx: x, cy: y, r: 4 + Math.min(n, 6) }));
    const label = svgEl("text", { x: x + 9, y: y + 4 });
    label.textContent = p.text;
    g.append(label);
    const open = () => openReader(p.doc_id, { start: p.start, end: p.end });
    g.addEventListener("click", open);
    g.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); open(); } });
    svg.append(g);
    chips.append(el("li", {}, el("button", { type: "button", class: "fact", onclick: open }, `${p.text} · ${p.country || "—"} · ×${n}`)));
  }
  box.append(svg);
}

/* ---------- actor graph ---------- */
function renderGraph(story) {
  const box = $("#graph");
  box.replaceChildren();
  const edges = new Map();
  const nodes = new Map();
  for (const a of story.articles) {
    const art = state.articles.get(a.id);
    if (!art) continue;
    const names = new Map(art.entities.map((e) => [e.id, e.name]));
    for (const ev of art.events) {
      const from = ev.actors.map((x) => names.get(x)).filter(Boolean);
      const to = ev.recipients.map((x) => names.get(x)).filter(Boolean);
      const pairs = to.length ? from.flatMap((f) => to.map((r) => [f, r])) : from.flatMap((f, i) => from.slice(i + 1).map((r) => [f, r]));
      for (const [f, r] of pairs) {
        nodes.set(f, (nodes.get(f) || 0) + 1); nodes.set(r, (nodes.get(r) || 0) + 1);
        const k = `${f}\u0000${r}\u0000${ev.type}`;
        if (!edges.has(k)) edges.set(k, { f, r, type: ev.type, doc: a.id, evidence: ev.claims[0] && ev.claims[0].evidence });
      }
    }
  }
  if (!nodes.size) { box.append(el("p", { class: "meta", text: t("no_actors") })); return; }
  const width = 720, height = 440, cx = width / 2, cy = height / 2, rx = cx - 110, ry = cy - 50;
  const names = [...nodes.keys()].sort((a, b) => nodes.get(b) - nodes.get(a));
  const pos = new Map(names.map((n, i) => [n, [cx + rx * Math.cos((2 * Math.PI * i) / names.length - Math.PI / 2),
    cy + ry * Math.sin((2 * Math.PI * i) / names.length - Math.PI / 2)]]));
  const svg = svgEl("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": t("actors") });
  const defs = svgEl("defs");
  svg.append(defs);
  defs.innerHTML = '<marker id="arrow" viewBox="0 0 10 10" refX="18" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" class="arrowhead"/></marker>';
  for (const e of edges.values()) {
    const [x1, y1] = pos.get(e.f), [x2, y2] = pos.get(e.r);
    const g = svgEl("g", { class: `edge t-${e.type}`, tabindex: "0", role: "button", "aria-label": `${e.f} — ${typeLabel(e.type)} — ${e.r}` });
    g.append(svgEl("line", { x1, y1, x2, y2, "marker-end": "url(#arrow)" }));
    const label = svgEl("text", { x: (x1 + x2) / 2, y: (y1 + y2) / 2 - 4, "text-anchor": "middle" });
    label.textContent = e.type;
    g.append(label);
    const open = () => openReader(e.doc, e.evidence);
    g.addEventListener("click", open);
    g.addEventListener("keydown", (ev) => { if (ev.key === "Enter") open(); });
    svg.append(g);
  }
  for (const n of names) {
    const [x, y] = pos.get(n);
    const g = svgEl("g", { class: "node" });
    g.append(svgEl("circle", { cx: x, cy: y, r: 8 + Math.min(nodes.get(n), 8) }));
    const label = svgEl("text", { x, y: y + (y < cy ? -18 : 28), "text-anchor": "middle" });
    label.textContent = n;
    g.append(label);
    svg.append(g);
  }
  box.append(svg);
}

/* ---------- reader: the article with its facts highlighted ---------- */
function spansOf(art) {
  const spans = [];
  for (const e of art.entities) for (const m of e.mentions) spans.push({ start: m.start, end: m.end, kind: "entity", label: `${e.name} (${e.type}${e.code ? ", " + e.code : ""})` });
  for (const x of art.times) spans.push({ start: x.start, end: x.end, kind: "time", label: `${x.text} = ${x.value}${x.mod ? " " + x.mod : ""}` });
  for (const p of art.places) spans.push({ start: p.start, end: p.end, kind: "place", label: `${p.name} (${p.country || "—"})` });
  for (const q of art.quotes) spans.push({ start: q.start, end: q.end, kind: "quote", label: q.speaker_text || "" });
  return spans;
}

function renderText(art, focus) {
  const text = art.text;
  const spans = spansOf(art);
  const cuts = new Set([0, text.length]);
  for (const s of spans) { cuts.add(s.start); cuts.add(s.end); }
  if (focus) { cuts.add(focus.start); cuts.add(focus.end); }
  const points = [...cuts].filter((x) => x >= 0 && x <= text.length).sort((a, b) => a - b);
  const order = { entity: 4, time: 3, place: 2, quote: 1 };
  const box = $("#reader-text");
  box.replaceChildren();
  let focusNode = null;
  for (let i = 0; i < points.length - 1; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const piece = text.slice(a, b);
    const covering = spans.filter((s) => s.start <= a && s.end >= b).sort((x, y) => order[y.kind] - order[x.kind]);
    const inFocus = focus && focus.start <= a && focus.end >= b;
    let node = document.createTextNode(piece);
    if (covering.length) node = el("mark", { class: `hl ${covering[0].kind}`, title: covering.map((s) => s.label).join(" · ") }, piece);
    if (inFocus) {
      if (!focusNode) { focusNode = el("span", { class: "focus" }); box.append(focusNode); }
      focusNode.append(node);
    } else {
      box.append(node);
    }
  }
  return focusNode;
}

function renderFacts(art, open) {
  const box = $("#reader-facts");
  box.replaceChildren();
  const names = new Map(art.entities.map((e) => [e.id, e.name]));
  const evList = el("ul", { class: "fact-list" });
  for (const ev of art.events) {
    for (const c of ev.claims) {
      const who = [...ev.actors, ...ev.recipients].map((x) => names.get(x)).filter(Boolean).join(", ");
      const extra = [c.time ? c.time.value : null, c.place ? c.place.name : null,
        c.attribution.length ? t("according_to") + " " + c.attribution.map((s) => names.get(s.entity) || s.text).join(" ← ") : null].filter(Boolean).join(" · ");
      evList.append(el("li", {}, el("button", { type: "button", class: "fact", onclick: () => focusEvidence(art, c.evidence) },
        el("span", { class: `badge s-${c.status}`, text: statusLabel(c.status) }), ` ${eventLabel(ev)}: ${who}`,
        extra ? el("small", { text: ` — ${extra}` }) : null)));
    }
  }
  const warn = art.warnings.map((w) => el("p", { class: "warning", role: "note", text: `⚠ ${w.detail}` }));
  box.append(...warn, el("details", { open }, el("summary", { text: `${t("events")} (${evList.children.length})` }), evList));
}

function focusEvidence(art, evidence) {
  const node = renderText(art, evidence);
  if (!node) return;
  const reader = $("#reader");
  if (getComputedStyle(reader).position === "sticky" && reader.scrollHeight > reader.clientHeight) {
    const top = node.getBoundingClientRect().top - reader.getBoundingClientRect().top + reader.scrollTop;
    reader.scrollTo({ top: Math.max(0, top - reader.clientHeight / 3), behavior: "smooth" });
  } else {
    node.scrollIntoView({ block: "center", behavior: "smooth" });
  }
  node.setAttribute("tabindex", "-1");
  node.focus({ preventScroll: true });
}

function renderReaderHead(art) {
  $("#reader-title").replaceChildren(titleNode("span", art));
  $("#reader-meta").textContent = [fmtDate(art.date || (art.dateline && art.dateline.date)), art.dateline && art.dateline.place, art.outlet].filter(Boolean).join(" · ");
}

async function openReader(docId, evidence) {
  const art = await loadArticle(docId);
  const reader = $("#reader");
  reader.hidden = false;
  state.reading = { docId, evidence };
  renderReaderHead(art);
  renderFacts(art, !evidence);  // opened on a fact: the sentence first, the list folded
  focusEvidence(art, evidence);
  if (!evidence) $("#reader-close").focus();
}

/* ---------- tabs, dialog, language, routing ---------- */
function setupTabs() {
  const tabs = [...document.querySelectorAll('[role="tab"]')];
  const select = (tab) => {
    for (const x of tabs) {
      const on = x === tab;
      x.setAttribute("aria-selected", on); x.tabIndex = on ? 0 : -1;
      $("#" + x.getAttribute("aria-controls")).hidden = !on;
    }
    tab.focus();
  };
  tabs.forEach((tab, i) => {
    tab.addEventListener("click", () => select(tab));
    tab.addEventListener("keydown", (e) => {
      if (e.key === "ArrowRight") select(tabs[(i + 1) % tabs.length]);
      if (e.key === "ArrowLeft") select(tabs[(i - 1 + tabs.length) % tabs.length]);
    });
  });
}

function setupDialog() {
  const dialog = $("#add-dialog");
  $("#add-open").addEventListener("click", () => { $("#add-status").textContent = ""; dialog.showModal(); });
  $("#add-cancel").addEventListener("click", () => dialog.close());
  $("#add-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    const status = $("#add-status");
    const file = $("#add-file").files[0];
    const text = $("#add-text").value;
    if (!file && !text.trim()) { status.textContent = t("need_text"); return; }
    const headers = {};
    const token = $("#add-token").value.trim();
    if (token) headers.Authorization = `Bearer ${token}`;
    let body;
    if (file) {
      body = new FormData();
      body.append("file", file);
      if ($("#add-title-input").value) body.append("title", $("#add-title-input").value);
      if ($("#add-date").value) body.append("date", $("#add-date").value);
    } else {
      headers["Content-Type"] = "application/json";
      body = JSON.stringify({ text, title: $("#add-title-input").value || null, date: $("#add-date").value || null });
    }
    status.textContent = t("analysing");
    $("#add-submit").disabled = true;
    try {
      const res = await api("/articles", { method: "POST", headers, body });
      status.textContent = res.created ? t("added") : t("already");
      state.articles.delete(res.doc_id);
      const stories = await api(storiesPath());
      const mine = [];
      for (const s of stories.items) { const d = await api(storyPath(s.id)); if (d.articles.some((a) => a.id === res.doc_id)) mine.push(s.id); }
      await loadStories(mine[0]);
      setTimeout(() => dialog.close(), 600);
    } catch (err) {
      status.textContent = err.message;
    } finally {
      $("#add-submit").disabled = false;
    }
  });
}

function applyLabels() {
  document.documentElement.lang = state.lang;
  document.querySelectorAll("[data-i18n]").forEach((n) => { n.textContent = t(n.dataset.i18n); });
}

async function route() {
  const m = location.hash.match(/^#\/story\/(.+)$/);
  try {
    if (m) await openStory(decodeURIComponent(m[1]));
  } catch (err) { showError(err.message); }
}

async function start() {
  state.labels = await (await fetch("/static/i18n.json")).json();
  state.lang = localStorage.getItem("cronaca-lang") || ((navigator.language || "en").startsWith("it") ? "it" : "en");
  $("#lang-select").value = state.lang;
  $("#lang-select").addEventListener("change", async (e) => {
    state.lang = e.target.value; localStorage.setItem("cronaca-lang", state.lang); applyLabels();
    const reader = !$("#reader").hidden && state.reading && state.articles.get(state.reading.docId);
    if (reader) { renderReaderHead(reader); renderFacts(reader, !state.reading.evidence); }
    try {
      await Promise.all([loadStories(), state.story ? openStory(state.story.id) : null]);
    } catch (err) { showError(err.message); }
  });
  $("#reader-close").addEventListener("click", () => { $("#reader").hidden = true; });
  // the fact last clicked keeps the colour of the sentence it opened
  document.addEventListener("click", (e) => {
    const fact = e.target.closest && e.target.closest("button.fact");
    if (!fact) return;
    document.querySelectorAll(".fact.selected").forEach((x) => x.classList.remove("selected"));
    fact.classList.add("selected");
  });
  document.addEventListener("keydown", (e) => { if (e.key === "Escape" && !$("#add-dialog").open) $("#reader").hidden = true; });
  applyLabels();
  setupTabs();
  setupDialog();
  window.addEventListener("hashchange", route);
  try { await loadStories(); } catch (err) { showError(err.message); }
  if (!location.hash && state.stories.length === 1) location.hash = `#/story/${encodeURIComponent(state.stories[0].id)}`;
  else await route();
}

start();
