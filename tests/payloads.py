"""Payloads for every free-text field of the data: the fixture dataset with each field holding markup, template
code or a formula, as a data-only pull request could (tests/test_data_is_text.py, tests/browser/)."""

from __future__ import annotations

import itertools
from pathlib import Path

import yaml

from evidence.load.fidelity import VERBATIM_DOCUMENTS, VERBATIM_FIELDS
from evidence.load.schemas import FILE_SCHEMAS

SCHEMAS = Path(__file__).resolve().parent.parent / "data/schemas"
MARK = "PWN"
PROOF = "pwned-by-data.txt"
PAYLOADS = [
    f"{MARK}a <script>window.__pwn='a'</script>",
    f'{MARK}b <img src="x" onerror="window.__pwn=\'b\'">',
    f'{MARK}c x"></title><script>window.__pwn=\'c\'</script>',
    f"{MARK}d [klik](javascript:window.__pwn='d')",
    f"{MARK}e ![billede](http://evil.example/{MARK}.png) [link](http://evil.example/{MARK})",
    f"{MARK}f {{{{ 'Z' * 3 }}}} {{% for c in 'AB' %}}{{{{ c }}}}-{{% endfor %}} {{# comment #}}",
    f"{MARK}g {{{{ cycler.__init__.__globals__.os.popen('touch {PROOF}').read() }}}}",
    f"{MARK}h <!-- hidden",
    f"{MARK}i =HYPERLINK(\"http://evil.example\",\"klik\")",
]
FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _schemas() -> dict[str, dict]:
    return {p.name.removesuffix(".schema.yml"): yaml.safe_load(p.read_text(encoding="utf-8"))
            for p in SCHEMAS.glob("*.schema.yml")}


def _is_text(node: dict) -> bool:
    return isinstance(node, dict) and node.get("$ref", "").endswith("#/$defs/text")


def _fill(value, node: dict, root: dict, payloads, key: str, verbatim: set[str], exempt: set[str] | None):
    """The value with every free-text field replaced by the next payload; `verbatim` collects the payloads put into
    fields the loader checks against the source."""
    if isinstance(node, dict) and node.get("$ref", "").startswith("#/$defs/"):
        node = root["$defs"][node["$ref"].rsplit("/", 1)[-1]]
    if isinstance(value, dict) and isinstance(node, dict):
        properties = node.get("properties", {})
        return {k: _fill(v, properties.get(k, {}), root, payloads, k, verbatim, exempt) for k, v in value.items()}
    if isinstance(value, list) and isinstance(node, dict):
        return [_fill(v, node.get("items", {}), root, payloads, key, verbatim, exempt) for v in value]
    if isinstance(value, str) and _is_text(node):
        payload = next(payloads)
        if key == "locator":  # looked up in the source up to a note after a semicolon, which is shown as is
            return f"{value}; {payload}"
        if exempt is not None and key not in exempt:
            verbatim.add(payload)
        return payload
    return value


def poison(data: Path) -> set[str]:
    """Fill the data folder's text fields; returns the payloads that must stand in the sources too."""
    schemas, payloads, verbatim = _schemas(), itertools.cycle(PAYLOADS), set()
    for pattern, name in FILE_SCHEMAS:
        if pattern.startswith("anonymity/"):  # the reviewer's word lists and decisions: never on the site
            continue
        for path in sorted(data.glob(pattern)):
            if path.suffix != ".yml":
                continue
            content = yaml.safe_load(path.read_text(encoding="utf-8"))
            schema = schemas[name]
            words: set[str] = set()
            if name in VERBATIM_DOCUMENTS:
                exempt = VERBATIM_DOCUMENTS[name]
                filled = _fill(content, schema, schema, payloads, "", words, exempt)
            else:
                filled = _fill(content, schema, schema, payloads, "", set(), None)
                for field in VERBATIM_FIELDS.get(name, ()):
                    for item in filled if isinstance(filled, list) else []:
                        if isinstance(item.get(field), str) and item[field].startswith(MARK):
                            words.add(item[field])
            verbatim |= words
            path.write_text(yaml.safe_dump(filled, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
    # The review's decisions name words of quotes that now hold payloads instead.
    (data / "anonymity/review.yml").write_text("[]\n", encoding="utf-8")
    for source in data.glob("sources/*.txt"):
        source.write_text(source.read_text(encoding="utf-8") + "\n\n" + "\n\n".join(sorted(verbatim)) + "\n",
                          encoding="utf-8")
    return verbatim
