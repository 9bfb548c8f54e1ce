"""The anonymity review: names, places, institutions and ages in quotes are listed for a person until a decision
is recorded in data/anonymity/review.yml; the build warns about them but does not stop (CPR numbers, e-mail
addresses and phone numbers do stop it: tests/test_quotes.py)."""

from __future__ import annotations

import re

import pytest
import yaml
from conftest import ROOT, build_log, problems, read_yaml, run_script

from evidence.load.dataset import load_dataset
from evidence.model import finder, quotes
from evidence.model.anonymity import attribution_clusters, danish_first_names, machine_flags, undecided
from evidence.model.anonymity_pending import LEFT_OUT, Measure, as_published, measures, published_quote
from evidence.model.anonymity_text import Lexicon, age_with_details, names_and_places

REVIEW = "data/anonymity/review.yml"
FIRST_NAME = "Mette"


def add_testimony(project, text: str) -> str:
    """A new testimony in the fixture booklet, its words added to the source so the verbatim check passes."""
    rel = "data/quotes/test-haefte-2032/testimonies.yml"
    existing = read_yaml(project / rel)
    source = project / "data/sources/test-haefte-2032.txt"
    source.write_text(source.read_text(encoding="utf-8") + "\n" + text + "\n", encoding="utf-8")
    quote_id = existing[0]["id"].rsplit("-", 1)[0] + "-t099"
    with (project / rel).open("a", encoding="utf-8") as file:
        file.write(f"""- id: {quote_id}
  kind: testimony
  locator: {{part: fortaellinger, order: {len(existing) + 1}}}
  text: |-
    {text}
  themes: [{existing[0]["themes"][0]}]
""")
    return quote_id


def review_list(project) -> str:
    result = run_script(project, "scripts.review_anonymity")
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture
def kommune(fixture_data) -> str:
    return read_yaml(fixture_data / "anonymity/places.yml")["kommuner"][-1]


def test_a_new_testimony_with_a_first_name_and_a_kommune_is_flagged(fixture_copy, kommune):
    assert FIRST_NAME in danish_first_names()
    quote_id = add_testimony(fixture_copy, f"Jeg ringede til {FIRST_NAME} i {kommune} Kommune, før hun gik hjem.")
    listed = review_list(fixture_copy)
    assert re.search(rf"\n{quote_id} \(data/quotes/test-haefte-2032/testimonies.yml, linje \d+\) – vises på sitet med "
                     r"\[…\] for det udeladte\n", listed), listed
    assert f"fornavn: {FIRST_NAME}" in listed and f"sted: {kommune}" in listed


def test_a_recorded_decision_removes_the_item_and_only_that(fixture_copy, fixture_data, kommune):
    quote_id = add_testimony(fixture_copy, f"Jeg ringede til {FIRST_NAME} i {kommune} Kommune, før hun gik hjem.")
    with (fixture_copy / REVIEW).open("a", encoding="utf-8") as file:
        file.write(f"""- quote: {quote_id}
  flag: {FIRST_NAME}
  reviewed: {{date: "2033-01-15", reason: "Udgiveren har godkendt fornavnet."}}
""")
    listed = review_list(fixture_copy)
    assert f"fornavn: {FIRST_NAME}" not in listed and f"sted: {kommune}" in listed
    for entry in read_yaml(fixture_data / "anonymity/review.yml"):
        words = entry.get("flag") or entry["detail"]
        assert (f": {words}" in listed) != ("reviewed" in entry), (entry, listed)


def test_a_decision_must_name_a_quote_and_words_that_stand_in_it(fixture_copy):
    with (fixture_copy / REVIEW).open("a", encoding="utf-8") as file:
        file.write("""- quote: testhaefte2032-t001
  flag: Kattegatt
- quote: testhaefte2032-t999
  detail: Et citat, der ikke findes
""")
    messages = problems(fixture_copy)
    assert any(m.startswith(REVIEW) and "felt 'flag'" in m and "'Kattegatt'" in m for m in messages), messages
    assert any(m.startswith(REVIEW) and "felt 'quote'" in m and "testhaefte2032-t999" in m for m in messages), messages


def test_the_build_lists_undecided_items_as_a_warning_and_does_not_fail(fixture_site, fixture_dataset):
    log = build_log(fixture_site)
    assert "ADVARSEL – Gennemsyn for anonymitet" in log
    for flag in undecided(fixture_dataset):
        assert f"- {flag.quote}: {flag.kind} »{flag.words}«" in log


