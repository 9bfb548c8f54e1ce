/* Quote finder: free text and facets over every quote, backed by the Pagefind index
   built at build time (served from this site). The page arrives with the first quotes and
   the facet counts in its HTML; the index loads only when the reader starts to search, and
   only the parts a search needs (its words' chunks, the chosen and the opened facets), so a
   session stays small as the corpus grows. The URL keeps the search, so a search can be
   shared; the form is plain HTML, so it works with the keyboard (and without JavaScript, as a
   form the server's pages answer). Wired on every page Material shows (site-kit.js). */
import { exposeForTests, loadIndex, onEveryPage, showFailure } from "./site-kit.js";
import * as phrase from "./phrase-search.js";

const MIN_CHARS = 3;
// Counting waits this long for the reader to be done choosing, so a box ticked right after a
// facet is unfolded is searched at once instead of waiting behind the count.
const COUNT_DELAY = 600;
const COUNTS_FAILED = "Antallet ved hvert valg kunne ikke hentes.";
const facetLoads = new Map();  // facet → its filter list's preload, once per page session

function readState(form) {
  const params = new URLSearchParams(window.location.search);
  form.elements.q.value = params.get("q") || "";
  form.querySelectorAll("input[type=checkbox]").forEach((box) => {
    box.checked = params.getAll(box.name).includes(box.value);
  });
}

function writeState(form) {
  const params = new URLSearchParams();
  const q = form.elements.q.value.trim();
  if (q) { params.set("q", q); }
  form.querySelectorAll("input[type=checkbox]:checked").forEach((box) => { params.append(box.name, box.value); });
  const query = params.toString();
  const url = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
  window.history.replaceState(window.history.state, "", url);
}

function filters(form) {
  const chosen = {};
  form.querySelectorAll("input[type=checkbox]:checked").forEach((box) => {
    (chosen[box.name] = chosen[box.name] || { any: [] }).any.push(box.getAttribute("data-label"));
  });
  return chosen;
}

const SLOT = /\{(\w+)\}/g;
const WHOLE_SLOT = /^\{(\w+)\}$/;

/* `text` with each {name} replaced by `values[name]`; a name without a value stays as it is. */
function filled(text, values) {
  return text.replace(SLOT, (slot, name) => (name in values ? String(values[name]) : slot));
}

/* An element whose whole text is one {name}: one copy per item of a list, left out for an empty value (as the
   template's `for` and `if` do on the page), otherwise given the value as its text. */
function fillElement(node, value) {
  if (Array.isArray(value)) {
    value.forEach((item) => {
      const copy = node.cloneNode(false);
      copy.textContent = item;
      node.before(copy);
    });
    node.remove();
  } else if (value) {
    node.textContent = value;
  } else {
    node.remove();
  }
}

/* A copy of the page's <template> hit (the quote card, evidence/html/templates/quote_card.html) with `values`
   put where the card has {name}: as text and attribute values, never as markup. */
function fillTemplate(template, values) {
  const hit = template.content.firstElementChild.cloneNode(true);
  [hit, ...hit.querySelectorAll("*")].forEach((node) => {
    Array.from(node.attributes).forEach((attribute) => { attribute.value = filled(attribute.value, values); });
  });
  const walker = document.createTreeWalker(hit, NodeFilter.SHOW_TEXT);
  const texts = [];
  while (walker.nextNode()) { texts.push(walker.currentNode); }
  texts.forEach((text) => {
    const whole = WHOLE_SLOT.exec(text.data);
    if (whole && text.parentNode.childNodes.length === 1) {
      fillElement(text.parentNode, values[whole[1]]);
    } else {
      text.data = filled(text.data, values);
    }
  });
  return hit;
}

/* A search hit as the page's first hits are drawn (evidence/pages/finder_page.py: hit_card). */
function renderHit(template, root, data) {
  const text = data.meta.text || data.content;
  const { attribution, citation } = data.meta;
  const hit = fillTemplate(template, {
    title: data.meta.title, permalink: root + data.meta.permalink, id: data.meta.id,
    lead_in: data.meta.lead_in || "", paragraphs: text.split("\n\n"), attribution, citation,
    copy: "»" + text.replace(/\n\n/g, " ") + "« – " + attribution + ". Kilde: " + citation,
  });
  // Shown as copy-quote.js shows the page's own buttons (hidden in the HTML for readers without JavaScript).
  hit.querySelectorAll("button.ev-copy[hidden]").forEach((button) => { button.hidden = false; });
  return hit;
}

