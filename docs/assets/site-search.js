/* Site search on the "Søg" page, backed by the Pagefind index built with the site.
   A hit inside a testimony links to the testimony's own anchor (Pagefind's sub-results
   follow the headings' ids). The query lives in the URL (?q=), so the header form, the
   back button and shared links all work. Wired on every `document$` emission so it works
   after Material's instant navigation. */
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

  function excerpt(html) {
    var p = element("p", "ev-search__excerpt");
    html.split(/(<mark>.*?<\/mark>)/).forEach(function (part) {
      var match = /^<mark>(.*)<\/mark>$/.exec(part);
      p.appendChild(match ? element("mark", null, unescaped(match[1])) : document.createTextNode(unescaped(part)));
    });
    return p;
  }

  function render(data) {
    var item = element("li", "ev-search__hit");
    // Rank a page's sections by how many different query words they hold, then by how many
    // matches stand side by side: for a phrase from a testimony, that is the testimony.
    // `locations` are word positions in the page's content.
    var words = (data.content || "").split(/\s+/);
    function weight(sub) {
      var locations = sub.locations || [];
      var seen = {};
      locations.forEach(function (loc) { seen[(words[loc] || "").toLowerCase().replace(/[^\wæøå]/g, "")] = true; });
      var adjacent = locations.filter(function (loc) { return locations.indexOf(loc + 1) !== -1; }).length;
      return Object.keys(seen).length * 100 + adjacent;
    }
    var subs = (data.sub_results || [])
      .filter(function (sub) { return sub.url !== data.url; })
      .map(function (sub, index) { return { sub: sub, index: index, weight: weight(sub) }; })
      .sort(function (a, b) { return (b.weight - a.weight) || (a.index - b.index); })
      .map(function (entry) { return entry.sub; })
      .slice(0, 3);
    var best = subs.length ? subs[0] : null;
    var title = element("h2", "ev-search__title");
    var link = element("a", null, data.meta.title || data.url);
    link.href = best ? best.url : data.url;
    title.appendChild(link);
    item.appendChild(title);
    item.appendChild(excerpt(best ? best.excerpt : data.excerpt));
    if (subs.length > 1) {
      var list = element("ul", "ev-search__subs");
      subs.forEach(function (sub) {
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
    var results = [];
    var shown = 0;
    var run = 0;

    function showMore() {
      var mine = run;
      return Promise.all(results.slice(shown, shown + PAGE).map(function (r) { return r.data(); }))
        .then(function (items) {
          if (mine !== run) { return; }
          items.forEach(function (data) { list.appendChild(render(data)); });
          shown += items.length;
          more.hidden = shown >= results.length;
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
      return engine(box.getAttribute("data-index"), basePath).then(function (pagefind) {
        return pagefind.search(term);
      }).then(function (response) {
        if (mine !== run) { return; }
        results = response.results;
        shown = 0;
        count.textContent = results.length === 1 ? "1 side fundet" : results.length + " sider fundet";
        return showMore().then(function () { box.setAttribute("data-state", "ready"); });
      }).catch(function () {
        count.textContent = "Søgningen kunne ikke indlæses. Prøv at genindlæse siden.";
      });
    }

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
