"""Fixtures for OCR tests; helpers live in ocr_helpers.py next to this file."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from ocr_helpers import make_text_image  # noqa: E402


@pytest.fixture
def text_image():
    """A white page strip (300 dpi) with Vietnamese lines typed on it."""
    return make_text_image()
