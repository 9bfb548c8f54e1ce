"""Accessibility: axe-core with the WCAG 2.0, 2.1 and 2.2 A and AA rules, on every page type of the
real site (its content is what readers get), in the light and the dark palette. No rule is disabled:
where Material's defaults fail (contrast, target size), docs/assets/a11y.css fixes the theme."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
# Material's palette attribute for each prefers-color-scheme (see mkdocs.yml, theme.palette).
SCHEMES = {"light": "default", "dark": "slate"}
# Pages checked at once, each in its own tab (renderer process): axe is CPU-bound.
TABS = 3


def describe(url: str, violations: list[dict]) -> list[str]:
    lines = []
    for violation in violations:
        for node in violation["nodes"][:5]:
            detail = (node.get("any") or node.get("all") or node.get("none") or [{}])[0].get("message", "")
            lines.append(f"/{url} [{violation['id']}, {violation['impact']}] {' '.join(map(str, node['target']))}: {detail}")
        if len(violation["nodes"]) > 5:
            lines.append(f"/{url} [{violation['id']}] … and {len(violation['nodes']) - 5} more elements")
    return lines


def start_axe(tab, script: str) -> None:
    """Start axe on the page without waiting, so several tabs (renderer processes) check at once."""
    tab.evaluate(script)
    tab.evaluate("options => { window.__axe = axe.run(document, options); }", AXE_OPTIONS)


def axe_violations(tab) -> list[dict]:
    return tab.evaluate("() => window.__axe.then(result => result.violations)")


@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_every_page_type_has_no_wcag_violations(scheme, real_server, real_pages, new_context):
    script = Axe().axe_script
    context = new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    tabs = [context.new_page() for _ in range(TABS)]
    problems = []
    for batch in range(0, len(real_pages), TABS):
        checking = list(zip(tabs, real_pages[batch:batch + TABS], strict=False))
        for tab, url in checking:
            tab.goto(real_server.at(url), wait_until="load")
            shown = tab.evaluate("document.body.getAttribute('data-md-color-scheme')")
            assert shown == SCHEMES[scheme], f"/{url} did not switch to the {scheme} palette (data-md-color-scheme={shown!r})"
            start_axe(tab, script)
        for tab, url in checking:
            problems += describe(url, axe_violations(tab))
    assert not problems, f"{len(problems)} accessibility problems ({scheme}):\n" + "\n".join(problems)
