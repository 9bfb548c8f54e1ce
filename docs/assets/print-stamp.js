/* The printed page's running header and footer (docs/assets/print.css): the site's name, the page's
   address and the date of printing, in the page's margin on every printed page. The head of each page sets
   the name and address without JavaScript; here the address follows Material's instant navigation (a new
   page without a reload) and the date is today's, set on every page shown and before printing. */
import { onEveryPage } from "./site-kit.js";

function stamp() {
  const root = document.documentElement.style;
  const canonical = document.querySelector('link[rel="canonical"]');
  const address = canonical ? canonical.href : window.location.href.split("#")[0];
  const date = new Date().toLocaleDateString("da-DK", { day: "numeric", month: "long", year: "numeric" });
  root.setProperty("--ev-print-url", JSON.stringify(address));
  root.setProperty("--ev-print-date", JSON.stringify("Udskrevet " + date));
}

onEveryPage(stamp);
window.addEventListener("beforeprint", stamp);
