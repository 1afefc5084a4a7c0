"""Vietnamese syllable inventory: generated from onset × rhyme × tone rules, ranked by frequency.

`is_valid` says whether a word can be a Vietnamese syllable; `frequency` ranks repair candidates
(counts from our own texts in service/lexicons/syllables.yaml, plus underthesea's word list).

    python -m service.ingest.ocr.syllables corpora/samples/*.txt > service/lexicons/syllables.yaml
"""
from __future__ import annotations

import re
import sys
import unicodedata
from collections import Counter
from functools import cache
from pathlib import Path

from ...lexicons import load
from ...text import fold_tone_placement

TONES = "\u0300\u0301\u0303\u0309\u0323"          # huyền, sắc, ngã, hỏi, nặng
ONSETS = ("", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh",
          "nh", "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x")
NUCLEI = ("a ă â e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi oo ua uâ uê ui "
          "uô uơ uy ưa ưi ưu ươ yê iêu yêu oai oay oeo uây uôi ươi ươu uya uyê uyu").split()
FINALS = ("", "c", "ch", "m", "n", "ng", "nh", "p", "t")
_OPEN = set("ai ao au ay âu ây eo êu ia iu oi ôi ơi ua ui ưa ưi ưu iêu yêu oai oay oeo uây uôi ươi ươu "
            "uya uyu".split())
_CLOSED = set("ă â oă uâ iê yê uô ươ uyê".split())
_FRONT = ("i", "e", "ê", "y")
_STOPS = ("c", "ch", "p", "t")
_WORD = re.compile(r"[^\W\d_]+")
_PUNCT = "\"'“”‘’«»()[]{}<>.,;:!?…-–—/\\*_#%&+=|~`^@$"


@cache
def inventory() -> frozenset[str]:
    """Every toneless syllable the spelling rules allow (onset × nucleus × final)."""
    return frozenset(onset + nucleus + final for onset in ONSETS for nucleus in NUCLEI
                     if _onset_fits(onset, nucleus) for final in FINALS if _final_fits(nucleus, final))


def _onset_fits(onset: str, nucleus: str) -> bool:
    """k/gh/ngh before front vowels, c/g/ng elsewhere ("gì" aside), qu never before u/o."""
    front = nucleus.startswith(_FRONT)
    if onset in ("k", "gh", "ngh"):
        return front
    if onset in ("c", "ng"):
        return not front
    if onset == "g":
        return not front or nucleus.startswith("i")
    if onset == "qu":
        return not nucleus.startswith(("u", "o"))
    return True


def _final_fits(nucleus: str, final: str) -> bool:
    """Open rhymes take no final; ă, â and the diphthongs iê/uô/ươ need one."""
    if nucleus in _OPEN:
        return final == ""
    if nucleus in _CLOSED:
        return final != ""
    return True


def split_tone(word: str) -> tuple[str, str]:
    """(toneless lowercase base, tone mark or "")."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = [c for c in decomposed if c in TONES]
    base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONES))
    return base, "".join(tones)


def is_valid(word: str) -> bool:
    """A possible Vietnamese syllable: in the inventory, one tone at most, stop finals with sắc/nặng."""
    base, tone = split_tone(word)
    if len(tone) > 1 or base not in inventory():
        return False
    return not base.endswith(_STOPS) or tone in ("\u0301", "\u0323")


def quality(text: str) -> float:
    """Share of the words (digits aside) that are valid syllables; 0.0 for no words at all."""
    words = _words(text)
    return sum(map(is_valid, words)) / len(words) if words else 0.0


def word_count(text: str) -> int:
    return len(_words(text))


def _words(text: str) -> list[str]:
    """Space-separated tokens without edge punctuation, those with a letter and no digit."""
    tokens = (t.strip(_PUNCT) for t in text.split())
    return [t for t in tokens if t and not any(c.isdigit() for c in t) and any(c.isalpha() for c in t)]


@cache
def frequency() -> dict[str, int]:
    """Lowercase syllable -> weight: counts in our texts, plus 1 for each in the dictionary."""
    weights: Counter[str] = Counter(load("syllables")["counts"])
    for word in _dictionary_syllables():
        weights[word] += 1
    return dict(weights)


@cache
def known_words() -> frozenset[str]:
    """Lowercase multi-syllable words and phrases: underthesea's dictionary (modern tone placement)."""
    return frozenset(w for w in _dictionary_lines() if " " in w)


def _dictionary_syllables() -> set[str]:
    return {s for line in _dictionary_lines() for s in line.split()}


@cache
def _dictionary_lines() -> tuple[str, ...]:
    from ...text import underthesea as load_underthesea

    try:
        underthesea = load_underthesea()
    except ImportError:
        return ()
    path = Path(underthesea.__file__).parent / "corpus" / "data" / "Viet74K.txt"
    if not path.is_file():
        return ()
    text = fold_tone_placement(path.read_text(encoding="utf-8")).lower()
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def count_syllables(texts: list[str]) -> Counter[str]:
    """Frequencies of valid syllables in texts (for building syllables.yaml)."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(w for w in _WORD.findall(fold_tone_placement(text).lower()) if is_valid(w))
    return counts


def main(paths: list[str]) -> None:
    counts = count_syllables([Path(p).read_text(encoding="utf-8") for p in paths])
    print("# Syllable counts in our own sample texts (python -m service.ingest.ocr.syllables corpora/samples/*.txt)")
    print("version: 1\ncounts:")
    for word, count in counts.most_common():
        print(f'  "{word}": {count}')


if __name__ == "__main__":
    main(sys.argv[1:])
