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
        return pagefind.options({ baseUrl: basePath, excerptLength: 30 }).then(function () { return pagefind; });
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

  /* The hits of one page: each quote holding the exact phrase, or else the page's best section – the quote it
     is in, or the page with its best sections. */
  function hitsOf(data, exact) {
    var sections = bestSections(data);
    var quotes = sections.filter(function (sub) { return isQuote(data, sub); });
    if (exact && quotes.length) {
      return quotes.sort(function (a, b) { return a.locations[0] - b.locations[0]; })
        .map(function (sub) { return quoteHit(data, sub); });
    }
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

  /* The hits for a query, best first, from its first `pages` pages of results: what the page shows, and what
     the relevance benchmark (bench/relevance.py) reads. */
  function hits(pagefind, query, pages) {
    return window.evPhrase.search(pagefind, query).then(function (response) {
      return Promise.all(response.results.slice(0, pages).map(function (r) { return r.data(); })).then(function (items) {
        return [].concat.apply([], items.map(function (data, index) { return hitsOf(data, index < response.exact); }));
      });
    });
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
    var response = { results: [], exact: 0 };
    var shown = 0;
    var run = 0;

    function showMore() {
      var mine = run;
      var from = shown;
      return Promise.all(response.results.slice(from, from + PAGE).map(function (r) { return r.data(); }))
        .then(function (items) {
          if (mine !== run) { return; }
          var fragment = document.createDocumentFragment();
          items.forEach(function (data, index) {
            hitsOf(data, from + index < response.exact).forEach(function (hit) { fragment.appendChild(render(hit)); });
          });
          list.appendChild(fragment);
          shown += items.length;
          more.hidden = shown >= response.results.length;
        });
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
      return engine(box.getAttribute("data-index"), basePath).then(function (pagefind) {
        return window.evPhrase.search(pagefind, term);
      }).then(function (found) {
        if (mine !== run) { return; }
        response = found;
        shown = 0;
        var pages = found.results.length === 1 ? "1 side fundet" : found.results.length + " sider fundet";
        count.textContent = found.exact ? pages + " – øverst de citater, hvor netop de ord står" : pages;
        return showMore().then(function () { box.setAttribute("data-state", "ready"); });
      }).catch(function () {
        count.textContent = "Søgningen kunne ikke indlæses. Prøv at genindlæse siden.";
        box.setAttribute("data-state", "failed");
      });
    }

    window.evSiteSearch = {
      /* The ids of the quotes among the first hits for `query` (null for a page hit), best first. */
      rank: function (query, pages) {
        return engine(box.getAttribute("data-index"), basePath).then(function (pagefind) {
          return hits(pagefind, query, pages || PAGE);
        }).then(function (found) { return found.map(function (hit) { return hit.id; }); });
      },
    };
    input.value = new URLSearchParams(window.location.search).get("q") || "";
    form.addEventListener("submit", function (event) { event.preventDefault(); search(); });
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
