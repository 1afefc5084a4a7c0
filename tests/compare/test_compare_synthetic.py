"""The synthetic pair generator: deterministic, labelled, level words swapped."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from corpora.synthetic import level_swap, make_pair  # noqa: E402


def test_level_swap():
    assert level_swap("Sở Thông tin và Truyền thông của tỉnh Lào Cai báo cáo Tỉnh ủy") == \
        "Phòng Văn hóa và Thông tin của huyện Bảo Thắng báo cáo Huyện ủy"


def test_pairs_are_deterministic_and_labelled():
    a, b = make_pair("ubnd-chi-thi", 3), make_pair("ubnd-chi-thi", 3)
    assert a.lower_text == b.lower_text
    assert {x["copy"] for x in a.labels} <= {"verbatim", "adapted", "new"}
    assert all(x["quote"] in a.lower_text for x in a.labels)
    assert all((x["upper_quote"] is None) == (x["copy"] == "new") for x in a.labels)
    assert make_pair("ubnd-chi-thi", 4).lower_text != a.lower_text


def test_rewordings_never_come_from_the_classifier_lexicon():
    from corpora.synthetic_hard import PARAPHRASES
    from service.compare.content_words import canonical

    for phrase, other in PARAPHRASES:
        assert canonical(phrase.split())[0] != canonical(other.split())[0], (phrase, other)


def test_more_than_four_upper_documents():
    from corpora.synthetic import upper_names

    names = upper_names()
    assert len(names) > 4 and "cong-van-trien-khai" in names
