/* Phrase first, for both search pages (quote-finder.js, site-search.js). A reader who pastes a few
   words of a quote wants that quote, not the texts that use the same words most. A query of MIN_WORDS
   words or more is searched with Pagefind as an exact phrase (the query in quotation marks) and as plain
   words ranked by their stems. Pagefind's exact match compares stems and misses some frequent words, so
   the candidates it gives are checked against their text: those that hold the words verbatim (case,
   punctuation and line breaks ignored) come first, then the rest in the stemmed ranking's order. Only
   when no candidate holds them are runs of WINDOW words of the query searched as phrases too. Shorter
   queries are searched as typed, so »sagstal« still finds »sagstallene«. An ES module, imported by both. */

export const MIN_WORDS = 4;
const WINDOW = 3;
const CHECKED = 24;  // candidates whose text is fetched and compared, most promising first
// Quotation marks of any kind: the phrase is the words between them.
const MARKS = /["»«„“”‘’‚`]/g;

/* The query's words, without quotation marks and without tokens that are only punctuation. */
export function words(query) {
  return query.replace(MARKS, " ").split(/\s+/).filter(function (word) { return /[\p{L}\p{N}]/u.test(word); });
}

/* Text as compared: lower case, every run of characters other than letters and digits one space. */
function normal(text) {
  return " " + text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim() + " ";
}

/* A result's data is fetched once, however often the page and the check ask for it. */
function once(result) {
  if (!result.evData) {
    const load = result.data;
    result.evData = load.call(result);
    result.data = function () { return result.evData; };
  }
  return result;
}

function runs(list) {
  const starts = [];
  for (let at = 0; at + WINDOW < list.length; at += WINDOW) { starts.push(at); }
  starts.push(list.length - WINDOW);
  return starts.map(function (at) { return "\"" + list.slice(at, at + WINDOW).join(" ") + "\""; });
}

/* The candidates of the exact searches, most promising first: by weight (the whole phrase counts most),
   then by the stemmed ranking's order; those whose text holds the words verbatim, in that order. */
function verbatim(found, ranked, wanted) {
  const order = new Map(ranked.map(function (result, index) { return [result.id, index]; }));
  const place = function (entry) { return order.has(entry[0].id) ? order.get(entry[0].id) : ranked.length; };
  const candidates = Array.from(found.values()).sort(function (a, b) {
    return (b[1] - a[1]) || (place(a) - place(b));
  }).slice(0, CHECKED).map(function (entry) { return once(entry[0]); });
  return Promise.all(candidates.map(function (result) { return result.data(); })).then(function (items) {
    return candidates.filter(function (result, index) {
      return normal(items[index].content || "").indexOf(wanted) !== -1;
    });
  });
}

function add(found, response, weight) {
  response.results.forEach(function (result) {
    const entry = found.get(result.id) || [result, 0];
    entry[1] += weight;
    found.set(result.id, entry);
  });
}

/* The whole phrase first; only when none of its candidates holds the words verbatim are the runs of WINDOW
   words searched too (each search over a large index costs tens of milliseconds, make bench). */
export function search(pagefind, query, options) {
  const list = words(query);
  if (list.length < MIN_WORDS) {
    return pagefind.search(query, options).then(function (response) {
      return { results: response.results, filters: response.filters, exact: 0 };
    });
  }
  const plain = list.join(" ");
  const wanted = normal(plain);
  const parts = runs(list);
  const found = new Map();  // id → [result, weight]
  const searches = [pagefind.search(plain, options), pagefind.search("\"" + plain + "\"", options)];
  return Promise.all(searches).then(function (both) {
    const ranked = both[0].results;
    add(found, both[1], parts.length);
    return verbatim(found, ranked, wanted).then(function (hits) {
      if (hits.length) { return hits; }
      return Promise.all(parts.map(function (q) { return pagefind.search(q, options); })).then(function (more) {
        more.forEach(function (response) { add(found, response, 1); });
        return verbatim(found, ranked, wanted);
      });
    }).then(function (hits) {
      const first = new Set(hits.map(function (result) { return result.id; }));
      return {
        results: hits.concat(ranked.filter(function (result) { return !first.has(result.id); })),
        filters: both[0].filters,
        exact: hits.length,
      };
    });
  });
}

