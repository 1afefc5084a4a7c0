"""The grammar of bodies named without a proper name, and of the words that narrow any body.

    generic   := determiner? elided? noun (joiner noun)* name? tail        "các sở, ban, ngành tỉnh"
    elided    := a noun's first syllables, "," (its last ones come with the next noun)   "các chi, đảng bộ"
    joiner    := "," | "-" | "và" | "hoặc" | "/"  (not before a determiner: "… và các cơ quan" is a new body)
    name      := a proper name or a body right after one noun     "các Sở GTVT", "các thành viên Ban Chỉ đạo"
    tail      := kind? qualifier* modifier?      kind: "quản lý nhà nước" (not after a proper name)
    qualifier := a `qualifiers` phrase ("có liên quan", "chức năng", "trên địa bàn") | "cấp" unit ("," unit)*
                 | ("thuộc" | "trực thuộc" | "của") body-or-head | admin unit + proper name
    modifier  := up to a few words describing the body ("có rừng", "hoạt động khoáng sản", "được giao
                 nhiệm vụ tại Kế hoạch này"), kept only when punctuation, the end or a predicate cue
                 (`stop_words`) follows.

A noun without a determiner stands only when joined to another, qualified, or listed in
`standalone_generic` ("địa phương", "chủ đầu tư"). Words live in `bodies.yaml`.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from ..lexicons import load
from .body_scanner import Scanner, capitalised

BodyAt = Callable[[Scanner, int], "int | None"]
MODIFIER_WORDS = 10
PARTICIPLE_WORDS = 14


@dataclass(frozen=True)
class Grammar:
    determiners: tuple[str, ...]
    nouns: tuple[str, ...]
    not_nouns: tuple[str, ...]
    of_nouns: frozenset[str]
    bare: frozenset[str]                # with the `apart` nouns
    standalone: frozenset[str]          # with the `apart` nouns
    apart: frozenset[str]
    titles: frozenset[str]
    qualifiers: tuple[str, ...]
    kinds: tuple[str, ...]
    attachers: tuple[str, ...]
    participles: tuple[str, ...]
    starters: tuple[str, ...]
    predicate_openers: tuple[str, ...]
    stops: tuple[str, ...]
    units: tuple[str, ...]
    heads: tuple[str, ...]
    breakers: tuple[str, ...]
    gap_verbs: tuple[str, ...]
    purposes: tuple[str, ...]
    compounds: tuple[str, ...]          # "công trình": a stop word ending a two-syllable word is no verb
    parent_kinds: tuple[str, ...]       # "cơ quan ngang bộ": a kind of body that a list of parents goes on with
    closing: tuple[str, ...]            # "liên quan": a qualifier after which only an attachment goes on
    areas: tuple[str, ...]              # "khu vực": a numbered area a body serves ("Kho bạc Nhà nước khu vực IX")
    final_stops: frozenset[str]         # "tạo": a stop verb that may end a dictionary word ("cải tạo")


def _by_length(words) -> tuple[str, ...]:
    return tuple(sorted({" ".join(str(w).lower().replace("–", "-").split()) for w in words}, key=len, reverse=True))


@cache
def grammar() -> Grammar:
    data, meta, structure = load("bodies"), load("metadata"), load("structure")
    g = data["generic"]
    return Grammar(_by_length(g["determiners"]), _by_length(g["nouns"]), _by_length(g["not_nouns"]),
                   frozenset(_by_length(g["of_nouns"])), frozenset(_by_length(g["bare_nouns"] + g["apart"])),
                   frozenset(_by_length(g["standalone"] + g["apart"])), frozenset(_by_length(g["apart"])),
                   frozenset(_by_length(data["title_heads"])), _by_length(g["qualifiers"]), _by_length(g["kind_phrases"]),
                   _by_length(g["attachers"]),
                   _by_length(g["participles"]), _by_length(g["modifier_starters"]),
                   _by_length(g["predicate_openers"]), _by_length(data["stop_words"]),
                   _by_length(meta["admin_units"]), _by_length(data["heads"]), _by_length(g["modifier_breakers"]),
                   _by_length(structure["subject_gap_verbs"]), _by_length(g["purpose_words"]),
                   _by_length(data["stop_compounds"]), _by_length(g["parent_kinds"]),
                   _by_length(g["closing_qualifiers"]), _by_length(g["numbered_areas"]),
                   frozenset(data["word_final_stops"]))


def generic_end(scan: Scanner, i: int, body_at: BodyAt, name_end: Callable[[Scanner, int], int],
                apart: bool = True) -> int | None:
    """Token index past a generic body starting at token i, or None. With `apart`, the `apart` nouns stand
    alone; a title or "lãnh đạo" over the list ("Thủ trưởng các sở, ngành, đoàn thể") holds them together."""
    gr = grammar()
    determiner = scan.phrase_at(i, gr.determiners)
    j = scan.skip(i, determiner) if determiner else i
    nouns, last = 0, None
    while j < len(scan):
        noun = scan.phrase_at(j, gr.nouns) if not scan.phrase_at(j, gr.not_nouns) else None
        if not noun and nouns == 0 and _elided_end(scan, j) > j:
            j = _elided_end(scan, j)        # "các chi, đảng bộ": "chi" is "chi bộ" with "bộ" left to the next noun
            noun = scan.phrase_at(j, gr.nouns)
        if not noun or (not determiner and nouns == 0 and noun not in gr.bare):
            break
        j, nouns, last = scan.skip(j, noun), nouns + 1, noun
        joined = _joined_noun(scan, j, noun, apart)
        if joined is None:
            break
        j = joined
    if not nouns:
        return None
    nouns_end = j
    levels = last == "cấp" and bool(scan.phrase_at(j, gr.units))
    if levels:                                            # "cấp tỉnh, huyện, xã" is one body
        j = _unit_list_end(scan, j)
    if last in gr.of_nouns and scan.phrase_at(j, gr.determiners) and not scan.phrase_at(j, gr.qualifiers):
        inner = generic_end(scan, j, body_at, name_end, apart=False)
        if inner:                                         # a title stands over more lists ("lãnh đạo các sở,
            return of_list_end(scan, inner, body_at, name_end) if last in gr.titles else inner   # các cơ quan")
    kind = scan.phrase_at(j, gr.kinds)
    if kind:                                              # "các Cục quản lý chuyên ngành"
        j = scan.skip(j, kind)
    named = False
    if nouns == 1 and j < len(scan) and capitalised(scan.word(j)):
        inner = body_at(scan, j)
        head = scan.phrase_at(j, gr.heads)
        after = inner or (scan.skip(j, head) if head else name_end(scan, j))  # "cơ quan Hải quan", "các Sở GTVT"
        named, j = after > j and scan.word(i)[:1].islower(), after           # (not an all-caps heading)
    end = tail_end(scan, j, body_at)
    if _closed(scan, nouns_end, end):
        return end                # "các ngành, đơn vị liên quan dự thảo quy chế …": the clause opens after "liên quan"
    if not determiner and end > nouns_end and scan.phrase_at(end, gr.participles):
        return end                # "Sở Tài chính được giao …", "Ủy ban nhân dân cấp huyện được phân cấp …": a body
        # named by more than its noun needs no describing phrase (but "các đơn vị được nhận tài sản")
    if not determiner and nouns == 1 and end == j and not (levels or kind or named) \
            and last not in gr.standalone:
        return _described_end(scan, end, body_at)
    if named and not determiner and last in gr.units:
        return end                # "tỉnh Gia Lai" in "Công an tỉnh Gia Lai tuần tra …": a place, then the verb
    return modifier_end(scan, end, body_at, bare=not determiner, qualified=end > j)


def _passive_to_predicate(scan: Scanner, j: int) -> str | None:
    """"được" and a verb describing the bodies, up to a predicate opener ("các tổ chức đảng được kiểm tra, giám sát
    có trách nhiệm …"): a participle phrase, though its verb is not among the `participles`."""
    if scan.word(j).lower() != "được":
        return None
    for k in range(j + 2, min(len(scan), j + PARTICIPLE_WORDS)):
        if scan.word(k) in (".", ";", ":", "(", ")"):
            return None
        if scan.phrase_at(k, grammar().predicate_openers):
            return "được"
    return None


def _closed(scan: Scanner, start: int, end: int) -> bool:
    """A closing qualifier ("liên quan", "hữu quan") between start and end, and no participle, attachment or
    "đến" after end: the words there are the body's clause."""
    gr = grammar()
    if end >= len(scan) or not scan.word(end)[:1].isalpha() \
            or scan.phrase_at(end, gr.attachers + gr.participles + ("đến", "tới")):
        return False
    return any(scan.phrase_at(k, gr.closing) for k in range(start, end))


def of_list_end(scan: Scanner, j: int, body_at: BodyAt, name_end: Callable[[Scanner, int], int]) -> int:
    """After "Thủ trưởng các sở, ngành": more ", các <generic body>" under the same title
    ("Thủ trưởng các sở, ngành, các cơ quan, đơn vị thuộc tỉnh")."""
    while scan.word(j) == "," and j + 1 < len(scan) and scan.phrase_at(j + 1, grammar().determiners):
        more = generic_end(scan, j + 1, body_at, name_end, apart=False)
        if not more:
            break
        j = more
    return j


def _described_end(scan: Scanner, j: int, body_at: BodyAt) -> int | None:
    """A lone noun described by a participle phrase ("Đơn vị được phân công lập hồ sơ phải …"): past
    the phrase when a predicate opener ends it, else None (a lone "cơ quan" names no body)."""
    if not scan.phrase_at(j, grammar().participles):
        return None
    end = modifier_end(scan, j, body_at, bare=True)
    return end if end > j and scan.phrase_at(end, grammar().predicate_openers) else None


def _elided_end(scan: Scanner, j: int) -> int:
    """Where the noun after a word left short of its last syllables starts ("chi, đảng bộ": "chi" ends as
    "đảng bộ" does), or j when the word is no such half of a noun."""
    gr = grammar()
    word = scan.word(j).lower()
    if not word.isalpha() or scan.word(j + 1) != "," or scan.phrase_at(j + 2, gr.not_nouns):
        return j
    noun = scan.phrase_at(j + 2, gr.nouns)
    syllables = noun.split() if noun else []
    tails = (" ".join(syllables[k:]) for k in range(1, len(syllables)))
    return j + 2 if any(f"{word} {tail}" in gr.nouns for tail in tails) else j


def _joined_noun(scan: Scanner, j: int, last: str, apart: bool) -> int | None:
    """After the noun `last`: the index of the next noun of the same list, or None (with `apart`, an
    `apart` noun on either side ends the list)."""
    gr = grammar()
    word = scan.word(j).lower()
    units = scan.phrase_at(j - 1, gr.units) and scan.phrase_at(j + 1, gr.units)
    if word not in (",", "/", "-", "–") and not (word in ("và", "hoặc") and units):
        return None                 # "các sở, ngành và địa phương": "và" starts another body, but
    k = j + 1                       # "các tỉnh và thành phố" is one list of units
    if scan.phrase_at(k, gr.determiners) or scan.phrase_at(k, gr.not_nouns):
        return None
    noun = scan.phrase_at(k, gr.nouns)
    if not noun or apart and (last in gr.apart or noun in gr.apart):
        return None                 # "các cấp ủy, chính quyền": a Party, a state, a mass body each stand apart
    head = scan.phrase_at(k, gr.heads)
    if head and len(head) > len(noun) and capitalised(scan.word(k)):
        return None                 # "…, Bộ chỉ huy Quân sự tỉnh": a longer head names another body
    after = scan.skip(k, noun)      # "…thuộc Bộ, Cục Thuế tỉnh": a proper name starts another body
    named = capitalised(scan.word(after)) and not scan.phrase_at(after, gr.qualifiers) \
        and not scan.phrase_at(after, gr.units)      # "các Sở, Ban, Ngành Thành phố": a place
    return None if named else k


TERM = re.compile(r"[IVXLC]+|\d{1,2}")         # a council's or committee's term: "khóa XIII", "khóa 9"


@cache
def term_words() -> frozenset[str]:
    """The one-word term words of metadata.yaml ("khóa", "khoá")."""
    return frozenset(w for w in load("metadata")["term_words"] if " " not in w)


def tail_end(scan: Scanner, j: int, body_at: BodyAt) -> int:
    """Past the qualifiers after a body: "có liên quan", "cấp xã, phường", "thuộc Bộ X", "tỉnh Hà Giang"."""
    gr = grammar()
    while j < len(scan):
        qualifier = scan.phrase_at(j, gr.qualifiers)
        if qualifier:
            j = scan.skip(j, qualifier)
            continue
        if scan.word(j).lower() in term_words() and TERM.fullmatch(scan.word(j + 1)):
            j += 2                                  # "Hội đồng nhân dân xã khóa XIII": the council's term
            continue
        area = scan.phrase_at(j, gr.areas)
        if area and TERM.fullmatch(scan.word(scan.skip(j, area))):
            j = scan.skip(j, area) + 1              # "Kho bạc Nhà nước khu vực IX": the area it serves
            continue
        if scan.word(j).lower() in ("cấp", "các") and scan.phrase_at(j + 1, gr.units):
            j = _unit_list_end(scan, j + 1)        # "UBND cấp xã, phường", "Sở Tài chính các tỉnh"
            continue
        attacher = scan.phrase_at(j, gr.attachers)
        if attacher:
            k = scan.skip(j, attacher)
            inner = body_at(scan, k) if k < len(scan) else None
            head = scan.phrase_at(k, gr.heads) if k < len(scan) and capitalised(scan.word(k)) else None
            if inner or head:
                j = inner or scan.skip(k, head)
                if attacher != "của":       # "các Ban của Hội đồng nhân dân và đại biểu …" are two bodies
                    j = _parents_end(scan, j, body_at)
                continue
            break
        unit = scan.phrase_at(j, gr.units)
        after = scan.skip(j, unit) if unit else j
        if unit and (not capitalised(scan.word(j))     # "Ngành Thành phố chỉ đạo …": a place written capitalised
                     or after < len(scan) and not capitalised(scan.word(after)) and scan.word(after)[:1].isalpha()):
            k = _unit_list_end(scan, j)                # "… lao động tỉnh, thành phố"
            if k < len(scan) and capitalised(scan.word(k)) and not scan.phrase_at(k, gr.heads):
                while k < len(scan) and capitalised(scan.word(k)) and scan.word(k).isalpha():
                    k += 1
            j = k
            continue
        break
    return j


def _parents_end(scan: Scanner, j: int, body_at: BodyAt) -> int:
    """After "thuộc Bộ": more parents of the same list, where a `parent_kinds` body follows ("các trường trực
    thuộc Bộ, cơ quan ngang Bộ hoặc cơ quan thuộc Chính phủ"); any other body after it is the next of the list
    ("các phòng thuộc Sở và cơ quan thuộc Ủy ban nhân dân huyện")."""
    while scan.word(j).lower() in (",", "và", "hoặc") and scan.phrase_at(j + 1, grammar().parent_kinds):
        more = body_at(scan, j + 1)
        if not more:
            break
        j = more
    return j


def _unit_list_end(scan: Scanner, j: int) -> int:
    """Past "xã, phường" / "tỉnh và huyện" / "xã/phường/thị trấn" after "cấp"."""
    gr = grammar()
    while True:
        unit = scan.phrase_at(j, gr.units)
        if not unit:
            return j
        j = scan.skip(j, unit)
        if scan.word(j) in (",", "và", "/") and scan.phrase_at(j + 1, gr.units):
            j += 1
            continue
        return j


def modifier_end(scan: Scanner, j: int, body_at: BodyAt, bare: bool = False, qualified: bool = False) -> int:
    """Past a describing phrase after a generic body, when a boundary confirms it; else j. After a bare noun
    ("chi bộ chọn một chuyên đề …") a phrase led by a verb is a clause, not a description; after a qualifier
    ("các cơ quan hữu quan soạn thảo …") one is too, whatever ends it."""
    gr = grammar()
    participle = scan.phrase_at(j, gr.participles) or (not bare and _passive_to_predicate(scan, j))
    limit = PARTICIPLE_WORDS if participle else MODIFIER_WORDS
    clause = qualified and not participle       # after a qualifier, words a verb opens are a clause
    # ("các cơ quan liên quan góp ý …"; a `modifier_starters` verb describes: "… trung ương đóng trên địa bàn")
    k, words = j, 0
    while k < len(scan) and words <= limit:
        token = scan.word(k)
        if token == "," and participle and k > j and (opener := _opener_after_comma(scan, k, limit - words)):
            return opener           # "các tổ chức được giao quản lý, sử dụng đất công có trách nhiệm"
        if not token[:1].isalnum():
            return k if k > j and token in ",;.:()" and not (clause and _opens_clause(scan, j, k)) else j
        if scan.phrase_at(k, gr.breakers) and not (k + 1 < len(scan) and scan.finishes_word(k + 1)):
            return j                # "Ủy ban nhân dân quận - huyện chỉ xem xét …": an adverb, no modifier
            # (not the first syllable of a word: "các đơn vị được giao chỉ tiêu …")
        if k > j and not participle and scan.phrase_at(k, gr.attachers) and (after := tail_end(scan, k, body_at)) > k:
            # "công đoàn doanh nghiệp trực thuộc Liên đoàn Lao động huyện": the body it belongs to, when the words before
            # name a kind of body ("các cơ quan góp ý dự thảo của Bộ Tư pháp" is a clause)
            return after if _names_a_kind(scan, j) else j
        opener = scan.phrase_at(k, gr.predicate_openers)
        if k == j + 1 and not participle and _verb_ends_at(scan, k) and not _opener_ahead(scan, k):
            return j                # "Các hợp tác xã | cải tạo kho lạnh, …": the verb opens the predicate
        stop = scan.phrase_at(k, gr.stops) if not (k > j and _ends_a_word(scan, k)) else None
        if k > j and not participle and scan.phrase_at(k, gr.purposes) and _opens_clause(scan, j, k):
            return j                # "Mỗi xã lựa chọn hai sản phẩm … để …": a predicate, not a description
        if opener or (k > j and stop and not participle):
            starter = scan.phrase_at(j, gr.starters)
            if starter and scan.skip(j, starter) >= k:
                return j            # "các địa phương có thực hiện …": "có" alone describes nothing
            return k if participle or not bare or not _opens_clause(scan, j, k) else j
        if capitalised(token) and scan.phrase_at(k, gr.heads) and not participle:
            return j
        if stop and not participle and k == j and not scan.phrase_at(k, gr.starters):
            return j
        k, words = k + 1, words + 1
    described = k >= len(scan) and k > j and words <= limit
    return k if described and not (clause and _opens_clause(scan, j, k)) else j


def _ends_a_word(scan: Scanner, k: int) -> bool:
    """The stop word at k finishes a two-syllable word begun at k - 1 ("công trình"; "cải tạo", "đào tạo" by
    underthesea's dictionary): no verb of its own."""
    return bool(scan.phrase_at(k - 1, grammar().compounds)) or scan.word(k).lower() in grammar().final_stops \
        and scan.finishes_word(k)


def _opener_ahead(scan: Scanner, k: int) -> bool:
    """A predicate opener after token k in its sentence ("… cải tạo kho lạnh có trách nhiệm …")."""
    while k < len(scan) and scan.word(k) not in (".", ";", ":"):
        if scan.phrase_at(k, grammar().predicate_openers):
            return True
        k += 1
    return False


def _verb_ends_at(scan: Scanner, k: int) -> bool:
    """A stop verb at k finishing a two-syllable verb begun at k - 1 ("cải tạo", "đề phòng"; not the noun "việc làm")."""
    return scan.word(k).lower() in grammar().final_stops and _ends_a_word(scan, k) \
        and has_clause_verb(f"{scan.word(k - 1)} {scan.word(k)}", first_only=True)


def _names_a_kind(scan: Scanner, j: int) -> bool:
    """The words from j open with a body noun or a verb naming a kind of body ("tổng công ty …", "kinh doanh
    xăng dầu …")."""
    gr = grammar()
    return bool(scan.phrase_at(j, gr.nouns) or scan.phrase_at(j, gr.gap_verbs))


def _opener_after_comma(scan: Scanner, comma: int, words_left: int) -> int | None:
    """Inside a participle phrase, a comma that joins its verbs ("được giao quản lý, sử dụng …"):
    the predicate opener that ends the phrase, when one follows within `words_left` tokens with only
    commas before it."""
    gr = grammar()
    for k in range(comma + 1, min(len(scan), comma + 1 + words_left)):
        if scan.phrase_at(k, gr.predicate_openers):
            return k if k > comma + 1 else None
        word = scan.word(k)
        if (word != "," and not word[:1].isalnum()) or scan.phrase_at(k, gr.breakers):
            return None
    return None


def _opens_clause(scan: Scanner, j: int, k: int) -> bool:
    """"chi bộ chọn một chuyên đề …": the words after the body open a clause of their own, so they describe
    nothing; "các địa phương có rừng", "thuộc tỉnh" are kept."""
    if scan.phrase_at(j, grammar().starters) or scan.phrase_at(j, grammar().attachers):
        return False
    return has_clause_verb(scan.text[scan.tokens[j][1]:scan.tokens[k - 1][2]], first_only=True)


def has_clause_verb(words: str, first_only: bool = False) -> bool:
    """A verb (underthesea POS) among `words`, or leading them, that is not one naming a kind of body
    (`subject_gap_verbs`: "quản lý", "hoạt động" …)."""
    from ..text import underthesea

    tagged = underthesea().pos_tag(words.strip())
    return any(tag.startswith("V") and word.lower() not in grammar().gap_verbs
               for word, tag in (tagged[:1] if first_only else tagged))