function foundText(response) {
  const n = response.results.length;
  return (n === 1 ? "1 citat fundet" : n + " citater fundet") +
    (response.exact === 1 ? " – øverst det, hvor netop de ord står" : "") +
    (response.exact > 1 ? " – øverst de " + response.exact + ", hvor netop de ord står" : "");
}

/* The finder's parts and what it has found; one per finder element. */
function finderOf(box) {
  const form = box.querySelector("form");
  const count = box.querySelector("#ev-finder-count");
  const list = box.querySelector("#ev-finder-results");
  const totals = new Map();
  form.querySelectorAll("[data-count-for]").forEach((span) => { totals.set(span, span.textContent); });
  return {
    box, form, count, list, totals,
    root: box.getAttribute("data-root"),
    page: parseInt(box.getAttribute("data-page"), 10),
    total: parseInt(box.getAttribute("data-total"), 10),
    more: box.querySelector("#ev-finder-more"),
    hit: box.querySelector("template.ev-finder__hit"),
    facets: Array.from(form.querySelectorAll("details.ev-facet")),
    opening: { count: count.textContent, hits: Array.from(list.children) },
    results: [], shown: 0, run: 0, timer: null, countTimer: null, last: null,
    engine: () => loadIndex(box.getAttribute("data-index"), { excerptLength: 40 }),
  };
}

/* The next page of hits (`query`: a new search's words, whose hits replace those shown). Fragments load side
   by side, and each hit is shown as soon as it and those above it have come. */
async function showMore(f, query) {
  const mine = f.run;
  let fresh = query !== undefined;
  const loads = f.results.slice(f.shown, f.shown + f.page).map((r) => r.data());
  const replaceOnce = () => {
    if (!fresh) { return; }
    fresh = false;
    f.list.textContent = "";
    f.box.setAttribute("data-query", query);
  };
  for (const load of loads) {
    const data = await load;
    if (mine !== f.run) { return; }
    replaceOnce();
    f.list.appendChild(renderHit(f.hit, f.root, data));
    f.shown += 1;
  }
  if (mine !== f.run) { return; }
  replaceOnce();
  f.more.hidden = f.shown >= f.results.length;
}

function showOpening(f, message) {
  ++f.run;
  f.results = [];
  f.list.replaceChildren(...f.opening.hits);
  f.count.textContent = message || f.opening.count;
  f.totals.forEach((text, span) => { span.textContent = text; });
  f.more.hidden = f.total <= f.opening.hits.length;
  f.box.setAttribute("data-state", "static");
  f.box.removeAttribute("data-query");
}

/* A facet whose filter list has not been loaded shows no count rather than a stale one. */
function updateCounts(f, available) {
  f.totals.forEach((text, span) => {
    const box = span.closest("li").querySelector("input");
    const counts = available[box.name];
    span.textContent = counts ? "(" + (counts[box.getAttribute("data-label")] || 0) + ")" : "";
  });
}

function loadFacet(pagefind, details, term) {
  const key = details.getAttribute("data-facet");
  if (!facetLoads.has(key)) {
    const one = { [key]: { any: [details.querySelector("input").getAttribute("data-label")] } };
    facetLoads.set(key, pagefind.preload(term, { filters: one }));
  }
  return facetLoads.get(key);
}

/* Pagefind counts, on every search, each facet whose list it has loaded – at a hundred times today's corpus
   that takes a second. So a facet is loaded only once the reader opens it, and its counts follow the quotes
   instead of holding them up (countFacetsSoon). Without counts a facet shows none, never a wrong one. */
async function countFacets(f, mine) {
  const last = f.last;
  const missing = f.facets.filter((details) => details.open && !last.counted[details.getAttribute("data-facet")]);
  if (!last.term || !missing.length) { return; }
  try {
    const pagefind = await f.engine();
    await Promise.all(missing.map((details) => loadFacet(pagefind, details, last.term)));
    const response = await pagefind.search(last.term, { filters: last.chosen });
    if (mine !== f.run) { return; }
    last.counted = Object.assign({}, response.filters || {}, last.counted);
    updateCounts(f, last.counted);
  } catch (error) {
    if (mine === f.run) { showFailure(error, f.count, f.count.textContent + ". " + COUNTS_FAILED); }
  }
}

