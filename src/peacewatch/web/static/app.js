// The peacewatch dashboard: events on a map and a brushable timeline, who controls which place (a
// map layer), the provision tracker with cited evidence, disputed figures and search, all read from
// the JSON API under /api/.
// Article text is untrusted: it only ever reaches the page as DOM text nodes (textContent,
// createTextNode), never as markup, so a title or sentence carrying HTML shows as written.
"use strict";

const EVENT_COLOURS = {
  "Battles": "#c0392b",
  "Explosions/Remote violence": "#e67e22",
  "Violence against civilians": "#8e44ad",
  "Protests": "#2980b9",
  "Riots": "#16a085",
  "Strategic developments": "#7f8c8d",
};
const OTHER_COLOUR = "#34495e";
// Holders of territory get colours in the order they first appear, so one map never repeats one.
const HOLDER_COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2"];
const PAGE_SIZE = 1000;
const DAY_MS = 86400000;

const state = { events: [], range: null, disputes: [], articles: new Map(), markers: null, control: null, holders: new Map() };

// --- DOM building: strings become text nodes, so nothing is ever parsed as HTML ---

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined) node.setAttribute(name, value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === "") continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function replaceChildren(node, ...children) {
  node.replaceChildren();
  for (const child of children.flat()) node.append(child);
}

function showStatus(message) {
  document.getElementById("status").textContent = message;
}

async function getJSON(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  if (!response.ok) {
    const body = await response.json().catch(() => ({}));
    throw new Error(`${url}: ${body.detail || response.status}`);
  }
  return response.json();
}

async function allPages(url) {
  const items = [];
  for (let next = url; next; ) {
    const page = await getJSON(next);
    items.push(...page.items);
    next = page.next;
  }
  return items;
}

function article(id) {
  if (!state.articles.has(id)) state.articles.set(id, getJSON(`/api/articles/${encodeURIComponent(id)}`));
  return state.articles.get(id);
}

// --- dates ---

function eventDay(event) {
  return event.first_day || event.event_date || null;
}

function dayNumber(isoDay) {
  return Math.floor(Date.parse(`${isoDay}T00:00:00Z`) / DAY_MS);
}

function isoDay(number) {
  return new Date(number * DAY_MS).toISOString().slice(0, 10);
}

function inRange(isoDayText) {
  if (!state.range) return true;
  if (!isoDayText) return false;
  const day = dayNumber(isoDayText);
  return day >= state.range[0] && day <= state.range[1];
}

// --- map ---

function colourOf(eventType) {
  return EVENT_COLOURS[eventType] || OTHER_COLOUR;
}

async function drawMap() {
  const map = L.map("map", { worldCopyJump: true, minZoom: 1 }).setView([20, 20], 2);
  const world = await getJSON("/static/vendor/world-atlas/countries-110m.json");
  L.geoJSON(topojson.feature(world, world.objects.countries), {
    interactive: false,
    style: { color: "#8a9199", weight: 0.6, fillColor: "#eef0e8", fillOpacity: 1 },
  }).addTo(map);
  state.markers = L.featureGroup().addTo(map);
  state.control = L.featureGroup().addTo(map);
  L.control.layers(null, { "Events": state.markers, "Territorial control": state.control }, { collapsed: false }).addTo(map);
  state.map = map;
}

function eventPopup(event) {
  return el("div", { class: "popup" },
    el("strong", {}, `${event.event_type}: ${event.sub_event_type}`),
    el("div", {}, [event.event_date, event.location].filter(Boolean).join(" · ")),
    el("p", {}, event.notes));
}

function drawMarkers(events) {
  state.markers.clearLayers();
  for (const event of events) {
    if (event.latitude === null || event.longitude === null) continue;
    const colour = colourOf(event.event_type);
    L.circleMarker([event.latitude, event.longitude], {
      radius: 7, color: "#222", weight: 1, fillColor: colour, fillOpacity: 0.85,
    }).bindPopup(eventPopup(event)).addTo(state.markers);
  }
  if (state.markers.getLayers().length) state.map.fitBounds(state.markers.getBounds().pad(0.5), { maxZoom: 7 });
}

// --- territorial control: each place's holder on the last day shown ---

function holderColour(holder) {
  if (!state.holders.has(holder)) state.holders.set(holder, HOLDER_COLOURS[state.holders.size % HOLDER_COLOURS.length]);
  return state.holders.get(holder);
}

