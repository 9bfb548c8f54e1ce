/* What the site's scripts share (ES module; quote-finder.js, site-search.js, copy-quote.js, print-stamp.js):
   loading a Pagefind index from this site, building elements, running on every page Material shows, showing
   a failure in Danish, and the one global the scripts define, the test hook `window.evTest`. */

const indexes = new Map();

/* The Pagefind index in `indexUrl` (a folder of this site), loaded and initialised once per page session
   however many parts of a page ask for it. `options`: Pagefind's options, e.g. { excerptLength: 40 }. */
export function loadIndex(indexUrl, options) {
  const url = new URL(indexUrl + "pagefind.js", window.location.href).href;
  if (!indexes.has(url)) {
    indexes.set(url, import(url).then(async (pagefind) => {
      await pagefind.options(options);
      await pagefind.init();
      return pagefind;
    }));
  }
  return indexes.get(url);
}

/* A new element with an optional class and text (text, never markup). */
export function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) { node.className = className; }
  if (text !== undefined) { node.textContent = text; }
  return node;
}

/* Run `wire` on every page shown: Material's instant navigation replaces the page without a reload and
   announces each page on `document$`; without Material's script, once (modules run after parsing). */
export function onEveryPage(wire) {
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(() => wire(document));
  } else {
    wire(document);
  }
}

export const SEARCH_FAILED = "Søgningen kunne ikke indlæses. Prøv at genindlæse siden.";

/* A failure the reader is told about in `status` (in Danish) and a developer finds in the console; `box`,
   when given, is marked data-state=failed (what tests wait for). */
export function showFailure(error, status, message, box) {
  console.error(error);
  if (status) { status.textContent = message || SEARCH_FAILED; }
  if (box) { box.setAttribute("data-state", "failed"); }
}

/* The one global: `window.evTest.<name>`, functions the tests and the relevance benchmark (bench/relevance.py)
   call to read what a page ranks, through the same code that shows the hits. */
export function exposeForTests(name, api) {
  window.evTest = window.evTest || {};
  window.evTest[name] = api;
}
