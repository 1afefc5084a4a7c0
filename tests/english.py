"""Finds English words in a text meant for users: a token of plain letters is English when it cannot
be a Vietnamese syllable (service.ingest.ocr.syllables.is_valid) or is a short English word that can; codes
(snake_case, numbers, paths), abbreviations in capitals, command lines and the names in ALLOWED are not words."""
from __future__ import annotations

import re

from service.ingest.ocr.syllables import is_valid

ALLOWED = {w.lower() for w in """
rasoat api pdf docx doc txt html htm xhtml csv xlsx odt json zip ocr tesseract lsh sqlite utf tcvn vni
windows word excel mb jpeg jpg png tiff bmp gif macos http https url webhook swagger redoc unicode dask
megapixel key ui dd mm yyyy id scan libreoffice""".split()}
SHORT_ENGLISH = {"the", "by", "be", "go", "no", "on", "to", "in", "me", "he", "we", "she", "of"}
COMMANDS = re.compile(r"(?:rasoat|apt-get|brew|pip) [^.;:)“”\n]*|\{[^}]*\}|\S*[_/\\=<>@]\S*|--?\w[\w-]*|[\w-]*\.\w+|\w*\d\w*")
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def english_words(text: str) -> list[str]:
    """The English words of `text` (codes, names and command lines aside)."""
    found = []
    for token in WORD.findall(COMMANDS.sub(" ", text)):
        for word in token.split("-"):
            low = word.lower()
            if low in ALLOWED or len(word) < 2 or word.isupper():     # abbreviations: UBND, OCOP, III
                continue
            if low in SHORT_ENGLISH or not is_valid(low):
                found.append(word)
    return found
