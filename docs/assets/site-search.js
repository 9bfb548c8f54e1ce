/* Site search on the "Søg" page, backed by the Pagefind index built with the site.
   A hit inside a quote is shown as that quote: its heading and opening words as title (the page's
   Pagefind meta `q-<id>`, evidence/html/blocks.py), the matching passage, and a link to the quote's own
   anchor (Pagefind's sub-results follow the headings' ids). Other hits are pages, labelled as such.
   Pasted words of a quote find it first (phrase-search.js). The query lives in the URL (?q=), so the
   header form, the back button and shared links all work. Wired on every `document$` emission so it
   works after Material's instant navigation. */
(function () {
  "use strict";

  var PAGE = 10;
  var engines = {};

  function engine(indexUrl, basePath) {
    var url = new URL(indexUrl + "pagefind.js", window.location.href).href;
    if (!engines[url]) {
      engines[url] = import(url).then(function (pagefind) {
        return pagefind.options({ baseUrl: basePath, excerptLength: 30 })
          .then(function () { return pagefind.init(); })
          .then(function () { return pagefind; });
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

  /* Pagefind's excerpts are escaped text with <mark> around the matched words; keep only those marks.
     A textarea decodes the escapes and keeps every space (an HTML document drops leading ones). */
  function unescaped(text) {
    var box = document.createElement("textarea");
    box.innerHTML = text;
    return box.value;
  }

  /* An excerpt starts at a word (Pagefind cuts between words); where that is not the start of a sentence
     or of the text, and where it stops short of the sentence's end, an ellipsis says so. */
  function excerpt(html, content) {
    var p = element("p", "ev-search__excerpt");
    var plain = unescaped(html.replace(/<\/?mark>/g, "")).trim();
    var at = plain ? (content || "").indexOf(plain.slice(0, 40)) : -1;
    var before = at > 0 ? content.slice(0, at).trim() : "";
    if (at !== 0 && before && !/[.!?:»«"]$/.test(before)) { p.appendChild(document.createTextNode("… ")); }
    html.trim().split(/(<mark>.*?<\/mark>)/).forEach(function (part) {
      var match = /^<mark>(.*)<\/mark>$/.exec(part);
      p.appendChild(match ? element("mark", null, unescaped(match[1])) : document.createTextNode(unescaped(part)));
    });
    if (plain && !/[.!?»"]$/.test(plain)) { p.appendChild(document.createTextNode(" …")); }
    return p;
  }

  function anchorId(sub) {
    var hash = sub.url.indexOf("#");
    return hash === -1 ? null : decodeURIComponent(sub.url.slice(hash + 1));
  }

  function isQuote(data, sub) {
    var id = anchorId(sub);
    return id !== null && Object.prototype.hasOwnProperty.call(data.meta, "q-" + id);
  }

  /* Rank a page's sections by how many different query words they hold, then by how many matches stand
     side by side. `locations` are word positions in the page's content. */
  function bestSections(data) {
    var words = (data.content || "").split(/\s+/);
    function weight(sub) {
      var locations = sub.locations || [];
      var seen = {};
      locations.forEach(function (loc) { seen[(words[loc] || "").toLowerCase().replace(/[^\p{L}\p{N}]/gu, "")] = true; });
      var adjacent = locations.filter(function (loc) { return locations.indexOf(loc + 1) !== -1; }).length;
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
    return { kind: "quote", id: data.meta.id, url: root + data.meta.permalink, excerpt: data.excerpt, content: data.content,
             title: data.meta.title + ": »" + data.meta.first + "«", where: data.meta.collection };
  }

  /* The hits of one page: its best section – the quote it is in, or the page with its best sections. */
  function hitsOf(data) {
    var sections = bestSections(data);
    var best = sections[0];
    if (best && isQuote(data, best)) { return [quoteHit(data, best)]; }
    return [{ kind: "page", id: null, url: best ? best.url : data.url, excerpt: best ? best.excerpt : data.excerpt,
              content: data.content, title: data.meta.title || data.url, where: null,
              subs: sections.filter(function (sub) { return !isQuote(data, sub); }).slice(0, 3) }];
  }

  function render(hit) {
    var item = element("li", "ev-search__hit ev-search__hit--" + hit.kind);
    item.appendChild(element("p", "ev-search__kind", hit.kind === "quote" ? "Citat · " + hit.where : "Side"));
    var title = element("h2", "ev-search__title");
    var link = element("a", null, hit.title);
    link.href = hit.url;
    title.appendChild(link);
    item.appendChild(title);
    item.appendChild(excerpt(hit.excerpt || "", hit.content));
    if (hit.subs && hit.subs.length > 1) {
      var list = element("ul", "ev-search__subs");
      hit.subs.forEach(function (sub) {
        var li = element("li");
        var a = element("a", null, sub.title);
        a.href = sub.url;
        li.appendChild(a);
        list.appendChild(li);
      });
      item.appendChild(list);
    }
    return item;
  }

  function setup(box) {
    if (box.dataset.wired) { return; }
    box.dataset.wired = "1";
    var form = box.querySelector("form");
    var input = form.elements.q;
    var count = box.querySelector("#ev-search-count");
    var list = box.querySelector("#ev-search-results");
    var more = box.querySelector("#ev-search-more");
    var basePath = new URL(box.getAttribute("data-root"), window.location.href).pathname;
    var root = box.getAttribute("data-root");
    var found = { results: [], exact: [] };
    var shown = 0;
    var run = 0;

    function pages() { return engine(box.getAttribute("data-index"), basePath); }
    function quoteIndex() { return engine(box.getAttribute("data-quotes"), basePath); }

    /* A query of enough words is a phrase: the quotes that hold it, from the quote index (phrase-search.js),
       come first, then every page by its stemmed ranking. Shorter queries search the pages as typed. The two
       are separate promises, so the quotes can be shown while the pages are still being searched and fetched. */
    function find(term) {
      var words = window.evPhrase.words(term);
      var phrase = words.length >= window.evPhrase.MIN_WORDS;
      var exact = !phrase ? Promise.resolve([]) : quoteIndex()
        .then(function (pagefind) { return window.evPhrase.search(pagefind, term); })
        .then(function (response) {
          return Promise.all(response.results.slice(0, Math.min(response.exact, PAGE)).map(function (r) { return r.data(); }));
        }).then(function (items) { return items.map(function (data) { return recordHit(root, data); }); });
      // For a phrase the pages wait for the quotes: on a large index both searches at once slow the quote down.
      var plain = exact.catch(function () { return []; }).then(pages)
        .then(function (pagefind) { return pagefind.search(phrase ? words.join(" ") : term); })
        .then(function (response) { return response.results; });
      return { exact: exact, pages: plain };
    }

    /* Both parts of an answer, once both are there: what `next` pages through. */
    function settled(answer) {
      return Promise.all([answer.exact, answer.pages]).then(function (both) { return { results: both[1], exact: both[0] }; });
    }

    /* The hits of the next PAGE pages; a quote already shown as an exact match is not shown again. */
    function next(answer, from) {
      return Promise.all(answer.results.slice(from, from + PAGE).map(function (r) { return r.data(); })).then(function (items) {
        var known = new Set(answer.exact.map(function (hit) { return hit.id; }));
        return [].concat.apply([], items.map(function (data) {
          return hitsOf(data).filter(function (hit) { return !hit.id || !known.has(hit.id); });
        }));
      });
    }

    function show(hits) {
      var fragment = document.createDocumentFragment();
      hits.forEach(function (hit) { fragment.appendChild(render(hit)); });
      list.appendChild(fragment);
    }

    function showMore() {
      var mine = run;
      return next(found, shown).then(function (hits) {
        if (mine !== run) { return; }
        show(hits);
        shown += PAGE;
        more.hidden = shown >= found.results.length;
      });
    }

    function quotedText(exact) {
      return exact.length === 1 ? "1 citat med netop de ord" : exact.length + " citater med netop de ord";
    }

    function search() {
      var mine = ++run;
      var term = input.value.trim();
      var params = new URLSearchParams(window.location.search);
      if (term) { params.set("q", term); } else { params.delete("q"); }
      var query = params.toString();
      window.history.replaceState(window.history.state, "", window.location.pathname + (query ? "?" + query : ""));
      list.textContent = "";
      more.hidden = true;
      if (!term) { count.textContent = ""; box.setAttribute("data-state", "ready"); return Promise.resolve(); }
      count.textContent = "Søger …";
      box.setAttribute("data-state", "searching");
      var answer = find(term);
      answer.exact.then(function (exact) {
        if (mine !== run || !exact.length) { return; }
        show(exact);
        count.textContent = quotedText(exact) + " (øverst) · søger i siderne …";
      }, function () {});
      return settled(answer).then(function (both) {
        if (mine !== run) { return; }
        found = both;
        shown = 0;
        var pagesFound = found.results.length === 1 ? "1 side fundet" : found.results.length + " sider fundet";
        count.textContent = found.exact.length ? quotedText(found.exact) + " (øverst) · " + pagesFound : pagesFound;
        return showMore().then(function () { box.setAttribute("data-state", "ready"); });
      }).catch(function () {
        count.textContent = "Søgningen kunne ikke indlæses. Prøv at genindlæse siden.";
        box.setAttribute("data-state", "failed");
      });
    }

    window.evSiteSearch = {
      /* The ids of the quotes among the first hits for `query` (null for a page hit), best first: what the page
         shows, and what the relevance benchmark (bench/relevance.py) reads. */
      rank: function (query) {
        return settled(find(query)).then(function (answer) {
          return next(answer, 0).then(function (hits) { return answer.exact.concat(hits); });
        }).then(function (hits) { return hits.map(function (hit) { return hit.id; }); });
      },
    };
    input.value = new URLSearchParams(window.location.search).get("q") || "";
    form.addEventListener("submit", function (event) { event.preventDefault(); search(); });
    /* Fetch what a search needs while the reader is still typing or pasting (Pagefind's advice): both indexes
       once the field is entered (a pasted phrase is searched in the quote index), and the phrase's chunks of
       the quote index as soon as the words are a phrase. */
    form.addEventListener("focusin", function () { pages(); quoteIndex(); }, { once: true });
    input.addEventListener("input", function () {
      var words = window.evPhrase.words(input.value);
      if (words.length >= window.evPhrase.MIN_WORDS) {
        quoteIndex().then(function (pagefind) { return pagefind.preload(words.join(" ")); });
      }
    });
    more.addEventListener("click", function () { showMore(); });
    if (!input.value) { input.focus(); }
    search();
  }

  function wire() {
    var box = document.getElementById("ev-search");
    if (box) { setup(box); }
    var header = document.getElementById("ev-header-q");
    if (header && box) { header.value = box.querySelector("input[name=q]").value; }
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(wire);
  } else {
    document.addEventListener("DOMContentLoaded", wire);
  }
})();
