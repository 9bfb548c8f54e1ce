"""A publication's shape is data: its parts and collections, declared in data/publications.yml, make its
pages, their titles and headings, and every quote's place and permalink, with no code of its own.

The fixture has a leaflet of four chapters and an appendix without survey figures (test-pjece-2030) beside
a booklet and two reports; the expectations are read from the fixture's files.
"""

from __future__ import annotations

from conftest import edit, line_of, plain, problems, read_yaml, text_of

from evidence.urls import permalink

LEAFLET = "test-pjece-2030"


def declared(fixture_data) -> dict:
    return next(p for p in read_yaml(fixture_data / "publications.yml") if p["id"] == LEAFLET)


def leaflet_quotes(fixture_data) -> list[dict]:
    folder = fixture_data / "quotes" / LEAFLET
    return [{**q, "publication": LEAFLET} for path in sorted(folder.glob("*.yml")) for q in read_yaml(path)]


def test_each_declared_collection_is_a_page_with_its_title_and_intro(fixture_site, fixture_data):
    overview = plain(text_of(fixture_site, "citater/"))
    for collection in declared(fixture_data)["collections"]:
        text = plain(text_of(fixture_site, f"citater/{LEAFLET}/{collection['id']}/"))
        assert f"{collection['title']}" in text
        assert collection["intro"] in text
        assert collection["title"] in overview


def test_parts_sharing_a_collection_each_get_their_name_and_chapter_title_in_print_order(fixture_site, fixture_data):
    chapters = {c["chapter"]: c for c in read_yaml(fixture_data / "facts" / f"{LEAFLET}-chapters.yml")["chapters"]}
    parts = [p for p in declared(fixture_data)["parts"] if p["collection"] == "kapitler"]
    text = plain(text_of(fixture_site, f"citater/{LEAFLET}/kapitler/"))
    places = [text.index(f"{part['name']}: {chapters[part['chapter']]['title']}") for part in parts]
    assert places == sorted(places) and len(parts) == 4
    for part, place in zip(parts, places, strict=True):
        intro = text.index(chapters[part["chapter"]]["intro"], place)
        own = next(q for q in leaflet_quotes(fixture_data) if q["locator"]["part"] == part["id"])
        assert text.index(own["text"], intro) > intro


def test_a_quote_is_named_by_its_part_and_its_permalink_lands_on_its_collection(fixture_site, fixture_data):
    parts = {p["id"]: p for p in declared(fixture_data)["parts"]}
    for quote in leaflet_quotes(fixture_data):
        part = parts[quote["locator"]["part"]]
        name = f"{part['name']}, {part.get('item', 'citat')} {quote['locator']['order']}"
        page = text_of(fixture_site, f"citater/{LEAFLET}/{part['collection']}/")
        assert f'id="{quote["id"]}"' in page and name in plain(page)
        forwarding = text_of(fixture_site, permalink(quote))
        assert f"{part['collection']}/#{quote['id']}" in forwarding
        assert name in forwarding


def test_a_quote_of_an_undeclared_part_stops_validation_naming_the_declared_parts(fixture_copy, fixture_data):
    rel = f"data/quotes/{LEAFLET}/appendix.yml"
    edit(fixture_copy, rel, "part: bilag, order: 2", "part: bilaget, order: 2")
    line = line_of(fixture_copy, rel, "part: bilaget")
    names = ", ".join(p["id"] for p in declared(fixture_data)["parts"])
    message = next(m for m in problems(fixture_copy) if m.startswith(rel))
    assert message.startswith(f"{rel}, linje {line} (id 'testpjece2030-b02'), felt '[2].locator.part': fandt 'bilaget'")
    assert f"en del, som {LEAFLET} angiver i `parts` i data/publications.yml: {names}" in message


def test_a_part_on_an_undeclared_collection_stops_validation(fixture_copy):
    rel = "data/publications.yml"
    edit(fixture_copy, rel, "{id: bilag, collection: bilag,", "{id: bilag, collection: tillaeg,")
    line = line_of(fixture_copy, rel, "collection: tillaeg")
    message = next(m for m in problems(fixture_copy) if "tillaeg" in m)
    assert message.startswith(f"{rel}, linje {line}") and ".parts[5].collection': fandt 'tillaeg'" in message
    assert "kapitler, bilag" in message


def test_each_insight_block_stands_under_its_heading_where_the_data_puts_it(fixture_site, fixture_data):
    for path in sorted((fixture_data / "insights").glob("*.yml")):
        doc = read_yaml(path)
        for block in doc["blocks"]:
            hosts = [i["parent"] for i in doc["insights"] if block["id"] in i.get("includes", [])]
            text = plain(text_of(fixture_site, f"indsigter/{hosts[0]}/" if hosts else "indsigter/"))
            shown = {"comparison": lambda b: b["lists"][0]["groups"][0]["definition"],
                     "tables": lambda b: b["tables"][0]["rows"][0]["items"][0],
                     "text": lambda b: b["text"], "examples": lambda b: b["examples"][0]["texts"][-1]}[block["kind"]]
            assert text.index(shown(block), text.index(block["heading"])) > 0


def test_an_insight_including_an_undeclared_block_stops_validation(fixture_copy, fixture_data):
    rel = "data/insights/test-rapport-2033.yml"
    edit(fixture_copy, rel, "  topic: Ledelse\n", "  topic: Ledelse\n  includes: [lederskab]\n")
    blocks = ", ".join(b["id"] for b in read_yaml(fixture_data / "insights" / "test-rapport-2033.yml")["blocks"])
    message = next(m for m in problems(fixture_copy) if "lederskab" in m)
    assert message.startswith(f"{rel}, linje {line_of(fixture_copy, rel, 'lederskab')}")
    assert f"fandt 'lederskab' – forventede en blok i `blocks` i data/insights/test-rapport-2033.yml: {blocks}" in message


def test_a_block_without_what_its_kind_draws_stops_validation(fixture_copy):
    rel = "data/insights/test-rapport-2033.yml"
    edit(fixture_copy, rel, "  labels:\n  - Før\n  - Nu\n", "  labels:\n  - Før\n")
    edit(fixture_copy, rel, "  heading: Stress-cirklen\n  text:", "  heading: Stress-cirklen\n  tekst:")
    messages = problems(fixture_copy)
    assert any(m.startswith(rel) and ".texts': fandt 2 tekster – forventede én tekst pr. navn i `labels` (1)" in m
               for m in messages), messages
    assert any(m.startswith(rel) and ".text': fandt intet – forventede at feltet er udfyldt i en blok af slagsen `text`"
               in m for m in messages), messages
