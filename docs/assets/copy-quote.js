/* "Kopiér citat": copies quote, attribution, source and permalink.
   Buttons are hidden in the HTML and shown here, so without JavaScript nothing is offered that cannot
   work; the quote and its citation are on the page either way. One listener on the document serves every
   button, also those the quote finder adds and those of a page Material's instant navigation brings. */
import { onEveryPage } from "./site-kit.js";

/* The permalink at the site's published address (site_url, set from SITE_URL when the site is built)
   rather than the address the page was opened at, so a quote copied from a preview or a copy of the site
   still cites the public page. The page's content carries the way to the site root (data-ev-root,
   overrides/main.html), which follows instant navigation with the content it belongs to. */
function permalink(button) {
  const here = new URL(button.getAttribute("data-permalink"), window.location.href).href;
  const site = document.querySelector('meta[name="ev-site-url"]');
  const rooted = document.querySelector("[data-ev-root]");
  const root = rooted ? new URL(rooted.getAttribute("data-ev-root"), window.location.href).href : "";
  if (!site || !root || !here.startsWith(root)) { return here; }
  return site.getAttribute("content") + here.slice(root.length);
}

/* For browsers without the asynchronous clipboard (or a page not served over HTTPS). */
function fallbackCopy(text) {
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  let ok;
  try { ok = document.execCommand("copy"); } catch { ok = false; }
  document.body.removeChild(area);
  return ok ? Promise.resolve() : Promise.reject(new Error("copy failed"));
}

function copy(text) {
  if (navigator.clipboard && window.isSecureContext) {
    return navigator.clipboard.writeText(text).catch(() => fallbackCopy(text));
  }
  return fallbackCopy(text);
}

function copyQuote(button) {
  const status = button.parentNode.querySelector(".ev-copy__status");
  copy(button.getAttribute("data-copy") + " " + permalink(button)).then(() => {
    if (status) { status.textContent = "Citatet er kopieret."; }
    button.setAttribute("data-copied", "true");
  }, () => {
    if (status) { status.textContent = "Kunne ikke kopiere – markér teksten og kopiér selv."; }
  });
}

document.addEventListener("click", (event) => {
  const button = event.target instanceof Element ? event.target.closest("button.ev-copy") : null;
  if (button) { copyQuote(button); }
});

onEveryPage((root) => {
  root.querySelectorAll("button.ev-copy[hidden]").forEach((button) => { button.hidden = false; });
});
