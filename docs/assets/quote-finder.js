/* Quote finder: free text and facets over every quote, backed by the Pagefind index
   built at build time (served from this site). The page arrives with the first quotes and
   the facet counts in its HTML; the index loads only when the reader starts to search, and
   only the parts a search needs (its words' chunks, the chosen and the opened facets), so a
   session stays small as the corpus grows. The URL keeps the search, so a search can be
   shared; the form is plain HTML, so it works with the keyboard. Wired on every `document$`
   emission so it works after Material's instant navigation. */
(function () {
  "use strict";

  var MIN_CHARS = 3;
  // Counting waits this long for the reader to be done choosing, so a box ticked right after a
  // facet is unfolded is searched at once instead of waiting behind the count.
  var COUNT_DELAY = 600;
  var engines = {};

  function loadEngine(indexUrl) {
    var url = new URL(indexUrl + "pagefind.js", window.location.href).href;
    if (!engines[url]) {
      engines[url] = import(url).then(function (pagefind) {
        return pagefind.options({ excerptLength: 40 })
          .then(function () { return pagefind.init(); })
          .then(function () { return { pagefind: pagefind, facets: {} }; });
      });
    }
    return engines[url];
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function readState(form) {
    var params = new URLSearchParams(window.location.search);
    form.elements.q.value = params.get("q") || "";
    form.querySelectorAll("input[type=checkbox]").forEach(function (box) {
      box.checked = params.getAll(box.name).indexOf(box.value) !== -1;
    });
  }

  function writeState(form) {
    var params = new URLSearchParams();
    var q = form.elements.q.value.trim();
    if (q) { params.set("q", q); }
    form.querySelectorAll("input[type=checkbox]:checked").forEach(function (box) {
      params.append(box.name, box.value);
    });
    var query = params.toString();
    var url = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
    window.history.replaceState(window.history.state, "", url);
  }

  function filters(form) {
    var chosen = {};
    form.querySelectorAll("input[type=checkbox]:checked").forEach(function (box) {
      (chosen[box.name] = chosen[box.name] || { any: [] }).any.push(box.getAttribute("data-label"));
    });
    return chosen;
  }

  function renderHit(root, data) {
    // Same markup as the hits in the page's HTML (evidence/finder_page.py: hit_html).
    var url = data.meta.permalink;
    var text = data.meta.text || data.content;
    var item = element("li", "ev-hit");
    var article = element("article", "ev-quote");
    var title = element("h2", "ev-quote__title");
    var link = element("a", null, data.meta.title);
    link.href = root + url;
    title.appendChild(link);
    article.appendChild(title);
    if (data.meta.lead_in) { article.appendChild(element("p", "ev-quote__lead", data.meta.lead_in)); }
    var quote = element("blockquote");
    text.split("\n\n").forEach(function (paragraph) { quote.appendChild(element("p", null, paragraph)); });
    article.appendChild(quote);
    article.appendChild(element("p", "ev-quote__who", "– " + data.meta.attribution));
    var cite = element("p", "ev-quote__cite");
    cite.appendChild(element("span", null, "Kilde:"));
    cite.appendChild(document.createTextNode(" " + data.meta.citation));
    article.appendChild(cite);
    var actions = element("p", "ev-quote__actions");
    var permalink = element("a", "ev-permalink", "Fast link: " + data.meta.id);
    permalink.href = root + url;
    actions.appendChild(permalink);
    var button = element("button", "ev-copy md-button", "Kopiér citat");
    button.type = "button";
    button.hidden = true;
    button.setAttribute("data-copy", "»" + text.replace(/\n\n/g, " ") + "« – " + data.meta.attribution +
      ". Kilde: " + data.meta.citation);
    button.setAttribute("data-permalink", root + url);
    actions.appendChild(button);
    var status = element("span", "ev-copy__status");
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    actions.appendChild(status);
    article.appendChild(actions);
    item.appendChild(article);
    return item;
  }

  function setup(finder) {
    if (finder.dataset.wired) { return; }
    finder.dataset.wired = "1";
    var root = finder.getAttribute("data-root");
    var page = parseInt(finder.getAttribute("data-page"), 10);
    var total = parseInt(finder.getAttribute("data-total"), 10);
    var form = finder.querySelector("form");
    var count = finder.querySelector("#ev-finder-count");
    var list = finder.querySelector("#ev-finder-results");
    var more = finder.querySelector("#ev-finder-more");
    var facets = Array.prototype.slice.call(form.querySelectorAll("details.ev-facet"));
    var opening = { count: count.textContent, hits: Array.prototype.slice.call(list.children) };
    var totals = new Map();
    form.querySelectorAll("[data-count-for]").forEach(function (span) { totals.set(span, span.textContent); });
    var results = [];
    var shown = 0;
    var run = 0;
    var timer = null;
    var countTimer = null;
    var last = null;

    function engine() { return loadEngine(finder.getAttribute("data-index")); }

    function showMore(query) {
      // `query`: a new search's words, whose hits replace those shown. Fragments load side by side,
      // and each hit is shown as soon as it and those above it have come.
      var mine = run;
      var fresh = query !== undefined;
      var loads = results.slice(shown, shown + page).map(function (r) { return r.data(); });
      function replaceOnce() {
        if (!fresh) { return; }
        fresh = false;
        list.textContent = "";
        finder.setAttribute("data-query", query);
      }
      return loads.reduce(function (previous, load) {
        return previous.then(function () { return load; }).then(function (data) {
          if (mine !== run) { return; }
          replaceOnce();
          list.appendChild(renderHit(root, data));
          shown += 1;
        });
      }, Promise.resolve()).then(function () {
        if (mine !== run) { return; }
        replaceOnce();
        more.hidden = shown >= results.length;
        if (window.evCopyQuotes) { window.evCopyQuotes.wire(list); }
      });
    }

    function showOpening(message) {
      ++run;
      results = [];
      list.replaceChildren.apply(list, opening.hits);
      count.textContent = message || opening.count;
      totals.forEach(function (text, span) { span.textContent = text; });
      more.hidden = total <= opening.hits.length;
      finder.setAttribute("data-state", "static");
      finder.removeAttribute("data-query");
    }

    function updateCounts(available) {
      // A facet whose filter list has not been loaded shows no count rather than a stale one.
      totals.forEach(function (text, span) {
        var box = span.closest("li").querySelector("input");
        var counts = available[box.name];
        span.textContent = counts ? "(" + (counts[box.getAttribute("data-label")] || 0) + ")" : "";
      });
    }

    function loadFacet(state, details) {
      var key = details.getAttribute("data-facet");
      if (!state.facets[key]) {
        var one = {};
        one[key] = { any: [details.querySelector("input").getAttribute("data-label")] };
        state.facets[key] = state.pagefind.preload(last.term, { filters: one });
      }
      return state.facets[key];
    }

    function countFacets(mine) {
      // Pagefind counts, on every search, each facet whose list it has loaded – at a hundred times
      // today's corpus that takes a second. So a facet is loaded only once the reader opens it, and
      // its counts follow the quotes instead of holding them up (countFacetsSoon).
      var missing = facets.filter(function (details) {
        return details.open && !last.counted[details.getAttribute("data-facet")];
      });
      if (!last.term || !missing.length) { return Promise.resolve(); }
      return engine().then(function (state) {
        return Promise.all(missing.map(function (details) { return loadFacet(state, details); }))
          .then(function () { return state.pagefind.search(last.term, { filters: last.chosen }); });
      }).then(function (response) {
        if (mine !== run) { return; }
        last.counted = Object.assign({}, response.filters || {}, last.counted);
        updateCounts(last.counted);
      }).catch(function () {});  // without counts a facet shows none, never a wrong one
    }

    function countFacetsSoon() {
      window.clearTimeout(countTimer);
      countTimer = window.setTimeout(function () { countFacets(run); }, COUNT_DELAY);
    }

    function search(browse) {
      window.clearTimeout(countTimer);
      var mine = ++run;
      writeState(form);
      var typed = form.elements.q.value.trim();
      var term = typed.length >= MIN_CHARS ? typed : null;
      var chosen = filters(form);
      if (!term && !Object.keys(chosen).length && !browse) {
        showOpening(typed ? "Skriv mindst " + MIN_CHARS + " tegn for at søge." : undefined);
        return Promise.resolve();
      }
      count.textContent = "Søger …";
      finder.setAttribute("data-state", "searching");
      return engine().then(function (state) {
        // Words: pasted words of a quote find it first (phrase-search.js). Facets alone: newest first.
        return term ? window.evPhrase.search(state.pagefind, term, { filters: chosen })
          : state.pagefind.search(null, { filters: chosen, sort: { order: "asc" } });
      }).then(function (response) {
        if (mine !== run) { return; }
        results = response.results;
        // Browsing on from the opening list: Pagefind sorts as the page did, so keep what is shown.
        shown = browse ? list.children.length : 0;
        count.textContent = (results.length === 1 ? "1 citat fundet" : results.length + " citater fundet") +
          (response.exact === 1 ? " – øverst det, hvor netop de ord står" : "") +
          (response.exact > 1 ? " – øverst de " + response.exact + ", hvor netop de ord står" : "");
        last = { term: term, chosen: chosen, counted: response.filters || {} };
        updateCounts(last.counted);
        return showMore(browse ? undefined : typed).then(function () {
          if (mine !== run) { return; }
          finder.setAttribute("data-query", typed);
          finder.setAttribute("data-state", "ready");
          countFacetsSoon();
        });
      }).catch(function () {
        if (mine !== run) { return; }
        count.textContent = "Søgningen kunne ikke indlæses. Prøv at genindlæse siden.";
        finder.setAttribute("data-state", "failed");
      });
    }

    window.evQuoteFinder = {
      /* The ids of the first `count` quotes found for `query`, best first: what the list shows, and what the
         relevance benchmark (bench/relevance.py) reads. */
      rank: function (query, count) {
        return engine().then(function (state) { return window.evPhrase.search(state.pagefind, query, {}); })
          .then(function (response) {
            return Promise.all(response.results.slice(0, count || page).map(function (r) { return r.data(); }));
          }).then(function (items) { return items.map(function (data) { return data.meta.id; }); });
      },
    };
    readState(form);
    more.hidden = total <= opening.hits.length;
    form.addEventListener("focusin", function () { engine(); }, { once: true });  // ready when the reader types
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      window.clearTimeout(timer);  // Enter right after typing: one search, not two
      search();
    });
    form.addEventListener("change", function (event) { if (event.target.type === "checkbox") { search(); } });
    form.elements.q.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(search, 250);
      var typed = form.elements.q.value.trim();
      // Fetch the index chunks for the words while the reader is still typing (Pagefind's advice).
      if (typed.length >= MIN_CHARS) { engine().then(function (state) { return state.pagefind.preload(typed); }); }
    });
    form.addEventListener("reset", function () { window.setTimeout(search, 0); });
    facets.forEach(function (details) {
      details.addEventListener("toggle", function () {
        if (details.open && finder.getAttribute("data-state") === "ready") { countFacetsSoon(); }
      });
    });
    more.addEventListener("click", function () {
      if (finder.getAttribute("data-state") === "static") { search(true); } else { showMore(); }
    });
    if (window.location.search) { search(); }
  }

  function wire() {
    var finder = document.getElementById("ev-finder");
    if (finder) { setup(finder); }
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(wire);
  } else {
    document.addEventListener("DOMContentLoaded", wire);
  }
})();
