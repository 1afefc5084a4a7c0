"""Synthetic upper/lower pairs with known copy labels, made from our own samples (corpora/samples).

An upper document's tasks become a lower plan: some are dropped, some copied with only level words,
numbering and dates changed (verbatim), some reworded or given a local owner, figure or deadline
(adapted), some heavily reworded as real plans do (condensed to a table-row item, restated under
other verbs or scope, split in two or merged: corpora/synthetic_hard.py, also adapted); local tasks
are added (new, some sharing only boilerplate words with the upper) and neighbours change places.
Deterministic per seed. Used to calibrate service/compare/thresholds.json and in tests and evaluation.

    python corpora/synthetic.py --show 0          # print the lower text of train pair 0
    python evaluation/compare.py --calibrate      # calibrate thresholds and model on the train split
"""
from __future__ import annotations

import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "corpora" / "samples"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from corpora import synthetic_hard as hard  # noqa: E402

UPPERS = {"tinh-uy-ctr-chuyen-doi-so": "province", "ubnd-kh-phan-cong": "province",
          "ubnd-chi-thi": "province", "huyen-uy-kh-chuyen-doi-so": "district"}
# More upper documents for the copy-check pairs: our own công văn, and the real uppers of the shared
# corpus (read from ../shared when it is there; never copied into the repository).
REAL = ROOT.parent / "shared" / "corpus" / "real" / "docs"
EXTRA_UPPERS = {"cong-van-trien-khai": (SAMPLES / "cong-van-trien-khai.txt", "province"),
                "real-B1": (REAL / "B1_NQ-10-NQ-TW_2022-02-10_BoChinhTri.txt", "central"),
                "real-D1": (REAL / "D1_CT-13-CT-TTg_2024-05-02_ThuTuong.txt", "central"),
                "real-H1": (REAL / "H1_CT-07-CT-TTg_2012_ThuTuong_fromDOCX.txt", "central")}
TRAIN_SEEDS, HELD_OUT_SEEDS = range(0, 6), range(100, 103)

