/* The printed page's running header and footer (docs/assets/print.css): the site's name, the page's
   address and the date of printing, in the page's margin on every printed page. The head of each page sets
   the name and address without JavaScript; here the address follows Material's instant navigation (a new
   page without a reload) and the date is today's, set on every `document$` emission and before printing. */
(function () {
  "use strict";

  function stamp() {
    var root = document.documentElement.style;
    var canonical = document.querySelector('link[rel="canonical"]');
    var address = canonical ? canonical.href : window.location.href.split("#")[0];
    var date = new Date().toLocaleDateString("da-DK", { day: "numeric", month: "long", year: "numeric" });
    root.setProperty("--ev-print-url", JSON.stringify(address));
    root.setProperty("--ev-print-date", JSON.stringify("Udskrevet " + date));
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(stamp);
  } else {
    stamp();
  }
  window.addEventListener("beforeprint", stamp);
})();
