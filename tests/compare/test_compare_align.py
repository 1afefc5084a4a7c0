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


def test_batched_smith_waterman_equals_one_at_a_time():
    import numpy as np

    from service.compare.align import smith_waterman, smith_waterman_batch

    rng = np.random.default_rng(7)
    for _ in range(20):
        a = rng.integers(0, 6, rng.integers(1, 25))
        bs = [rng.integers(0, 6, rng.integers(1, 30)) for _ in range(3)]
        assert all(np.array_equal(h, smith_waterman(a, b)) for h, b in zip(smith_waterman_batch(a, bs), bs))


def test_shingle_index_equals_pairwise_containment():
    from service.compare.align import ShingleIndex, containment, prepare

    vocab: dict = {}
    uppers = [prepare(str(i), t, vocab) for i, t in enumerate([
        "Rà soát, sửa đổi các văn bản không còn phù hợp với chuyển đổi số.",
        "Xây dựng kho dữ liệu dùng chung của tỉnh.", "Tổ chức tập huấn kỹ năng số."])]
    lower = prepare("l", "Rà soát các văn bản không còn phù hợp; xây dựng kho dữ liệu dùng chung.", vocab)
    row = ShingleIndex(uppers).containment(lower)
    assert [round(x, 9) for x in row] == [round(containment(lower, u), 9) for u in uppers]
