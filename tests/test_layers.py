"""The shape of the code, checked: layers run one way (faces -> eval, ingest -> rag) and no module imports
itself back through others. Imports are read from the source (module level, inside functions and under
TYPE_CHECKING alike), so a lazy import cannot hide a circle."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("rag", "ingest", "eval", "ui")
# Which top-level packages each package may import from (besides itself).
ALLOWED = {"rag": set(), "ingest": {"rag"}, "eval": {"rag", "ingest"}, "ui": {"rag", "ingest", "eval"}}


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for pkg in PACKAGES for p in sorted((ROOT / pkg).rglob("*.py"))}


def _imports(path: Path, modules: dict[str, Path]) -> set[str]:
    """Our modules that `path` imports, anywhere in the file; `from a import b` counts `a.b` when b is a module."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [f"{node.module}.{alias.name}" if f"{node.module}.{alias.name}" in modules else node.module
                     for alias in node.names]
        else:
            continue
        for name in names:
            while name and name not in modules:  # `import rag.index.store as s` style: the deepest module known
                name = name.rpartition(".")[0]
            if name:
                found.add(name)
    return found


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    return {name: _imports(path, modules) - {name} for name, path in modules.items()}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph.get(node, ()):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_graph_is_read_from_real_imports():
    graph = _graph()
    assert "rag.engine" in graph["ui.cli"] or "ingest.writer" in graph["ui.cli"]
    assert "rag.text.markers" in graph["rag.answer.verify"]


def test_there_are_no_import_circles():
    assert _cycles(_graph()) == []


def test_the_cycle_finder_finds_a_planted_circle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


@pytest.mark.parametrize("package", PACKAGES)
def test_layers_run_one_way(package):
    wrong = sorted(
        f"{module} imports {target}"
        for module, targets in _graph().items() if module.split(".")[0] == package
        for target in targets
        if target.split(".")[0] != package and target.split(".")[0] not in ALLOWED[package]
    )
    assert wrong == []


def test_rag_sub_packages_say_what_they_hold():
    flat = sorted(p.name for p in (ROOT / "rag").glob("*.py"))
    assert len(flat) <= 8, flat  # the ground floor only: settings, types, errors, ids, choices, engine ...
    for sub in ("text", "index", "answer", "generation"):
        assert (ROOT / "rag" / sub / "__init__.py").read_text().startswith('"""'), sub
