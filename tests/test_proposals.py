"""The proposals with the evidence an editor chose for each (data/proposals/, `evidence`), as a politician
reads them: the overview with key figures, a proposal's page led by its chart, and plain words where the
survey has no figure. Behaviour on the fixture site; the real data's choices are checked against the data."""

from __future__ import annotations

import re

from conftest import edit, line_of, main_markup, page, plain, problems, read_csv, read_yaml

from evidence.model.formatting import percent

PROPOSALS = "data/proposals/test-haefte-2032.yml"


def fixture_proposals(fixture_data) -> list[dict]:
    return read_yaml(fixture_data / "proposals/test-haefte-2032.yml")


def newest_values(fixture_data) -> dict[tuple, tuple[str, float]]:
    """(question, option, population) → (wave, value) from the newest wave that states it."""
    values = {}
    for folder in sorted((fixture_data / "survey").glob("*/")):
        for row in read_csv(folder / "figures.csv"):
            values[(row["question"], row["option"], row["population"])] = (folder.name, float(row["value"]))
    return values


def key(ref: dict) -> tuple:
    return ref["question"], ref["option"], ref["population"]


def test_a_proposal_page_leads_with_its_figures_from_the_newest_wave_then_insights_then_quotes(fixture_site, fixture_data):
    values = newest_values(fixture_data)
    for proposal in fixture_proposals(fixture_data):
        markup = main_markup(page(fixture_site, f"anbefalinger/{proposal['id']}/"))
        body = plain(markup)
        figures = proposal["evidence"]["figures"]
        heads = [plain(h).rstrip("¶") for h in re.findall(r"<h2[^>]*>(.*?)</h2>", markup)]
        insights = ["Indsigter"] if proposal["evidence"].get("insights") else []
        assert heads[:-1] == ["Tal fra undersøgelsen", *insights, "Citater"] and heads[-1].startswith("Mere om"), heads
        for ref in figures:
            wave, value = values[key(ref)]
            assert re.search(rf'id="fig-{proposal["id"]}(-{wave})?"', markup), (proposal["id"], wave)
            assert percent(value) in body
        for quote_id in proposal["evidence"]["quotes"]:
            assert f"#{quote_id}" in markup or f"/{quote_id}/" in markup, quote_id
        if figures:
            assert markup.index(f'id="fig-{proposal["id"]}') < markup.index('class="ev-quote"')


def test_a_figure_stated_by_several_waves_is_shown_from_the_newest(fixture_site, fixture_data):
    by_wave = {folder.name: {key(r): float(r["value"]) for r in read_csv(folder / "figures.csv")}
               for folder in sorted((fixture_data / "survey").glob("*/"))}
    newest = newest_values(fixture_data)
    both = [(p, ref, stated[key(ref)]) for p in fixture_proposals(fixture_data) for ref in p["evidence"]["figures"]
            for wave, stated in by_wave.items()
            if wave < newest[key(ref)][0] and key(ref) in stated and stated[key(ref)] != newest[key(ref)][1]]
    assert both, "the fixture names a figure that two waves state, with different values"
    for proposal, ref, older in both:
        table = re.search(r'<table class="ev-table">.*?</table>',
                          page(fixture_site, f"anbefalinger/{proposal['id']}/"), re.S).group()
        assert percent(newest[key(ref)][1]) in table and percent(older) not in table


def test_a_proposal_without_figures_says_so_plainly(fixture_site, fixture_data):
    without = [p for p in fixture_proposals(fixture_data) if not p["evidence"]["figures"]]
    assert without, "the fixture has a proposal on which the survey has no figure"
    for proposal in without:
        markup = main_markup(page(fixture_site, f"anbefalinger/{proposal['id']}/"))
        assert f"Ingen tal fra undersøgelsen. {proposal['evidence']['no_figures']}" in plain(markup)
        own = markup.split('id="mere-om')[0]  # the proposal's own evidence, before the evidence on its themes
        assert "<figure" not in own


def test_the_overview_shows_each_proposal_with_its_key_figures_only(fixture_site, fixture_data):
    values = newest_values(fixture_data)
    markup = main_markup(page(fixture_site, "anbefalinger/"))
    cards = re.findall(r'<li class="ev-proposal-card">(.*?)</li>\s*(?=<li class="ev-proposal-card">|</ul>)', markup, re.S)
    proposals = fixture_proposals(fixture_data)
    assert len(cards) == len(proposals)
    for proposal in proposals:
        card = plain(next(c for c in cards if f"anbefalinger/{proposal['id']}/" in c))
        shown = re.findall(r"(\d+(?:,\d)?) % –", card)
        expected = [percent(values[key(r)][1]).removesuffix(" %") for r in proposal["evidence"]["figures"] if r.get("key")]
        assert sorted(shown) == sorted(expected), (proposal["id"], shown)
        if not proposal["evidence"]["figures"]:
            assert "Ingen tal fra undersøgelsen" in card


def test_whom_a_proposal_concerns_is_said_in_danish_without_a_grammar_note(fixture_site, fixture_data):
    for proposal in fixture_proposals(fixture_data):
        body = plain(main_markup(page(fixture_site, f"anbefalinger/{proposal['id']}/")))
        assert "addressee" not in body and "grammatiske" not in body
        phrase = proposal.get("addressee_phrase")
        if phrase:
            assert f"– {phrase}" in body and f"rettet til {proposal['addressee_label']}" not in body
    overview = plain(main_markup(page(fixture_site, "anbefalinger/")))
    assert "Forslag, der ikke siger, hvem der skal handle" in overview


