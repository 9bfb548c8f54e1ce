/* Phrase first, for both search pages (quote-finder.js, site-search.js). A reader who pastes a few
   words of a quote wants that quote, not the texts that use the same words most: Pagefind matches an
   exact phrase when the query is in quotation marks (case and punctuation ignored, word positions
   checked), and ranks plain words by their stems. A query of MIN_WORDS words or more is searched both
   ways at once; the exact matches come first, in the stemmed ranking's order, then the rest. Shorter
   queries are searched as typed, so »sagstal« still finds »sagstallene«. */
(function () {
  "use strict";

  var MIN_WORDS = 4;
  // Quotation marks of any kind: the phrase is the words between them.
  var MARKS = /["»«„“”‘’‚`]/g;

  /* The query's words, as Pagefind's exact match compares them: without quotation marks and
     without tokens that are only punctuation (a pasted dash or bullet). */
  function words(query) {
    return query.replace(MARKS, " ").split(/\s+/).filter(function (word) { return /[\p{L}\p{N}]/u.test(word); });
  }

  function search(pagefind, query, options) {
    var list = words(query);
    if (list.length < MIN_WORDS) {
      return pagefind.search(query, options).then(function (response) {
        return { results: response.results, filters: response.filters, exact: 0 };
      });
    }
    var plain = list.join(" ");
    return Promise.all([pagefind.search("\"" + plain + "\"", options), pagefind.search(plain, options)])
      .then(function (both) {
        var order = new Map(both[1].results.map(function (result, index) { return [result.id, index]; }));
        function rank(result) { return order.has(result.id) ? order.get(result.id) : order.size; }
        var exact = both[0].results.slice().sort(function (a, b) {
          return rank(a) - rank(b);
        });
        var seen = new Set(exact.map(function (result) { return result.id; }));
        return {
          results: exact.concat(both[1].results.filter(function (result) { return !seen.has(result.id); })),
          filters: both[1].filters,
          exact: exact.length,
        };
      });
  }

  window.evPhrase = { words: words, search: search, MIN_WORDS: MIN_WORDS };
})();