function countFacetsSoon(f) {
  window.clearTimeout(f.countTimer);
  f.countTimer = window.setTimeout(() => countFacets(f, f.run), COUNT_DELAY);
}

/* Words: pasted words of a quote find it first (phrase-search.js). Facets alone: newest first. */
async function searchIndex(f, term, chosen) {
  const pagefind = await f.engine();
  return term ? phrase.search(pagefind, term, { filters: chosen })
    : pagefind.search(null, { filters: chosen, sort: { order: "asc" } });
}

async function search(f, browse) {
  window.clearTimeout(f.countTimer);
  const mine = ++f.run;
  writeState(f.form);
  const typed = f.form.elements.q.value.trim();
  const term = typed.length >= MIN_CHARS ? typed : null;
  const chosen = filters(f.form);
  if (!term && !Object.keys(chosen).length && !browse) {
    showOpening(f, typed ? "Skriv mindst " + MIN_CHARS + " tegn for at søge." : undefined);
    return;
  }
  f.count.textContent = "Søger …";
  f.box.setAttribute("data-state", "searching");
  try {
    const response = await searchIndex(f, term, chosen);
    if (mine !== f.run) { return; }
    f.results = response.results;
    // Browsing on from the opening list: Pagefind sorts as the page did, so keep what is shown.
    f.shown = browse ? f.list.children.length : 0;
    f.count.textContent = foundText(response);
    f.last = { term, chosen, counted: response.filters || {} };
    updateCounts(f, f.last.counted);
    await showMore(f, browse ? undefined : typed);
    if (mine !== f.run) { return; }
    f.box.setAttribute("data-query", typed);
    f.box.setAttribute("data-state", "ready");
    countFacetsSoon(f);
  } catch (error) {
    if (mine === f.run) { failed(f, error); }
  }
}

/* The ids of the first `count` quotes found for `query`, best first: what the list shows. */
async function rank(f, query, count) {
  const response = await phrase.search(await f.engine(), query, {});
  const items = await Promise.all(response.results.slice(0, count || f.page).map((r) => r.data()));
  return items.map((data) => data.meta.id);
}

/* Fetch the index chunks for the words while the reader is still typing (Pagefind's advice), and search
   once the reader pauses. */
function typing(f) {
  window.clearTimeout(f.timer);
  f.timer = window.setTimeout(() => search(f), 250);
  const typed = f.form.elements.q.value.trim();
  if (typed.length < MIN_CHARS) { return; }
  f.engine().then((pagefind) => pagefind.preload(typed)).catch((error) => failed(f, error));
}

function failed(f, error) {
  showFailure(error, f.count, undefined, f.box);
}

function listen(f) {
  const { form } = f;
  form.addEventListener("focusin", () => { f.engine().catch((error) => failed(f, error)); }, { once: true });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    window.clearTimeout(f.timer);  // Enter right after typing: one search, not two
    search(f);
  });
  form.addEventListener("change", (event) => { if (event.target.type === "checkbox") { search(f); } });
  form.elements.q.addEventListener("input", () => typing(f));
  form.addEventListener("reset", () => { window.setTimeout(() => search(f), 0); });
  f.facets.forEach((details) => {
    details.addEventListener("toggle", () => {
      if (details.open && f.box.getAttribute("data-state") === "ready") { countFacetsSoon(f); }
    });
  });
  f.more.addEventListener("click", () => {
    if (f.box.getAttribute("data-state") === "static") {
      search(f, true);
    } else {
      showMore(f).catch((error) => failed(f, error));
    }
  });
}

function setup(box) {
  if (box.dataset.wired) { return; }
  box.dataset.wired = "1";
  const f = finderOf(box);
  exposeForTests("quoteFinder", { rank: (query, count) => rank(f, query, count) });
  readState(f.form);
  f.more.hidden = f.total <= f.opening.hits.length;
  listen(f);
  if (window.location.search) { search(f); }
}

onEveryPage((doc) => {
  const box = doc.getElementById("ev-finder");
  if (box) { setup(box); }
});
