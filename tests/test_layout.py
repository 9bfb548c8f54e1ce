"""The package shows the pipeline: data → load → model → html and pages → publish, and stays easy to live in.

A module may import only from its own stage and the stages before it, no modules import each other in a
circle, and no module grows past about 400 lines (ARCHITECTURE.md)."""

from __future__ import annotations

import ast

import pytest
from conftest import ROOT

STAGES = {"cache_entries": 0, "urls": 0, "load": 0, "model": 1, "html": 2, "pages": 3, "publish": 4}
MAX_LINES = 400


def modules() -> dict[str, set[str]]:
    """Every module of evidence/ and the evidence modules it imports."""
    found = {}
    for path in sorted((ROOT / "evidence").rglob("*.py")):
        name = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        imported = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("evidence"):
                imported |= {f"{node.module}.{alias.name}" for alias in node.names} | {node.module}
        found[name] = imported
    return {name: {i for i in imported if i in found and i != name} for name, imported in found.items()}


def stage(module: str) -> int | None:
    parts = module.split(".")
    return STAGES.get(parts[1]) if len(parts) > 1 else None


def test_every_module_belongs_to_a_stage():
    loose = [m for m in modules() if m != "evidence" and stage(m) is None]
    assert not loose, f"modules outside the stages {sorted(STAGES)}: {loose}"


def test_no_module_imports_a_later_stage():
    upward = [f"{m} → {i}" for m, imported in modules().items() for i in imported
              if stage(m) is not None and stage(i) is not None and stage(i) > stage(m)]
    assert not upward, upward


def test_no_import_cycle():
    graph = modules()
    state: dict[str, int] = {}

    def visit(module: str, path: list[str]) -> list[str] | None:
        state[module] = 1
        for imported in sorted(graph[module]):
            if state.get(imported) == 1:
                return [*path, module, imported]
            if imported not in state and (cycle := visit(imported, [*path, module])):
                return cycle
        state[module] = 2
        return None

    for module in sorted(graph):
        if module not in state:
            cycle = visit(module, [])
            assert cycle is None, " → ".join(cycle)


@pytest.mark.parametrize("path", sorted((ROOT / "evidence").rglob("*.py")), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_no_module_is_over_size(path):
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{path.relative_to(ROOT)} has {lines} lines; split it by what it holds"


def test_the_macros_module_only_registers():
    tree = ast.parse((ROOT / "macros/main.py").read_text(encoding="utf-8"))
    functions = [node.name for node in tree.body if isinstance(node, ast.FunctionDef)]
    assert "define_env" in functions and len(functions) <= 3, functions
