"""A text printed twice (a cover story and its testimony in the long collection) is one text: a reader who
browses a theme must find it there in both places, so `make validate` stops when their themes differ."""

from conftest import edit, problems

COVER = "data/quotes/test-haefte-2032/cover.yml"


def test_a_cover_story_with_other_themes_than_its_twin_is_named(fixture_copy):
    edit(fixture_copy, COVER, "themes: [ledelse-og-tillid, sagsmaengde]", "themes: [ledelse-og-tillid]")
    found = [p for p in problems(fixture_copy) if "testhaefte2032-c01" in p]
    assert found and "felt 'themes'" in found[0] and "testhaefte2032-t003" in found[0], found


def test_the_real_twins_share_their_themes(real_dataset):
    for item in real_dataset.quotes.values():
        if item.get("full_text") and item["kind"] == "cover-story":
            twin = real_dataset.quotes[item["full_text"]]
            if item["text"].split() == twin["text"].split():
                assert set(item["themes"]) == set(twin["themes"]), item["id"]
