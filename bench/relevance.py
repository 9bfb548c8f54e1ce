"""Relevance: does a remembered phrase lead to its quote? For every quote of the corpus, three phrases of six
consecutive words from seeded positions, as a journalist would paste them (the words as they stand, without
punctuation), are searched on both search pages through the pages' own ranking (`window.evTest.quoteFinder.rank`,
`window.evTest.siteSearch.rank`), and the rank of the first hit that holds the phrase is recorded.

A hit counts when it is the quote the phrase was taken from or another quote that holds the same words verbatim
(a reprint of the same testimony): the page cannot tell the two apart, and either is the text the reader wants.
At 10× and 100× the phrases are still taken from the real quotes (the synthetic texts are word salad nobody
remembers), and searched among all the synthetic ones.

The ranking is timed as the pages' code runs it; separately, for a sample of phrases, the time a reader waits:
a fresh visit of the page, the phrase pasted into its field, Enter, until the first hit is the phrase's quote.
"""

from __future__ import annotations

import random
import re
import statistics
from pathlib import Path

import yaml

from evidence.urls import FINDER, SEARCH

SEED = 13
PHRASES_PER_QUOTE = 3
PHRASE_WORDS = 6
DEPTH = 10  # hits looked at per phrase: MRR over the first ten
BATCH = 60  # phrases per call into the page
PAGES = {"citatsøgning": (FINDER, "quoteFinder"), "sitesøgning": (SEARCH, "siteSearch")}
# Per page: its search field and the link of its first hit, for the pasted-phrase timing.
FIELDS = {"citatsøgning": ("#ev-finder-q", "#ev-finder-results .ev-permalink"),
          "sitesøgning": ("#ev-search-q", "#ev-search-results .ev-search__title a")}
PASTED = 20  # phrases timed as a reader meets them: a fresh visit, the phrase pasted, Enter
PASTED_LIMIT_MS = 30_000
REACH_MS = 500  # from clicking the field to pasting: a reader's hand moving to Ctrl+V; Enter follows the paste at once
SYNTHETIC = "syntetisk-2099"


def quotes(project: Path) -> dict[str, str]:
    """Every real quote's text by id, from the project's data (the synthetic publication left out)."""
    found = {}
    for path in sorted((project / "data" / "quotes").glob("*/*.yml")):
        if path.parent.name == SYNTHETIC:
            continue
        for item in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            found[item["id"]] = item["text"]
    return found


def words(text: str) -> list[str]:
    """The words as they stand, without the punctuation around them (»jeg«, »6-8«, »A-kasser«)."""
    return [w for w in (re.sub(r"^[^\w]+|[^\w]+$", "", token) for token in text.split()) if w]


def phrases(texts: dict[str, str], per_quote: int = PHRASES_PER_QUOTE) -> list[tuple[str, str]]:
    """(quote id, phrase): `per_quote` phrases of PHRASE_WORDS words per quote from positions drawn by a generator
    seeded with the quote's id, so a quote's phrases do not change when other quotes are added."""
    result = []
    for quote_id, text in texts.items():
        listed = words(text)
        starts = range(max(1, len(listed) - PHRASE_WORDS + 1))
        chosen = random.Random(f"{SEED}:{quote_id}").sample(list(starts), min(per_quote, len(starts)))
        result += [(quote_id, " ".join(listed[start:start + PHRASE_WORDS])) for start in sorted(chosen)]
    return result


def holders(texts: dict[str, str]):
    """A function giving, for a phrase, every quote whose words hold it verbatim (case ignored)."""
    joined = {quote_id: " " + " ".join(words(text)).lower() + " " for quote_id, text in texts.items()}

    def holding(phrase: str) -> list[str]:
        needle = " " + phrase.lower() + " "
        return [quote_id for quote_id, text in joined.items() if needle in text]
    return holding


