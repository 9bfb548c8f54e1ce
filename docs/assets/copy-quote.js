/* "Kopiér citat": copies quote, attribution, source and permalink.
   Buttons are hidden in the HTML and shown here, so without JavaScript nothing is
   offered that cannot work; the quote and its citation are on the page either way.
   Material's instant navigation replaces the page body without a reload, so the
   buttons are wired on every `document$` emission rather than once on load. */
(function () {
  "use strict";

  /* The permalink at the site's published address (site_url, set from SITE_URL when the site is built)
     rather than the address the page was opened at, so a quote copied from a preview or a copy of the
     site still cites the public page. __md_scope is Material's absolute address of the site root. */
  function permalink(button) {
    var here = new URL(button.getAttribute("data-permalink"), window.location.href).href;
    var site = document.querySelector('meta[name="ev-site-url"]');
    var root = window.__md_scope ? window.__md_scope.href : "";
    if (!site || !root || here.indexOf(root) !== 0) { return here; }
    return site.getAttribute("content") + here.slice(root.length);
  }

  function fallbackCopy(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    document.body.removeChild(area);
    return ok ? Promise.resolve() : Promise.reject(new Error("copy failed"));
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () { return fallbackCopy(text); });
    }
    return fallbackCopy(text);
  }

  function wire(root) {
    root.querySelectorAll("button.ev-copy").forEach(function (button) {
      if (button.dataset.wired) { return; }
      button.dataset.wired = "1";
      button.hidden = false;
      var status = button.parentNode.querySelector(".ev-copy__status");
      button.addEventListener("click", function () {
        var text = button.getAttribute("data-copy") + " " + permalink(button);
        copy(text).then(function () {
          if (status) { status.textContent = "Citatet er kopieret."; }
          button.setAttribute("data-copied", "true");
        }, function () {
          if (status) { status.textContent = "Kunne ikke kopiere – markér teksten og kopiér selv."; }
        });
      });
    });
  }

  window.evCopyQuotes = { wire: wire };

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(function () { wire(document); });
  } else {
    document.addEventListener("DOMContentLoaded", function () { wire(document); });
  }
})();
