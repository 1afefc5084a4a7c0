"""Hard rewordings for the synthetic pairs (corpora/synthetic.py): what real lower plans do.

- `condense`: a long upper task becomes a short nominal table-row item (head action and object
  noun phrase; purpose clauses, figures and deadlines dropped);
- `swap_synonyms`: administrative phrases reworded from PARAPHRASES, a table of this generator's own
  that the classifier's lexicon (service/lexicons/synonyms.yaml) never equates (a test checks it);
- `restate`: the same object under other verbs ("Hướng dẫn, kiểm tra việc …") or another scope
  ("… trong lĩnh vực X", "… của huyện");
- `split` / `merge`: one upper task into two lower tasks, two into one;
- `hard_negative`: a new task that shares only boilerplate with any upper ("Tổ chức tuyên truyền …"
  about an unrelated topic).
"""
from __future__ import annotations

import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# Rewordings a real lower plan uses, kept apart from the classifier's synonym lexicon.
PARAPHRASES = [
    ("tăng cường", "chú trọng hơn nữa"), ("đẩy mạnh", "làm mạnh mẽ hơn"), ("triển khai", "đưa vào thực tiễn"),
    ("bảo đảm", "giữ vững"), ("đảm bảo", "giữ vững"), ("nâng cao", "từng bước nâng lên"),
    ("rà soát", "soát xét lại"), ("xây dựng", "soạn thảo"), ("hỗ trợ", "tiếp sức cho"),
    ("người dân", "bà con"), ("tuyên truyền", "thông tin rộng rãi về"), ("kịp thời", "không để chậm trễ"),
    ("thường xuyên", "liên tục"), ("khuyến khích", "động viên"), ("hoàn thiện", "sửa đổi cho đầy đủ"),
    ("phát huy", "tận dụng tốt"), ("chủ động", "sớm"), ("tổ chức", "thực hiện việc"),
    ("kiểm tra", "xem xét tại chỗ"), ("nghiên cứu", "tìm hiểu"), ("phối hợp", "cùng làm với"),
    ("quản lý", "theo dõi, điều hành"), ("ứng dụng", "đưa vào sử dụng"), ("đào tạo", "huấn luyện"),
]

_CUT = re.compile(r"\s*(?:[,;:(]\s*|\s)(?:nhằm|để|góp phần|tạo sự|tạo điều kiện|bảo đảm|đảm bảo|trong đó|"
                  r"hoàn thành trong|hoàn thành trước|trước ngày|đến năm|trong năm|trong quý|từ năm|"
                  r"phấn đấu|ưu tiên|theo hướng|đáp ứng)(?!\w).*$", re.I)
_LEAD = re.compile(r"^(?:Tiếp tục|Mỗi năm|Hằng năm|Chỉ đạo|Quan tâm|Nghiên cứu,?)\s+")
_FIGURE = re.compile(r"(?:(?:tại|cho|đối với|với|đạt)\s+)?(?:ít nhất\s+|tối thiểu\s+)?\d+(?:[.,]\d+)*%?\s*")
_OWNER_FIRST = re.compile(r"^(?:Giao|Phòng|Sở|Ủy ban|Ban|Văn phòng|Các|Đảng|Kho bạc|Công|Trung tâm|Đề nghị|"
                          r"Hội đồng|Huyện đoàn|Tỉnh đoàn)(?!\w)")
_TAIL = re.compile(r"(?:\s+(?:của|và|các|cho|tại|trong|với|về|đến|từ|ở|đối với|trên))+\s*$")
HEADS = ["Hoàn thành ", "Trình, phê duyệt ", "Tổ chức thực hiện ", "Xây dựng, trình ", "Hoàn thiện "]
WRAPPERS = ["Hướng dẫn, kiểm tra việc {x}", "Theo dõi, đôn đốc việc {x}", "Chủ trì, phối hợp {x}",
            "Tham mưu {x}", "Tổ chức {x}", "Phối hợp thực hiện {x}", "Cụ thể hóa nhiệm vụ {x}"]
SCOPES = [" trong lĩnh vực {f}", " thuộc phạm vi quản lý của ngành {f}", " của huyện", " trên địa bàn huyện",
          " tại các xã, thị trấn", " đối với lĩnh vực {f}"]
FIELDS = ["tài nguyên và môi trường", "văn hóa, thông tin", "nông nghiệp", "giáo dục", "y tế", "tư pháp",
          "tài chính", "nội vụ"]
BOILER_VERBS = ["Tổ chức tuyên truyền, phổ biến", "Đẩy mạnh công tác", "Tăng cường kiểm tra, giám sát công tác",
                "Nâng cao hiệu quả công tác", "Rà soát, đánh giá kết quả", "Tiếp tục triển khai thực hiện",
                "Xây dựng kế hoạch thực hiện", "Quán triệt, triển khai"]
