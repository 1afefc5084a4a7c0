"""Where the local archive of `rasoat index` lives unless --store says otherwise."""
from pathlib import Path

DEFAULT_STORE = Path(".rasoat/archive")
