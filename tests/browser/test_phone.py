"""Phone: at 320 CSS pixels (WCAG 1.4.10 reflow) no page type of the real site scrolls sideways, with
every collapsible open – »Se tallene som tabel« included: a wide table scrolls in its own box, the page
does not. Long words and tables in the real content are what would push a page wider."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

WIDTH = 320


def test_no_page_type_scrolls_horizontally_at_320_px_with_every_table_open(real_server, real_pages, new_context):
    context = new_context(viewport={"width": WIDTH, "height": 780}, device_scale_factor=2, is_mobile=True, has_touch=True)
    tab = context.new_page()
    too_wide = []
    for url in real_pages:
        tab.goto(real_server.at(url), wait_until="load")
        tab.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
        width = tab.evaluate("document.scrollingElement.scrollWidth")
        if width > WIDTH:
            culprits = tab.evaluate(f"""() => [...document.querySelectorAll('body *')]
              .filter(el => el.getBoundingClientRect().right > {WIDTH} + 1 && el.getClientRects().length)
              .slice(0, 5).map(el => el.tagName.toLowerCase() + (el.className && el.className.baseVal === undefined
                ? '.' + String(el.className).trim().split(/\\s+/).join('.') : ''))""")
            too_wide.append(f"/{url}: scrollWidth {width} px; widest elements: {culprits}")
    assert not too_wide, "pages wider than the phone:\n" + "\n".join(too_wide)
