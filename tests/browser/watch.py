"""What the browser tests watch on a page: its requests, its console and its rendered content."""

from __future__ import annotations

from urllib.parse import urlsplit


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


class Watcher:
    """Records every request, console error and uncaught exception of a browser context.

    Requests to any other origin are also aborted, so a failing test never reaches the network.
    """

    def __init__(self, context, own_origin: str):
        self.own_origin = own_origin
        self.requests: list[tuple[str, str]] = []   # (page URL, requested URL)
        self.foreign: list[tuple[str, str]] = []
        self.errors: list[str] = []
        context.route("**/*", self._route)
        context.on("request", self._request)
        context.on("page", self.watch_page)
        for tab in context.pages:
            self.watch_page(tab)

    def _route(self, route):
        request = route.request
        if origin(request.url) == self.own_origin or request.url.startswith(("data:", "blob:", "about:")):
            route.continue_()
        else:
            route.abort()

    def _request(self, request):
        frame_url = request.frame.url if request.frame else "(worker)"
        self.requests.append((frame_url, request.url))
        if origin(request.url) != self.own_origin and not request.url.startswith(("data:", "blob:", "about:")):
            self.foreign.append((frame_url, request.url))

    def watch_page(self, tab):
        def console(message):
            if message.type == "error":
                location = message.location or {}
                self.errors.append(f"{tab.url}: console error: {message.text} ({location.get('url', '')})")

        def response(resp):
            if resp.status >= 400:
                self.errors.append(f"{tab.url}: HTTP {resp.status} for {resp.url}")

        tab.on("console", console)
        tab.on("pageerror", lambda error: self.errors.append(f"{tab.url}: uncaught {error}"))
        tab.on("response", response)
        tab.on("requestfailed", self._failed(tab))

    def _failed(self, tab):
        """A request the server could not answer is an error; one the browser itself cancelled
        (net::ERR_ABORTED: the next navigation cut it off, or the route above refused a foreign address,
        which `foreign` records) says nothing about the site – under load the favicon of a page left at once
        was cancelled now and then."""
        def record(request):
            if "ERR_ABORTED" not in (request.failure or ""):
                self.errors.append(f"{tab.url}: request failed: {request.url} ({request.failure})")
        return record


# The facts about a page that must be the same after a full load and after instant navigation:
# everything the reader gets from the page, including what its scripts add, hide or show.
# <noscript> content is left out: instant navigation parses pages with scripting off, so it
# arrives as (never rendered) elements, while a full load keeps it as text.
SNAPSHOT_JS = """() => {
  const content = document.querySelector('.md-content') || document.body;
  const all = selector => [...content.querySelectorAll(selector)].filter(el => !el.closest('noscript'));
  const visible = el => !el.closest('[hidden]') && el.getClientRects().length > 0;
  return {
    title: document.title,
    h1: (content.querySelector('h1') || {}).textContent || null,
    charts: all('[role="img"]').length,
    chart_svgs_drawn: all('[role="img"] svg')
      .filter(svg => { const r = svg.getBoundingClientRect(); return r.width > 0 && r.height > 0; }).length,
    tables: all('table').length,
    visible_links: all('a[href]').filter(visible).length,
    visible_buttons: all('button').filter(visible).length,
    hidden_elements: all('[hidden]').length,
    scheme: document.body.getAttribute('data-md-color-scheme'),
  };
}"""
