"""Why a lower task got its class, in words a reviewer reads ("chép nguyên văn", "cụ thể hóa:
thêm chủ trì, thời hạn"…), from the item's additions, counterparts and signals."""
from __future__ import annotations

from .model import Item

ADDED = {"owner": "chủ trì/phối hợp", "deadline": "thời hạn", "figure": "số liệu, chỉ tiêu",
         "words": "nội dung riêng"}
KINDS = {"task": "nhiệm vụ", "objective": "câu mục tiêu/quan điểm", "heading": "đề mục"}


def _added(item: Item) -> list[str]:
    return list(dict.fromkeys(ADDED[a.kind] for a in item.local_additions))


def _source(item: Item) -> str:
    best = item.upper[0]
    return f"{KINDS.get(best.kind, best.kind)} {best.task_id} của cấp trên"


def _semantic(item: Item) -> str:
    value = item.signals.get("semantic")
    return f", gần nghĩa {value:.2f}" if value is not None else ""


def reason(item: Item) -> str:
    """One Vietnamese sentence: the class, what was copied from where, what was added, the signals."""
    s = item.signals
    added = _added(item)
    if item.class_ == "verbatim":
        extra = f"; chỉ thêm {', '.join(a for a in added if a != ADDED['words'])}" \
            if any(a.kind in ("owner", "deadline") for a in item.local_additions) else ""
        return (f"chép nguyên văn {_source(item)} (trùng {s.get('dice', 0):.0%} từ ngữ, "
                f"trừ từ chỉ cấp, tên, số thứ tự, ngày tháng){extra}")
    if item.class_ == "adapted":
        how = f"thêm {', '.join(added)}" if added else "diễn đạt lại"
        return (f"cụ thể hóa: {how}; lấy từ {_source(item)} ({s.get('lexical', 0):.0%} từ ngữ chép lại, "
                f"bao {s.get('upper_cov', 0):.0%} đoạn cấp trên, trùng ý {s.get('content', 0):.0%}"
                f"{_semantic(item)})")
    return (f"nhiệm vụ mới: không có đoạn tương ứng ở cấp trên (chép lại {s.get('lexical', 0):.0%} từ ngữ, "
            f"trùng ý {s.get('content', 0):.0%}{_semantic(item)})")
