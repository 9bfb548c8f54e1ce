"""BENCHMARKS.md from the raw results of scripts.bench: tables, targets met or not, short analysis."""

from __future__ import annotations

KB = 1024
TARGETS = {
    "build_ratio": 1.5,
    "serve_seconds": 2.0,
    "theme_page_ratio": 1.2,
    "search_kb": 300,
    "scale_search_kb": 1024,
    "finder_session_kb": 1024,
    "first_result_ms": 300,
    "finder_search_ms": 300,
}
# Files under /citatindeks/ by part of Pagefind (scripts.bench.finder_kind).
FINDER_KINDS = [("js", "`pagefind.js` + worker"), ("wasm", "WebAssembly"), ("meta", "`pf_meta` + `pagefind-entry.json`"),
                ("index", "Indeksbidder (`/index/`)"), ("filter", "Filterbidder (`/filter/`)"),
                ("fragment", "Fragmenter (`/fragment/`)"), ("other", "Andet")]
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
    session = ((search or {}).get("finder") or {}).get("session")
    return session["gzip"] / KB if session else None


def _finder_runs(search: dict | None) -> list[dict]:
    """The cold finder visits: `runs` since the static first page; `first_result_runs_ms` before."""
    finder = (search or {}).get("finder") or {}
    return finder.get("runs") or finder.get("first_result_runs_ms") or []


def _run_median(search: dict | None, key: str) -> float | None:
    return median([run.get(key) for run in _finder_runs(search)])


def _first_ms(search: dict | None) -> float | None:
    return _run_median(search, "first_result_ms")


def _load_ms(search: dict | None) -> float | None:
    return _run_median(search, "load_event_ms")


def _has_latency(search: dict | None) -> bool:
    return bool(search) and "runs" in ((search or {}).get("finder") or {})


def _timeouts(search: dict | None) -> list[str]:
    finder = (search or {}).get("finder") or {}
    found = list(finder.get("timeouts") or [])
    for run in finder.get("runs") or []:
        found += [t for t in run.get("timeouts", []) if t not in found]
    return found


def _latency_text(search: dict | None, key: str) -> str:
    """Median ms of the cold runs, or what stopped the measurement."""
    value = _run_median(search, key)
    if value is not None:
        runs = [run.get(key) for run in _finder_runs(search) if run.get(key) is not None]
        return f"{value:.0f} ms (median af {len(runs)})"
    stopped = [t for run in _finder_runs(search) for t in run.get("timeouts", [])]
    return "ikke målt: " + ("; ".join(stopped) or "ingen kørsler")


def _finder_rows(label: str, search: dict) -> list[tuple]:
    """Summary rows of the quote finder at one size: bytes of a session, first quote, Enter and facet latency."""
    rows = []
    f_kb = _finder_session_kb(search)
    if f_kb is not None:
        rows.append((f"Citatsøgning, én session ved {label} (gzip)", f"≤ {TARGETS['finder_session_kb']} KB",
                     f"{f_kb:,.1f} KB".replace(",", " "), f_kb <= TARGETS["finder_session_kb"]))
    ms = _first_ms(search)
    rows.append((f"Citatsøgning, første citat vist ved {label} (navigationsstart →)", f"≤ {TARGETS['first_result_ms']} ms",
                 f"{_ms(ms)} ms", ms is not None and ms <= TARGETS["first_result_ms"]))
    if _has_latency(search):
        for key, what in (("enter_ms", "Enter → resultater for »sagsbehandler«"),
                          ("facet_ms", "tema afkrydset → nye resultater")):
            value = _run_median(search, key)
            rows.append((f"Citatsøgning, {what} ved {label}", f"≤ {TARGETS['finder_search_ms']} ms",
                         _latency_text(search, key), None if value is None else value <= TARGETS["finder_search_ms"]))
    return rows


