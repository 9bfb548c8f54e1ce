/* Site search on the "Søg" page, backed by the Pagefind index built with the site.
   A hit inside a quote is shown as that quote: its heading and opening words as title (the page's
   Pagefind meta `q-<id>`, evidence/html/blocks.py), the matching passage, and a link to the quote's own
   anchor (Pagefind's sub-results follow the headings' ids). Other hits are pages, labelled as such.
   Pasted words of a quote find it first (phrase-search.js). The query lives in the URL (?q=), so the
   header form, the back button and shared links all work. Wired on every page Material shows (site-kit.js). */
import { element, exposeForTests, loadIndex, onEveryPage, showFailure } from "./site-kit.js";
import * as phrase from "./phrase-search.js";

const PAGE = 10;

/* Pagefind's excerpts are escaped text with <mark> around the matched words; keep only those marks.
   A textarea decodes the escapes and keeps every space (an HTML document drops leading ones). */
function unescaped(text) {
  const box = document.createElement("textarea");
  box.innerHTML = text;
  return box.value;
}

/* An excerpt starts at a word (Pagefind cuts between words); where that is not the start of a sentence
   or of the text, and where it stops short of the sentence's end, an ellipsis says so. */
function excerpt(html, content) {
  const p = element("p", "ev-search__excerpt");
  const plain = unescaped(html.replace(/<\/?mark>/g, "")).trim();
  const at = plain ? (content || "").indexOf(plain.slice(0, 40)) : -1;
  const before = at > 0 ? content.slice(0, at).trim() : "";
  if (at !== 0 && before && !/[.!?:»«"]$/.test(before)) { p.appendChild(document.createTextNode("… ")); }
  html.trim().split(/(<mark>.*?<\/mark>)/).forEach(function (part) {
    const match = /^<mark>(.*)<\/mark>$/.exec(part);
    p.appendChild(match ? element("mark", null, unescaped(match[1])) : document.createTextNode(unescaped(part)));
  });
  if (plain && !/[.!?»"]$/.test(plain)) { p.appendChild(document.createTextNode(" …")); }
  return p;
}

function anchorId(sub) {
  const hash = sub.url.indexOf("#");
  return hash === -1 ? null : decodeURIComponent(sub.url.slice(hash + 1));
}

function isQuote(data, sub) {
  const id = anchorId(sub);
  return id !== null && Object.prototype.hasOwnProperty.call(data.meta, "q-" + id);
}

/* Rank a page's sections by how many different query words they hold, then by how many matches stand
   side by side. `locations` are word positions in the page's content. */
function bestSections(data) {
  const words = (data.content || "").split(/\s+/);
  function weight(sub) {
    const locations = sub.locations || [];
    const seen = {};
    locations.forEach(function (loc) { seen[(words[loc] || "").toLowerCase().replace(/[^\p{L}\p{N}]/gu, "")] = true; });
    const adjacent = locations.filter(function (loc) { return locations.indexOf(loc + 1) !== -1; }).length;
    return Object.keys(seen).length * 100 + adjacent;
  }
  return (data.sub_results || [])
    .filter(function (sub) { return sub.url !== data.url && (sub.locations || []).length; })
    .map(function (sub, index) { return { sub: sub, index: index, weight: weight(sub) }; })
    .sort(function (a, b) { return (b.weight - a.weight) || (a.index - b.index); })
    .map(function (entry) { return entry.sub; });
}

function quoteHit(data, sub) {
  return { kind: "quote", id: anchorId(sub), url: sub.url, excerpt: sub.excerpt, content: data.content,
           title: sub.title + ": »" + data.meta["q-" + anchorId(sub)] + "«", where: data.meta.title };
}

/* A quote from the quote finder's index (one record per quote), where a phrase is matched reliably:
   Pagefind's exact match misses words on the site index's long collection pages. */
function recordHit(root, data) {
  return { kind: "quote", id: data.meta.id, url: root + data.meta.permalink, excerpt: data.excerpt,
           content: data.content, title: data.meta.title + ": »" + data.meta.first + "«", where: data.meta.collection };
}

/* The hits of one page: its best section – the quote it is in, or the page with its best sections. */
function hitsOf(data) {
  const sections = bestSections(data);
  const best = sections[0];
  if (best && isQuote(data, best)) { return [quoteHit(data, best)]; }
  return [{ kind: "page", id: null, url: best ? best.url : data.url, excerpt: best ? best.excerpt : data.excerpt,
            content: data.content, title: data.meta.title || data.url, where: null,
            subs: sections.filter(function (sub) { return !isQuote(data, sub); }).slice(0, 3) }];
}

function render(hit) {
  const item = element("li", "ev-search__hit ev-search__hit--" + hit.kind);
  item.appendChild(element("p", "ev-search__kind", hit.kind === "quote" ? "Citat · " + hit.where : "Side"));
  const title = element("h2", "ev-search__title");
  const link = element("a", null, hit.title);
  link.href = hit.url;
  title.appendChild(link);
  item.appendChild(title);
  item.appendChild(excerpt(hit.excerpt || "", hit.content));
  if (hit.subs && hit.subs.length > 1) {
    const list = element("ul", "ev-search__subs");
    hit.subs.forEach(function (sub) {
      const li = element("li");
      const a = element("a", null, sub.title);
      a.href = sub.url;
      li.appendChild(a);
      list.appendChild(li);
    });
    item.appendChild(list);
  }
  return item;
}

/* The search box's parts and what it has found; one per search page. */
function searchOf(box) {
  const basePath = new URL(box.getAttribute("data-root"), window.location.href).pathname;
  const index = (name) => loadIndex(box.getAttribute(name), { baseUrl: basePath, excerptLength: 30 });
  return {
    box, form: box.querySelector("form"), input: box.querySelector("form").elements.q,
    count: box.querySelector("#ev-search-count"),
    list: box.querySelector("#ev-search-results"),
    more: box.querySelector("#ev-search-more"),
    root: box.getAttribute("data-root"),
    found: { results: [], exact: [] }, shown: 0, run: 0,
    pages: () => index("data-index"),
    quoteIndex: () => index("data-quotes"),
  };
}

/* The quotes that hold a phrase, from the quote index (phrase-search.js), as hits. */
async function exactQuotes(s, term) {
  const response = await phrase.search(await s.quoteIndex(), term);
  const items = await Promise.all(response.results.slice(0, Math.min(response.exact, PAGE)).map((r) => r.data()));
  return items.map((data) => recordHit(s.root, data));
}

/* A query of enough words is a phrase: the quotes that hold it come first, then every page by its stemmed
   ranking. Shorter queries search the pages as typed. The two are separate promises, so the quotes can be
   shown while the pages are still being searched and fetched. */
function find(s, term) {
  const words = phrase.words(term);
  const isPhrase = words.length >= phrase.MIN_WORDS;
  const exact = isPhrase ? exactQuotes(s, term) : Promise.resolve([]);
  // For a phrase the pages wait for the quotes: on a large index both searches at once slow the quote down.
  // A failed quote search is reported by `settled`; the pages are searched regardless.
  const pages = exact.catch(() => []).then(s.pages)
    .then((pagefind) => pagefind.search(isPhrase ? words.join(" ") : term))
    .then((response) => response.results);
  return { exact, pages };
}

/* Both parts of an answer, once both are there: what `next` pages through. */
async function settled(answer) {
  const [exact, results] = await Promise.all([answer.exact, answer.pages]);
  return { results, exact };
}

/* The hits of the next PAGE pages; a quote already shown as an exact match is not shown again. */
async function next(answer, from) {
  const items = await Promise.all(answer.results.slice(from, from + PAGE).map((r) => r.data()));
  const known = new Set(answer.exact.map((hit) => hit.id));
  return items.flatMap((data) => hitsOf(data).filter((hit) => !hit.id || !known.has(hit.id)));
}

function show(s, hits) {
  const fragment = document.createDocumentFragment();
  hits.forEach((hit) => { fragment.appendChild(render(hit)); });
  s.list.appendChild(fragment);
}

async function showMore(s) {
  const mine = s.run;
  const hits = await next(s.found, s.shown);
  if (mine !== s.run) { return; }
  show(s, hits);
  s.shown += PAGE;
  s.more.hidden = s.shown >= s.found.results.length;
}

function quotedText(exact) {
  return exact.length === 1 ? "1 citat med netop de ord" : exact.length + " citater med netop de ord";
}

function keepInAddress(term) {
  const params = new URLSearchParams(window.location.search);
  if (term) { params.set("q", term); } else { params.delete("q"); }
  const query = params.toString();
  window.history.replaceState(window.history.state, "", window.location.pathname + (query ? "?" + query : ""));
}

/* The quotes that hold the phrase, shown as soon as they are there (a failure is shown by `search`). */
function showExactEarly(s, answer, mine) {
  answer.exact.then((exact) => {
    if (mine !== s.run || !exact.length) { return; }
    show(s, exact);
    s.count.textContent = quotedText(exact) + " (øverst) · søger i siderne …";
  }, () => {});
}

async function search(s) {
  const mine = ++s.run;
  const term = s.input.value.trim();
  keepInAddress(term);
  s.list.textContent = "";
  s.more.hidden = true;
  if (!term) { s.count.textContent = ""; s.box.setAttribute("data-state", "ready"); return; }
  s.count.textContent = "Søger …";
  s.box.setAttribute("data-state", "searching");
  const answer = find(s, term);
  showExactEarly(s, answer, mine);
  try {
    const both = await settled(answer);
    if (mine !== s.run) { return; }
    s.found = both;
    s.shown = 0;
    const pagesFound = both.results.length === 1 ? "1 side fundet" : both.results.length + " sider fundet";
    s.count.textContent = both.exact.length ? quotedText(both.exact) + " (øverst) · " + pagesFound : pagesFound;
    await showMore(s);
    s.box.setAttribute("data-state", "ready");
  } catch (error) {
    if (mine === s.run) { failed(s, error); }
  }
}

function failed(s, error) {
  showFailure(error, s.count, undefined, s.box);
}

/* The ids of the quotes among the first hits for `query` (null for a page hit), best first: what the page shows. */
async function rank(s, query) {
  const answer = await settled(find(s, query));
  const hits = answer.exact.concat(await next(answer, 0));
  return hits.map((hit) => hit.id);
}

/* Fetch what a search needs while the reader is still typing or pasting (Pagefind's advice): both indexes
   once the field is entered (a pasted phrase is searched in the quote index), and the phrase's chunks of
   the quote index as soon as the words are a phrase. */
function listen(s) {
  s.form.addEventListener("submit", (event) => { event.preventDefault(); search(s); });
  s.form.addEventListener("focusin", () => {
    Promise.all([s.pages(), s.quoteIndex()]).catch((error) => failed(s, error));
  }, { once: true });
  s.input.addEventListener("input", () => {
    const words = phrase.words(s.input.value);
    if (words.length < phrase.MIN_WORDS) { return; }
    s.quoteIndex().then((pagefind) => pagefind.preload(words.join(" "))).catch((error) => failed(s, error));
  });
  s.more.addEventListener("click", () => { showMore(s).catch((error) => failed(s, error)); });
}

function setup(box) {
  if (box.dataset.wired) { return; }
  box.dataset.wired = "1";
  const s = searchOf(box);
  exposeForTests("siteSearch", { rank: (query) => rank(s, query) });
  s.input.value = new URLSearchParams(window.location.search).get("q") || "";
  listen(s);
  if (!s.input.value) { s.input.focus(); }
  search(s);
}

onEveryPage((doc) => {
  const box = doc.getElementById("ev-search");
  if (box) { setup(box); }
  const header = doc.getElementById("ev-header-q");
  if (header && box) { header.value = box.querySelector("input[name=q]").value; }
});
