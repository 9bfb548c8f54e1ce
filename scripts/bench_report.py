"""BENCHMARKS.md from the raw results of scripts.bench: tables, targets met or not, short analysis."""

from __future__ import annotations

KB = 1024
TARGETS = {
    "build_ratio": 1.5,
    "serve_seconds": 2.0,
    "theme_page_ratio": 1.2,
    "search_kb": 300,
    "scale_search_kb": 1024,
    "first_result_ms": 300,
}
KINDS = [("html", "HTML"), ("css", "CSS"), ("js", "JS"), ("fonts", "Skrifttyper"), ("images", "Billeder"),
         ("citatindeks", "Citatindeks"), ("search_index", "Søgeindeks"), ("other", "Andet")]


def kb(n) -> str:
    return "–" if n is None else f"{n / KB:,.1f}".replace(",", " ")


def mb(n) -> str:
    return "–" if n is None else f"{n / KB / KB:,.2f}".replace(",", " ")


def met(ok: bool | None) -> str:
    return "–" if ok is None else ("**opfyldt**" if ok else "**ikke opfyldt**")


def secs(run: dict | None) -> str:
    if not run:
        return "–"
    if run.get("timed_out"):
        return f"ikke færdig inden for {run['timeout']:.0f} s"
    if run.get("returncode"):
        return f"fejlede (kode {run['returncode']}) efter {run['seconds']:.1f} s"
    return f"{run['seconds']:.1f} s"


def _ms(value) -> str:
    return "–" if value is None else f"{value:.0f}"


def median(values: list[float]) -> float | None:
    values = sorted(v for v in values if v is not None)
    if not values:
        return None
    mid = len(values) // 2
    return values[mid] if len(values) % 2 else (values[mid - 1] + values[mid]) / 2


