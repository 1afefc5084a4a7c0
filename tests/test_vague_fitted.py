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


def test_the_document_context_is_the_share_of_items_naming_each_part():
    items = [Vagueness(score=0.2, missing=["budget"], cues=[]),                       # owner, time, output
             Vagueness(score=0.6, missing=["owner", "output", "budget"], cues=[]),    # a time and a target
             Vagueness(score=0.9, missing=["owner", "deadline", "target", "output"], cues=[])]
    assert list(fitted.document_context(items).round(3)) == [0.333, 0.667, 0.667]
    assert list(fitted.document_context([])) == [0.0, 0.0, 0.0]


def test_an_item_without_owner_among_items_with_owners_carries_that_share():
    """The fit can tell an item whose owner the structure names (its neighbours name theirs) from one in a
    document that names none."""
    cats, vector = fitted.categories(), np.zeros(384)
    ownerless = Vagueness(score=0.7, missing=["owner", "deadline"], cues=[])
    among_owners = fitted.features(ownerless, vector, cats, np.asarray([0.8, 0.1, 0.5], dtype=np.float32))
    among_none = fitted.features(ownerless, vector, cats, np.asarray([0.0, 0.1, 0.5], dtype=np.float32))
    assert among_owners[3] == pytest.approx(0.8) and among_none[3] == 0.0
    named = fitted.features(Vagueness(score=0.4, missing=["deadline"], cues=[]), vector, cats,
                            np.asarray([0.8, 0.1, 0.5], dtype=np.float32))
    assert named[3] == 0.0