def summary(r: dict) -> list[str]:
    rows = []
    b = r.get("build")
    verdict = []
    if b and b.get("ratio") is not None:
        for kind, label in BUILD_KINDS:
            ratio = b.get(_ratio_key(kind))
            if ratio is None:
                continue
            seconds = b["full"]["seconds"] if kind == "cold" else b[f"{kind}_median"]
            rows.append((f"Fuld bygning, {label} ÷ bar `mkdocs build` (1×)", f"≤ {TARGETS['build_ratio']}×",
                         f"{ratio}× ({seconds:.1f} s ÷ {b['bare_median']:.1f} s)", ratio <= TARGETS["build_ratio"]))
        verdict = [_build_verdict(b), ""]
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
    if q and "error" in q:
        rows.append(("Søgning (1×)", "–", f"fejlede: {q['error']}", None))
    elif q:
        if _has_latency(q):
            rows += _finder_rows("1×", q)
        else:
            f_kb = _finder_session_kb(q)
            rows.append(("Citatsøgning, én session (1×, gzip)", f"≤ {TARGETS['search_kb']} KB", f"{f_kb:.1f} KB",
                         f_kb <= TARGETS["search_kb"]))
        m_kb = q["material"]["search_files"]["gzip"] / KB
        rows.append((f"{_site_search_name(q)}, én session (1×, gzip)", f"≤ {TARGETS['search_kb']} KB", f"{m_kb:.1f} KB",
                     m_kb <= TARGETS["search_kb"]))
    for factor, entry in sorted(r.get("scale", {}).items(), key=lambda kv: int(kv[0])):
        if "build" not in entry:
            rows.append((f"Skala {factor}×", "–", f"fejlede: {entry.get('error', '?')}", None))
            continue
        search = entry.get("search")
        label = f"{factor}×" + (" (what-if)" if "what_if" in entry else "")
        if factor == "1":
            if search and _has_latency(search) and not (q and _has_latency(q)):
                rows += _finder_rows(label, search)
            continue
        rows.append((f"Bygning ved {factor}× (kold diagram-cache)" if _has_latency(search) else f"Bygning ved {factor}×",
                     "færdig inden for tidsgrænsen", secs(entry["build"]),
                     not entry["build"]["timed_out"] and entry["build"]["returncode"] == 0))
        if search and _has_latency(search):
            rows += _finder_rows(label, search)
            m_kb = search["material"]["search_files"]["gzip"] / KB
            rows.append((f"{_site_search_name(search)}, én session ved {label}", f"≤ {TARGETS['scale_search_kb']} KB",
                         f"{m_kb:,.0f} KB".replace(",", " "), m_kb <= TARGETS["scale_search_kb"]))
        elif search:
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
    return lines + ["", *verdict]


BUILD_KINDS = [("cold", "alt koldt"), ("edited", "efter en rettelse"), ("warm", "intet ændret")]
BUILD_KIND_TEXT = {
    "cold": "første bygning i en frisk kopi, intet i `.cache/` (frisk klon, ny CI-maskine uden cache)",
    "edited": "efter en rettelse af ét citat: data læses og kontrolleres igen, og de sider og blokke, der viser "
              "citater, laves igen; talsider, diagrammer og uændrede søgeindekser hentes fra `.cache/`",
    "warm": "intet ændret siden sidste bygning (`make build` igen, CI-gentagelse): byggehukommelsen "
            "`.cache/build/` giver sider og blokke, så data ikke engang indlæses",
}


def _ratio_key(kind: str) -> str:
    return "ratio" if kind == "cold" else f"ratio_{kind}"


def _build_verdict(b: dict) -> str:
    """In plain Danish: which kinds of build meet the target."""
    target = TARGETS["build_ratio"]
    met_kinds = [label for kind, label in BUILD_KINDS if (b.get(_ratio_key(kind)) or target + 1) <= target]
    missed = [f"{label} {_comma(b.get(_ratio_key(kind)))}×" for kind, label in BUILD_KINDS
              if (b.get(_ratio_key(kind)) or target + 1) > target]
    if not missed:
        return f"**Byggetiden opfylder målet på ≤ {_comma(target)}× for alle tre slags bygning.**"
    if not met_kinds:
        return f"**Byggetiden opfylder ikke målet på ≤ {_comma(target)}×**: {', '.join(missed)}."
    return (f"**Byggetiden opfylder målet på ≤ {_comma(target)}× {' og '.join(met_kinds)}**; ikke "
            f"{', '.join(missed)}.")