def test_the_note_on_whose_proposals_they_are_stands_on_the_overview_the_pages_and_the_brief(fixture_site, fixture_data):
    note = next(p["proposals_note"] for p in read_yaml(fixture_data / "publications.yml") if p.get("proposals_note"))
    for url in ["anbefalinger/", "anbefalinger/udskrift/", f"anbefalinger/{fixture_proposals(fixture_data)[0]['id']}/"]:
        assert note in plain(main_markup(page(fixture_site, url))), url


def test_the_brief_prints_each_testimony_once_and_at_most_two_quotes_a_proposal(fixture_site):
    markup = main_markup(page(fixture_site, "anbefalinger/udskrift/"))
    sections = re.findall(r'<section class="ev-brief".*?</section>', markup, re.S)
    assert sections
    links = [re.findall(r'class="ev-permalink" href="[^"]*#([^"]+)"', s) for s in sections]
    assert all(len(found) <= 2 for found in links)
    flat = [q for found in links for q in found]
    assert len(flat) == len(set(flat))


def test_the_front_page_names_no_unstated_group_as_a_population(fixture_site, fixture_data):
    unstated = [p for p in read_yaml(fixture_data / "survey/populations.yml") if p.get("figure_label")]
    newest = sorted(fixture_data.glob("survey/*/wave.yml"))[-1]
    headlined = {h["population"] for h in read_yaml(newest)["headlines"]}
    assert {p["id"] for p in unstated} & headlined, "the newest wave's key figures include a group the report does not state"
    front = plain(main_markup(page(fixture_site, "")))
    for population in unstated:
        assert population["name"] not in front
        if population["id"] in headlined:
            assert population["figure_label"][0].upper() + population["figure_label"][1:] in front


def test_the_real_proposals_each_show_evidence_or_say_the_survey_has_none(real_dataset):
    for proposal_id, proposal in real_dataset.proposals.items():
        evidence = proposal["evidence"]
        assert evidence["figures"] or evidence["no_figures"], proposal_id
        assert 1 <= len(evidence["quotes"]) <= 3, proposal_id


# --- validation ----------------------------------------------------------------------------------------------


def test_unknown_evidence_ids_are_named_with_file_line_and_field(fixture_copy):
    edit(fixture_copy, PROPOSALS, "{question: sagstal-for-hoejt, option: ja, population: boern-og-unge, key: true}",
         "{question: sagstal-for-hoejt, option: nej, population: boern-og-unge, key: true}")
    edit(fixture_copy, PROPOSALS, "quotes: [testhaefte2032-t004]", "quotes: [testhaefte2032-t999]")
    edit(fixture_copy, PROPOSALS, 'insight: "1.2"', 'insight: "1.9"')
    found = problems(fixture_copy)
    figure_line = line_of(fixture_copy, PROPOSALS, "option: nej")
    assert (f"{PROPOSALS}, linje {figure_line} (id 'testhaefte2032-p1'), felt 'evidence.figures[1]': fandt "
            "'sagstal-for-hoejt × nej × boern-og-unge' – forventede et spørgsmål × svar × population, der står i "
            "figures.csv for en bølge i data/survey/") in found
    quote_line = line_of(fixture_copy, PROPOSALS, "testhaefte2032-t999")
    assert any(p.startswith(f"{PROPOSALS}, linje {quote_line} (id 'testhaefte2032-p2'), felt 'evidence.quotes[1]': "
                            "fandt 'testhaefte2032-t999'") for p in found), found
    assert any("felt 'evidence.insights[1]': fandt 'test-rapport-2033 1.9'" in p for p in found), found


def test_a_proposal_without_figures_must_say_why(fixture_copy):
    edit(fixture_copy, PROPOSALS, '    no_figures: "Testundersøgelserne har ikke spurgt om registrering i fagsystemerne."\n', "")
    found = problems(fixture_copy)
    assert any("(id 'testhaefte2032-p2'), felt 'evidence.no_figures': fandt intet – forventede en sætning" in p
               for p in found), found


def test_every_bar_of_a_proposal_chart_stands_under_its_question(fixture_site, fixture_data):
    """A bar labelled only with its answer (»Ja«) is read as a finding about something else: each chart
    group carries the question's wording as the wave it comes from asked it, even when the chart shows a
    single question."""
    wordings = {(folder.name, q["id"]): q["wording"] or q["measure"] for folder in (fixture_data / "survey").glob("*/")
                for q in read_yaml(folder / "questions.yml")}
    newest = newest_values(fixture_data)
    for proposal in fixture_proposals(fixture_data):
        if not proposal["evidence"]["figures"]:
            continue
        markup = main_markup(page(fixture_site, f"anbefalinger/{proposal['id']}/"))
        groups = [plain(g) for g in re.findall(r'class="ev-chart-group__question">(.*?)</p>', markup, re.S)]
        shown = dict.fromkeys((newest[key(ref)][0], ref["question"]) for ref in proposal["evidence"]["figures"])
        assert len(groups) == len(shown), (proposal["id"], groups)
        for wave, question in shown:
            assert any(wordings[(wave, question)] in group for group in groups), (proposal["id"], wave, question, groups)
