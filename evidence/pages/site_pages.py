"""Pages about the evidence itself: method, sources and the front page."""

from __future__ import annotations

from evidence.model.dataset import Dataset
from evidence.pages.markdown import front_matter, macro, md_text
from evidence.pages.page import Page


def method_page(dataset: Dataset) -> Page:
    lines = [front_matter(title="Metode", description="Sådan er tallene og citaterne indsamlet, og hvad sitet gør med dem."),
             "# Metode\n"]
    for wave_id, wave in reversed(dataset.waves.items()):
        publication = dataset.publications[wave.meta["publication"]]
        lines += [
            f"## Undersøgelsen {md_text(wave_id)}\n",
            f"{md_text(wave.meta['respondents_description'])} Indsamlet: {md_text(wave.meta['fieldwork'])}. "
            f"Udført af {md_text(wave.meta.get('prepared_by') or ', '.join(wave.meta['publishers']))} for "
            f"{md_text(' og '.join(wave.meta['publishers']))}.\n",
            macro("method_summary", wave_id) + "\n",
        ]
        if publication.get("ethics"):
            lines += ["### Etik og anonymitet i rapporten\n",
                      f"> {md_text(publication['ethics'])}\n>\n"
                      f"> — {md_text(publication['short'])}, afsnittet »Etik og rettigheder«\n"]
    lines += [
        "## Hvad betyder »delvis serie«?\n",
        "Rapporten viste mange af sine tal som diagrammer. I den tekstudgave, sitet bygger på, gik diagrammerne "
        "tabt, og kun de tal, som rapportens tekst selv nævner, er bevaret – typisk de tre største svar. "
        "Sitet viser præcis de tal og intet andet: resten af fordelingen er hverken gættet, anslået eller "
        "regnet ud. Derfor står der »Delvis serie« ved diagrammerne.\n",
        "## Hvad betyder »Gruppe ikke angivet«?\n",
        "Nogle tal står kun på rapportens indsigtssider, hvor rapporten ikke skriver, hvilken gruppe af "
        "respondenter tallet gælder. Sitet viser dem som »Gruppe ikke angivet« i stedet for at gætte.\n",
        "## Fortællingerne fra 2020\n",
        "Dansk Socialrådgiverforening indsamlede fortællingerne fra november 2019 til januar 2020. De er "
        "gengivet uden navne, som i hæftet. Sitet tilføjer aldrig oplysninger, der kan identificere en person.\n",
        "## Sådan gengiver sitet teksterne\n",
        "Alle tal og citater er skrevet af ordret fra de to publikationer. Sitet retter kun fejl fra "
        "konverteringen af PDF til tekst (orddelinger, sidehoveder og sidetal) – aldrig stavning, tegnsætning "
        "eller ordvalg. Stavefejl i kilderne står derfor, som de blev trykt. En automatisk test kontrollerer "
        "ved hver opdatering, at hvert citat står ordret i kildeteksten.\n",
    ]
    return Page("metode.md", "\n".join(lines), "Metode")


def sources_page(dataset: Dataset) -> Page:
    lines = [front_matter(title="Kilder", description="De to publikationer, som alt på sitet bygger på."),
             "# Kilder\n", "Alt på sitet bygger på to offentliggjorte publikationer.\n"]
    for publication in sorted(dataset.publications.values(), key=lambda p: -p["year"]):
        lines += [
            f"## {md_text(publication['title'])}\n",
            f"- **Udgivet af:** {md_text(' og '.join(publication['publishers']))}",
        ]
        if publication.get("prepared_by"):
            lines.append(f"- **Udarbejdet af:** {md_text(publication['prepared_by'])}")
        lines += [
            f"- **Tid:** {md_text(publication['date'])}",
            f"- **Sådan citerer du:** {md_text(publication['citation'])}",
            "",
        ]
    return Page("kilder.md", "\n".join(lines), "Kilder")


def home_page(dataset: Dataset) -> Page:
    """The story from finding to evidence, and one way in for each kind of reader."""
    newest = list(dataset.waves.values())[-1] if dataset.waves else None
    lines = [
        front_matter(title="Socialrådgivernes arbejdsvilkår – hvad viser evidensen?",
                     description="Tal, indsigter, anbefalinger og fortællinger om socialrådgivernes arbejdsvilkår "
                                 "fra KL og Dansk Socialrådgiverforening."),
        "# Hvad får socialrådgivere til at blive – og til at gå?\n",
        "Her er tallene, indsigterne og socialrådgivernes egne ord fra to publikationer: KL og Dansk "
        "Socialrådgiverforenings undersøgelse fra 2025 og Dansk Socialrådgiverforenings fortællinger fra 2020. "
        "Alt er samlet efter tema, og hvert tal og hvert citat har sin kilde.\n",
    ]
    if newest is not None and newest.meta.get("headlines"):
        lines += [f"## Nøgletal fra undersøgelsen {md_text(newest.id)}\n", macro("headline_figures") + "\n"]
    lines += [
        "## Find vej\n",
        '<div class="grid cards" markdown>\n',
        "-   **[Temaer](temaer/index.md)**\n\n    Læs historien fra fund til evidens – fx arbejdspres, ledelse "
        "eller kollegaer.\n",
        "-   **[Anbefalinger](anbefalinger/index.md)**\n\n    Dansk Socialrådgiverforenings ni forslag med "
        "evidensen bag hvert forslag.\n",
        "-   **[Find citater](find-citater/index.md)**\n\n    Søg i alle citater og fortællinger. Hvert citat "
        "har kilde, permanent link og en kopiknap.\n",
        "-   **[Tal og metode](tal/index.md)**\n\n    Alle tal fra undersøgelsen som diagrammer, tabeller og "
        "CSV – og [hvordan de er indsamlet](metode.md).\n",
        "</div>\n",
    ]
    for publication, doc in dataset.insights.items():
        pub = dataset.publications[publication]
        lines += [f"## Rapportens tre hovedindsigter ({md_text(pub['short'])})\n"]
        lines += [f"{main['id']}. [{md_text(main['headline'])}](indsigter/{main['id']}.md)" for main in doc["main_insights"]]
        lines += ["", "*Rapportens egne ord.* [Læs alle indsigter](indsigter/index.md)\n"]
    lines += [
        "## Hvem står bag evidensen?\n",
    ]
    lines += [f"- {md_text(p['citation'])}" for p in sorted(dataset.publications.values(), key=lambda p: -p["year"])]
    lines += ["", "Sitet gengiver publikationerne ordret og laver ingen egne beregninger. [Om sitet](om/index.md)\n"]
    return Page("index.md", "\n".join(lines), "Forside")
