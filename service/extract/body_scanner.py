"""A token cursor over a string, keeping character offsets, for the body grammar."""
from __future__ import annotations

import re

from ..text import fold_tone_placement

TOKEN = re.compile(r"[\w&]+(?:[-–][\w&]+)*|[^\w\s]", re.UNICODE)


class Scanner:
    """Tokens of `text` from `pos`, with a folded copy (modern tone placement, lower case, en dash
    as hyphen) of the same length, so offsets hold in both."""

    def __init__(self, text: str, pos: int = 0):
        self.text = text
        self.folded = fold_tone_placement(text).lower().replace("–", "-").replace("—", "-")
        self.tokens = [(m.group(), m.start(), m.end()) for m in TOKEN.finditer(text, pos)]

    def __len__(self) -> int:
        return len(self.tokens)

    def word(self, i: int) -> str:
        return self.tokens[i][0] if i < len(self.tokens) else ""

    def index_at(self, pos: int) -> int:
        for i, (_, start, _) in enumerate(self.tokens):
            if start >= pos:
                return i
        return len(self.tokens)

    def phrase_at(self, i: int, phrases: tuple[str, ...]) -> str | None:
        """The first phrase (lower case) that the tokens from i spell, if any."""
        if i >= len(self.tokens):
            return None
        rest = self.folded[self.tokens[i][1]:self.tokens[i][1] + 90]
        for phrase in phrases:
            if rest.startswith(phrase) and not word_char(rest, len(phrase)):
                return phrase
        return None

    def finishes_word(self, j: int) -> bool:
        """Token j finishes a two-syllable word with the token before it (underthesea's dictionary: "cải tạo")."""
        from ..ingest.ocr.syllables import known_words

        return f"{self.word(j - 1)} {self.word(j)}".lower() in known_words()

    def skip(self, i: int, phrase: str) -> int:
        """Index of the first token after `phrase`, which starts at token i."""
        return self.index_at(self.tokens[i][1] + len(phrase))


def word_char(text: str, i: int) -> bool:
    return i < len(text) and (text[i].isalnum() or text[i] == "&")


def capitalised(token: str) -> bool:
    return token[:1].isupper() or token[:1].isdigit()