# Level swaps, longest first; applied case-sensitively (capitalised forms listed apart).
LEVEL_SWAPS = {
    "central": [
        ("Bộ Chính trị", "Ban Thường vụ Tỉnh ủy"), ("Thủ tướng Chính phủ", "Chủ tịch Ủy ban nhân dân tỉnh"),
        ("Chính phủ", "Ủy ban nhân dân tỉnh"), ("các bộ, ngành", "các sở, ban, ngành"),
        ("Các bộ, ngành", "Các sở, ban, ngành"), ("các Bộ, cơ quan", "các sở, cơ quan"),
        ("Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương", "Ủy ban nhân dân các huyện, thị xã, thành phố"),
        ("các tỉnh, thành phố", "các huyện, thị xã, thành phố"), ("trung ương", "tỉnh"),
        ("cả nước", "toàn tỉnh"), ("toàn quốc", "toàn tỉnh"), ("quốc gia", "của tỉnh"),
    ],
    "province": [
        ("Chương trình hành động", "Kế hoạch"), ("chương trình hành động", "kế hoạch"),
        ("Ban cán sự đảng Ủy ban nhân dân tỉnh", "Đảng đoàn Ủy ban nhân dân huyện"),
        ("các sở, ban, ngành, đoàn thể tỉnh", "các phòng, ban, đoàn thể huyện"),
        ("các sở, ban, ngành", "các phòng, ban, ngành"), ("các sở, ngành, địa phương", "các phòng, ban, xã, thị trấn"),
        ("Ủy ban nhân dân các huyện, thị xã, thành phố", "Ủy ban nhân dân các xã, thị trấn"),
        ("các huyện, thị xã, thành phố", "các xã, thị trấn"),
        ("các huyện ủy, thành ủy, thị ủy, đảng ủy", "các chi bộ, đảng bộ cơ sở"),
        ("Sở Thông tin và Truyền thông", "Phòng Văn hóa và Thông tin"),
        ("Sở Kế hoạch và Đầu tư", "Phòng Tài chính - Kế hoạch"), ("Sở Tài chính", "Phòng Tài chính - Kế hoạch"),
        ("Sở Khoa học và Công nghệ", "Phòng Kinh tế và Hạ tầng"), ("Sở Nội vụ", "Phòng Nội vụ"),
        ("Sở Y tế", "Phòng Y tế"), ("Sở Giáo dục và Đào tạo", "Phòng Giáo dục và Đào tạo"),
        ("Sở Tài nguyên và Môi trường", "Phòng Tài nguyên và Môi trường"), ("Sở Xây dựng", "Phòng Kinh tế và Hạ tầng"),
        ("Sở Giao thông vận tải", "Phòng Kinh tế và Hạ tầng"), ("Kho bạc Nhà nước tỉnh", "Kho bạc Nhà nước huyện"),
        ("Tỉnh ủy", "Huyện ủy"), ("tỉnh ủy", "huyện ủy"), ("TỈNH ỦY", "HUYỆN ỦY"),
        ("tỉnh Lào Cai", "huyện Bảo Thắng"), ("Lào Cai", "Bảo Thắng"),
        ("cấp tỉnh", "cấp huyện"), ("tỉnh", "huyện"), ("Tỉnh", "Huyện"),
    ],
    "district": [
        ("Kế hoạch", "Kế hoạch"), ("Huyện ủy", "Đảng ủy xã"), ("huyện ủy", "đảng ủy xã"),
        ("các chi bộ, đảng bộ cơ sở", "các chi bộ thôn"), ("các phòng, ban, xã, thị trấn", "các ban, ngành, thôn"),
        ("Phòng Văn hóa và Thông tin", "Công chức Văn hóa - Xã hội"), ("Phòng Giáo dục và Đào tạo", "các trường học"),
        ("Phòng Tư pháp", "Công chức Tư pháp - Hộ tịch"), ("Phòng Kinh tế và Hạ tầng", "Công chức Địa chính - Xây dựng"),
        ("huyện Bảo Thắng", "xã Phong Niên"), ("Bảo Thắng", "Phong Niên"), ("cấp huyện", "cấp xã"),
        ("huyện", "xã"), ("Huyện", "Xã"), ("HUYỆN", "XÃ"),
    ],
}
SYNONYMS = hard.PARAPHRASES          # rewordings of our own, never the classifier's lexicon
OWNERS = ["Phòng Nội vụ", "Phòng Văn hóa và Thông tin", "Phòng Tài chính - Kế hoạch",
          "Văn phòng HĐND và UBND huyện", "Trung tâm Văn hóa, Thể thao và Truyền thông huyện",
          "Phòng Tài nguyên và Môi trường", "Công an huyện", "Phòng Kinh tế và Hạ tầng"]
FIGURES = ["tại ít nhất {n} xã, thị trấn", "cho {n} hộ gia đình", "với ít nhất {n} lượt người tham gia",
           "đạt tối thiểu {n}%", "tại {n} thôn, tổ dân phố"]
DEADLINES = ["hoàn thành trước ngày 30/6/{y}", "hoàn thành trong quý III/{y}", "trước ngày 15/10/{y}",
             "hoàn thành trong năm {y}"]
NEW_TASKS = [
    "Tổ chức Hội thi tìm hiểu về chuyển đổi số cho đoàn viên thanh niên các xã trong quý II/2025.",
    "Xây dựng mô hình \"Chợ 4.0\" thanh toán không dùng tiền mặt tại chợ trung tâm thị trấn Phố Lu.",
    "Lắp đặt 12 điểm truy cập Internet không dây miễn phí tại nhà văn hóa các thôn vùng cao.",
    "Thành lập Tổ công tác hỗ trợ người cao tuổi sử dụng ứng dụng VNeID tại 15 xã, thị trấn.",
    "Số hóa hồ sơ, tài liệu lưu trữ của Lưu trữ lịch sử huyện giai đoạn 1990 - 2010.",
    "Hỗ trợ nông dân trồng chuối, dứa đăng ký mã QR truy xuất nguồn gốc cho ít nhất 300 ha.",
    "Tổ chức diễn tập ứng cứu sự cố an toàn thông tin mạng cấp huyện mỗi năm một lần.",
    "Biên soạn tài liệu hướng dẫn kỹ năng số bằng tiếng Mông, tiếng Dao cho người dân.",
    "Xây dựng bản đồ số du lịch cộng đồng tại các bản Nậm Tôn, Cốc Lầu, Tả Thàng.",
    "Bố trí 200 triệu đồng mỗi năm từ ngân sách xã để duy trì hoạt động Tổ công nghệ số cộng đồng.",
    "Kiện toàn bộ phận một cửa cấp xã theo hướng hiện đại, bố trí máy tính tra cứu cho người dân.",
    "Phối hợp với Bưu điện huyện đưa sản phẩm quế, chè của các hợp tác xã lên sàn Postmart.",
    "Tổ chức tập huấn sử dụng chữ ký số cho 100% cán bộ chủ chốt cấp xã trong tháng 5/2025.",
    "Đầu tư hệ thống phòng họp trực tuyến kết nối đến 15 xã, thị trấn trước ngày 31/12/2025.",
    "Vận động các hộ kinh doanh tại thị trấn Tằng Loỏng sử dụng hóa đơn điện tử khởi tạo từ máy tính tiền.",
    "Mở chuyên mục hỏi đáp về thủ tục hành chính trực tuyến trên trang tin điện tử của huyện.",
]


