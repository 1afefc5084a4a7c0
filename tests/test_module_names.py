"""One module (file) name per job across the package (ARCHITECTURE.md, "Names")."""
from __future__ import annotations

from collections import defaultdict

from test_layers import modules

# Names shared on purpose: each package's CLI sub-command, and a resource's API route beside its
# repository in the store (service/api/routes/<resource>.py, service/store/<resource>.py).
SHARED = {"command": "CLI sub-command", "documents": "resource", "search": "resource"}
# Pending (ARCHITECTURE.md, "Names"): report.py and errors.py are issue 15's files; jobs/limits.py
# waits for issue 15's edit of its importer batch/inputs.py to land.
PENDING = {"report", "errors", "limits"}


def test_every_module_name_is_used_once():
    where: dict[str, list[str]] = defaultdict(list)
    for name, path in modules().items():
        if ".migrations." not in name and path.name != "__init__.py":
            where[name.rpartition(".")[2]].append(name)
    twice = {leaf: names for leaf, names in where.items() if len(names) > 1}
    assert set(twice) <= set(SHARED) | PENDING, {k: v for k, v in twice.items() if k not in SHARED | PENDING}


def test_shared_resource_names_pair_a_route_with_its_store():
    for leaf, role in SHARED.items():
        if role == "resource":
            assert sorted(n for n in modules() if n.endswith("." + leaf)) == \
                [f"service.api.routes.{leaf}", f"service.store.{leaf}"]
