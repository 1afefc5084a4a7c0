"""Each word of vague_cues.yaml `slots` puts a cue in its slot; other words do not."""
import pytest

from service.lexicons import load
from service.vagueness import find_cues
from service.vagueness.cues import in_slot

SLOTS = load("vague_cues")["slots"]


@pytest.mark.parametrize("word", SLOTS["verb_after"])
def test_a_clause_ending_in_a_verb_after_word_is_a_verb_slot(word):
    assert in_slot(f"các xã, phường {word}", "verb_after")
    assert not in_slot(f"{word} các xã, phường", "verb_after")


@pytest.mark.parametrize("word", SLOTS["verb_inside"])
def test_a_clause_holding_a_verb_inside_phrase_is_a_verb_slot(word):
    assert in_slot(f"sở tài chính {word} các sở, ngành", "verb_inside")
    assert not in_slot("sở tài chính và các sở, ngành", "verb_inside")


@pytest.mark.parametrize("word", SLOTS["owner_after"])
def test_a_clause_ending_in_an_owner_after_word_is_an_owner_slot(word):
    assert in_slot(f"ủy ban nhân dân tỉnh {word}", "owner_after")
    assert not in_slot(f"{word} ủy ban nhân dân tỉnh", "owner_after")


def test_a_slogan_verb_that_needs_a_verb_slot_counts_only_in_one(task):
    def slogans(text):
        return [c.text.lower() for c in find_cues(task(text)) if c.category == "slogan_verb"]

    assert slogans("Các xã, phường cần quan tâm công tác phòng chống thiên tai.") == ["quan tâm"]
    assert slogans("Các xã, phường được quan tâm công tác phòng chống thiên tai.") == []
