"""`alternation`: the one builder of "any of these phrases" regular expressions."""
import re

from service.lexicons import alternation, words_pattern


def test_the_longest_phrase_wins_whatever_the_order_given():
    pattern = re.compile(rf"(?:{alternation(['chương trình', 'chương trình hành động', 'kế hoạch'])})")
    assert pattern.match("chương trình hành động số 12").group() == "chương trình hành động"
    assert pattern.match("chương trình số 12").group() == "chương trình"


def test_any_run_of_spaces_between_words_by_default():
    pattern = re.compile(alternation(["Sở Tài chính"]))
    assert pattern.fullmatch("Sở  Tài\nchính")
    assert not re.fullmatch(alternation(["Sở Tài chính"], space=" "), "Sở  Tài chính")


def test_phrases_are_escaped_deduplicated_and_blanks_dropped():
    text = alternation(["v/v", "T.Ư", "v/v", "  ", "(sửa đổi)"])
    assert text.count("v/v") == 1 and "||" not in text and not text.startswith("|")
    assert re.fullmatch(text, "(sửa đổi)") and not re.fullmatch(text, "TxƯ")


def test_a_phrase_pattern_of_the_callers_own():
    text = alternation(["a, b", "c"], pattern=lambda p: words_pattern(p).replace(r",\s+", r",\s*"))
    assert re.fullmatch(text, "a,b") and re.fullmatch(text, "a,  b")
