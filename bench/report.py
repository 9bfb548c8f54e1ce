"""The one generated table in BENCHMARKS.md, from bench/results.json: each measurement, its target, met or not."""

from __future__ import annotations

from pathlib import Path

START, END = "<!-- bench:start -->", "<!-- bench:end -->"
KB = 1024


def num(value: float, digits: int = 1) -> str:
    """A number as Danish text writes it: decimal comma."""
    return f"{value:.{digits}f}".replace(".", ",")


def status(ok: bool | None) -> str:
    """Met or missed, bold so a miss stands out; blank where there is no target."""
    return "" if ok is None else ("**opfyldt**" if ok else "**ikke opfyldt**")


def size(b: dict) -> str:
    """Bytes of a page or session: gzip first (what a host sends), then raw and the number of files."""
    return f"{num(b['gzip'] / KB)} KB gzip ({num(b['raw'] / KB)} KB rå, {b['requests']} filer)"


def build_rows(r: dict) -> list[list[str]]:
    """Full builds ÷ the bare build, by medians."""
    med, rows = r["median"], []
    for kind, label, limit in (("unchanged", "Bygning, intet ændret", 1.5),
                               ("edited", "Bygning efter rettelse af ét citat", None),
                               ("cold", "Kold bygning (frisk kopi, intet i cache)", 4.0)):
        ratio = med[kind] / med["bare"] if med.get(kind) and med.get("bare") else None
        value = "fejlede" if ratio is None else f"{num(ratio, 2)}× ({num(med[kind])} s ÷ {num(med['bare'])} s)"
        rows.append([f"{label} ÷ bar `mkdocs build` (1×)", value, *target(ratio, limit, f"≤ {num(limit or 0)}×")])
    return rows


def target(value: float | None, limit: float | None, text: str) -> list[str]:
    """The target and whether the value meets it; a missing value (failed, timed out) misses it."""
    if limit is None:
        return ["–", ""]
    return [text, status(value is not None and value <= limit)]


def serve_rows(r: dict) -> list[list[str]]:
    """Edit in data/ → page served with it, median of the edits."""
    each = " / ".join(num(s, 2) for s in r["seconds_each"])
    value = f"{num(r['seconds'], 2)} s (median af {len(r['seconds_each'])}: {each} s)"
    return [["`mkdocs serve`: rettelse i data/ → siden viser den", value, *target(r["seconds"], 2, "≤ 2 s")]]


def weight_rows(r: dict) -> list[list[str]]:
    """Every page type's bytes, then the theme page against bare Material: the only one with a target."""
    rows = [[f"Sidevægt: {name} (`{b['url']}`)", size(b), "–", ""] for name, b in r["pages"].items()]
    theme, bare = r["pages"].get("temaside"), r["pages"].get("bar Material-side")
    if theme and bare:
        ratio = theme["gzip"] / bare["gzip"]
        rows.append(["Temaside ÷ bar Material-side", f"{num(ratio, 2)}× gzip ({num(theme['raw'] / bare['raw'], 2)}× rå)",
                     *target(ratio, 1.2, "≤ 1,2×")])
    return rows


def lighthouse_rows(r: dict) -> list[list[str]]:
    """Per page type: mobile performance (median of the runs), layout shift, accessibility and bytes transferred;
    a testimony collection page also against its weight target."""
    rows = []
    for name, p in ((k, v) for k, v in r.items() if isinstance(v, dict) and "url" in v):
        runs = " / ".join(str(x) for x in p["performance_all"])
        rows.append([f"Lighthouse {r['version']}, mobil: {name} (`{p['url']}`)",
                     f"ydelse {p['performance']} ({runs}); CLS {num(p['cls'], 3)}; tilgængelighed {p['accessibility']}; "
                     f"{num(p['transfer_bytes'] / KB)} KB overført; {p['dom_elements']} DOM-elementer",
                     "ydelse ≥ 95, CLS < 0,1",
                     status(p["performance"] >= 95 and p["cls_max"] < 0.1)])
        if name == "citatsamling":
            rows.append([f"Citatsamling (`{p['url']}`): overført, komprimeret", f"{num(p['transfer_bytes'] / KB)} KB",
                         "< 300 KB", status(p["transfer_bytes"] / KB < 300)])
    return rows