# --- the finder, on its own ----------------------------------------------------------------------

LEXICON = Lexicon(first_names=frozenset({"Ella", "Per"}), places=frozenset({"Herning", "København"}),
                  ordinary=frozenset({"per", "modtagelsen", "jeg", "i"}), always=frozenset({"Væksthuset"}),
                  not_identifying=frozenset({"DS"}))


def found(text: str) -> list[tuple[str, str]]:
    return [(hit.kind, hit.words) for hit in names_and_places(text, LEXICON)]


def test_the_finder_tells_names_and_places_from_ordinary_words():
    assert found("Vi sad hos lille Ella. Per dag kommer der fem nye sager.") == [("fornavn", "Ella")]
    assert found("Hun hed Per. Vi arbejder med Herning-modellen og Københavns regler.") == [
        ("fornavn", "Per"), ("sted", "Herning-modellen"), ("sted", "Københavns")]
    assert found("Jeg sidder i Modtagelsen og ringer til DS.") == []
    assert found("Vi fik hjælp fra Egmontfonden. Tarsk Force kom bagefter.") == [
        ("egennavn", "Egmontfonden"), ("egennavn", "Tarsk Force")]
    assert found("Hun kom fra f.eks. Væksthuset, og væksthuset hjalp.") == []  # `always` is listed by listed_terms


def test_an_age_is_flagged_only_with_a_detail_of_a_small_group():
    hit = age_with_details("Jeg er 26 år gammel og tillidsrepræsentant for 12 socialrådgivere.", None)
    assert hit.words == "Jeg er 26 år gammel · tillidsrepræsentant · 12 socialrådgivere"
    assert age_with_details("Jeg er 26 år gammel og glad for mit arbejde.", None) is None
    assert age_with_details("Borgere over 30 år, og jeg er sygemeldt.", None) is None
    assert age_with_details("Jeg har været sygemeldt.", "Socialrådgiver, 44 år").words == "44 år · sygemeldt"


# --- the real data ------------------------------------------------------------------------------

def test_the_place_list_has_every_kommune_once():
    kommuner = read_yaml(ROOT / "data/anonymity/places.yml")["kommuner"]
    assert len(kommuner) == len(set(kommuner)) == 98


def test_every_undecided_item_of_the_real_review_file_is_listed(real_dataset):
    listed = {(flag.quote, flag.words) for flag in undecided(real_dataset)}
    raised = {(flag.quote, flag.words) for flag in machine_flags(real_dataset)}
    for entry in read_yaml(ROOT / REVIEW):
        key = (entry["quote"], entry.get("flag") or entry["detail"])
        assert (key in listed) != ("reviewed" in entry), entry
        assert "flag" not in entry or key in raised, f"the finder no longer raises {key}"


def test_every_listed_programme_is_flagged_wherever_it_stands(real_dataset):
    always = read_yaml(ROOT / "data/anonymity/words.yml")["always"]
    raised = {(flag.quote, flag.words.lower()) for flag in machine_flags(real_dataset)}
    for quote in real_dataset.quotes.values():
        for term in always:
            if re.search(rf"(?<!\w){re.escape(term)}(?!\w)", quote["text"], flags=re.IGNORECASE):
                assert (quote["id"], term.lower()) in raised, (quote["id"], term)


# --- what the site publishes while an item waits ------------------------------------------------------------

def _waiting_entry(fixture_data) -> dict:
    return next(entry for entry in read_yaml(fixture_data / "anonymity/review.yml")
                if entry.get("leave_out") and "reviewed" not in entry)


def _text_files(site) -> dict[str, str]:
    return {str(path.relative_to(site)): path.read_text(encoding="utf-8") for path in site.rglob("*")
            if path.suffix in {".html", ".csv", ".json", ".xml", ".txt", ".md"} and path.is_file()}


