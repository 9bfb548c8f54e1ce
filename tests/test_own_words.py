"""The site's own words hold against its data: who publishes it and how to reach them (data/site.yml) is said
only where the publisher has said it, the original publications are linked where a reader looks for them, a
proposal quotes the report's seniority finding that bears on it, a fact says which part of its publication
printed it, and no theme holds both the overtime that eats private life and the flexibility people value."""

from __future__ import annotations

import re

from conftest import build_log, edit, main_markup, page, plain, problems, read_yaml

from evidence.html import site_blocks
from evidence.model.proposals import findings
from evidence.model.site import FIELDS
from evidence.model.themes import facts_on

PROPOSALS = "data/proposals/test-haefte-2032.yml"


def test_the_publisher_the_contact_and_the_was_statement_are_where_a_reader_looks(fixture_site, fixture_data):
    site = read_yaml(fixture_data / "site.yml")
    about = main_markup(page(fixture_site, "om/"))
    statement = main_markup(page(fixture_site, "om/tilgaengelighed/"))
    assert "Hvem står bag" in plain(about)
    assert f'<a href="{site["publisher"]["url"]}">{site["publisher"]["name"]}</a>' in about
    assert f'href="{site["accessibility"]["statement_url"]}"' in statement
    assert f'href="mailto:{site["contact"]["email"]}"' in statement
    assert f'href="mailto:{site["contact"]["email"]}"' in about


def test_an_empty_publisher_field_is_warned_and_the_pages_claim_nothing_for_it(fixture_site, fixture_data):
    site = read_yaml(fixture_data / "site.yml")
    assert site["testimonies_permission"] is None  # the fixture leaves it empty on purpose
    assert "data/site.yml: feltet 'testimonies_permission' er tomt" in build_log(fixture_site)
    assert "tilladelse" not in plain(main_markup(page(fixture_site, "om/"))).lower()


def test_while_the_real_publisher_fields_are_empty_the_pages_say_so_and_name_no_one(real_dataset):
    site = real_dataset.site
    empty = [path for path in FIELDS if not _value(site, path)]
    about, statement = site_blocks.publisher(real_dataset), site_blocks.accessibility_statement(real_dataset)
    contact = site_blocks.accessibility_contact(real_dataset)
    if ("publisher", "name") in empty:
        assert "udgives af" not in about
    if ("testimonies_permission",) in empty:
        assert "tilladelse" not in about
    if ("accessibility", "statement_url") in empty:
        assert "endnu ikke offentliggjort" in statement and "href" not in statement
    if ("contact", "email") in empty and not _value(site, ("contact", "url")):
        assert "endnu ikke oplyst" in contact and "mailto:" not in contact + about


def _value(site: dict, path: tuple[str, ...]):
    for key in path:
        site = (site or {}).get(key)
    return site


def test_the_original_publication_is_linked_on_the_sources_page_and_its_own_pages(fixture_site, fixture_data):
    linked = [p for p in read_yaml(fixture_data / "publications.yml") if p.get("url")]
    assert linked
    for publication in linked:
        pages = ["kilder/", f"citater/{publication['id']}/"]
        for url in pages:
            if (fixture_site / url / "index.html").exists():
                assert f'href="{publication["url"]}"' in page(fixture_site, url), (url, publication["id"])
        assert f'href="{publication["url"]}"' in page(fixture_site, "kilder/")


def test_a_proposal_quotes_the_reports_finding_chosen_for_it(fixture_site, fixture_data):
    proposals = [p for p in read_yaml(fixture_data / "proposals/test-haefte-2032.yml") if p["evidence"].get("findings")]
    assert proposals
    for proposal in proposals:
        body = plain(main_markup(page(fixture_site, f"anbefalinger/{proposal['id']}/")))
        markup = main_markup(page(fixture_site, f"anbefalinger/{proposal['id']}/"))
        for finding in proposal["evidence"]["findings"]:
            blocks = read_yaml(fixture_data / f"insights/{finding['publication']}.yml")["blocks"]
            listed = next(b for b in blocks if b["id"] == finding["block"])["lists"][finding["list"] - 1]
            factors = next(g["factors"] for g in listed["groups"] if g["group"] == finding["group"])
            assert f"»{factors[finding['factor'] - 1]}«" in body, proposal["id"]
            assert listed["heading"] in body, proposal["id"]
            assert f'href="../../indsigter/#blok-{finding["block"]}"' in markup
            assert f'id="blok-{finding["block"]}"' in page(fixture_site, "indsigter/")


