"""What the words either side of a line break say about it, in a text whose lines the page width broke: a capital
that no sentence carries mid-way opens a paragraph ("… phát triển" / "Xây dựng …"); a body's name goes on past a
dash ("… Phòng Tài chính" / "- Kế hoạch huyện"). Cues come from the lexicons (structure.yaml sentence_openers and
before_a_title, bodies.yaml heads, stop_words and official_names, metadata.yaml admin_units).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..extract.bodies import match_body
from ..lexicons import load
from ..text import DASH_ITEM, OPEN_END, fold_tone_placement, phrase_alternation, phrase_pattern


def opens_a_sentence(prev: str, line: str) -> bool:
    """`line` opens in a capital with a word written in lower case mid-sentence ("Xây dựng …", "Các …"), after a
    line ending on a plain word: a title ran to the page width, and this is its first sentence. A capital after a
    name's head ("… đề nghị Sở" / "Xây dựng tỉnh …"), a word a title follows ("… thực hiện Đề án" / "Xây dựng …",
    structure.yaml before_a_title, capitalised as in a title), a place after its unit ("… xã" / "Tân Lập …", two
    capitalised words) or a joining word ("… Bộ Kế hoạch và" / "Đầu tư") goes on."""
    cues = _sentence_cues()
    last = prev.rsplit(None, 1)[-1]
    return bool(line[:1].isupper() and cues.opener.match(line) and (last[:1].islower() or last[:1].isdigit())
                and not (OPEN_END.search(prev) or cues.head_end.search(prev) or cues.title_end.search(prev))
                and not (cues.unit_end.search(prev) and _names_a_place(line)))


def _names_a_place(line: str) -> bool:
    """The line opens with two capitalised words ("Giao Lâm tổ chức …"), as a place's name does."""
    words = line.split(None, 2)
    return len(words) >= 2 and all(w[:1].isupper() for w in words[:2])


def name_runs_on(last_line: str, line: str) -> bool:
    """"… gửi Phòng Tài chính" / "- Kế hoạch huyện thẩm định": a body's name ends the line and goes on past the
    dash. It goes on into the word the gazetteer's names join to its last words ("Phòng Tài chính - Kế hoạch", "Sở
    Kế hoạch và Đầu tư"), or into any name word the body grammar takes; a word that opens a sentence or a
    predicate ("- Hướng dẫn các xã …", bodies.yaml stop_words) or a head of its own ("- Sở Nội vụ …") opens an item."""
    after = line.lstrip()[1:].lstrip()
    if not (DASH_ITEM.match(line) and after[:1].isupper()):
        return False
    cues = _sentence_cues()
    starts = [m.start() for m in cues.head.finditer(last_line, max(0, len(last_line) - NAME_REACH))]
    if not starts:
        return False
    name = last_line[starts[-1]:].rstrip()
    if match_body(name) != (0, len(name)):
        return False
    tail, folded = fold_tone_placement(name).lower(), fold_tone_placement(after).lower()
    if any(tail.endswith(" " + left) and folded.startswith(right + " ") for left, right in _name_halves()):
        return True
    if cues.head.match(after) or cues.opener.match(after) or _predicate().match(folded):
        return False
    joined = match_body(f"{name} {line.strip()}")
    return bool(joined and joined[1] > len(name) + 2)


NAME_REACH = 60     # characters before the break a body's name may start in ("Ủy ban nhân dân tỉnh Lào Cai …")


@cache
def _predicate() -> re.Pattern:
    """A word that ends a body's name and opens what it does (bodies.yaml stop_words: "hướng dẫn", "theo dõi")."""
    return phrase_pattern(load("bodies")["stop_words"], flags=0)


@cache
def _name_halves() -> frozenset[tuple[str, str]]:
    """The words either side of a join ("và", a dash, a comma) inside the gazetteer's names (bodies.yaml
    official_names), such as the pair ("tài chính", "kế hoạch")."""
    pairs = set()
    for name in load("bodies")["official_names"]:
        words = re.split(r"\s*(?:\bvà\b|[-–,])\s*", fold_tone_placement(name).lower())
        for left, right in zip(words, words[1:]):
            pairs.add((" ".join(left.split()[-2:]), " ".join(right.split()[:2])))
    return frozenset(p for p in pairs if all(p))


@dataclass(frozen=True)
class _SentenceCues:
    opener: re.Pattern      # a capitalised sentence opener
    head: re.Pattern        # the head of a body's name as written in a name ("Sở", "Ủy ban nhân dân")
    head_end: re.Pattern    # a line ending on such a head
    title_end: re.Pattern   # a line ending on a word a capitalised title follows ("… Đề án")
    unit_end: re.Pattern    # a line ending on an administrative unit ("… xã")


@cache
def _sentence_cues() -> _SentenceCues:
    structure = load("structure")
    openers, titles = ([w[:1].upper() + w[1:] for w in structure[key]]
                       for key in ("sentence_openers", "before_a_title"))
    heads = load("bodies")["heads"]
    return _SentenceCues(opener=phrase_pattern(openers, flags=0),
                         head=phrase_pattern(heads, flags=0),
                         head_end=re.compile(rf"(?<!\w){phrase_alternation(heads)}$"),
                         title_end=re.compile(rf"(?<!\w){phrase_alternation(titles)}$"),
                         unit_end=re.compile(rf"(?<!\w){phrase_alternation(load('metadata')['admin_units'])}$"))
