"""Content-word overlap, the adapted-vs-new model and the hard synthetic rewordings."""
import random
import sys
from pathlib import Path

import numpy as np

from service.compare import compare
from service.compare.classify import Thresholds, decide
from service.compare.content_words import ContentIndex, canonical, terms
from service.compare.logit import Logit, fit
from service.pipeline import analyze_text

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from corpora import synthetic_hard as hard  # noqa: E402

from .conftest import UPPER_TASKS, plan  # noqa: E402

KHO = ("Xây dựng Kho dữ liệu dùng chung của tỉnh, bảo đảm kết nối, chia sẻ dữ liệu giữa các cơ quan "
       "nhà nước nhằm phục vụ chỉ đạo, điều hành; hoàn thành trong năm 2026.")


def _classes(lower_tasks):
    upper = analyze_text(plan("TỈNH ỦY LÀO CAI", "41-CTr/TU", "CHƯƠNG TRÌNH HÀNH ĐỘNG", UPPER_TASKS + [KHO]))
    lower = analyze_text(plan("HUYỆN ỦY BẢO THẮNG", "1-KH/HU", "KẾ HOẠCH", lower_tasks))
    return [i.class_ for i in compare(lower, upper, semantic=False).items]


def test_condensed_table_row_is_adapted():
    assert _classes(["Kho dữ liệu dùng chung của huyện",
                     "Đánh giá, sửa đổi văn bản cản trở chuyển đổi số"]) == ["adapted", "adapted"]


def test_unrelated_task_sharing_boilerplate_is_new():
    assert _classes(["Tổ chức tuyên truyền, phổ biến Luật Phòng, chống ma túy đến cán bộ, đảng viên và nhân dân.",
                     "Đẩy mạnh công tác phòng cháy, chữa cháy tại khu dân cư trên địa bàn huyện."]) == ["new", "new"]


def test_synonyms_read_alike_and_boilerplate_is_flagged():
    words, flags = canonical("tổ chức thực hiện tuyên truyền".split())
    assert words[:2] == ["triển", "khai"] and all(flags)
    assert terms("Phổ biến Luật Khoáng sản").keys() == terms("Tuyên truyền Luật Khoáng sản").keys()


def test_idf_makes_shared_boilerplate_count_little():
    index = ContentIndex(["Tăng cường tuyên truyền về chuyển đổi số.", "Tăng cường tuyên truyền về an toàn thông tin.",
                          "Hoàn thành Dự án Luật Thủy lợi sửa đổi, trình Quốc hội xem xét."])
    assert index.scores("Dự án Luật Thủy lợi (sửa đổi)").max() > 0.9
    assert index.scores("Tăng cường tuyên truyền phòng, chống ma túy").max() < 0.3


def test_model_decides_after_the_verbatim_rule():
    model = Logit(("lexical", "content"), (3.0, 5.0), -3.0, 0.5)
    th = Thresholds(verbatim=0.9, adapted=0.5, model=model)
    assert decide(1.0, 0.95, None, False, th, {"lexical": 1.0, "content": 1.0}) == "verbatim"
    assert decide(0.1, 0.1, None, False, th, {"lexical": 0.1, "content": 0.8}) == "adapted"
    assert decide(0.3, 0.2, None, False, th, {"lexical": 0.3, "content": 0.1}) == "new"
    assert "w_content" in th.as_dict()


def test_fit_separates_the_classes():
    x = np.array([[0.1], [0.2], [0.8], [0.9]])
    weights, bias = fit(x, np.array([0.0, 0.0, 1.0, 1.0]))
    model = Logit(("content",), tuple(weights), bias)
    assert model.prob({"content": 0.9}) > 0.5 > model.prob({"content": 0.1})


def test_hard_rewordings():
    rng = random.Random(1)
    long = ("Tiếp tục xây dựng Kho dữ liệu dùng chung của huyện, bảo đảm kết nối, chia sẻ dữ liệu giữa "
            "các cơ quan nhằm phục vụ chỉ đạo, điều hành; hoàn thành trong năm 2026.")
    short = hard.condense(long, rng)
    assert len(short.split()) < len(long.split()) / 2 and "Kho dữ liệu" in short
    assert hard.split("Rà soát các văn bản của huyện; ban hành quy chế chia sẻ dữ liệu mới.", rng) and \
        len(hard.split("Rà soát các văn bản của huyện; ban hành quy chế chia sẻ dữ liệu mới.", rng)) == 2
    negative = hard.hard_negative(rng)
    assert ContentIndex([long]).scores(negative).max() < 0.3