function controlPopup(row) {
  return el("div", { class: "popup" },
    el("strong", {}, `${row.place}: held by ${row.controller}`),
    el("div", {}, [`since ${row.start}`, row.via ? `as part of ${row.via}` : null, citationLabel(row.citation)]
      .filter(Boolean).join(" · ")),
    el("p", {}, row.citation.text));
}

async function drawControl(day) {
  const rows = await getJSON(day ? `/api/control?as_of=${day}` : "/api/control");
  state.control.clearLayers();
  for (const row of rows) {
    if (row.latitude === null || row.longitude === null) continue;
    L.circleMarker([row.latitude, row.longitude], {
      radius: 11, color: holderColour(row.controller), weight: 3, dashArray: "4 3", fill: false, className: "control-marker",
    }).bindPopup(controlPopup(row)).addTo(state.control);
  }
  document.getElementById("control-as-of").textContent = rows.length ? `Control as of ${day || "the newest article"}` : "";
  replaceChildren(document.getElementById("control-legend"), [...new Set(rows.map((row) => row.controller))].map((holder) =>
    el("li", {}, el("span", { class: "ring", style: `border-color:${holderColour(holder)}` }), holder)));
}

function drawLegend(events) {
  const types = [...new Set(events.map((e) => e.event_type))].sort();
  replaceChildren(document.getElementById("legend"), types.map((type) => el("li", {},
    el("span", { class: "swatch", style: `background:${colourOf(type)}` }), type)));
}

// --- timeline: events per day, drag to choose a range ---

function daysWithCounts(events) {
  const counts = new Map();
  for (const event of events) {
    const day = eventDay(event);
    if (day) counts.set(dayNumber(day), (counts.get(dayNumber(day)) || 0) + 1);
  }
  return counts;
}

