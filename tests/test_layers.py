"""The package's imports follow the layer order written in ARCHITECTURE.md: none runs up, none loops."""
from __future__ import annotations

import ast
import re
from fnmatch import fnmatchcase
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = {"service": ROOT / "service", "service.models": ROOT / "models"}   # setup.py's package_dir


def layers() -> list[tuple[str, list[str]]]:
    """(name, entries) bottom to top, from the ```layers block of ARCHITECTURE.md."""
    text = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")
    block = re.search(r"```layers\n(.*?)```", text, re.S).group(1)
    rows = [line.split(":", 1) for line in block.splitlines() if line.strip()]
    return [(name.strip(), [e.strip() for e in entries.split(",")]) for name, entries in rows]


def modules() -> dict[str, Path]:
    """Every module of the installed package, by dotted name."""
    found: dict[str, Path] = {}
    for package, folder in PACKAGES.items():
        for path in folder.rglob("*.py"):
            parts = list(path.relative_to(folder).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join([package, *parts])] = path
    return found


def imports(name: str, path: Path, known: set[str]) -> set[str]:
    """The package's modules that `name` imports anywhere in its body."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")[:len(package.split(".")) - node.level + 1] if node.level else []
            module = ".".join(base + ([node.module] if node.module else []))
            out |= {f"{module}.{a.name}" if f"{module}.{a.name}" in known else module for a in node.names}
        elif isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "_EXPORTS" for t in node.targets):
            out |= {package + v.value for v in node.value.values if isinstance(v, ast.Constant)}  # lazy exports
    return {m for m in out if m in known and m != name}


def layer_of(name: str, order: list[tuple[str, list[str]]]) -> int:
    """The index of the layer whose most specific entry covers `name`."""
    best: tuple[int, int] | None = None
    for index, (_, entries) in enumerate(order):
        for entry in entries:
            covers = fnmatchcase(name, entry) or (entry != "service" and name.startswith(entry + "."))
            if covers and (best is None or len(entry) > best[0]):
                best = (len(entry), index)
    assert best is not None, f"{name} is in no layer of ARCHITECTURE.md"
    return best[1]


def graph() -> dict[str, set[str]]:
    found = modules()
    return {name: imports(name, path, set(found)) for name, path in found.items()}


def test_the_layer_block_is_read():
    names = [name for name, _ in layers()]
    assert names[0] == "foundation" and "cli" in names and len(names) == len(set(names))
    assert layer_of("service.ingest.ocr.reader", layers()) < layer_of("service.pipeline", layers())
    assert layer_of("service.compare.command", layers()) == names.index("cli")
    assert layer_of("service.models.catalogue", layers()) < layer_of("service.extract.fields", layers())


def test_no_import_runs_up_a_layer():
    order = layers()
    upward = [f"{a} ({order[layer_of(a, order)][0]}) imports {b} ({order[layer_of(b, order)][0]})"
              for a, targets in graph().items() for b in targets if layer_of(b, order) > layer_of(a, order)]
    assert not upward, "\n".join(sorted(upward))


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in edges.get(node, ()):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while (member := stack.pop()) != node:
                component.append(member)
            if component:
                found.append(sorted([node, *component]))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def test_the_checker_finds_a_cycle_and_lazy_imports():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    edges = graph()
    assert "service.batch.orchestrate" in edges["service.batch"]            # _EXPORTS, loaded on first use
    assert "service.ingest.ocr.reader" in edges["service.ingest.pdf"]        # an import inside a function


def test_no_import_cycle():
    assert not cycles(graph()), cycles(graph())
