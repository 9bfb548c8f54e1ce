"""A chart's title names no topic its figures' questions do not ask about.

Every content word of a figure's title must be found in what the figure itself shows as asked: the
questions' wordings and instructions and the answers and groups in its table (all rendered inside the
figure). The only exceptions are the few words of the site's own framing (undersøgelsen, svar, sitet …)
and a name the title marks as the site's own tag (»…« right after »temaet«): a theme is the site's
editorial grouping, and the title must say so rather than present it as what was asked."""

from __future__ import annotations

import html
import re

import pytest

# The site's framing words in titles (not topics): the survey, its answers, the site, the report, how a
# figure is split (»fordelt på område/anciennitet«).
FRAMING = {"fordelt", "område", "anciennitet", "andel", "svar", "sitet", "givet", "temaet", "undersøgelsen",
           "rapporten", "nævner", "områder", "koblet", "forslaget",
           "alle", "tre", "som", "har", "til", "for", "fra", "tal", "om", "og", "der"}
FIGURE = re.compile(r'<figure class="ev-figure".*?</figure>', re.S)
TITLE = re.compile(r'<figcaption class="ev-figure__title"><strong>(.*?)</strong>', re.S)
ASKED = re.compile(r'<div class="ev-base"><p>(.*?)</p>|<table.*?</table>|ev-chart-group__question"><strong>(.*?)</strong>',
                   re.S)
TAGGED = re.compile(r"temaet »[^«]*«")


def _words(text: str) -> list[str]:
    return [w for w in re.findall(r"[a-zæøåA-ZÆØÅ]+", text.lower()) if len(w) > 2]


def unasked_words(figure: str) -> list[str]:
    """The title's topic words that nothing the figure shows as asked contains (compared by their first five letters)."""
    title = TAGGED.sub("", html.unescape(TITLE.search(figure).group(1)))
    shown = re.sub(r"<caption.*?</caption>", " ", " ".join(m.group(0) for m in ASKED.finditer(figure)), flags=re.S)
    asked = html.unescape(re.sub(r"<[^>]+>", " ", shown)).lower()
    stems = {w[:5] for w in _words(asked)}
    return [w for w in _words(title) if w not in FRAMING and w[:5] not in stems and not w.isdigit()]


def _figures(site):
    for path in sorted(site.rglob("*.html")):
        for figure in FIGURE.findall(path.read_text(encoding="utf-8")):
            yield path.relative_to(site), figure


@pytest.mark.parametrize("which", ["fixture_site", "site"])
def test_no_chart_title_names_a_topic_its_questions_do_not_ask(which, request):
    site = request.getfixturevalue(which)
    checked, wrong = 0, []
    for path, figure in _figures(site):
        checked += 1
        if words := unasked_words(figure):
            wrong.append(f"{path}: {html.unescape(TITLE.search(figure).group(1))!r} names {words}")
    assert checked
    assert not wrong, "\n".join(sorted(set(wrong))[:20])


def test_the_check_catches_a_theme_named_as_if_asked(real_dataset):
    """The old theme title (»<theme>: tal fra undersøgelsen …«) presented the tag as the figures' topic (e.g.
    »Stress og sygemelding« over S7/S8, which ask about neither); the check must say so for some theme."""
    from evidence.html.evidence_blocks import theme_figures
    from evidence.model.themes import theme_figure_frame

    caught = []
    for theme_id, theme in real_dataset.themes.items():
        if theme_figure_frame(real_dataset, theme_id).empty:
            continue
        figure = theme_figures(real_dataset, theme_id, "../")
        assert unasked_words(figure) == [], theme_id
        old = TITLE.sub(lambda m, t=theme["name"]: m.group(0).replace(m.group(1), f"{t}: tal fra undersøgelsen"),
                        figure, count=1)
        caught += unasked_words(old)
    assert caught
