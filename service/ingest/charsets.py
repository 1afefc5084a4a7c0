"""Decode text bytes: UTF-8/UTF-16, then legacy Vietnamese TCVN3 (ABC), VNI and Windows-1258.

Legacy candidates are scored by how many of their words are valid Vietnamese syllables.
"""
from __future__ import annotations

import codecs
import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from ..errors import EncodingError
from ..messages import say

MIN_SCORE = 0.5
_TONES = "\u0300\u0301\u0303\u0309\u0323"
_ONSET = "(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?"
_NUCLEI = ("iêu yêu oai oay oeo uây uôi ươi ươu uya uyê uyu ai ao au ay âu ây eo êu ia iê iu oa oă "
           "oe oi ôi ơi oo ua uâ uê ui uô uơ uy ưa ưi ưu ươ yê a ă â e ê i o ô ơ u ư y").split()
_SYLLABLE = re.compile(f"{_ONSET}(?:{'|'.join(_NUCLEI)})(?:ch|ng|nh|[cmnpt])?")
_PUNCT = "\"'“”‘’«»()[]{}<>.,;:!?…-–—/\\*_#%&+=|~`^@$"


def decode_text(data: bytes) -> tuple[str, str]:
    """Return the text and the name of the encoding it was read with."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    utf16 = _utf16_without_bom(data)
    if utf16:
        return utf16
    return best_legacy(data)


def best_legacy(data: bytes) -> tuple[str, str]:
    """Decode with each legacy encoding and keep the most Vietnamese-looking result."""
    scored = []
    for name in ("tcvn3", "vni", "cp1258"):
        text = decode_legacy(data, name)
        if text is not None:
            scored.append((vietnamese_score(text), name, text))
    score, name, text = max(scored, default=(0.0, "", ""))
    if score < MIN_SCORE:
        raise EncodingError(say("encoding_unknown"))
    return text, name


def decode_legacy(data: bytes, name: str) -> str | None:
    """Decode with one legacy encoding; None when the bytes are impossible in it."""
    if name == "cp1258":
        try:
            return unicodedata.normalize("NFC", data.decode("cp1258"))
        except UnicodeDecodeError:
            return None
    return convert_legacy(data.decode("latin-1"), name)


def convert_legacy(text: str, name: str) -> str:
    """Map text typed in a TCVN3 or VNI font (read as Latin-1 characters) to Unicode NFC."""
    table, pattern = _table(name)
    return unicodedata.normalize("NFC", pattern.sub(lambda m: table[m.group()], text))


def detect_legacy_font(text: str) -> str | None:
    """"tcvn3" or "vni" when text extracted from a PDF/DOCX/HTML was typed in such a font."""
    if sum(ord(c) > 0xFF for c in text) > len(text) * 0.01:
        return None  # real Unicode Vietnamese (ạ, ơ, ư ...) is outside Latin-1
    base = vietnamese_score(text)
    score, name = max((vietnamese_score(convert_legacy(text, n)), n) for n in ("tcvn3", "vni"))
    return name if score >= MIN_SCORE and score > base + 0.2 else None


def legacy_table(name: str) -> dict[str, str]:
    """The mapping for "tcvn3" or "vni": source characters (Latin-1 text) -> Unicode letter."""
    return _table(name)[0]


@lru_cache
def _table(name: str) -> tuple[dict[str, str], re.Pattern[str]]:
    raw = json.loads(Path(__file__).with_name("legacy_encodings.json").read_text("utf-8"))
    if name == "tcvn3":
        table = {chr(int(code, 16)): letter for code, letter in raw["tcvn3"].items()}
    else:
        table = {**raw["vni_variants"], **raw["vni"]}
    keys = sorted(table, key=len, reverse=True)
    return table, re.compile("|".join(map(re.escape, keys)))


def vietnamese_score(text: str) -> float:
    """Share of words (digits aside) that are valid Vietnamese syllables."""
    words = [w.strip(_PUNCT) for w in text.split()]
    words = [w for w in words if w and not any(c.isdigit() for c in w)]
    if not words:
        return 0.0
    return sum(map(is_syllable, words)) / len(words)


def is_syllable(word: str) -> bool:
    """Vietnamese letters only, one syllable shape, at most one tone mark."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    if sum(c in _TONES for c in decomposed) > 1:
        return False
    base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
    return _SYLLABLE.fullmatch(base) is not None


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise EncodingError(say("encoding_mismatch", encoding=encoding)) from exc


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 without BOM: NUL bytes on the high side of ASCII characters."""
    head = data[:4096]
    if head[1::2].count(0) > len(head) * 0.3:
        encoding = "utf-16-le"
    elif head[0::2].count(0) > len(head) * 0.3:
        encoding = "utf-16-be"
    else:
        return None
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError:
        return None