def render(r: dict) -> str:
    out = [
        "# Benchmarks",
        "",
        "Målt med `make bench` (`python -m scripts.bench`). Det er målinger, ikke tests: intet her får en "
        "bygning eller testsuiten til at fejle. Alt måles på en midlertidig kopi af projektet; de syntetiske "
        "data til skalamålingen (`scripts/synthetic_corpus.py`) skrives kun dér og offentliggøres aldrig.",
        "",
        "## Maskine og kørsel",
        "",
        "| Dato | nproc | RAM | CPU | Python | Chromium | Commit | Load ved start (1/5/15 min) | Kommando |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for run in r.get("runs", []):
        m = run["machine"]
        out.append(f"| {m['date']} | {m['nproc']} | {m['ram_gib']} GiB | {m['cpu']} | {m['python']} | "
                   f"{m['chromium']} | {m['commit']} | {m.get('loadavg', '–')} | `{run['command']}` "
                   f"(trin: {', '.join(run.get('steps', []))}) |")
    out += ["", *summary(r), *build_section(r), *serve_section(r), *weight_section(r), *search_section(r),
            *scale_section(r), *analysis(r), *([r["notes"].rstrip(), ""] if r.get("notes") else [])]
    return "\n".join(out).rstrip() + "\n"


# ---------------------------------------------------------------------------------------------

def _site_search_name(search: dict | None) -> str:
    engine = ((search or {}).get("material") or {}).get("engine", "material")
    return "Sitesøgningen (Pagefind, `/soeg/`)" if engine == "pagefind" else "Materials søgning"


def _finder_session_kb(search: dict | None) -> float | None:
    return search["finder"]["session"]["gzip"] / KB if search else None


def _first_ms(search: dict | None) -> float | None:
    return median([run["first_result_ms"] for run in search["finder"].get("first_result_runs_ms", [])]) if search else None


def _load_ms(search: dict | None) -> float | None:
    return median([run["load_event_ms"] for run in search["finder"].get("first_result_runs_ms", [])]) if search else None


def summary(r: dict) -> list[str]:
    rows = []
    b = r.get("build")
    if b and b.get("ratio") is not None:
        rows.append(("Fuld bygning ÷ bar `mkdocs build` (1×)", f"≤ {TARGETS['build_ratio']}×",
                     f"{b['ratio']}× ({b['full']['seconds']:.1f} s ÷ {b['bare_median']:.1f} s)",
                     b["ratio"] <= TARGETS["build_ratio"]))
    s = r.get("serve")
    if s:
        first = s.get("make serve", {})
        value = first.get("reflected_seconds")
        text = f"{value:.1f} s" if value is not None else (
            f"ingen genopbygning inden for {first.get('edit_timeout', 0):.0f} s" if "error" not in first else first["error"])
        other = s.get("make serve + --watch data")
        if other and other.get("reflected_seconds") is not None:
            text += f"; med `--watch data`: {other['reflected_seconds']:.1f} s"
        rows.append(("Rettelse i data/ → serveret side under `make serve`", f"≤ {TARGETS['serve_seconds']:.0f} s", text,
                     value is not None and value <= TARGETS["serve_seconds"]))
    w = r.get("weight")
    if w and w.get("theme_ratio") is not None:
        rows.append(("Temaside ÷ bar Material-side (bytes, gzip)", f"≤ {TARGETS['theme_page_ratio']}×",
                     f"{w['theme_ratio']}× (rå: {w['theme_ratio_raw']}×)", w["theme_ratio"] <= TARGETS["theme_page_ratio"]))
    q = r.get("search")
    if q:
        f_kb = _finder_session_kb(q)
        rows.append(("Citatsøgning, én session (1×, gzip)", f"≤ {TARGETS['search_kb']} KB", f"{f_kb:.1f} KB",
                     f_kb <= TARGETS["search_kb"]))
        m_kb = q["material"]["search_files"]["gzip"] / KB
        rows.append((f"{_site_search_name(q)}, én session (1×, gzip)", f"≤ {TARGETS['search_kb']} KB", f"{m_kb:.1f} KB",
                     m_kb <= TARGETS["search_kb"]))
    for factor, entry in sorted(r.get("scale", {}).items(), key=lambda kv: int(kv[0])):
        if factor == "1":
            continue
        search = entry.get("search")
        label = f"{factor}×" + (" (what-if)" if "what_if" in entry else "")
        rows.append((f"Bygning ved {factor}×", "færdig inden for tidsgrænsen", secs(entry["build"]),
                     not entry["build"]["timed_out"] and entry["build"]["returncode"] == 0))
        if search:
            f_kb = _finder_session_kb(search)
            rows.append((f"Citatsøgning, én session ved {label}", f"≤ {TARGETS['scale_search_kb']} KB",
                         f"{f_kb:.1f} KB", f_kb <= TARGETS["scale_search_kb"]))
            ms = _first_ms(search)
            rows.append((f"Citatsøgning, første resultat ved {label}", f"≤ {TARGETS['first_result_ms']} ms",
                         f"{_ms(ms)} ms", ms is not None and ms <= TARGETS["first_result_ms"]))
            m_kb = search["material"]["search_files"]["gzip"] / KB
            rows.append((f"{_site_search_name(search)}, én session ved {label}", f"≤ {TARGETS['scale_search_kb']} KB",
                         f"{m_kb:,.0f} KB".replace(",", " "), m_kb <= TARGETS["scale_search_kb"]))
    if not rows:
        return []
    lines = ["## Sammenfatning", "", "| Måling | Mål | Resultat | |", "| --- | --- | --- | --- |"]
    lines += [f"| {a} | {b} | {c} | {met(d)} |" for a, b, c, d in rows]
    return lines + [""]


def build_section(r: dict) -> list[str]:
    b = r.get("build")
    if not b:
        return []
    lines = [
        "## 1. Byggetid",
        "",
        "*Fuld bygning* er `python -m scripts.build_site`, præcis som `make build`: validering af data/, "
        "generering af siderne, makroer med SVG-diagrammer, Material-temaet, Materials søgeindeks og "
        "citatsøgningens Pagefind-indeks (i `on_post_build`). Peak RSS er det største RSS i procestræet (wait4).",
        "",
        "*Bar bygning* er `mkdocs build` af **de samme sider efter makro-rendering**: en instrumenteret bygning "
        "skriver hver sides Markdown, som den ser ud efter mkdocs-macros (diagrammer og citater er allerede HTML "
        "i Markdown'en), og navigationen. Den bare bygning har en minimal `mkdocs.yml`: Material-temaet (samme "
        "tema-indstillinger, uden `overrides/`), kun search-pluginnet, samme markdown-udvidelser og samme nav – "
        "ingen makroer, ingen hooks, ingen Pagefind. Forskellen er altså prisen for projektets eget arbejde: "
        "data, sidegenerering, makroer/diagrammer og citatindekset.",
        "",
        "| Bygning | Tid | Peak RSS | Sider |",
        "| --- | --- | --- | --- |",
        f"| Fuld (`make build`), 1× | {secs(b['full'])} (heraf `mkdocs build`: "
        f"{b.get('full_mkdocs_seconds') or '–'} s) | {b['full']['peak_rss_mib']} MiB | {b.get('bare_pages', '–')} |",
    ]
    for i, bare in enumerate(b.get("bare", []), 1):
        lines.append(f"| Bar `mkdocs build`, kørsel {i} | {secs(bare)} | {bare['peak_rss_mib']} MiB | "
                     f"{b.get('bare_pages', '–')} |")
    if b.get("ratio") is not None:
        lines += ["", f"Forhold fuld ÷ bar (median af {len(b['bare'])} bare kørsler): **{b['ratio']}×** "
                      f"(mål ≤ {TARGETS['build_ratio']}×: {met(b['ratio'] <= TARGETS['build_ratio'])})."]
    p = b.get("profile")
    if p:
        lines += ["", "### Hvad bygningen bruger tiden på", "",
                  f"Én bygning under cProfile (`python -m cProfile -m mkdocs build`, {secs(b['profiled'])} inkl. "
                  "profileringens eget overhead). Tider er kumulative, så underpunkter (»heraf«) indgår i linjen over.",
                  "", "| Del | Sekunder | Kald |", "| --- | --- | --- |"]
        lines += [f"| {row['label']} | {row['seconds'] if row['seconds'] is not None else '–'} | "
                  f"{row['calls'] if row['calls'] is not None else '–'} |" for row in p["rows"]]
        lines += ["", "Mest egen tid (tottime):", "", "| Funktion | Egen tid (s) | Kald |", "| --- | --- | --- |"]
        lines += [f"| `{t['function']}` | {t['own_seconds']} | {t['calls']} |" for t in p["top_own_time"]]
    rt = b.get("pagefind_round_trip")
    if rt and rt.get("ms_per_record") is not None:
        lines += ["", f"Pagefinds Python-API målt direkte ({rt['records']} `add_custom_record`-kald efter hinanden): "
                      f"**{rt['ms_per_record']} ms pr. citat**; med ventetiden på 0,1 s i `PagefindService._wait_for_responses` "
                      f"fjernet: {rt['ms_per_record_without_sleep']} ms pr. citat."]
    return lines + [""]


def serve_section(r: dict) -> list[str]:
    s = r.get("serve")
    if not s:
        return []
    lines = [
        "## 1b. Genopbygning under `mkdocs serve`",
        "",
        "En kopi af projektet serveres med `python -m mkdocs serve --dev-addr 127.0.0.1:<ledig port> --livereload` "
        "(som `make serve`). Efter første bygning rettes ét tema-tag på den første fortælling i "
        "`data/quotes/ds-2020/testimonies.yml` (teksten røres ikke, så den ordrette kontrol stadig består), og "
        "siden med fortællingen hentes hvert 50. ms, til fortællingens temalinje viser det nye tema. "
        "Hvis `make serve` ikke opdager rettelsen, måles det samme igen med `--watch data` for at vise, "
        "hvad en genopbygning koster.",
        "",
        "| Variant | Første bygning | Rettelse opdaget | Siden viser rettelsen | Genopbygning færdig (»Reloading browsers«) |",
        "| --- | --- | --- | --- | --- |",
    ]
    for name, v in s.items():
        if "error" in v:
            lines.append(f"| `{name}` | {v['error']} | – | – | – |")
            continue
        shown = f"{v['reflected_seconds']:.2f} s" if v["reflected_seconds"] is not None else \
            f"ikke inden for {v['edit_timeout']:.0f} s"
        done = f"{v['rebuild_done_seconds']:.2f} s" if v["rebuild_done_seconds"] is not None else "–"
        lines.append(f"| `{name}` | {v['first_build_seconds']} s | {'ja' if v['change_detected'] else 'nej'} | "
                     f"{shown} | {done} |")
    return lines + ["", f"Mål: ≤ {TARGETS['serve_seconds']:.0f} s fra rettelse til serveret side.", ""]


def weight_section(r: dict) -> list[str]:
    w = r.get("weight")
    if not w:
        return []
    lines = [
        "## 2. Bytes pr. sidetype",
        "",
        "Hver side indlæses koldt (ny browserkontekst, tom cache) i headless Chromium (Debians `chromium`, "
        "1280×900) fra en lokal server uden komprimering; alle filer, serveren sender, til netværket er stille, "
        "summeres efter filtype. *gzip* er filens størrelse komprimeret med gzip niveau 6 – hvad en host som "
        "GitHub Pages sender. Inline-SVG er en del af HTML'en (alle `<svg>`-elementer: diagrammer og "
        "Materials ikoner) og vises for sig. Materials `search/search_index.json` hentes **ved hver kold "
        "sideindlæsning** (søge-workeren starter, når siden indlæses – ikke først, når søgefeltet bruges) og står "
        "derfor i kolonnen Søgeindeks; afsnit 3 måler den som søgesession. "
        "Citatindeks = filer under `/citatindeks/` (Pagefind), som "
        "citatsøgningen henter ved sideindlæsning. KB = 1024 bytes.",
        "",
        "| Side | URL | " + " | ".join(name for _, name in KINDS) + " | I alt | Heraf inline-SVG | Forespørgsler |",
        "| --- | --- | " + " | ".join("---" for _ in KINDS) + " | --- | --- | --- |",
    ]
    rows = [("Bar Material-side", w["bare_material"])] + list(w["pages"].items())
    for name, row in rows:
        if row is None:
            continue
        by = row["by_kind"]
        cells = [f"{kb(by[k]['raw'])} / {kb(by[k]['gzip'])}" if k in by else "–" for k, _ in KINDS]
        svg = row["inline_svg"]
        lines.append(f"| {name} | `{row['url']}` | " + " | ".join(cells) +
                     f" | **{kb(by['total']['raw'])} / {kb(by['total']['gzip'])}** | "
                     f"{kb(svg['raw'])} / {kb(svg['gzip'])} ({svg['count']} stk.) | {by['total']['requests']} |")
    lines += ["", "Celler: KB rå / KB gzip."]
    if w.get("theme_ratio") is not None:
        lines += ["", f"Temaside ÷ bar Material-side: **{w['theme_ratio']}×** gzip, {w['theme_ratio_raw']}× rå "
                      f"(mål ≤ {TARGETS['theme_page_ratio']}×: {met(w['theme_ratio'] <= TARGETS['theme_page_ratio'])}). "
                      "Den bare side er en Material-side med én kort tekst, `font: false` (systemskrifter, som sitet) "
                      "og search-pluginnet."]
        if w.get("theme_ratio_without_search_index") is not None:
            lines += ["", "Uden `search_index.json` (som Material henter ved *hver* kold sideindlæsning, ikke først ved "
                          f"søgning) er forholdet {w['theme_ratio_without_search_index']}× gzip."]
    if w.get("search_index"):
        lines += ["", f"Materials søgeindeks (`search/search_index.json`): {kb(w['search_index']['raw'])} KB rå, "
                      f"{kb(w['search_index']['gzip'])} KB gzip."]
    return lines + [""]


def search_section(r: dict) -> list[str]:
    q = r.get("search")
    if not q:
        return []
    f, m = q["finder"], q["material"]
    lines = [
        "## 3. Søgning: bytes for en typisk session",
        "",
        f"**Citatsøgningen** (`/find-citater/`, Pagefind): siden åbnes koldt (den viser straks de første citater), "
        f"»{'sagsbehandler'}« tastes (60 ms pr. tegn; søgningen venter 250 ms på pause), første tema afkrydses, "
        "»Nulstil søgningen« klikkes. Alle filer under `/citatindeks/` summeres.",
        "",
        ("**Sitesøgningen** (Pagefind, `/soegeindeks/`): en temaside åbnes, »sagsbehandler« tastes i søgefeltet i "
         "sidehovedet og Enter trykkes (formularen går til `/soeg/?q=…`), til der er et resultat. Summeret: alle filer "
         "under `/soegeindeks/`." if m.get("engine") == "pagefind" else
         "**Materials søgning**: en temaside åbnes, søgefeltet fokuseres, og »sagsbehandler« tastes, til der er "
         "et resultat. Summeret: `search_index.json`, søge-workeren og lunr-filerne (uanset hvornår de hentes)."),
        "",
        "| Session | Filer | Rå | gzip | Mål | |",
        "| --- | --- | --- | --- | --- | --- |",
        f"| Citatsøgning, ved sideindlæsning | – | {kb(f['at_load']['raw'])} KB | {kb(f['at_load']['gzip'])} KB | | |",
        f"| Citatsøgning, hele sessionen | {f['files']} | {kb(f['session']['raw'])} KB | {kb(f['session']['gzip'])} KB | "
        f"≤ {TARGETS['search_kb']} KB | {met(f['session']['gzip'] / KB <= TARGETS['search_kb'])} |",
        f"| {_site_search_name(q)} | {m['search_files']['requests']} | {kb(m['search_files']['raw'])} KB | "
        f"{kb(m['search_files']['gzip'])} KB | "
        f"≤ {TARGETS['search_kb']} KB | {met(m['search_files']['gzip'] / KB <= TARGETS['search_kb'])} |",
        "",
        f"Citatsøgningen, første resultat efter kold sideindlæsning (navigationsstart → første citat i listen): "
        f"{', '.join(_ms(v['first_result_ms']) for v in f.get('first_result_runs_ms', []))} ms (median "
        f"{_ms(_first_ms(q))} ms; sidens `load`-hændelse alene: median {_ms(_load_ms(q))} ms). "
        f"{_site_search_name(q)}: første resultat {m['result_seconds_from_focus']:.2f} s efter første tastetryk "
        f"(inkl. tastetiden, {len('sagsbehandler')} × 60 ms, og for Pagefind sideskiftet til `/soeg/`). Filer: "
        + ", ".join(f"`{name}`" for name in m["files"]) + ".",
        "",
    ]
    return lines


def scale_section(r: dict) -> list[str]:
    s = r.get("scale")
    if not s:
        return []
    lines = [
        "## 4. Skala",
        "",
        "`scripts/synthetic_corpus.py` lægger et tydeligt falsk korpus i en kopi af projektet: publikationen "
        "`syntetisk-2099` med kildetekst i `data/sources/syntetisk-2099.txt` (så den ordrette kontrol består) og "
        "fortællinger i `data/quotes/syntetisk-2099/testimonies.yml`, hver med teksten »SYNTETISK TESTTEKST nr. …« "
        "fulgt af ord fra en lille dansk ordliste (seedet tilfældighed, samme længdefordeling som de rigtige), så "
        "der i alt er 10× og 100× dagens fortællinger; desuden 10 syntetiske bølger (`data/survey/2090`–`2099`, "
        "`synthetic: true`, spørgsmål kopieret fra 2025, tilfældige andele). 1× er dagens data uden syntetisk "
        "tillæg. Hver bygning har en tidsgrænse; en bygning, der ikke bliver færdig, står som sådan.",
        "",
        "| Størrelse | Fortællinger | Bygning | Peak RSS | Sider | Site | Sitesøgningens indeks | "
        "Citatindeks | Citatsøgning, session (gzip) | Første resultat (median) | Sitesøgning, session (gzip) | "
        "Sitesøgning, første resultat |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for factor, e in sorted(s.items(), key=lambda kv: int(kv[0])):
        lines.append(_scale_row(f"{factor}×", e["corpus"], e["build"], e.get("site") if "what_if" not in e else None,
                                e.get("search") if "what_if" not in e else None))
        if "what_if" in e:
            lines.append(_scale_row(f"{factor}× what-if", e["corpus"], e["what_if"]["build"], e.get("site"), e.get("search")))
    if any("what_if" in e for e in s.values()):
        lines += ["", "*What-if*: den samme bygning med Pagefinds Python-API lappet (ventetiden på 0,1 s pr. svar i "
                      "`PagefindService._wait_for_responses` fjernet via en `sitecustomize.py` på `PYTHONPATH` i "
                      "kopien) – for at kunne måle sitet og søgningen i den størrelse. Projektets kode er urørt."]
    return lines + [""]


def _thousands(n: int) -> str:
    return f"{n:,}".replace(",", " ")


def _quotes_100(r: dict) -> int:
    """Quotes at 100×: today's quotes plus 99 × today's testimonies."""
    one = (r.get("scale") or {}).get("1", {})
    quotes = one.get("quotes") or 305
    testimonies = (one.get("corpus") or {}).get("testimonies") or 246
    return quotes + 99 * testimonies


def _scale_row(label: str, corpus: dict, build: dict, site: dict | None, search: dict | None) -> str:
    cells = [label, f"{corpus['testimonies']:,}".replace(",", " "), secs(build), f"{build['peak_rss_mib']} MiB"]
    if site:
        idx = site.get("search_index") or {}
        index = f"{site['site_index_mib']} MiB (Pagefind)" if site.get("site_index_mib") is not None else \
            f"{mb(idx.get('raw'))} / {mb(idx.get('gzip'))} MiB (`search_index.json` rå / gzip)"
        cells += [str(site["pages"]), f"{site['site_mib']} MiB", index,
                  f"{site['finder_index_mib']} MiB"]
    else:
        cells += ["–"] * 4
    if search:
        m = search["material"]
        cells += [f"{kb(search['finder']['session']['gzip'])} KB", f"{_ms(_first_ms(search))} ms",
                  f"{kb(m['search_files']['gzip'])} KB", f"{m['result_seconds_from_focus']:.2f} s"]
    else:
        cells += ["–"] * 4
    return "| " + " | ".join(cells) + " |"


def analysis(r: dict) -> list[str]:
    lines = ["## Analyse", ""]
    b = r.get("build") or {}
    rows = {row["label"]: row["seconds"] for row in (b.get("profile") or {}).get("rows", [])}
    total = next((v for k, v in rows.items() if k.startswith("Hele")), None)
    pagefind = next((v for k, v in rows.items() if "Pagefind" in k and v is not None), None)
    macros = next((v for k, v in rows.items() if k.startswith("Makroer")), None)
    rt = b.get("pagefind_round_trip") or {}
    if total and pagefind is not None:
        lines.append(
            f"- **Pagefind-indekserne** tager {pagefind:.0f} af {total:.0f} s ({pagefind / total:.0%}) i den profilerede "
            "bygning. Citaterne skrives som én lille HTML-fil hver og indekseres i én kørsel af Pagefinds "
            "kommandolinjeprogram (`evidence/search_index.py`). Pagefinds Python-API, som sitet brugte før, sover "
            f"0,1 s før hvert svar: målt {rt.get('ms_per_record', '≈100')} ms pr. citat med ét `add_custom_record` "
            f"ad gangen mod {rt.get('ms_per_record_without_sleep', '<1')} ms uden ventetiden – ved 100× "
            f"(≈ {_thousands(_quotes_100(r))} citater) ville det alene have kostet "
            f"≈ {_quotes_100(r) * (rt.get('ms_per_record') or 100) / 1000 / 60:.0f} min.")
    charts = next((v for k, v in rows.items() if k.startswith("Diagrammer")), None)
    load = next((v for k, v in rows.items() if "heraf data" in k), None)
    if macros is not None and total:
        lines.append(f"- Uden for Pagefind er diagrammerne den største post: {charts or 0:.0f} s (under cProfile) går "
                     "til at bygge Altair-specifikationer (Altairs schema-validering og deep copy) og tegne dem med "
                     f"vl-convert; makroerne i alt tager {macros:.0f} s. Data-indlæsning og validering (YAML med "
                     f"linjenumre, schemas, ordret-kontrol mod kildeteksten) tager {load or 0:.0f} s. MkDocs og Material "
                     "selv (Markdown og skabeloner) er få sekunder – det er hele den bare bygning. Diagrammer kunne "
                     "caches på deres data (samme tal → samme SVG), så en genopbygning kun tegner de ændrede.")
    s = r.get("serve") or {}
    first = s.get("make serve")
    if first and first.get("reflected_seconds") is None and "error" not in first:
        lines.append("- **`make serve` genopbygger ikke, når data/ rettes**: MkDocs overvåger kun `docs/`, `mkdocs.yml` "
                     "og temaet, og `data/` står ikke under `watch:` i `mkdocs.yml` (README lover ellers genindlæsning). "
                     "Tilføj `watch: [data, evidence, macros]`. Også da tager en genopbygning en hel bygning "
                     "(MkDocs bygger alt forfra, inkl. Pagefind-indekset), så målet på 2 s kræver, at indekset enten "
                     "bygges hurtigt (se ovenfor) eller springes over under `serve`.")
    scale = r.get("scale") or {}
    idx = {f: (e.get("site") or {}).get("search_index") for f, e in scale.items()}
    if idx.get("1") and any(idx.get(f) for f in ("10", "100")):
        big = max((f for f in ("10", "100") if idx.get(f)), key=int)
        lines.append(
            f"- **Materials indbyggede søgning skalerer ikke**: `search_index.json` indeholder hele teksten af alle "
            f"sider og hentes i ét stykke, før første resultat: {mb(idx['1']['gzip'])} MiB gzip ved 1×, "
            f"{mb(idx[big]['gzip'])} MiB ved {big}× – lineært med korpusset – og lunr bygger indekset i browseren "
            "ved hver sideindlæsning med søgning. Pagefind er delt i bidder: en søgning henter kun de bidder, "
            "ordene står i, plus fragmenter for de viste resultater, så en session vokser langt langsommere. Ved "
            "et korpus i 100×-størrelsen bør Materials søgning enten udelukke citatlisterne (`search: exclude` i "
            "sidernes front matter, så citaterne kun findes via citatsøgningen) eller erstattes af Pagefind for hele sitet.")
    q = r.get("search")
    if q and "finder" in q:
        first, load = _first_ms(q), _load_ms(q)
        if first is not None and load is not None:
            lines.append(
                f"- Citatsøgningens første resultat kommer {first:.0f} ms efter navigationsstart; sidens egen "
                f"`load`-hændelse ligger ved {load:.0f} ms. Resten er Pagefind, der først startes efter `load` (via "
                "Materials `document$`): `pagefind.js` importeres, WebAssembly og metadata hentes, alle facetters "
                "filterlister indlæses (`pagefind.filters()`, for at vise antal), en sorteret tom søgning køres, og "
                "fragmenterne til de første 20 citater hentes – ca. 35 forespørgsler, før det første citat står der. "
                "At starte Pagefind tidligere (`preload`/`init()` ved script-indlæsning i stedet for ved `document$`) "
                "og hente filterlisterne efter første visning ville flytte første resultat mod sidens `load`.")
    lines.append("- Hvad der ville ændre billedet: en host uden gzip (alle tal ovenfor stiger til »rå«), "
                 "langsommere netværk (målingerne er fra 127.0.0.1 uden latens, så tiderne er CPU-tid i browseren), "
                 "og en hurtigere Pagefind-indeksering, som ville gøre makroer og validering til de dominerende "
                 "byggeomkostninger.")
    return lines + [""]
