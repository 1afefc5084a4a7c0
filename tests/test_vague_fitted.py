"""The fitted vagueness score's features: the specificity ladder of ANNOTATION.md §2 from the parts found."""
import numpy as np
import pytest

from service.document import Vagueness
from service.vagueness import fitted


@pytest.mark.parametrize("missing, level", [
    ([], 5.0),                                        # owner, output and deadline
    (["output"], 5.0),                                # a target is a checkable measure too
    (["deadline"], 4.0),
    (["output", "target"], 4.0),                      # owner and a time
    (["output", "target", "deadline"], 3.0),          # owner only
    (["owner", "output", "target"], 2.0),             # a time only
    (["owner", "deadline"], 1.0),                     # an output without owner or time is not checkable work
    (["owner", "output", "target", "deadline", "budget"], 1.0),
])
def test_ladder_follows_the_annotation_guide(missing, level):
    assert fitted.ladder(missing) == level


def test_coefficients_of_other_features_give_no_fitted_score(monkeypatch):
    vagueness = Vagueness(score=0.5, missing=["deadline"], cues=[])
    cats = fitted.categories()
    width = len(fitted.features(vagueness, np.zeros(384), cats))
    monkeypatch.setattr(fitted, "_coefficients", lambda: (cats, np.zeros(width - 1), np.ones(width - 1), 3.0))
    assert fitted.fitted_score(vagueness, np.zeros(384)) is None
    monkeypatch.setattr(fitted, "_coefficients", lambda: (cats, np.zeros(width), np.zeros(width), 3.0))
    assert fitted.fitted_score(vagueness, np.zeros(384)) == 0.5           # specificity 3 → 0.5


@pytest.mark.parametrize("missing, indicators", [
    ([], [0, 0, 0, 0, 1]),
    (["deadline"], [0, 0, 0, 1, 0]),
    (["owner", "output", "target"], [0, 1, 0, 0, 0]),
])
def test_the_ladder_level_is_also_one_indicator_per_level(missing, indicators):
    """The fit may give each step of the ladder its own weight: one indicator per level follows the number."""
    cats = fitted.categories()
    x = fitted.features(Vagueness(score=0.5, missing=missing, cues=[]), np.zeros(384), cats)
    head = x[: len(x) - 384]
    assert head[-6] == fitted.ladder(missing)
    assert list(head[-5:]) == indicators
