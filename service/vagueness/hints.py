"""Short Vietnamese rewrite hints: what to add to a vague task, as a fill-in template."""
from __future__ import annotations

from ..document import Cue

PART_NAMES = {"owner": "cơ quan chủ trì", "output": "sản phẩm đầu ra", "target": "chỉ tiêu đo được",
              "deadline": "thời hạn hoàn thành", "budget": "kinh phí"}
SLOTS = {"owner": "[Cơ quan] chủ trì", "output": "hoàn thành [sản phẩm]", "target": "đạt [chỉ tiêu, %]",
         "deadline": "trước [ngày/tháng/năm]"}
CATEGORY_ADVICE = {
    "slogan_verb": "thay «{text}» bằng việc làm cụ thể",
    "empty_action": "thay «{text}» bằng việc làm cụ thể",
    "generic_owner": "thay «{text}» bằng tên cơ quan cụ thể",
    "vague_time": "thay «{text}» bằng mốc thời gian",
    "vague_quantity": "thay «{text}» bằng con số",
}


def _needed(missing: list[str]) -> list[str]:
    """The parts worth asking for: owner, a product or a target (one is enough), a deadline."""
    needed = ["owner"] if "owner" in missing else []
    if "output" in missing and "target" in missing:
        needed.append("output")
    return needed + (["deadline"] if "deadline" in missing else [])


def _advice(cues: list[Cue]) -> list[str]:
    seen: set[str] = set()
    advice = []
    for cue in cues:
        if cue.category in CATEGORY_ADVICE and cue.category not in seen:
            seen.add(cue.category)
            advice.append(CATEGORY_ADVICE[cue.category].format(text=cue.text.lower()))
    return advice[:2]


def make_hint(missing: list[str], cues: list[Cue]) -> str | None:
    """E.g. "Nêu rõ cơ quan chủ trì, sản phẩm đầu ra và thời hạn hoàn thành: «[Cơ quan] chủ trì …»"."""
    needed = _needed(missing)
    advice = _advice(cues)
    if not needed and not advice:
        return None
    parts = []
    if needed:
        names = [PART_NAMES[p] + (" hoặc " + PART_NAMES["target"] if p == "output" else "") for p in needed]
        listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " và " + names[-1]
        slots = [SLOTS["owner"] if "owner" in needed else "[Cơ quan]", "…"]
        slots += [SLOTS[p] for p in ("output", "deadline") if p in needed]
        parts.append(f"Nêu rõ {listed}: «{' '.join(slots)}»")
    if advice:
        parts.append("; ".join(advice).capitalize())
    return ". ".join(parts) + "."