@dataclass
class Pair:
    """One synthetic pair: the upper sample, the generated lower text and its labels."""

    name: str
    upper: Path
    lower_text: str
    labels: list[dict] = field(default_factory=list)   # {"quote", "copy", "upper_quote"}


def level_swap(text: str, level: str = "province") -> str:
    """Swap the upper level's words for the lower level's (tỉnh → huyện, Sở → Phòng …)."""
    swaps = LEVEL_SWAPS[level]
    pattern = re.compile("|".join(rf"(?<!\w){re.escape(a)}(?!\w)" for a, _ in swaps))
    table = dict(swaps)
    return pattern.sub(lambda m: table[m.group()], text)


def shift_dates(text: str, rng: random.Random) -> str:
    """Move dd/mm/yyyy dates a little, as a lower level sets its own dates."""
    def move(m: re.Match) -> str:
        day = min(28, max(1, int(m.group(1)) - rng.randint(0, 10)))
        return f"{day:02d}/{m.group(2)}/{m.group(3)}"
    return re.sub(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b", move, text)


def reword(text: str, rng: random.Random) -> str:
    """Swap one or two phrases for synonyms and sometimes put the clauses in another order."""
    hits = [(a, b) for a, b in SYNONYMS if a in text.lower()]
    for a, b in rng.sample(hits, min(len(hits), rng.randint(1, 2))):
        text = re.sub(re.escape(a), b, text, count=1, flags=re.I)
    clauses = [c.strip() for c in text.rstrip(".").split(";") if c.strip()]
    if len(clauses) > 1 and rng.random() < 0.5:
        rng.shuffle(clauses)
        text = "; ".join(c[0].upper() + c[1:] if i == 0 else c[0].lower() + c[1:]
                         for i, c in enumerate(clauses)) + "."
    return text[0].upper() + text[1:]


def add_detail(text: str, rng: random.Random) -> str:
    """Add a local owner, figure or deadline (the wanted cụ thể hóa), one or two of them."""
    body = text.rstrip(". ")
    kinds = rng.sample(["owner", "figure", "deadline"], rng.randint(1, 2))
    if "figure" in kinds:
        body += " " + rng.choice(FIGURES).format(n=rng.choice([5, 7, 12, 15, 20, 85, 90, 300]))
    if "deadline" in kinds:
        body += "; " + rng.choice(DEADLINES).format(y=rng.choice([2025, 2026]))
    if "owner" in kinds:
        owner = rng.choice(OWNERS)
        body = (f"{owner} chủ trì: {body[0].lower()}{body[1:]}" if rng.random() < 0.5
                else f"{body}; {owner} chủ trì thực hiện")
    return body + "."


def _lower_task(text: str, rng: random.Random, level: str) -> tuple[str, str] | None:
    """(lower text, label) for one upper task, or None when dropped: the mild rewordings only
    (kept as they were for corpora/archive.py and archive_gen.py)."""
    roll = rng.random()
    swapped = shift_dates(level_swap(text, level), rng)
    if roll < 0.2:
        return None
    if roll < 0.55:
        return swapped, "verbatim"
    if roll < 0.75:
        return add_detail(swapped, rng), "adapted"
    if roll < 0.88:
        return reword(swapped, rng), "adapted"
    return add_detail(reword(swapped, rng), rng), "adapted"


def _lower_tasks(text: str, rng: random.Random, level: str) -> list[tuple[str, str]]:
    """(lower text, label) pairs for one upper task: none when dropped, two when split."""
    roll = rng.random()
    swapped = shift_dates(level_swap(text, level), rng)
    if roll < 0.2:
        return []
    if roll < 0.5:
        return [(swapped, "verbatim")]
    if roll < 0.64:
        return [(add_detail(swapped, rng), "adapted")]
    if roll < 0.72:
        made = reword(swapped, rng)
        return [(made, "adapted" if made != swapped else "verbatim")]
    if roll < 0.78:
        return [(add_detail(reword(swapped, rng), rng), "adapted")]
    if roll < 0.83 and (parts := hard.split(swapped, rng)):
        return [(p, "adapted") for p in parts]
    made = hard.hard_adapt(swapped, rng)
    return [(add_detail(made, rng) if rng.random() < 0.3 else made, "adapted")]


def make_pair(upper_name: str, seed: int) -> Pair:
    """The lower plan generated from sample `upper_name` with random seed `seed`."""
    from service.pipeline import analyze_file

    rng = random.Random(f"{upper_name}:{seed}")
    upper, level = EXTRA_UPPERS.get(upper_name) or (SAMPLES / f"{upper_name}.txt", UPPERS[upper_name])
    labels = []
    tasks = analyze_file(upper).tasks
    merged_next = False
    for k, task in enumerate(tasks):
        text = " ".join(task.text.split())
        if merged_next:
            merged_next = False
            continue
        if k + 1 < len(tasks) and rng.random() < 0.05:      # two upper tasks merged into one
            merged = hard.merge(level_swap(text, level), level_swap(tasks[k + 1].text, level), rng)
            labels.append({"quote": merged, "copy": "adapted", "upper_quote": task.text})
            merged_next = True
            continue
        for quote, label in _lower_tasks(text, rng, level):
            if len(quote) > 15:
                labels.append({"quote": quote, "copy": label, "upper_quote": task.text})
    news = rng.sample(NEW_TASKS, rng.randint(2, 4)) + [hard.hard_negative(rng) for _ in range(rng.randint(1, 3))]
    for text in news:
        labels.insert(rng.randrange(len(labels) + 1), {"quote": text, "copy": "new", "upper_quote": None})
    for i in range(0, len(labels) - 1, 2):           # renumber: neighbours change places
        if rng.random() < 0.3:
            labels[i], labels[i + 1] = labels[i + 1], labels[i]
    return Pair(f"{upper_name}@{seed}", upper, render(labels, level), labels)


def render(labels: list[dict], level: str) -> str:
    """A lower plan in the samples' TXT convention, one task per numbered item."""
    issuer = {"central": "ỦY BAN NHÂN DÂN TỈNH LÀO CAI", "province": "HUYỆN ỦY BẢO THẮNG"}.get(
        level, "ĐẢNG ỦY XÃ PHONG NIÊN")
    lines = [f"{issuer} | ĐẢNG CỘNG SẢN VIỆT NAM", "* | ",
             "Số 90-KH/HU | Bảo Thắng, ngày 03 tháng 3 năm 2025", "", "KẾ HOẠCH",
             "thực hiện chương trình, kế hoạch của cấp trên", "", "I. NHIỆM VỤ, GIẢI PHÁP"]
    lines += [f"{i}. {item['quote']}" for i, item in enumerate(labels, 1)]
    lines += ["", "Nơi nhận: | T/M BAN THƯỜNG VỤ", "- Như trên, | BÍ THƯ", "- Lưu. | Nguyễn Văn A"]
    return "\n".join(lines) + "\n"


def upper_names() -> list[str]:
    """Every upper the copy-check pairs use: our samples, and the real uppers when present."""
    return list(UPPERS) + [n for n, (path, _) in EXTRA_UPPERS.items() if path.exists()]


def dataset(split: str) -> list[Pair]:
    """Pairs of the `train` or `held_out` split (seeds differ; the same upper documents)."""
    seeds = TRAIN_SEEDS if split == "train" else HELD_OUT_SEEDS
    return [make_pair(name, seed) for name in upper_names() for seed in seeds]


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--show", type=int, help="print the lower text of train pair N")
    args = parser.parse_args()
    if args.show is not None:
        print(dataset("train")[args.show].lower_text)