UNRELATED = ["phòng, chống ma túy trong học đường", "bảo vệ và phát triển rừng", "bảo đảm an toàn tại các bến khách ngang sông",
             "dân số và kế hoạch hóa gia đình", "phòng, chống thiên tai và tìm kiếm cứu nạn",
             "xây dựng gia đình văn hóa, thôn văn hóa", "bình đẳng giới và vì sự tiến bộ của phụ nữ",
             "phòng cháy, chữa cháy tại khu dân cư", "tiêm chủng mở rộng cho trẻ em", "quản lý, bảo quản vũ khí thô sơ và công cụ hỗ trợ",
             "chi trả chính sách cho người có công", "phòng, chống bạo lực gia đình", "vệ sinh an toàn thực phẩm tại bếp ăn tập thể",
             "giảm nghèo bền vững ở các thôn đặc biệt khó khăn", "quản lý nhà nước về tôn giáo, tín ngưỡng",
             "tuyển chọn, gọi công dân nhập ngũ", "phòng, chống dịch tả lợn châu Phi"]
BOILER_TAILS = ["", " đến cán bộ, đảng viên và nhân dân", " trên địa bàn huyện", " bảo đảm kịp thời, hiệu quả",
                " năm 2025", " theo quy định", " của các cơ quan, đơn vị"]


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def swap_synonyms(text: str, rng: random.Random, most: int = 2) -> str:
    """Reword up to `most` administrative phrases (PARAPHRASES, not the classifier's lexicon)."""
    hits = [(a, b) for a, b in PARAPHRASES if re.search(rf"(?<!\w){re.escape(a)}(?!\w)", text, re.I)]
    for word, other in rng.sample(hits, min(len(hits), most)):
        text = re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", other, text, count=1, flags=re.I)
    return _cap(text)


def condense(text: str, rng: random.Random) -> str:
    """A short nominal item: the first clause's head action and object, figures and purpose dropped."""
    if _OWNER_FIRST.match(text):                      # "Sở X chủ trì …": owners are not condensed
        return restate(text, rng).rstrip(".")
    body = re.split(r";|:|\.\s", text.strip().rstrip("."))[0]
    body = _FIGURE.sub("", _CUT.sub("", _LEAD.sub("", body)))
    words = body.split()
    comma = next((i for i, w in enumerate(words) if w.endswith(",") and i >= 3), None)
    end = min(rng.randint(4, 10), comma + 1 if comma is not None and rng.random() < 0.6 else 99)
    while end < len(words) and (words[end][:1].isupper() or words[end][:1].isdigit() or
                                words[end] == "-" or words[end - 1] == "-" or
                                " ".join(words[:end]).count("(") > " ".join(words[:end]).count(")")):
        end += 1                                      # never stop inside a name or a bracket
    words = words[:end]
    body = _TAIL.sub("", " ".join(words).rstrip(",")).strip()
    named = next((i for i, w in enumerate(words[1:4], 1) if w[:1].isupper()), None)
    if named and rng.random() < 0.5:                  # "Xây dựng Kho dữ liệu …" → "Kho dữ liệu …"
        body = " ".join(body.split()[named:])
    elif rng.random() < 0.3:
        body = rng.choice(HEADS) + body[:1].lower() + body[1:]
    return _cap(body) if len(body.split()) >= 3 else restate(text, rng).rstrip(".")


def restate(text: str, rng: random.Random) -> str:
    """The task under another verb or scope."""
    body = text.strip().rstrip(".")
    if rng.random() < 0.5:
        body = rng.choice(WRAPPERS).format(x=body[:1].lower() + body[1:])
    if rng.random() < 0.6:
        body = _TAIL.sub("", re.split(r";", body)[0]) + rng.choice(SCOPES).format(f=rng.choice(FIELDS))
    return _cap(body) + "."


def hard_adapt(text: str, rng: random.Random) -> str:
    """One heavy rewording: condensed or restated, with synonyms swapped."""
    out = condense(text, rng) if rng.random() < 0.55 else restate(text, rng)
    return swap_synonyms(out, rng, rng.randint(1, 3))


def split(text: str, rng: random.Random) -> list[str] | None:
    """Two lower tasks from the clauses of one upper task, or None when it has one clause."""
    parts = [p.strip(" .") for p in text.split(";") if len(p.split()) >= 4]
    if len(parts) < 2:
        return None
    return [swap_synonyms(_cap(p) + ".", rng, 1) for p in parts[:2]]


def merge(first: str, second: str, rng: random.Random) -> str:
    """One lower task from two upper tasks, each condensed."""
    a, b = condense(first, rng), condense(second, rng)
    return f"{a}; {b[:1].lower() + b[1:]}."


def hard_negative(rng: random.Random) -> str:
    """A new task that shares only boilerplate words with the upper programme."""
    return f"{rng.choice(BOILER_VERBS)} {rng.choice(UNRELATED)}{rng.choice(BOILER_TAILS)}."
