"""Alignment: reordered clauses and partly copied items are caught; several upper tasks may count."""
from service.compare.align import align_pair, align_task, coverage, prepare, smith_waterman, traceback

import numpy as np


def units(*texts):
    vocab = {}
    return [prepare(f"t{i}", t, vocab) for i, t in enumerate(texts)]


UPPER = ("Tiếp tục hoàn thiện cơ chế phối hợp giữa các cơ quan trong quản lý, chia sẻ dữ liệu; "
         "khắc phục tình trạng cục bộ, khép kín dữ liệu của tỉnh.")


def test_smith_waterman_finds_the_common_run():
    a, b = np.array([9, 1, 2, 3, 8]), np.array([7, 7, 1, 2, 3, 7])
    score, pairs = traceback(smith_waterman(a, b), a, b)
    assert score == 6 and pairs == [(1, 2), (2, 3), (3, 4)]


def test_reordered_clauses_are_both_aligned():
    up, lo = units(UPPER, "Khắc phục tình trạng cục bộ, khép kín dữ liệu của huyện; tiếp tục hoàn thiện "
                          "cơ chế phối hợp giữa các cơ quan trong quản lý, chia sẻ dữ liệu.")
    pair = align_pair(lo, up, 0)
    assert coverage(lo, pair.lower_hits) == 1.0


def test_partial_copy_covers_only_the_copied_part():
    up, lo = units(UPPER, "Khắc phục tình trạng cục bộ, khép kín dữ liệu; lắp đặt camera giám sát tại "
                          "các trục giao thông chính của thị trấn Phố Lu.")
    share = coverage(lo, align_pair(lo, up, 0).lower_hits)
    assert 0.25 < share < 0.6


def test_unrelated_task_aligns_nothing():
    up, lo = units(UPPER, "Tổ chức Hội thi văn nghệ quần chúng chào mừng ngày thành lập Đảng.")
    assert not align_pair(lo, up, 0).lower_hits


def test_lower_task_drawing_on_two_upper_tasks():
    a, b, lo = units("Triển khai bệnh án điện tử tại các bệnh viện công lập tuyến tỉnh.",
                     "Triển khai thanh toán không dùng tiền mặt đối với 100% trường học, cơ sở y tế.",
                     "Triển khai bệnh án điện tử tại các bệnh viện công lập tuyến huyện; triển khai "
                     "thanh toán không dùng tiền mặt đối với 100% trường học, cơ sở y tế.")
    chosen = align_task(lo, [a, b], [0, 1])
    assert sorted(p.upper for p in chosen) == [0, 1]
