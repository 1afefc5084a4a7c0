"""Model files and their catalogue (installed as `service.models`; this folder is its package dir).

    from service.models import catalogue_entry, ensure_built
    entry = catalogue_entry("multilingual-e5-small")     # name, licence, sha256 of source and build
    path = ensure_built()                                # built on first use: `rasoat models build`

`catalogue.yaml` ships as package data, so a wheel install finds it; built files go to
`$RASOAT_MODELS_DIR` (default `~/.cache/rasoat/models`), never into the installed package.
"""
from .catalogue import CATALOGUE, catalogue_entry, load_catalogue
from .build import BuildError, build, ensure_built, is_built, models_dir, verify

__all__ = ["CATALOGUE", "BuildError", "build", "catalogue_entry", "ensure_built", "is_built", "load_catalogue",
           "models_dir", "verify"]
