"""The publications' own words about themselves (data/framing/): purpose, main points, summaries, method,
ethics, a foreword and chapter introductions stand on the pages where a reader meets the subject,
verbatim and cited with where they stand; a passage that is not the source's words stops the build."""

from __future__ import annotations

import re

from tests.conftest import edit, line_of, problems, read_yaml, text_of


def page_of(place: str, publication: str) -> str:
    """The page that shows a passage with `place` in its `shown_on`."""
    return {
        "forside": "/", "indsigter": "indsigter/", "indsigter-afslutning": "indsigter/", "tal": "tal/",
        "metode": "metode/", "kilder": "kilder/",
        "fortaellinger": f"citater/{publication}/fortaellinger/1/", "interview": f"citater/{publication}/interview/",
    }[place]


def words(text: str) -> list[str]:
    """The passage's paragraphs and list items as a reader sees them (the list markers become list markup)."""
    return [re.sub(r"^\s*(?:- |\d+\. )", "", line).strip() for line in text.splitlines() if line.strip()]


def passages(fixture_data):
    for path in sorted((fixture_data / "framing").glob("*.yml")):
        for passage in read_yaml(path):
            yield path.stem, passage


def test_every_passage_is_on_each_of_its_pages_with_its_locator(fixture_site, fixture_data):
    citations = {p["id"]: p["citation"] for p in read_yaml(fixture_data / "publications.yml")}
    places = set()
    for publication, passage in passages(fixture_data):
        for place in passage["shown_on"]:
            places.add(place)
            text = text_of(fixture_site, page_of(place, publication))
            assert passage["heading"] in text, (passage["id"], place)
            for line in words(passage["text"]):
                assert line in text, (passage["id"], place, line)
            assert f"{citations[publication]} {passage['locator']}." in text, (passage["id"], place)
            for line in (passage.get("signed") or "").splitlines():
                assert line in text
    assert len(places) >= 7, "the fixture should show passages on (nearly) every kind of page"


def test_list_markers_become_nested_lists(fixture_site, fixture_data):
    passage = next(p for _, p in passages(fixture_data) if "\n  - " in p["text"])
    top, sub = [line for line in words(passage["text"]) if line][-2:]
    text = text_of(fixture_site, page_of(passage["shown_on"][0], ""))
    assert f"<ul><li>{top}<ul><li>{sub}</li></ul></li></ul>" in text
    assert "- " + top not in text


def test_a_chapter_page_has_each_chapter_introduction_quotes_and_proposals(fixture_site, fixture_data):
    booklet = next(p for p in read_yaml(fixture_data / "publications.yml")
                   if (fixture_data / "facts" / f"{p['id']}-chapters.yml").exists())
    text = text_of(fixture_site, f"citater/{booklet['id']}/kapitler/")
    proposals = read_yaml(fixture_data / "proposals" / f"{booklet['id']}.yml")
    excerpts = read_yaml(fixture_data / "quotes" / booklet["id"] / "chapters.yml")
    for chapter in read_yaml(fixture_data / "facts" / f"{booklet['id']}-chapters.yml")["chapters"]:
        number = chapter["chapter"]
        heading = text.index(f"Kapitel {number}: {chapter['title']}")
        intro = text.index(chapter["intro"].split("\n\n")[0], heading)
        assert f"Kapitel {number} »{chapter['title']}«, indledningen." in text
        own = [q for q in excerpts if q["locator"]["part"] == f"kapitel-{number}"]
        quote_at = text.index(own[0]["text"].strip(), intro)
        for proposal in (p for p in proposals if p["chapter"] == number):
            assert text.index(proposal["text"], intro) > quote_at, "proposals close their chapter, as printed"


def test_notes_a_reader_needs_are_shown(fixture_site, fixture_data):
    insights = read_yaml(fixture_data / "insights" / "test-rapport-2033.yml")
    overview = text_of(fixture_site, "indsigter/")
    comparison = next(b for b in insights["blocks"] if b["kind"] == "comparison")
    assert comparison["closing"] in overview
    assert comparison["note"] in overview
    assert insights["figures_note"] in text_of(fixture_site, "indsigter/1/")
    edited = next(q for q in read_yaml(fixture_data / "quotes/test-haefte-2032/chapters.yml") if q.get("note"))
    assert edited["note"] in text_of(fixture_site, "citater/test-haefte-2032/kapitler/")
    booklet = next(p for p in read_yaml(fixture_data / "publications.yml") if p["id"] == "test-haefte-2032")
    count_note = next(c for c in booklet["collections"] if c["id"] == "fortaellinger")["count_note"]
    assert count_note in text_of(fixture_site, "citater/test-haefte-2032/fortaellinger/1/")
    assert count_note.lower().rstrip(".") in text_of(fixture_site, "citater/").lower()


def test_an_altered_passage_is_refused(fixture_copy):
    rel = "data/framing/test-rapport-2033.yml"
    edit(fixture_copy, rel, "holder af arbejdet, men drukner", "elsker arbejdet, men drukner")
    found = problems(fixture_copy)
    line = line_of(fixture_copy, rel, "elsker arbejdet")
    # The message names the file, the line of the passage's `text:`, the field and the source's own words.
    assert any(p.startswith(f"{rel}, linje {line - 1} ") and "felt 'text'" in p
               and "kilden har ›holder af arbejdet" in p for p in found), found


def test_an_altered_signature_is_refused(fixture_copy):
    rel = "data/framing/test-haefte-2032.yml"
    edit(fixture_copy, rel, 'signed: "Formanden for', 'signed: "Næstformanden for')
    assert any(rel in p and "signed" in p and "kildens ordlyd" in p for p in problems(fixture_copy))


def test_a_passage_of_no_publication_is_refused(fixture_copy):
    source = fixture_copy / "data/framing/test-rapport-2033.yml"
    source.rename(fixture_copy / "data/framing/test-rapport-2099.yml")
    assert any("data/framing/test-rapport-2099.yml" in p and "publications.yml" in p for p in problems(fixture_copy))


def test_a_key_figure_that_drops_its_questions_hypothetical_sense_stops_validation(project, real_dataset):
    """A headline may shorten a question, never change its claim: a question about what could make a person
    consider leaving is not summarised as what makes them leave. `make validate` names the headline."""
    wave_id, headline = next((w, h) for w, wave in real_dataset.waves.items() for h in wave.meta.get("headlines", [])
                             if "overveje" in (wave.questions[h["question"]].get("wording") or ""))
    rel = f"data/survey/{wave_id}/wave.yml"
    line = line_of(project, rel, headline["text"])
    edit(project, rel, headline["text"], "får dem til at forlade jobbet")
    found = [p for p in problems(project) if "overveje" in p]
    assert found == [f"{rel}, linje {line}, felt 'headlines[{real_dataset.waves[wave_id].meta['headlines'].index(headline) + 1}]"
                     f".text': fandt 'får dem til at forlade jobbet' – forventede at "
                     f"teksten bevarer spørgsmålets »overveje« og siger »ville«, fordi spørgsmålet '{headline['question']}'"
                     " spørger om, hvad der kunne få nogen til at overveje noget (fx »… ville kunne få dem til at "
                     "overveje …«)"], found
