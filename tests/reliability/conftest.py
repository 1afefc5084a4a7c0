"""Fixtures for the reliability suite: the hostile inputs of corpora/hostile.py, and the API client
fixtures of tests/api/conftest.py (loaded from there, not copied)."""
import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "ocr"))
sys.path.insert(0, str(Path(__file__).parent))


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_api = _load("rasoat_api_fixtures", ROOT / "tests" / "api" / "conftest.py")
ADMIN, SAMPLES, Api = _api.ADMIN, _api.SAMPLES, _api.Api
api, db_url, settings = _api.api, _api.db_url, _api.settings