RANK_JS = """async ([api, items, depth]) => {
  const out = [];
  for (const [phrase, wanted] of items) {
    const start = performance.now();
    let ids = [];
    try { ids = await window.evTest[api].rank(phrase, depth); } catch (error) { ids = []; }
    out.push([ids.slice(0, depth).findIndex((id) => wanted.includes(id)) + 1, performance.now() - start]);
  }
  return out;
}"""


# Armed just before Enter: from Enter until the first hit is the phrase's quote (a new element, not the opening
# list), in the page's clock.
PASTED_JS = """([hit, wanted, limit]) => {
  const before = document.querySelector(hit);
  const start = performance.now();
  window.__evPasted = new Promise((resolve) => {
    let observer = null;
    const check = () => {
      const link = document.querySelector(hit);
      const id = link && link !== before ? decodeURIComponent(link.getAttribute("href").split("#").pop()) : null;
      if (id === null || !wanted.includes(id)) { return false; }
      observer.disconnect();
      resolve(performance.now() - start);
      return true;
    };
    observer = new MutationObserver(check);
    observer.observe(document.body, {childList: true, subtree: true});
    setTimeout(() => { observer.disconnect(); resolve(null); }, limit);
  });
}"""


def pasted(browser, server_url: str, asked: list[tuple[str, list[str]]]) -> dict:
    """Enter → the phrase's quote shown, for PASTED phrases spread over the corpus, each in a fresh visit of each
    search page (its own browser context, so nothing of the index is cached): the field clicked, the phrase pasted
    REACH_MS later, Enter at once. What a journalist waits for; the pages may prepare while the reader pastes."""
    chosen = asked[::max(1, len(asked) // PASTED)][:PASTED]
    result = {}
    for name, (url, api) in PAGES.items():
        field, hit = FIELDS[name]
        times = []
        for phrase, wanted in chosen:
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            try:
                page = context.new_page()
                page.goto(server_url + url, wait_until="load")
                page.wait_for_function(f"window.evTest?.{api} !== undefined", timeout=60_000)
                page.click(field)
                page.wait_for_timeout(REACH_MS)
                page.keyboard.insert_text(phrase)
                page.evaluate(PASTED_JS, [hit, wanted, PASTED_LIMIT_MS])
                page.keyboard.press("Enter")
                times.append(page.evaluate("window.__evPasted"))
            finally:
                context.close()
        shown = sorted(t for t in times if t is not None)
        result[name] = {"phrases": len(times), "not_shown": len(times) - len(shown),
                        "median_ms": round(statistics.median(shown)) if shown else None,
                        "max_ms": round(shown[-1]) if shown else None}
    return result


def bench_relevance(browser, server_url: str, project: Path, per_quote: int = PHRASES_PER_QUOTE) -> dict:
    """success@1 and mean reciprocal rank of every phrase on both pages, and the time each search took."""
    texts = quotes(project)
    holding = holders(texts)
    asked = [(phrase, holding(phrase) or [quote_id]) for quote_id, phrase in phrases(texts, per_quote)]
    result = {"quotes": len(texts), "phrases": len(asked), "shared": sum(len(w) > 1 for _, w in asked)}
    for name, (url, api) in PAGES.items():
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        try:
            page = context.new_page()
            page.goto(server_url + url, wait_until="load")
            page.wait_for_function(f"window.evTest?.{api} !== undefined", timeout=60_000)
            rows = []
            for first in range(0, len(asked), BATCH):
                rows += page.evaluate(RANK_JS, [api, [list(a) for a in asked[first:first + BATCH]], DEPTH])
        finally:
            context.close()
        ranks = [rank for rank, _ in rows]
        times = sorted(ms for _, ms in rows)
        result[name] = {
            "success_at_1": sum(rank == 1 for rank in ranks) / len(ranks),
            "mrr": sum(1 / rank for rank in ranks if rank) / len(ranks),
            "median_ms": round(statistics.median(times)),
            "p95_ms": round(times[int(0.95 * (len(times) - 1))]),
            "misses": [phrase for (phrase, _), rank in zip(asked, ranks, strict=True) if rank != 1][:20],
        }
    result["pasted"] = pasted(browser, server_url, asked)
    return result
