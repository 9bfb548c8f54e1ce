"""`make test` and `make serve` install exactly the locked packages, so two fresh machines build the same site."""

from __future__ import annotations

import re

from conftest import ROOT

_PIN = re.compile(r"^([A-Za-z0-9_.\[\]-]+)==(\S+)", re.M)


def _name(requirement: str) -> str:
    return re.sub(r"\[.*\]", "", requirement).lower().replace("_", "-")


def _locked() -> dict[str, tuple[str, str]]:
    """Each locked package's version and its entry (the lines up to the next package)."""
    text = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    entries = re.split(r"\n(?=[A-Za-z0-9])", text)
    locked = {}
    for entry in entries:
        if match := _PIN.match(entry):
            locked[_name(match[1])] = (match[2], entry)
    return locked


def test_every_pinned_requirement_is_locked_at_its_version():
    locked = _locked()
    for file in ("requirements.txt", "requirements-dev.txt"):
        for name, version in _PIN.findall((ROOT / file).read_text(encoding="utf-8")):
            assert locked.get(_name(name), ("missing",))[0] == version, (
                f"{file}: {name}=={version} is not in requirements.lock at that version; run `make lock`")


def test_every_locked_package_carries_a_hash():
    unhashed = [name for name, (_, entry) in _locked().items() if "--hash=sha256:" not in entry]
    assert _locked() and not unhashed, f"without a hash in requirements.lock: {unhashed}"


def test_make_installs_from_the_lock_with_hashes_required():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "pip install --quiet --require-hashes --no-deps -r requirements.lock" in makefile
    assert "-r requirements-dev.txt" not in makefile.split("lock:")[0]