def _comma(value) -> str:
    return "–" if value is None else f"{value}".replace(".", ",")


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
    ]
    if b.get("warm"):
        charts = b.get("chart_cache") or {}
        lines += [
            "Bygningen gemmer sit arbejde i `.cache/` (git-ignoreret): tegnede diagrammer (`charts/`), "
            "Pagefind-indekser (`pagefind/`) og byggehukommelsen (`build/`: det kontrollerede datasæt, sitets dele "
            "og makroblokkene, hver med digests af de dele af data/, den læste; koden i evidence/ og macros/, "
            "CONTRIBUTING.md og bibliotekernes versioner navngiver det hele). "
            "Den fulde bygning måles derfor på tre måder i **samme** kopi af projektet; de tre slags og den bare "
            f"bygning køres på skift, {len(b['warm'])} gange hver, og medianen bruges:",
            "",
            *[f"- *{label}*: {BUILD_KIND_TEXT[kind]}." for kind, label in BUILD_KINDS],
            "",
            f"Rettelsen: {b.get('edit', '–')}. Diagrammer i cachen efter den kolde bygning: "
            f"{charts.get('after_cold', '–')}; efter rettelserne: {charts.get('after_edited', '–')}.",
            "",
        ]
    lines += [
        "| Bygning | Tid | Peak RSS | Sider |",
        "| --- | --- | --- | --- |",
        f"| Fuld (`make build`), alt koldt | {secs(b['full'])} (heraf `mkdocs build`: "
        f"{b.get('full_mkdocs_seconds') or '–'} s) | {b['full']['peak_rss_mib']} MiB | {b.get('bare_pages', '–')} |",
    ]
    for kind, label in (("warm", "Fuld (`make build`), intet ændret"), ("edited", "Fuld (`make build`), efter en rettelse"),
                        ("bare", "Bar `mkdocs build`")):
        for i, run in enumerate(b.get(kind, []), 1):
            lines.append(f"| {label}, kørsel {i} | {secs(run)} | {run['peak_rss_mib']} MiB | {b.get('bare_pages', '–')} |")
    if b.get("ratio") is not None:
        lines += ["", f"Forhold fuld ÷ bar (medianer), mål ≤ {TARGETS['build_ratio']}×: " + "; ".join(
            f"{label} **{_comma(b.get(_ratio_key(kind)))}×**" for kind, label in BUILD_KINDS) + ".",
                  "", _build_verdict(b)]
    p = b.get("profile")
    if p:
        cache = (" Den profilerede bygning kommer **efter en rettelse** af ét citat (diagrammerne og alt, hvad der "
                 "ikke viser citater, ligger i cachen), så den viser projektets eget arbejde, når data er ændret."
                 if b.get("profiled_cache") == "edited" else "")
        lines += ["", "### Hvad bygningen bruger tiden på", "",
                  f"Én bygning under cProfile (`python -m cProfile -m mkdocs build`, {secs(b['profiled'])} inkl. "
                  "profileringens eget overhead). Tider er kumulative, så underpunkter (»heraf«) indgår i linjen over."
                  + cache,
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
        "citatsøgningen henter ved sideindlæsning (står der intet, henter den først Pagefind, når læseren begynder at "
        "søge). KB = 1024 bytes.",
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
    if "finder" not in q:
        return ["## 3. Søgning", "", f"Målingen fejlede: {q.get('error', '?')}", ""]
    if _has_latency(q):
        return finder_section(q)
    f, m = q["finder"], q["material"]
    lines = [
        "## 3. Søgning: bytes for en typisk session",
        "",
        f"**Citatsøgningen** (`/find-citater/`, Pagefind): siden åbnes koldt (den viser straks de første citater), "
        f"»{'sagsbehandler'}« tastes (60 ms pr. tegn; søgningen venter 250 ms på pause), første tema afkrydses, "
        "»Nulstil søgningen« klikkes. Alle filer under `/citatindeks/` summeres.",
        "",
        site_search_text(m),
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


def site_search_text(m: dict) -> str:
    """How the site-search session was walked: Pagefind now, Material's search in older results."""
    if m.get("engine") == "pagefind":
        return ("**Sitesøgningen** (Pagefind, `/soegeindeks/`): en temaside åbnes, »sagsbehandler« tastes i søgefeltet "
                "i sidehovedet og Enter trykkes (formularen går til `/soeg/?q=…`), til der er et resultat. Summeret: "
                "alle filer under `/soegeindeks/`.")
    return ("**Materials søgning**: en temaside åbnes, søgefeltet fokuseres, og »sagsbehandler« tastes, til der er "
            "et resultat. Summeret: `search_index.json`, søge-workeren og lunr-filerne (uanset hvornår de hentes).")


FINDER_SESSION_TEXT = (
    "**Citatsøgningen** (`/find-citater/`, Pagefind i `/citatindeks/`): siden åbnes koldt (ny browserkontekst); de "
    "første citater står i sidens HTML. Søgefeltet klikkes (så begynder siden at hente Pagefind), »sagsbehandler« "
    "tastes (60 ms pr. tegn; søgningen starter efter 250 ms pause), og der ventes, til `#ev-finder` har "
    "`data-query=\"sagsbehandler\"` og `data-state=\"ready\"`. Så foldes Tema ud (dens antal for søgningen hentes), "
    "det første tema afkrydses, og der ventes på de nye "
    "resultater (`data-state=\"ready\"` igen), og til sidst klikkes »Nulstil søgningen«, til listen er tilbage "
    "(`data-state=\"static\"`). Efter hvert trin ventes, til serveren har været stille i 0,4 s. Alle filer under "
    "`/citatindeks/` summeres. Mål: ≤ 1 MB (1024 KB) gzip pr. session ved alle størrelser.")

LATENCY_TEXT = (
    "**Svartid** måles i siden med `performance.now()` i 3 kolde besøg (ny browserkontekst hver gang; median): "
    "*første citat vist* er fra navigationsstart, til det første citat står i listen. *Enter → resultater*: "
    "søgefeltet klikkes, »sagsbehandler« tastes (60 ms pr. tegn, ca. 0,8 s, hvor Pagefind kan nå at blive hentet), og "
    "Enter trykkes straks; uret starter ved Enter-tastens `keydown` og stopper, når søgningens første fund har "
    "erstattet listen (`#ev-finder` har da `data-query=\"sagsbehandler\"`) – det øjeblik, læseren ser det første "
    "resultat; resten af siden med fund følger, efterhånden som de hentes. *Tema → nye resultater*: derefter "
    "foldes Tema ud (felterne starter sammenfoldet), og det første tema afkrydses; uret starter ved "
    "`change`-hændelsen og stopper, når det første nye fund har erstattet listen. Mål: ≤ 300 ms. "
    "Målingerne er fra 127.0.0.1 uden netværkslatens.")


def finder_section(q: dict) -> list[str]:
    f, m = q["finder"], q["material"]
    phases = f.get("phases") or {}
    names = [("load", "Ved sideindlæsning"), ("search", "Søgning (fokus + »sagsbehandler«)"),
             ("facet", "Første tema afkrydset"), ("reset", "Nulstil")]
    session_ok = f["session"]["gzip"] / KB <= TARGETS["finder_session_kb"]
    lines = [
        "## 3. Søgning: bytes og svartid",
        "",
        FINDER_SESSION_TEXT,
        "",
        site_search_text(m),
        "",
        "| Session | Forespørgsler | Rå | gzip | Mål | |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for key, name in names:
        if key in phases:
            lines.append(f"| Citatsøgning, {name[0].lower() + name[1:]} | {phases[key]['requests']} | "
                         f"{kb(phases[key]['raw'])} KB | {kb(phases[key]['gzip'])} KB | | |")
    lines += [
        f"| **Citatsøgning, hele sessionen** | {f['session']['requests']} ({f['files']} filer) | {kb(f['session']['raw'])} KB | "
        f"**{kb(f['session']['gzip'])} KB** | ≤ {TARGETS['finder_session_kb']} KB | {met(session_ok)} |",
        f"| {_site_search_name(q)} | {m['search_files']['requests']} | {kb(m['search_files']['raw'])} KB | "
        f"{kb(m['search_files']['gzip'])} KB | ≤ {TARGETS['search_kb']} KB | "
        f"{met(m['search_files']['gzip'] / KB <= TARGETS['search_kb'])} |",
        "",
    ]
    if f.get("by_kind"):
        lines += ["Citatsøgningens session fordelt på Pagefinds filer (KB rå / KB gzip, forespørgsler):", "",
                  "| Del af Pagefind | Rå / gzip | Forespørgsler |", "| --- | --- | --- |"]
        lines += [f"| {name} | {kb(f['by_kind'][k]['raw'])} / {kb(f['by_kind'][k]['gzip'])} | {f['by_kind'][k]['requests']} |"
                  for k, name in FINDER_KINDS if k in f["by_kind"]]
        lines.append("")
    if f.get("timeouts"):
        lines += ["Tidsgrænser i sessionen (målingen fortsatte med næste trin): " + "; ".join(f["timeouts"]) + ".", ""]
    lines += [LATENCY_TEXT, "", "| Kørsel | Første citat vist | `load`-hændelse | Pagefind-filer ved indlæsning | "
              "Enter → resultater | Pagefind-filer efter Enter | Tema → nye resultater | Pagefind-filer efter afkrydsning |",
              "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    for i, run in enumerate(_finder_runs(q), 1):
        lines.append(f"| {i} | {_ms(run.get('first_result_ms'))} ms | {_ms(run.get('load_event_ms'))} ms | "
                     f"{_files(run.get('index_at_load'))} | {_ms(run.get('enter_ms'))} ms | "
                     f"{_files(run.get('index_after_enter'))} | {_ms(run.get('facet_ms'))} ms | "
                     f"{_files(run.get('index_after_facet'))} |")
    lines += ["", "Pagefind-filer: antal forespørgsler under `/citatindeks/` (KB gzip), talt ved serveren fra trinnet "
                  "begyndte, til serveren var stille; filer, Pagefind begyndte at hente under tastningen, tæller med "
                  "efter Enter, hvis de først blev sendt efter Enter."]
    lines += ["", f"Median: første citat vist {_ms(_first_ms(q))} ms (sidens `load`-hændelse: {_ms(_load_ms(q))} ms); "
                  f"Enter → resultater {_latency_text(q, 'enter_ms')}; tema → nye resultater "
                  f"{_latency_text(q, 'facet_ms')}. Mål ≤ {TARGETS['finder_search_ms']} ms."]
    focus = _run_median(q, "focus_to_enter_ms")
    if focus is not None:
        lines += ["", f"Fra klik i søgefeltet til Enter gik der {focus / 1000:.1f} s (tastetiden).".replace(".", ",", 1)]
    if any(run.get("timeouts") for run in _finder_runs(q)):
        lines += ["", "Tidsgrænser i svartidsmålingen (de resterende kørsler blev sprunget over): "
                      + "; ".join(t for run in _finder_runs(q) for t in run.get("timeouts", [])) + "."]
    lines += ["", f"{_site_search_name(q)}: første resultat {m['result_seconds_from_focus']:.2f} s efter første "
                  f"tastetryk (inkl. tastetiden, {len('sagsbehandler')} × 60 ms, og for Pagefind sideskiftet til "
                  "`/soeg/`). Filer: " + ", ".join(f"`{name}`" for name in m["files"]) + ".", ""]
    return lines


def _files(total: dict | None) -> str:
    return "–" if not total else f"{total['requests']} ({kb(total['gzip'])} KB)"


def finder_kinds_table(s: dict) -> list[str]:
    """The quote finder's session bytes by part of Pagefind, one row per size."""
    sizes = [(factor, ((e.get("search") or {}).get("finder") or {}).get("by_kind"))
             for factor, e in sorted(s.items(), key=lambda kv: int(kv[0]))]
    sizes = [(factor, by) for factor, by in sizes if by]
    if not sizes:
        return []
    lines = ["Citatsøgningens session (åbn, søg »sagsbehandler«, afkryds første tema, nulstil) fordelt på Pagefinds "
             "filer, KB rå / KB gzip:", "",
             "| Størrelse | " + " | ".join(name for _, name in FINDER_KINDS) + " | I alt | Mål (gzip) | |",
             "| --- | " + " | ".join("---" for _ in FINDER_KINDS) + " | --- | --- | --- |"]
    for factor, by in sizes:
        cells = [f"{kb(by[k]['raw'])} / {kb(by[k]['gzip'])}" if k in by else "–" for k, _ in FINDER_KINDS]
        lines.append(f"| {factor}× | " + " | ".join(cells) + f" | **{kb(by['total']['raw'])} / {kb(by['total']['gzip'])}** | "
                     f"≤ {TARGETS['finder_session_kb']} KB | {met(by['total']['gzip'] / KB <= TARGETS['finder_session_kb'])} |")
    return [*lines, ""]


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
        "fulgt af ordsalat trukket fra de rigtige fortællingers ord med deres rigtige hyppighed (seedet tilfældighed, "
        "samme længdefordeling som de rigtige), så et ord står i omtrent lige så stor en andel af teksterne som i "
        "dag – »sagsbehandler« i cirka hver sjette; det er den andel, en søgnings arbejde afhænger af. Så "
        "der i alt er 10× og 100× dagens fortællinger; desuden 10 syntetiske bølger (`data/survey/2090`–`2099`, "
        "`synthetic: true`, spørgsmål kopieret fra 2025, tilfældige andele). 1× er dagens data uden syntetisk "
        "tillæg. Hver bygning har en tidsgrænse; en bygning, der ikke bliver færdig, står som sådan.",
        "",
    ]
    latency = any(_has_latency(e.get("search")) for e in s.values())
    if latency:
        lines += [
            "Bygningen er den første i en frisk kopi, altså med tom diagram-cache (kold). Svartiderne er medianen af 3 "
            "kolde besøg, målt som i afsnit 3.",
            "",
            "| Størrelse | Fortællinger | Bygning (kold cache) | Peak RSS | Sider | Site | Sitesøgningens indeks | "
            "Citatindeks | Citatsøgning, session (gzip) | Første citat vist | Enter → resultater | "
            "Tema → nye resultater | Sitesøgning, session (gzip) | Sitesøgning, første resultat |",
            "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
        ]
    else:
        lines += [
            "| Størrelse | Fortællinger | Bygning | Peak RSS | Sider | Site | Sitesøgningens indeks | "
            "Citatindeks | Citatsøgning, session (gzip) | Første resultat (median) | Sitesøgning, session (gzip) | "
            "Sitesøgning, første resultat |",
            "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
        ]
    errors = []
    for factor, e in sorted(s.items(), key=lambda kv: int(kv[0])):
        if "build" not in e:
            errors.append(f"{factor}×: {e.get('error', '?')}")
            continue
        if e.get("search_error"):
            errors.append(f"{factor}×, browsermålingen: {e['search_error']}")
        lines.append(_scale_row(f"{factor}×", e["corpus"], e["build"], e.get("site") if "what_if" not in e else None,
                                e.get("search") if "what_if" not in e else None, latency))
        if "what_if" in e:
            lines.append(_scale_row(f"{factor}× what-if", e["corpus"], e["what_if"]["build"], e.get("site"), e.get("search"),
                                    latency))
    if errors:
        lines += ["", "Fejlede målinger: " + "; ".join(errors) + "."]
    timeouts = [f"{factor}×: {t}" for factor, e in sorted(s.items(), key=lambda kv: int(kv[0]))
                for t in _timeouts(e.get("search"))]
    if timeouts:
        lines += ["", "Tidsgrænser i citatsøgningens målinger: " + "; ".join(timeouts) + "."]
    if latency:
        lines += ["", *finder_kinds_table(s)]
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


def _scale_row(label: str, corpus: dict, build: dict, site: dict | None, search: dict | None, latency: bool = False) -> str:
    cells = [label, f"{corpus['testimonies']:,}".replace(",", " "), secs(build), f"{build['peak_rss_mib']} MiB"]
    if site:
        idx = site.get("search_index") or {}
        index = f"{site['site_index_mib']} MiB (Pagefind)" if site.get("site_index_mib") is not None else \
            f"{mb(idx.get('raw'))} / {mb(idx.get('gzip'))} MiB (`search_index.json` rå / gzip)"
        cells += [str(site["pages"]), f"{site['site_mib']} MiB", index,
                  f"{site['finder_index_mib']} MiB"]
    else:
        cells += ["–"] * 4
    if search and latency:
        m = search["material"]
        cells += [f"{kb(search['finder']['session']['gzip'])} KB", f"{_ms(_first_ms(search))} ms",
                  _short_latency(search, "enter_ms"), _short_latency(search, "facet_ms"),
                  f"{kb(m['search_files']['gzip'])} KB", f"{m['result_seconds_from_focus']:.2f} s"]
    elif search:
        m = search["material"]
        cells += [f"{kb(search['finder']['session']['gzip'])} KB", f"{_ms(_first_ms(search))} ms",
                  f"{kb(m['search_files']['gzip'])} KB", f"{m['result_seconds_from_focus']:.2f} s"]
    else:
        cells += ["–"] * (6 if latency else 4)
    return "| " + " | ".join(cells) + " |"


def _short_latency(search: dict, key: str) -> str:
    value = _run_median(search, key)
    return f"{value:.0f} ms" if value is not None else ("tidsgrænse" if _timeouts(search) else "–")


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
    if macros is not None and total and b.get("warm"):
        lines.append(
            f"- **Hvad cachen sparer**: den kolde bygning tegner {(b.get('chart_cache') or {}).get('after_cold', '–')} "
            f"diagrammer med Altair og vl-convert og bygger begge Pagefind-indekser ({secs(b['full'])}). Efter en "
            "rettelse af et citat læses og kontrolleres alle data igen, og de sider og blokke, der viser citater, "
            "laves igen; talsider, diagrammer og downloads af tal genbruges, uden at pandas indlæses "
            f"(median {b['edited_median']:.1f} s). Når intet er ændret, kommer "
            "datasæt, sider og blokke fra byggehukommelsen, og pandas indlæses slet ikke "
            f"(median {b['warm_median']:.1f} s mod {b['bare_median']:.1f} s for den bare bygning). "
            f"I den profilerede bygning efter en rettelse tager diagrammerne {charts or 0:.2f} s og makroerne i alt "
            f"{macros:.1f} s; data-indlæsning og validering (YAML med linjenumre, schemas, ordret-kontrol mod "
            f"kildeteksten) {load or 0:.1f} s.")
    elif macros is not None and total:
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
    if q and "finder" in q and _has_latency(q):
        first, load, enter = _first_ms(q), _load_ms(q), _run_median(q, "enter_ms")
        at_load = q["finder"].get("at_load") or {}
        text = (f"- **Citatsøgningen** viser de første citater direkte fra sidens HTML: første citat "
                f"{_ms(first)} ms efter navigationsstart (sidens `load`: {_ms(load)} ms), og ved sideindlæsning hentes "
                f"{at_load.get('requests', '–')} filer fra `/citatindeks/` ({kb(at_load.get('gzip'))} KB gzip). ")
        if enter is not None:
            text += (f"Fra Enter til resultaterne for »sagsbehandler« går der {enter:.0f} ms (median; mål ≤ "
                     f"{TARGETS['finder_search_ms']} ms: {met(enter <= TARGETS['finder_search_ms'])}), og en hel session "
                     f"henter {kb(q['finder']['session']['gzip'])} KB gzip.")
        else:
            text += "Svartiden efter Enter blev ikke målt: " + "; ".join(_timeouts(q)) + "."
        lines.append(text)
    elif q and "finder" in q:
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