def test_an_undecided_item_is_published_without_its_words_and_says_so(fixture_site, fixture_data, fixture_dataset):
    entry = _waiting_entry(fixture_data)
    files = _text_files(fixture_site)
    assert any(entry["leave_out"][0] in text for text in _text_files(fixture_data.parent / "data/sources").values())
    leaked = [name for name, text in files.items() for passage in entry["leave_out"] if passage in text]
    assert not leaked, leaked
    page = next(text for text in files.values() if f'id="{entry["quote"]}"' in text)
    card = page[page.index(f'id="{entry["quote"]}"'):].split("</article>")[0]
    assert LEFT_OUT in card and "Sitet har udeladt detaljer" in card, card
    finder_text = " ".join(r["content"] for r in finder.records(as_published(fixture_dataset)))
    assert LEFT_OUT in finder_text and entry["leave_out"][0] not in finder_text


def _with_entry_changed(project, quote_id: str, change) -> None:
    path = project / REVIEW
    entries = read_yaml(path)
    for entry in entries:
        if entry["quote"] == quote_id:
            change(entry)
    path.write_text(yaml.safe_dump(entries, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_the_publisher_can_hold_a_waiting_quote_back(fixture_copy, fixture_data):
    entry = _waiting_entry(fixture_data)
    _with_entry_changed(fixture_copy, entry["quote"], lambda e: e.update(until_decided="hold_back"))
    printed = load_dataset(fixture_copy)
    shown = as_published(printed).quotes[entry["quote"]]
    assert shown["text"] == LEFT_OUT and "Sitet viser ikke citatet" in shown["note"]
    assert as_published(printed).printed_quotes[entry["quote"]]["text"] == printed.quotes[entry["quote"]]["text"]


def test_a_decided_item_is_published_as_printed(fixture_copy, fixture_data):
    entry = _waiting_entry(fixture_data)
    _with_entry_changed(fixture_copy, entry["quote"],
                        lambda e: e.update(reviewed={"date": "2033-02-01", "reason": "Udgiveren har godkendt teksten."}))
    printed = load_dataset(fixture_copy)
    assert as_published(printed).quotes[entry["quote"]] == printed.quotes[entry["quote"]]


def test_words_to_leave_out_must_stand_in_the_quote(fixture_copy, fixture_data):
    entry = _waiting_entry(fixture_data)
    _with_entry_changed(fixture_copy, entry["quote"], lambda e: e.update(leave_out=["Kattegatt"]))
    messages = problems(fixture_copy)
    assert any(m.startswith(REVIEW) and "felt 'leave_out'" in m and "'Kattegatt'" in m for m in messages), messages


def test_a_cluster_is_shown_without_age_and_seniority(real_dataset):
    shown = as_published(real_dataset)
    for flag in attribution_clusters(real_dataset):
        if flag.quote not in {e["quote"] for e in read_yaml(ROOT / REVIEW) if "reviewed" in e}:
            for quote in shown.quotes.values():
                if real_dataset.quotes[quote["id"]].get("attribution") == flag.words:
                    assert quote["attribution"].endswith(LEFT_OUT) and " år" not in quote["attribution"], quote["id"]
                    assert " år" not in quotes.heading(shown, quote), quotes.heading(shown, quote)


def test_the_real_site_shows_no_waiting_words(real_dataset):
    """Every undecided item of the real data: its words are in no published quote field, whole word for whole
    word, or the quote is held back; and no other word was touched."""
    shown = as_published(real_dataset).quotes
    waiting = measures(real_dataset)
    assert waiting, "nothing waits in the real review: this test checks nothing"
    for quote_id, measure in waiting.items():
        quote, printed = shown[quote_id], real_dataset.quotes[quote_id]
        if measure.hold_back:
            assert quote["text"] == LEFT_OUT and quote.get("held_back"), quote_id
            continue
        for passage in measure.passages:
            for field in ("lead_in", "text", "attribution"):
                assert not re.search(rf"(?<!\w){re.escape(passage)}(?!\w)", quote.get(field) or ""), (quote_id, passage)
        kept = [word for word in printed["text"].split() if word not in quote["text"]]
        assert all(any(word.strip(".,;:!?»«()") in p for p in measure.passages) for word in kept), (quote_id, kept)
    untouched = [q for q in real_dataset.quotes if q not in waiting]
    assert all(shown[q] == real_dataset.quotes[q] for q in untouched)


def test_a_name_is_left_out_as_a_whole_word_only():
    measure = Measure(passages=("Per",))
    shown = published_quote({"id": "x-t01", "text": "Per ringede. Personalet svarede ikke Per."}, measure)
    assert shown["text"] == "[…] ringede. Personalet svarede ikke […]." and shown["left_out"]