def search_rows(factor: str, r: dict) -> list[list[str]]:
    """Build time, finder times and session bytes at one corpus size."""
    at = f"ved {factor}×"
    if "error" in r:
        return [[f"Bygning og søgning {at}", f"fejlede: {r['error']}", "", ""]]
    rows = [[f"Kold bygning {at} ({r['testimonies']:,} fortællinger)".replace(",", " "), f"{num(r['build_seconds'])} s", "–", ""]]
    for key, label, limit in (("first_ms", "første citat vist", None),
                              ("enter_ms", "Enter → resultater for »sagsbehandler«", 300),
                              ("facet_ms", "tema afkrydset → nye resultater", 300)):
        value = r.get(key)
        rows.append([f"Citatsøgning {at}: {label}", "intet resultat" if value is None else f"{value:.0f} ms",
                     *target(value, limit, f"≤ {limit} ms")])
    for key, label, limit in (("finder_bytes", "Citatsøgning", 1024), ("site_search_bytes", "Sitesøgning", 300)):
        rows.append([f"{label} {at}: bytes pr. session", size(r[key]), *target(r[key]["gzip"] / KB, limit, f"≤ {limit} KB gzip")])
    return rows + relevance_rows(factor, r.get("relevance"))


def relevance_rows(factor: str, r: dict | None) -> list[list[str]]:
    """Phrases of six words from every quote: how often the quote is the first hit, and the mean reciprocal rank."""
    if not r:
        return []
    goal = 98 if factor == "1" else 95
    rows = []
    for page, label in (("citatsøgning", "Citatsøgning"), ("sitesøgning", "Sitesøgning")):
        one = r[page]
        value = (f"success@1 {num(100 * one['success_at_1'])} %, MRR {num(one['mrr'], 3)} "
                 f"({r['phrases']} fraser fra {r['quotes']} citater; median {one['median_ms']} ms pr. søgning)")
        rows.append([f"{label} ved {factor}×: en frase på seks ord finder sit citat først", value, f"≥ {goal} %",
                     status(100 * one["success_at_1"] >= goal)])
        if shown := r.get("pasted", {}).get(page):
            missing = f"; {shown['not_shown']} uden citatet" if shown["not_shown"] else ""
            value = ("intet citat vist" if shown["median_ms"] is None else
                     f"median {shown['median_ms']} ms, længst {shown['max_ms']} ms "
                     f"({shown['phrases']} fraser, hver i et nyt besøg{missing})")
            ok = None if shown["median_ms"] is None else shown["median_ms"] <= 300 and not shown["not_shown"]
            rows.append([f"{label} ved {factor}×: frase indsat, Enter → citatet vist", value, "median ≤ 300 ms", status(ok)])
    return rows


def caption(results: dict) -> str:
    """Machine, and when and on which commit each step was measured (steps may come from different runs)."""
    m = results.get("machine", {})
    runs: dict[tuple, list[str]] = {}
    for step in ("build", "serve", "weight", "lighthouse"):
        if "stamp" in results.get(step, {}):
            runs.setdefault(tuple(results[step]["stamp"].values()), []).append(step)
    for factor, r in sorted(results.get("search", {}).items(), key=lambda kv: int(kv[0])):
        runs.setdefault(tuple(r["stamp"].values()), []).append(f"search {factor}×")
    when = "; ".join(f"{', '.join(steps)}: {date}, commit `{commit}`, load {num(load)}"
                     for (date, commit, load), steps in runs.items())
    return (f"*Maskine: {m.get('cpus')} CPU'er ({m.get('cpu')}), {m.get('ram_gib')} GiB RAM, Python {m.get('python')}, "
            f"{m.get('chromium')}. Målt: {when}. Rådata: `bench/results.json`.*")


def render(results: dict) -> str:
    """The block between the markers: caption and the table, one row per measurement."""
    rows: list[list[str]] = []
    for step, label, make in (("build", "Bygning", build_rows), ("serve", "`mkdocs serve`", serve_rows),
                              ("weight", "Sidevægt", weight_rows), ("lighthouse", "Lighthouse", lighthouse_rows)):
        if step in results:
            r = results[step]
            rows += [[label, f"fejlede: {r['error']}", "", ""]] if "error" in r else make(r)
    for factor, r in sorted(results.get("search", {}).items(), key=lambda kv: int(kv[0])):
        rows += search_rows(factor, r)
    table = ["| Måling | Resultat | Mål | |", "| --- | --- | --- | --- |", *("| " + " | ".join(row) + " |" for row in rows)]
    return "\n".join([START, "", caption(results), "", *table, "", END])


def write(markdown: Path, results: dict) -> None:
    """Replace only the generated block; the notes around it are written by hand and stay as they are."""
    text = markdown.read_text(encoding="utf-8") if markdown.is_file() else "# Benchmarks\n\n"
    if START in text and END in text:
        text = text[:text.index(START)] + render(results) + text[text.index(END) + len(END):]
    else:
        text = text.rstrip("\n") + "\n\n" + render(results) + "\n"
    markdown.write_text(text, encoding="utf-8")