function drawTimeline(events) {
  const svg = document.getElementById("timeline-chart");
  const counts = daysWithCounts(events);
  svg.replaceChildren();
  if (!counts.size) return;
  const days = [...counts.keys()];
  const first = Math.min(...days), last = Math.max(...days);
  const width = svg.clientWidth || 600, height = svg.clientHeight || 80;
  const slot = width / (last - first + 1), tallest = Math.max(...counts.values());
  const ns = "http://www.w3.org/2000/svg";
  const shape = (tag, attributes) => {
    const node = document.createElementNS(ns, tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    return svg.appendChild(node);
  };
  for (const [day, count] of counts) {
    const barHeight = Math.max(2, (count / tallest) * (height - 16));
    const bar = shape("rect", { class: "bar", x: (day - first) * slot + 0.5, width: Math.max(1, slot - 1),
                                 y: height - 14 - barHeight, height: barHeight });
    bar.appendChild(document.createElementNS(ns, "title")).textContent = `${isoDay(day)}: ${count} event(s)`;
  }
  for (const [day, anchor] of [[first, "start"], [last, "end"]]) {
    shape("text", { x: anchor === "start" ? 0 : width, y: height - 2, "text-anchor": anchor }).textContent = isoDay(day);
  }
  const brush = shape("rect", { class: "brush", x: 0, y: 0, width: 0, height: height - 14 });
  const dayAt = (x) => first + Math.min(last - first, Math.max(0, Math.floor(x / slot)));
  let start = null;
  const xOf = (pointer) => pointer.clientX - svg.getBoundingClientRect().left;
  const show = (from, to) => {
    brush.setAttribute("x", (from - first) * slot);
    brush.setAttribute("width", (to - from + 1) * slot);
  };
  svg.onpointerdown = (pointer) => {
    start = dayAt(xOf(pointer));
    svg.setPointerCapture(pointer.pointerId);
    show(start, start);
  };
  svg.onpointermove = (pointer) => {
    if (start === null) return;
    const day = dayAt(xOf(pointer));
    show(Math.min(start, day), Math.max(start, day));
  };
  svg.onpointerup = (pointer) => {
    if (start === null) return;
    const day = dayAt(xOf(pointer));
    setRange([Math.min(start, day), Math.max(start, day)]);
    start = null;
  };
  if (state.range) show(state.range[0], state.range[1]);
}

function setRange(range) {
  state.range = range;
  document.getElementById("range-label").textContent =
    range ? `${isoDay(range[0])} to ${isoDay(range[1])}` : "All dates (drag across the chart to choose)";
  if (!range) document.querySelector("#timeline-chart .brush")?.setAttribute("width", 0);
  applyRange();
}

function applyRange() {
  const shown = state.events.filter((event) => inRange(eventDay(event)));
  drawMarkers(shown);
  drawEventList(shown);
  drawDisputes(state.disputes.filter((figure) => inRange(figure.published)));
  drawControl(state.range ? isoDay(state.range[1]) : null).catch(report);
}

// --- lists ---

function sourceButtons(sources) {
  return sources.map((source) => el("button", { type: "button", class: "link", "data-article": source.article_id },
    source.outlet || source.article_id, source.published ? ` (${source.published})` : ""));
}

function drawEventList(events) {
  document.getElementById("event-count").textContent = `(${events.length})`;
  replaceChildren(document.getElementById("event-list"), events.map((event) => el("li", {},
    el("span", { class: "swatch", style: `background:${colourOf(event.event_type)}` }),
    el("strong", {}, event.event_date || "undated"), " ",
    `${event.event_type}: ${event.sub_event_type}`, event.location ? ` in ${event.location}` : "",
    el("p", {}, event.notes),
    el("p", { class: "sources" }, "Reported by ", sourceButtons(event.sources)))));
}

function drawDisputes(figures) {
  const byDispute = new Map();
  for (const figure of figures) {
    if (!byDispute.has(figure.dispute)) byDispute.set(figure.dispute, []);
    byDispute.get(figure.dispute).push(figure);
  }
  const container = document.getElementById("disputes");
  if (!byDispute.size) {
    replaceChildren(container, el("p", {}, "No disputed figures in these dates."));
    return;
  }
  replaceChildren(container, [...byDispute.values()].map((group) => el("article", { class: "dispute" },
    el("h3", {}, `${group[0].subject}: ${group[0].measure}`),
    el("ul", {}, group.map((figure) => el("li", {},
      el("strong", {}, figure.text), figure.attribution ? ` according to ${figure.attribution}` : "", " ",
      el("button", { type: "button", class: "link", "data-article": figure.article_id },
        figure.outlet || figure.article_id, figure.published ? ` (${figure.published})` : ""),
      el("blockquote", {}, figure.sentence)))))));
}

// --- articles and search ---

async function openArticle(id) {
  const shown = await article(id);
  document.getElementById("article-title").textContent = shown.title || shown.id;
  document.getElementById("article-meta").textContent =
    [shown.outlet, shown.published, shown.url].filter(Boolean).join(" · ");
  document.getElementById("article-text").textContent = shown.text;
  const panel = document.getElementById("article-panel");
  panel.hidden = false;
  panel.scrollIntoView({ block: "nearest" });
}

async function search(query) {
  const hits = await getJSON(`/api/search?q=${encodeURIComponent(query)}&limit=20`);
  const list = document.getElementById("search-results");
  document.getElementById("search-panel").hidden = false;
  if (!hits.length) {
    replaceChildren(list, el("li", {}, `Nothing found for ${query}.`));
    return;
  }
  replaceChildren(list, hits.map((hit) => el("li", { class: "hit" },
    el("button", { type: "button", class: "link title", "data-article": hit.id }, hit.title || hit.id),
    el("div", { class: "meta" }, [hit.outlet, hit.published].filter(Boolean).join(" · ")),
    el("p", { class: "snippet" }, hit.snippet))));
}

// --- provision tracker ---

function statusClass(status) {
  return `status status-${status.replace(/\s+/g, "-")}`;
}

function deadlineText(status) {
  if (!status.deadline) return "";
  return status.deadline_state ? `${status.deadline} (${status.deadline_state})` : status.deadline;
}

async function drawAgreements() {
  const agreements = await getJSON("/api/agreements");
  const select = document.getElementById("agreement-select");
  replaceChildren(select, agreements.map((a) => el("option", { value: a.id }, `${a.title} (${a.provisions})`)));
  select.onchange = () => drawProvisions(select.value).catch(report);
  if (agreements.length) await drawProvisions(agreements[0].id);
}

async function drawProvisions(agreementId) {
  const provisions = await getJSON(`/api/agreements/${encodeURIComponent(agreementId)}/provisions`);
  document.getElementById("agreement-as-of").textContent =
    provisions.length ? `As of ${provisions[0].as_of}` : "";
  replaceChildren(document.querySelector("#provisions tbody"), provisions.map((row) => {
    const line = el("tr", { class: row.last_evidence ? "has-evidence" : null, "data-provision": row.provision.number },
      el("td", {}, el("button", { type: "button", class: "link" }, row.provision.number)),
      el("td", {}, row.provision.category),
      el("td", {}, row.provision.summary),
      el("td", {}, el("span", { class: statusClass(row.status.status) }, row.status.status)),
      el("td", {}, deadlineText(row.status)));
    line.querySelector("button").onclick = () => drawProvision(agreementId, row.provision.number).catch(report);
    return line;
  }));
}

function codePointSlice(chars, from, to) {
  return chars.slice(from, to).join("");
}

// The paragraph around a cited sentence, the sentence in <mark>. Offsets count Unicode code
// points (Python's str indices), so the text is split into code points, not UTF-16 units.
function highlighted(text, start, end) {
  const chars = Array.from(text);
  const joined = (from, to) => codePointSlice(chars, from, to);
  let from = start, to = end;
  while (from > 0 && chars[from - 1] !== "\n") from -= 1;
  while (to < chars.length && chars[to] !== "\n") to += 1;
  return el("p", { class: "passage" }, joined(from, start), el("mark", {}, joined(start, end)), joined(end, to));
}

async function evidencePassage(citation) {
  if (citation.start === null || citation.end === null) return el("p", { class: "passage" }, citation.text);
  try {
    const source = await article(citation.source);
    return highlighted(source.text, citation.start, citation.end);
  } catch (error) {
    return el("p", { class: "passage" }, el("mark", {}, citation.text));
  }
}

function citationLabel(citation) {
  return [citation.outlet || citation.source, citation.published].filter(Boolean).join(", ");
}

// An article citation opens its article; a citation of the agreement itself is plain text.
function citationLink(citation) {
  if (citation.start === null) return el("span", {}, citationLabel(citation));
  return el("button", { type: "button", class: "link", "data-article": citation.source }, citationLabel(citation));
}

async function drawProvision(agreementId, number) {
  const detail = await getJSON(
    `/api/agreements/${encodeURIComponent(agreementId)}/provisions/${encodeURIComponent(number)}`);
  document.getElementById("provision-title").textContent = `${agreementId} provision ${number}: ${detail.status.status}`;
  document.getElementById("provision-summary").textContent = detail.provision.summary;
  replaceChildren(document.getElementById("provision-timeline"), detail.timeline.map((change) => el("li", {},
    el("strong", {}, change.day), " ", el("span", { class: statusClass(change.status) }, change.status),
    change.deadline ? ` deadline ${deadlineText(change)}` : "", ` (${citationLabel(change.citation)})`)));
  const passages = await Promise.all(detail.evidence.map((item) => evidencePassage(item.citation)));
  const list = document.getElementById("evidence-list");
  replaceChildren(list, detail.evidence.length ? detail.evidence.map((item, index) => el("li", { class: "evidence" },
    el("strong", {}, item.day), " ", el("span", { class: `stance stance-${item.stance}` }, item.stance), " ",
    citationLink(item.citation), passages[index])) : [el("li", {}, "No evidence cited yet.")]);
  const panel = document.getElementById("provision-panel");
  panel.hidden = false;
  panel.scrollIntoView({ block: "nearest" });
}

// --- start ---

function report(error) {
  showStatus(`Could not load: ${error.message}`);
}

function wireControls() {
  document.getElementById("search-form").onsubmit = (submitted) => {
    submitted.preventDefault();
    search(document.getElementById("search-input").value).catch(report);
  };
  document.getElementById("range-clear").onclick = () => setRange(null);
  document.body.addEventListener("click", (click) => {
    const target = click.target.closest("[data-article]");
    if (target) openArticle(target.dataset.article).catch(report);
  });
  window.addEventListener("resize", () => drawTimeline(state.events));
}

async function start() {
  wireControls();
  await drawMap();
  const [events, disputes] = await Promise.all([allPages(`/api/events?limit=${PAGE_SIZE}`), getJSON("/api/disputes")]);
  state.events = events;
  state.disputes = disputes;
  drawLegend(events);
  drawTimeline(events);
  setRange(null);
  await drawAgreements();
  document.body.dataset.ready = "true";
}

start().catch(report);
