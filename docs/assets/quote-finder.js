/* Quote finder: free text and facets over every quote, backed by the Pagefind index
   built at build time (served from this site). The URL keeps the search, so a search
   can be shared; the form is plain HTML, so it works with the keyboard. Wired on every
   `document$` emission so it works after Material's instant navigation. */
(function () {
  "use strict";

  var PAGE = 20;
  var engines = {};

  function loadEngine(indexUrl) {
    var url = new URL(indexUrl + "pagefind.js", window.location.href).href;
    if (!engines[url]) {
      engines[url] = import(url).then(function (pagefind) {
        // Loading the filter lists up front makes every search report counts for every facet.
        return pagefind.options({ excerptLength: 40 })
          .then(function () { return pagefind.filters(); })
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
    // Quotes are indexed as one small page each; their permalink and exact text travel as meta.
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
    var permalink = element("a", "ev-permalink", "Permalink: " + data.meta.id);
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

  function updateCounts(form, available) {
    form.querySelectorAll("[data-count-for]").forEach(function (span) {
      var box = span.closest("li").querySelector("input");
      var counts = available[box.name] || {};
      span.textContent = "(" + (counts[box.getAttribute("data-label")] || 0) + ")";
    });
  }

  function setup(finder) {
    if (finder.dataset.wired) { return; }
    finder.dataset.wired = "1";
    var root = finder.getAttribute("data-root");
    var form = finder.querySelector("form");
    var count = finder.querySelector("#ev-finder-count");
    var list = finder.querySelector("#ev-finder-results");
    var more = finder.querySelector("#ev-finder-more");
    var results = [];
    var shown = 0;
    var run = 0;
    var timer = null;

    function showMore() {
      var batch = results.slice(shown, shown + PAGE);
      var mine = run;
      return Promise.all(batch.map(function (r) { return r.data(); })).then(function (items) {
        if (mine !== run) { return; }
        items.forEach(function (data) { list.appendChild(renderHit(root, data)); });
        shown += items.length;
        more.hidden = shown >= results.length;
        if (window.evCopyQuotes) { window.evCopyQuotes.wire(list); }
      });
    }

    function search() {
      var mine = ++run;
      writeState(form);
      var term = form.elements.q.value.trim();
      count.textContent = "Søger …";
      return loadEngine(finder.getAttribute("data-index")).then(function (pagefind) {
        return pagefind.search(term || null, { filters: filters(form), sort: term ? undefined : { order: "asc" } });
      }).then(function (response) {
        if (mine !== run) { return; }
        results = response.results;
        shown = 0;
        list.textContent = "";
        count.textContent = results.length === 1 ? "1 citat fundet" : results.length + " citater fundet";
        updateCounts(form, response.filters || {});
        finder.setAttribute("data-state", "ready");
        return showMore();
      }).catch(function () {
        count.textContent = "Søgningen kunne ikke indlæses. Prøv at genindlæse siden.";
      });
    }

    readState(form);
    form.addEventListener("submit", function (event) { event.preventDefault(); search(); });
    form.addEventListener("change", function (event) { if (event.target.type === "checkbox") { search(); } });
    form.elements.q.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(search, 250);
    });
    form.addEventListener("reset", function () { window.setTimeout(search, 0); });
    more.addEventListener("click", function () { showMore(); });
    search();
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
