"""The scorer's pairing of gold tasks with predicted items (evaluation/score.py)."""
from types import SimpleNamespace

from evaluation.score import Scores, match_tasks, score_targets, similarity


def _pred(*texts):
    return [SimpleNamespace(text=t) for t in texts]


def test_a_quote_carried_whole_keeps_its_item():
    # the first gold quote shares most of its words with the second item but is carried by none; it must not
    # take that item from the second quote, which the item carries whole
    gold = [{"quote": "Nâng cấp các trường trung cấp công đoàn vào hệ thống giáo dục quốc dân."},
            {"quote": "Các trường trung cấp công đoàn hoạt động đúng quy chế của hệ thống giáo dục quốc dân."}]
    pred = _pred("Bồi dưỡng cán bộ công đoàn hằng năm.",
                 "Các trường trung cấp công đoàn hoạt động đúng quy chế của hệ thống giáo dục quốc dân.")
    assert similarity(gold[0]["quote"], pred[1].text) > 0.5
    pairs = match_tasks(gold, pred)
    assert pairs[1] == (gold[1], pred[1])
    assert pairs[0] == (gold[0], None)
    assert (None, pred[0]) in pairs


def test_each_side_is_used_once_and_unmatched_predictions_follow():
    gold = [{"quote": "Sở Tài chính thẩm định dự toán."}, {"quote": "Sở Tài chính thẩm định dự toán."}]
    pred = _pred("Sở Tài chính thẩm định dự toán.", "Sở Xây dựng cấp phép.")
    pairs = match_tasks(gold, pred)
    assert pairs[:2] == [(gold[0], pred[0]), (gold[1], None)]
    assert pairs[2:] == [(None, pred[1])]


def test_targets_of_one_value_pair_with_the_quote_they_carry():
    # two gold targets of 12.000: the first (hectares) shares enough words with the predicted tonnes listed
    # first to take them, though the second quotes them exactly; first-fit then left the second unmatched and
    # the hectares spurious
    gold = [{"value": 12000, "quote": "diện tích chè đạt 12.000 ha"},
            {"value": 12000, "quote": "sản lượng búp tươi thu hoạch bình quân mỗi năm đạt 12.000 tấn"}]
    doc = SimpleNamespace(targets=[SimpleNamespace(value=12000.0, text=gold[1]["quote"]),
                                   SimpleNamespace(value=12000.0, text=gold[0]["quote"])])
    assert similarity(gold[0]["quote"], doc.targets[0].text) >= 0.3
    scores = Scores()
    score_targets(gold, doc, scores)
    tally = scores.tallies["targets"]
    assert (tally.tp, tally.fp, tally.fn) == (2, 0, 0)


def test_targets_pair_as_many_as_can_be_paired():
    # both gold quotes are carried whole by the longer prediction; pairing it with the first gold quote would
    # leave the second with nothing, though the shorter prediction carries the first
    gold = [{"value": 500, "quote": "trồng mới 500 ha rừng"},
            {"value": 500, "quote": "trồng mới 500 ha rừng sản xuất tập trung bằng cây gỗ lớn"}]
    doc = SimpleNamespace(targets=[
        SimpleNamespace(value=500.0, text="Đến năm 2030, trồng mới 500 ha rừng sản xuất tập trung bằng cây gỗ lớn"),
        SimpleNamespace(value=500.0, text="500 ha rừng ngập mặn ven biển")])
    scores = Scores()
    score_targets(gold, doc, scores)
    tally = scores.tallies["targets"]
    assert (tally.tp, tally.fp, tally.fn) == (2, 0, 0)
