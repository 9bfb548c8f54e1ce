"""The original publications are reachable from the site where their address is known (`url` in
publications.yml), and the build warns for each one whose address is still missing. The accessibility
page holds no placeholder."""

from __future__ import annotations

from conftest import build_log, page, read_yaml


def test_a_known_address_is_linked_and_a_missing_one_warned(fixture_site, fixture_data):
    publications = read_yaml(fixture_data / "publications.yml")
    front = page(fixture_site, "")
    log = build_log(fixture_site)
    assert any(p.get("url") for p in publications) and any(not p.get("url") for p in publications)
    for publication in publications:
        if publication.get("url"):
            assert f'href="{publication["url"]}"' in front, publication["id"]
        else:
            assert f"data/publications.yml, {publication['id']}: feltet 'url'" in log, publication["id"]


def test_the_accessibility_page_has_no_placeholder(fixture_site):
    text = page(fixture_site, "om/tilgaengelighed/")
    assert "indsættes her" not in text