def test_a_finding_the_report_does_not_state_stops_validation(fixture_copy):
    edit(fixture_copy, PROPOSALS, "group: under-to-aar, factor: 1}", "group: under-to-aar, factor: 9}")
    found = [p for p in problems(fixture_copy) if "evidence.findings[1]" in p]
    assert found and PROPOSALS in found[0] and "under-to-aar × 9" in found[0], found


def test_the_newly_qualified_proposal_carries_the_finding_on_support_for_difficult_tasks(real_dataset):
    """The report's comparison by seniority names what matters to the newly qualified; a proposal on the newly
    qualified shows at least one of those findings."""
    on_newly_qualified = [p for p in real_dataset.proposals.values() if "nyuddannede-og-oplaering" in p["themes"]]
    assert on_newly_qualified
    for proposal in on_newly_qualified:
        chosen = findings(real_dataset, proposal["id"])
        headline = next((b.get("headline", "") for b in real_dataset.insights[chosen[0]["publication"]]["blocks"]
                         if b["id"] == chosen[0]["block"]), "") if chosen else ""
        # the report's headline names what matters most to the newly qualified; one finding shown says it
        assert chosen and any(f["factor"].rstrip(".").lower().split(" til ")[-1] in headline for f in chosen), proposal["id"]


def test_every_theme_a_proposal_is_about_lists_that_proposal(fixture_site, fixture_dataset):
    for proposal in fixture_dataset.proposals.values():
        for theme in proposal["themes"]:
            markup = main_markup(page(fixture_site, f"temaer/{theme}/"))
            assert f'href="../../anbefalinger/{proposal["id"]}/"' in markup, (theme, proposal["id"])


def test_a_fact_says_which_part_of_its_publication_printed_it(fixture_site, fixture_dataset):
    for fact in fixture_dataset.facts.values():
        place = fixture_dataset.publications[fact["publication"]]["fact_places"][fact["kind"]]
        for theme in fact["themes"]:
            assert fact in facts_on(fixture_dataset, theme)
            assert f"Fra {place}" in plain(main_markup(page(fixture_site, f"temaer/{theme}/"))), (fact["id"], theme)


def test_a_fact_whose_kind_has_no_place_in_its_publication_stops_validation(fixture_copy):
    edit(fixture_copy, "data/publications.yml", '    forord: "testhæftets forord"\n', "")
    found = [p for p in problems(fixture_copy) if "fact_places" in p]
    assert found and "data/facts/test-haefte-2032.yml" in found[0] and "'forord'" in found[0], found


OVERTIME = re.compile(r"overarbejd|arbejde over|arbejder langt over|flex|timer om ugen|aftenarbejde|weekendarbejde",
                      re.IGNORECASE)


def test_the_flexibility_theme_holds_no_overtime_testimony(real_dataset):
    """Overtime that eats private life has its own theme; the flexibility theme is the flexibility people value
    (the theme of the survey's answer on flexibility in working hours and place)."""
    flexibility = {t for q in real_dataset.waves.values() for question in q.questions.values()
                   for option in question.get("options", []) if option["id"] == "fleksibilitet" for t in option["themes"][:1]}
    assert flexibility
    overtime = [q["id"] for q in real_dataset.quotes.values()
                if flexibility & set(q["themes"]) and OVERTIME.search(q["text"])]
    assert not overtime, overtime


def test_a_theme_with_one_quote_is_counted_in_the_singular():
    from evidence.html.templates import render

    one = render("theme_list.html", themes=[{"href": "x/", "name": "Tema", "description": "Om noget.", "count": 1}])
    two = render("theme_list.html", themes=[{"href": "x/", "name": "Tema", "description": "Om noget.", "count": 2}])
    assert "(1 citat eller fortælling)" in one and "(2 citater og fortællinger)" in two
    assert "1 citat eller fortælling har temaet" in render("theme_quote_count.html", count=1, href="x/")


def test_a_question_the_report_gives_without_wording_is_never_printed_as_none(fixture_site, fixture_dataset):
    """A figure's base names the question as asked; where the report gives no wording, it says so."""
    unworded = [(w, q) for w, wave in fixture_dataset.waves.items() for q, question in wave.questions.items()
                if not question["wording"]]
    assert unworded
    for page_path in fixture_site.rglob("*.html"):
        assert "»None«" not in page_path.read_text(encoding="utf-8"), page_path
    wave_id, question_id = unworded[0]
    assert "rapporten gengiver ikke spørgsmålets ordlyd" in page(fixture_site, f"tal/{wave_id}/{question_id}/")
