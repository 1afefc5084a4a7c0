"""One module (file) name per job across the package (ARCHITECTURE.md, "Names")."""
from __future__ import annotations

from collections import defaultdict

from test_layers import modules

# Shared on purpose: each package's CLI sub-command; and a resource's API route beside its repository
# in the store (service/api/routes/<resource>.py and service/store/<resource>.py).
COMMAND = "command"
# Pending (ARCHITECTURE.md, "Names"): report.py and errors.py are issue 15's files; jobs/limits.py
# waits for issue 15's edit of its importer batch/inputs.py to land.
PENDING = {"report", "errors", "limits"}


def duplicates() -> dict[str, list[str]]:
    where: dict[str, list[str]] = defaultdict(list)
    for name, path in modules().items():
        if ".migrations." not in name and path.name != "__init__.py":
            where[name.rpartition(".")[2]].append(name)
    return {leaf: sorted(names) for leaf, names in where.items() if len(names) > 1}


def is_resource(leaf: str, names: list[str]) -> bool:
    return names == [f"service.api.routes.{leaf}", f"service.store.{leaf}"]


def test_every_module_name_is_used_once():
    twice = {leaf: names for leaf, names in duplicates().items()
             if leaf != COMMAND and leaf not in PENDING and not is_resource(leaf, names)}
    assert not twice, twice


def test_shared_names_are_commands_or_resources():
    shared = duplicates()
    assert all(name.endswith(".command") for name in shared[COMMAND])
    assert is_resource("documents", shared["documents"]) and is_resource("search", shared["search"])
